"""File-system steps the watcher relies on: look at a file without following links, copy it
while hashing, give a file a new name without ever overwriting, and make each step durable
(fsync the file and its folder) before the next one depends on it."""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from scanner.watch.layout import with_tag

CHUNK = 1 << 20
REGULAR, SYMLINK, HARDLINK, SPECIAL, MISSING = "regular", "symlink", "hardlink", "special", "missing"


@dataclass(frozen=True)
class Inspection:
    """What a name in the outbox is, seen with lstat (links are never followed)."""

    kind: str  # regular | symlink | hardlink | special | missing
    size: int = 0
    mode: int = 0o644

    @property
    def hostile(self) -> bool:
        return self.kind in (SYMLINK, HARDLINK, SPECIAL)


def inspect(path: Path) -> Inspection:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return Inspection(MISSING)
    mode = stat.S_IMODE(info.st_mode)
    if stat.S_ISLNK(info.st_mode):
        return Inspection(SYMLINK, info.st_size, mode)
    if not stat.S_ISREG(info.st_mode):
        return Inspection(SPECIAL, 0, mode)
    if info.st_nlink > 1:
        return Inspection(HARDLINK, info.st_size, mode)
    return Inspection(REGULAR, info.st_size, mode)


def signature(path: Path) -> tuple[int, ...] | None:
    """What changes when a file is written to: size, modification time, inode and type."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, stat.S_IFMT(info.st_mode))


def snapshot(source: Path, target: Path, mode: int = 0o600) -> tuple[str, int]:
    """Copy `source` into a new file `target` that nobody else has open, hashing what is copied,
    and make it durable; return (sha256, size). The source is opened without following a link
    and without waiting on a pipe; anything but a regular file raises OSError."""
    fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        digest, size = hashlib.sha256(), 0
        try:
            while block := os.read(fd, CHUNK):
                digest.update(block)
                size += len(block)
                _write_all(out, block)
            os.fchmod(out, mode & 0o777)
            os.fsync(out)
        finally:
            os.close(out)
    finally:
        os.close(fd)
    fsync_dir(target.parent)
    return digest.hexdigest(), size


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        while block := os.read(fd, CHUNK):
            digest.update(block)
    finally:
        os.close(fd)
    return digest.hexdigest()


def place(source: Path, target: Path) -> None:
    """Give `source` the further name `target`, durably, never overwriting (FileExistsError).
    A link is placed as the link itself, never what it points to."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EMLINK, errno.EOPNOTSUPP):
            raise
        _copy_across(source, target)
    fsync_dir(target.parent)


def move(source: Path, target: Path) -> None:
    """`place`, then remove the old name: a crash leaves the file whole in one place or both."""
    place(source, target)
    os.unlink(source)
    fsync_dir(source.parent)


def claim(source: Path, target: Path) -> None:
    """Atomically take `source` out of the outbox: one rename (a link, a pipe or a file someone
    still writes to is taken as it is, never opened). Both folders are made durable."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "claim target exists")
    os.rename(source, target)
    fsync_dir(target.parent)
    fsync_dir(source.parent)


def remove_tree(folder: Path) -> None:
    """Remove a job's working folder once its outcome is on disk (links inside are not followed)."""
    if folder.is_symlink():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder)
    fsync_dir(folder.parent)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def free_name(folder: Path, name: str, tag: str) -> Path:
    """`folder/name` if free, else the name with `tag` (then `tag-2`, …) before its extension."""
    candidates = [name, with_tag(name, tag), *(with_tag(name, f"{tag}-{n}") for n in range(2, 1000))]
    for candidate in candidates:
        if not os.path.lexists(folder / candidate):
            return folder / candidate
    raise FileExistsError(errno.EEXIST, f"no free name in {folder}")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _copy_across(source: Path, target: Path) -> None:
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
        return
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        shutil.copyfile(source, partial, follow_symlinks=False)
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.link(partial, target)
    finally:
        partial.unlink(missing_ok=True)
