"""The review web page (`shareguard review serve`): a Flask app over the review queue and the
audit trail for the DSL and the IG lead, on 127.0.0.1 by default. `users` (accounts, scrypt
hashes, sessions) needs no Flask; the rest is loaded on first use."""
from __future__ import annotations

from scanner.lazy import lazy_exports

_API = {
    "create_app": "scanner.web.app",
    "Users": "scanner.web.users",
    "User": "scanner.web.users",
    "UserError": "scanner.web.users",
}
__getattr__, __all__ = lazy_exports(__name__, _API)
