"""How an audit entry is hashed: SHA-256 over a canonical JSON of the entry, which includes the
previous entry's hash, so changing, removing or moving any entry breaks every hash after it."""
from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64  # the `prev_hash` of entry 1


def canonical(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 as is. Bodies hold no floats
    (counts, ids and text only), so no number has two spellings."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def entry_hash(seq: int, at: str, actor: str, kind: str, body: dict[str, Any], prev_hash: str) -> str:
    entry = {"seq": seq, "at": at, "actor": actor, "kind": kind, "body": body, "prev_hash": prev_hash}
    return hashlib.sha256(canonical(entry).encode("utf-8")).hexdigest()
