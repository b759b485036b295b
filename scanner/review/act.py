"""Carry out a review decision on the share folder.

approve           the held copy (in `quarantine/`) → `released/<recipient>/`
release-redacted  the item's redacted copy → `released/<recipient>/`; the original stays held
reject            the held copy → `quarantine/rejected/` (it never leaves)

Nothing moves for an item without a held copy (from `check`): the decision is recorded only.
A file is released only if its SHA-256 is still the one the reviewer saw. A move never
overwrites (a name already taken gets the item id added) and is atomic: a hard link then an
unlink on one filesystem, or copy + fsync + rename across filesystems. Deciding again after a
crash half-way finds the file already released and does not release it twice.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from scanner.review.errors import ReviewError, ReviewFileError
from scanner.review.model import ReviewItem
from scanner.review.roles import APPROVE, REJECT, RELEASE_REDACTED

RELEASED, QUARANTINE, REJECTED = "released", "quarantine", "rejected"
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Move:
    """A file to move: `what` is "original", "redacted copy" or "rejected original"."""

    source: Path
    target: Path
    what: str
    sha256: str
    done: bool = False  # found already moved (a decision taken again after a crash)

    @property
    def releases(self) -> bool:
        return self.what != "rejected original"


def plan(item: ReviewItem, verdict: str, share_root: Path | None) -> Move | None:
    """Check everything a move needs before anything is recorded or moved; None: nothing to move."""
    if verdict == RELEASE_REDACTED and not item.redacted_copy:
        raise ReviewError(f"{item.id}: there is no verified redacted copy to release; approve or reject it instead")
    if item.held_copy is None:
        return None
    if share_root is None:
        raise ReviewFileError(f"{item.id}: the share folder is not known (share.root in config, $SHAREGUARD_SHARE)")
    quarantine = (share_root / QUARANTINE).resolve()
    held = Path(item.held_copy)
    if not held.resolve().is_relative_to(quarantine):
        raise ReviewFileError(f"{item.id}: the held copy {held} is not in the quarantine folder {quarantine}")
    if verdict == REJECT:
        if not held.exists():
            return None  # nothing to keep out of the way; the decision is still recorded
        rest = held.resolve().relative_to(quarantine)
        return Move(held, _free(quarantine / REJECTED / rest.parent, held.name, item.id), "rejected original",
                    item.sha256)
    folder = share_root / RELEASED / _recipient_folder(item)
    if verdict == APPROVE:
        return _release(item, held, item.sha256, folder, "original")
    return _release(item, Path(item.redacted_copy or ""), item.redacted_sha256, folder, "redacted copy")


def carry_out(move: Move) -> Path:
    """Move the file (unless already done); return where it is now."""
    if not move.done:
        move_file(move.source, move.target)
    return move.target


def move_file(source: Path, target: Path) -> None:
    """Move without ever overwriting, and so that a crash leaves the file whole in one place or both."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise ReviewFileError(f"{target} already exists; nothing was moved") from None
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EMLINK, errno.EOPNOTSUPP):
            raise ReviewFileError(f"cannot move {source} to {target} ({exc.strerror})") from None
        _copy_across(source, target)
    _fsync_dir(target.parent)
    os.unlink(source)
    _fsync_dir(source.parent)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _release(item: ReviewItem, source: Path, sha256: str | None, folder: Path, what: str) -> Move:
    if not source.exists():
        already = _released_before(folder, source.name, item.id, sha256)
        if already is not None:
            return Move(source, already, what, sha256 or "", done=True)
        raise ReviewFileError(f"{item.id}: the {what} {source} is missing; nothing was released")
    actual = sha256_of(source)
    if actual != sha256:
        raise ReviewFileError(f"{item.id}: the {what} {source} has changed since it was checked (SHA-256 "
                              f"{actual[:12]}…, expected {(sha256 or '?')[:12]}…); it is not released")
    return Move(source, _free(folder, source.name, item.id), what, actual)


def _recipient_folder(item: ReviewItem) -> str:
    if not item.recipient:
        raise ReviewError(f"{item.id}: the document has no recipient, so it cannot be released; reject it, and "
                          "check it again with --to RECIPIENT")
    if not SAFE_NAME.fullmatch(item.recipient):
        raise ReviewError(f"{item.id}: the recipient {item.recipient!r} is not a recipient id (letters, digits, . _ -)")
    return item.recipient


def _candidates(folder: Path, name: str, tag: str) -> list[Path]:
    stem, suffix = os.path.splitext(name)
    numbered = [folder / f"{stem}.{tag}-{n}{suffix}" for n in range(2, 100)]
    return [folder / name, folder / f"{stem}.{tag}{suffix}", *numbered]


def _free(folder: Path, name: str, tag: str) -> Path:
    for path in _candidates(folder, name, tag):
        if not path.exists():
            return path
    raise ReviewFileError(f"{folder}: no free name for {name}")


def _released_before(folder: Path, name: str, tag: str, sha256: str | None) -> Path | None:
    for path in _candidates(folder, name, tag):
        if path.exists() and sha256_of(path) == sha256:
            return path
    return None


def _copy_across(source: Path, target: Path) -> None:
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        shutil.copyfile(source, partial)
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        if target.exists():
            raise ReviewFileError(f"{target} already exists; nothing was moved")
        os.rename(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
