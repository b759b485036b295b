"""Failed sign-ins slow an attacker down: after `per_name` failures for one name (or `per_address`
from one address) within `window` seconds, further attempts are refused until the oldest of
those failures is older than the window. A success clears the name's failures.

Kept in memory: the page runs as one process, and a restart forgetting failures costs an
attacker a restart they cannot trigger. Every name counts, known or not, so the refusal says
nothing about which names exist.
"""
from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable


class FailedLogins:
    def __init__(self, per_name: int = 5, per_address: int = 30, window: float = 15 * 60,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_name, self.per_address, self.window, self._clock = per_name, per_address, window, clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def retry_after(self, name: str, address: str | None) -> int:
        """Seconds until `name` from `address` may try again; 0: now."""
        with self._lock:
            now = self._clock()
            waits = [self._wait(_name_key(name), self.per_name, now),
                     self._wait(_address_key(address), self.per_address, now)]
        return max(waits)

    def failed(self, name: str, address: str | None) -> None:
        with self._lock:
            now = self._clock()
            for key in (_name_key(name), _address_key(address)):
                self._failures[key].append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(_name_key(name), None)

    def _wait(self, key: str, limit: int, now: float) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[key]
            return 0
        if len(times) < limit:
            return 0
        return max(1, math.ceil(times[-limit] + self.window - now))


def _name_key(name: str) -> str:
    return "name:" + name.strip().casefold()  # names are matched without case in the user database


def _address_key(address: str | None) -> str:
    return "address:" + (address or "?")
