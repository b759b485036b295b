"""ShareGuard: find personal data and safeguarding concerns in outgoing documents, and decide.

Importing this package first makes every dependency work offline (see `scanner.offline`).
The public API is loaded on first use, so `import scanner` stays cheap:

    from scanner import Scanner, ShareRequest, load_config
    with Scanner(load_config()) as engine:
        outcome = engine.check("referral.docx", ShareRequest(recipient="kent-front-door"))
"""
from scanner import offline as _offline  # noqa: F401  (must run before presidio is imported)

_API = {
    "Scanner": "scanner.pipeline",
    "load_config": "scanner.config",
    "Config": "scanner.config",
    "ShareRequest": "scanner.types",
    "Outcome": "scanner.types",
    "Decision": "scanner.types",
    "Document": "scanner.types",
    "Finding": "scanner.types",
    "Action": "scanner.types",
    "extract_file": "scanner.extract",
}
__all__ = sorted(_API)


def __getattr__(name: str):  # noqa: ANN202
    if name not in _API:
        raise AttributeError(f"module 'scanner' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_API[name]), name)
