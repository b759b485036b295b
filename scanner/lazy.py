"""Package exports loaded on first use: `import scanner.register.model` must not pull in sqlite3,
python-stdnum or Flask, yet `from scanner.register import Register` should work."""
from __future__ import annotations

import importlib
from typing import Any, Callable


def lazy_exports(package: str, api: dict[str, str]) -> tuple[Callable[[str], Any], list[str]]:
    """A module `__getattr__` serving `api` (name → module that defines it), and `__all__`."""

    def __getattr__(name: str) -> Any:
        if name not in api:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(api[name]), name)

    return __getattr__, sorted(api)
