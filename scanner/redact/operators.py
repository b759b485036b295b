"""presidio-anonymizer operators: each distinct value is turned into its replacement once.

Calling the operator once per value (not once per mention) is what makes a document's
replacements consistent: presidio's `encrypt` uses a fresh IV on every call, so two calls
on "Sofia Rossi" give two tokens, but every mention of it in one document gets the same one.
The AnonymizerEngine is built on first use: presidio-anonymizer takes about a second to
import, which only a redaction should pay.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from scanner.config_redaction import KeySource, OperatorSpec

if TYPE_CHECKING:
    from presidio_anonymizer import AnonymizerEngine

KEY_LENGTHS = (16, 24, 32)
ENCRYPTED_PREFIX = "[enc:"


class KeyUnavailable(Exception):
    """`encrypt` was chosen but the DSL's key cannot be read (or is not an AES key)."""


@lru_cache(maxsize=1)
def _engine() -> "AnonymizerEngine":
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


def load_key(source: KeySource, config_dir: Path | None) -> str:
    """The pseudonymisation key: from the environment variable, else the file."""
    key = os.environ.get(source.env, "") if source.env else ""
    if not key and source.file:
        path = Path(source.file).expanduser()
        if not path.is_absolute() and config_dir is not None:
            path = config_dir / path
        try:
            key = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise KeyUnavailable(f"the pseudonymisation key file {path} cannot be read ({exc.strerror})") from None
    if not key:
        where = " or ".join(w for w in (source.env and f"${source.env}", source.file) if w) or "nowhere"
        raise KeyUnavailable(f"the pseudonymisation key is not set ({where})")
    if len(key.encode("utf-8")) not in KEY_LENGTHS:
        raise KeyUnavailable("the pseudonymisation key must be 16, 24 or 32 characters long")
    return key


def apply(value: str, type_: str, spec: OperatorSpec, label: str, key: str | None = None) -> str:
    """What replaces `value`. `label` is the readable placeholder ("[Child A]", "[NHS number]")."""
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    name, params = spec.operator, spec.params()
    if name == "pseudonym":
        name, params = "replace", {"new_value": label}
    elif name == "replace":
        params = {"new_value": spec.new_value if spec.new_value is not None else label}
    elif name == "encrypt":
        if key is None:
            raise KeyUnavailable("the pseudonymisation key was not loaded")
        params = {"key": key}
    result = _engine().anonymize(
        text=value,
        analyzer_results=[RecognizerResult(entity_type=type_, start=0, end=len(value), score=1.0)],
        operators={type_: OperatorConfig(name, params)},
    )
    return f"{ENCRYPTED_PREFIX}{result.text}]" if name == "encrypt" else result.text


def reveal(token: str, key: str) -> str:
    """The original value of an "[enc:…]" token, for the DSL who holds the key."""
    from presidio_anonymizer import DeanonymizeEngine
    from presidio_anonymizer.entities import OperatorConfig, OperatorResult

    body = token.removeprefix(ENCRYPTED_PREFIX).removesuffix("]")
    result = DeanonymizeEngine().deanonymize(
        text=body, entities=[OperatorResult(start=0, end=len(body), entity_type="VALUE")],
        operators={"DEFAULT": OperatorConfig("decrypt", {"key": key})},
    )
    return result.text
