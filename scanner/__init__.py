"""ShareGuard: find personal data and safeguarding concerns in outgoing documents, and decide.

Importing this package first makes every dependency work offline (see `scanner.offline`).
"""
from scanner import offline as _offline  # noqa: F401  (must run before presidio is imported)
