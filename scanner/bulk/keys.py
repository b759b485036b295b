"""The index key and the keyed hashes that stand for the values a bulk scan finds.

An index never holds a name or an identifier, only HMAC-SHA256(key, type + value) of its
normalised form, so that `find` can ask "is this NHS number in that document?" without the
index being able to answer "which NHS numbers are there?" to anyone who lacks the key. The key
is 32 random bytes created on first use, owner-only, and kept outside the output directory.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from scanner.bulk.errors import BulkError
from scanner.dates import parse_date
from scanner.link import fold

KEY_BYTES = 32
HASH_HEX = 32  # HMAC-SHA256 truncated to 128 bits: no collisions in any archive, half the index size
ENV_KEY = "SHAREGUARD_INDEX_KEY"
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# How each type's value is compared: identifiers without spaces and punctuation, in capitals.
_COMPACT = {"UK_NHS", "UK_UPN", "UK_NINO", "CASE_REFERENCE", "UK_POSTCODE", "PHONE_NUMBER",
            "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_TAX_REFERENCE", "UK_VEHICLE_REGISTRATION", "IBAN_CODE",
            "CREDIT_CARD"}
DATES = {"DATE_OF_BIRTH"}
NAMES = {"PERSON"}
FIRST_NAME = "FIRST_NAME"  # hashed first names, for "first name + date of birth"
FIRST_NAME_DOB = "FIRST_NAME+DOB"  # a first name and the date of birth written for that person


def default_key_path() -> Path:
    """`$SHAREGUARD_INDEX_KEY`, else `$XDG_CONFIG_HOME/shareguard/index.key` (~/.config/…)."""
    if os.environ.get(ENV_KEY):
        return Path(os.environ[ENV_KEY])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "shareguard" / "index.key"


def load_key(path: Path, create: bool) -> bytes:
    """The key at `path`; created (owner-only) when `create` and there is none yet."""
    if create and not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another scan created it just now
            return load_key(path, create=False)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(KEY_BYTES).hex().encode() + b"\n")
            out.flush()
            os.fsync(out.fileno())
    try:
        info = path.stat()
        raw = path.read_bytes().strip()
    except FileNotFoundError:
        raise BulkError(f"{path}: no index key there. An index can only be searched with the key it was made "
                        "with (--key, $SHAREGUARD_INDEX_KEY).") from None
    except OSError as exc:
        raise BulkError(f"{path}: the index key cannot be read ({exc.strerror}).") from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise BulkError(f"{path}: the index key can be read by other users; make it owner-only (chmod 600 {path}).")
    try:
        key = bytes.fromhex(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        key = b""
    if len(key) < 16:
        raise BulkError(f"{path}: not an index key (expected {KEY_BYTES * 2} hexadecimal characters).")
    return key


def key_id(key: bytes) -> str:
    """A fingerprint of the key, kept in the index to tell a wrong key from an empty result."""
    return hmac.new(key, b"shareguard index key id", hashlib.sha256).hexdigest()[:16]


def normalise_name(text: str, titles: frozenset[str]) -> tuple[str, bool]:
    """A name as compared: case, accents and apostrophes ignored, possessive and titles dropped.
    Also says whether a title was dropped ("Ms Adeyemi": a surname, not a first name)."""
    words = _WORD.findall(fold(text))
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    titled = False
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words, titled = words[1:], True
    return " ".join(words), titled


def normalise(type_: str, text: str) -> str:
    """A found value as compared, by type: identifiers compacted, dates as ISO, the rest folded."""
    if type_ in _COMPACT:
        return re.sub(r"[^0-9A-Za-z]", "", text).upper()
    if type_ in DATES:
        written = parse_date(text)
        return written.isoformat() if written else fold(text)
    return fold(text)


@dataclass(frozen=True)
class Hasher:
    """Keyed hashes of normalised values; the type is part of what is hashed, so equal strings of
    different types (a UPN and a case reference) never match each other."""

    key: bytes

    def __call__(self, type_: str, normalised: str) -> str:
        message = type_.encode() + b"\0" + normalised.encode("utf-8", "surrogatepass")
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()[:HASH_HEX]

    def value(self, type_: str, text: str) -> str:
        return self(type_, normalise(type_, text))
