"""The review web page (`shareguard review serve`): a Flask app over the review queue and the
audit trail for the DSL and the IG lead, on 127.0.0.1 by default. `users` (accounts, scrypt
hashes, sessions) needs no Flask; the rest is loaded on first use."""
from __future__ import annotations

import importlib
from typing import Any

_API = {
    "create_app": "scanner.web.app",
    "Users": "scanner.web.users",
    "User": "scanner.web.users",
    "UserError": "scanner.web.users",
}
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'scanner.web' has no attribute {name!r}")
    return getattr(importlib.import_module(_API[name]), name)
