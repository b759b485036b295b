"""Safeguarding concerns in 13 categories, each affirmed, negated or hypothetical: see `detector`.

Importing the package registers the detector."""
from __future__ import annotations

from scanner.detectors.safeguarding.detector import SafeguardingDetector

__all__ = ["SafeguardingDetector"]
