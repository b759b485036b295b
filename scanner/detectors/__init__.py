"""Detectors: one module per family, registered in `registry` (built-ins and plugins alike)."""
from __future__ import annotations

import importlib

BUILTIN_MODULES = (
    "uk_nhs", "uk_nino", "uk_upn", "uk_postcode", "uk_other", "phone", "generic",
    "dob", "age", "address", "case_reference", "school", "names", "table",
    "safeguarding", "practice", "special_category",
)


def load_builtins() -> None:
    """Import the built-in detector modules so that they register themselves."""
    for module in BUILTIN_MODULES:
        importlib.import_module(f"scanner.detectors.{module}")
