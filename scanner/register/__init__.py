"""The consent and legal-basis register: records (`model`), the SQLite store, CSV import/export.

The records are imported by the decision on every run; the store (sqlite3, python-stdnum) and
the CSV code load only when first asked for, so `import scanner.register.model` stays cheap.
"""
from __future__ import annotations

from scanner.lazy import lazy_exports

_API = {
    "Person": "scanner.register.model",
    "Consent": "scanner.register.model",
    "Agreement": "scanner.register.model",
    "RegisterView": "scanner.register.model",
    "Register": "scanner.register.store",
    "consent_status": "scanner.register.store",
    "RegisterError": "scanner.register.errors",
    "RegisterFileError": "scanner.register.errors",
    "import_csv": "scanner.register.csvio",
    "export_csv": "scanner.register.csvio",
    "parse_date": "scanner.register.csvio",
    "KINDS": "scanner.register.csvio",
}
__getattr__, __all__ = lazy_exports(__name__, _API)
