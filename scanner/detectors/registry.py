"""The detector catalogue: built-ins and plugins register the same way, config switches them."""
from __future__ import annotations

from typing import Any, Callable

import catalogue

from scanner.detectors.base import Detector

detectors = catalogue.create("shareguard", "detectors", entry_points=True)
recognizers = catalogue.create("shareguard", "recognizers", entry_points=True)


def register_detector(name: str) -> Callable[[type], type]:
    """Register a Detector class (not an instance) under `name`."""

    def wrap(cls: type) -> type:
        if not isinstance(cls, type):
            raise ValueError(f"register_detector({name!r}) expects a class, got {cls!r}")
        detectors.register(name, func=cls)
        return cls

    return wrap


def register_recognizer(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a factory returning Presidio recognizers, run by the one Presidio adapter."""

    def wrap(factory: Callable[..., Any]) -> Callable[..., Any]:
        recognizers.register(name, func=factory)
        return factory

    return wrap


def detector_names() -> list[str]:
    return sorted(set(detectors.get_all()) | set(recognizers.get_all()))


def build_detector(name: str, **params: Any) -> Detector:
    return detectors.get(name)(**params)
