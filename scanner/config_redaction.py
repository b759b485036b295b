"""`config/redaction.yaml`: what replaces each removed value, and where the pseudonymisation key is.

Replacements are presidio-anonymizer operators chosen per type. The default is a readable,
consistent placeholder ("[Child A]" for every mention of the same child, "[NHS number]" for
an identifier); `encrypt` gives reversible pseudonymisation with a key only the DSL holds.
The key itself is never in the config (nor in the repository): the config names the
environment variable or the file it is read from when a redaction needs it.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from scanner.config_base import Strict

OPERATORS = ("pseudonym", "replace", "encrypt", "hash", "mask", "redact")


class OperatorSpec(Strict):
    """One presidio-anonymizer operator and its parameters.

    `pseudonym`: ShareGuard's consistent label per person ("[Child A]"), made with `replace`.
    `replace`: `new_value`, or "[<type in words>]" when it is not given.
    `encrypt`: AES with the DSL's key, written as "[enc:<token>]"; reversible (`scanner.redact.operators.reveal`).
    `hash`, `mask`, `redact`: presidio's operators (`redact` leaves nothing in place of the value).
    """

    operator: Literal["pseudonym", "replace", "encrypt", "hash", "mask", "redact"] = "replace"
    new_value: str | None = None
    masking_char: str = Field("*", min_length=1, max_length=1)
    chars_to_mask: int = Field(100, ge=1)
    from_end: bool = False
    hash_type: Literal["sha256", "sha512"] = "sha256"

    def params(self) -> dict[str, object]:
        if self.operator == "mask":
            return {"masking_char": self.masking_char, "chars_to_mask": self.chars_to_mask, "from_end": self.from_end}
        if self.operator == "hash":
            return {"hash_type": self.hash_type}
        return {}


class KeySource(Strict):
    """Where the pseudonymisation key is read from: an environment variable, else a file.

    A relative `file` is read from the config directory. The key is 16, 24 or 32 characters
    (AES-128/192/256).
    """

    env: str | None = "SHAREGUARD_REDACTION_KEY"
    file: str | None = None


class RedactionConfig(Strict):
    default: OperatorSpec = OperatorSpec()
    types: dict[str, OperatorSpec] = {"PERSON": OperatorSpec(operator="pseudonym")}
    # The word a person's label starts with, by their register role ("unknown": not in the register).
    roles: dict[str, str] = {
        "child": "Child", "young_person": "Child", "parent": "Adult", "carer": "Adult", "relative": "Adult",
        "adult": "Adult", "referrer": "Person", "professional": "Person", "other": "Person", "unknown": "Person",
    }
    key: KeySource = KeySource()
    # Zip archives: `recurse` redacts every member with its own format's writer; `refuse` blocks.
    archives: Literal["recurse", "refuse"] = "recurse"

    @field_validator("types")
    @classmethod
    def _type_names(cls, value: dict[str, OperatorSpec]) -> dict[str, OperatorSpec]:
        for name in value:
            if not name.replace("_", "").isalnum() or name.upper() != name:
                raise ValueError(f"type {name!r}: types are written in capitals, like UK_NHS")
        return value

    @field_validator("roles")
    @classmethod
    def _role_words(cls, value: dict[str, str]) -> dict[str, str]:
        for role, word in value.items():
            if not word.strip() or any(c in word for c in "[]<>"):
                raise ValueError(f"role {role!r}: the label word must be plain text (got {word!r})")
        return value

    def operator_for(self, type_: str) -> OperatorSpec:
        return self.types.get(type_, self.default)

    def role_word(self, role: str) -> str:
        return self.roles.get(role, self.roles.get("unknown", "Person"))
