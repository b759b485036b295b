"""The document templates, registered by group. Importing this package registers them all."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..builder import DocBuilder


@dataclass(frozen=True)
class Template:
    name: str
    group: str
    render: Callable[[DocBuilder], None]
    messy: bool
    no_pii: bool


TEMPLATES: list[Template] = []


def template(group: str, messy: bool = False, no_pii: bool = False):
    """Register a render function as a template of `group`; its name is the function's name."""
    def register(fn: Callable[[DocBuilder], None]) -> Callable[[DocBuilder], None]:
        TEMPLATES.append(Template(fn.__name__, group, fn, messy, no_pii))
        return fn
    return register


from . import case_notes, letters, messages, no_pii  # noqa: E402,F401  (registers the templates)
