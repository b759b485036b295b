"""What a bulk scan has to do: the files under the sources, and how engines cut them into batches."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

BATCH_SIZE = 16  # documents per call of `scan_batch`: enough for nlp.pipe, little lost to a kill


@dataclass(frozen=True)
class EngineOptions:
    jobs: int | None = None  # worker processes (local) or actors (Ray); default: one per core
    batch_size: int = BATCH_SIZE
    ray_address: str | None = None  # an existing Ray cluster; None starts Ray on this machine
    tmp_dir: Path | None = None  # owner-only scratch space for the engine (Ray's temp and spill files)


@dataclass(frozen=True)
class SourceFile:
    path: str  # absolute, symbolic links not resolved: the name the organisation knows it by
    size: int
    mtime_ns: int


@dataclass
class Walk:
    """The regular files under the sources, and the folders that could not be listed."""

    files: list[SourceFile] = field(default_factory=list)
    unlisted: list[tuple[str, str]] = field(default_factory=list)  # (folder, why)


def walk(sources: Sequence[str], exclude: Sequence[Path] = ()) -> Walk:
    """Every regular file below `sources` (files stand for themselves), sorted, each once. Folders
    in `exclude` (the index itself) are left out; links to folders are not followed."""
    out, seen = Walk(), set()
    skip = {os.path.realpath(p) for p in exclude}
    for source in sources:
        root = os.path.abspath(source)
        if not os.path.isdir(root):
            _add(out, seen, root)
            continue

        def unlisted(error: OSError) -> None:
            out.unlisted.append((str(error.filename), error.strerror or type(error).__name__))

        for folder, folders, names in os.walk(root, onerror=unlisted):
            folders[:] = sorted(f for f in folders if os.path.realpath(os.path.join(folder, f)) not in skip)
            for name in sorted(names):
                _add(out, seen, os.path.join(folder, name))
    return out


def _add(out: Walk, seen: set[str], path: str) -> None:
    if path in seen:
        return
    try:
        info = os.stat(path)
    except OSError as error:
        out.unlisted.append((path, error.strerror or type(error).__name__))
        return
    if stat.S_ISREG(info.st_mode):
        seen.add(path)
        out.files.append(SourceFile(path, info.st_size, info.st_mtime_ns))


def batches(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i : i + size] for i in range(0, len(paths), max(1, size))]


def under(path: str, roots: Sequence[str]) -> bool:
    """Whether `path` is one of the roots or inside one."""
    return any(path == root.rstrip(os.sep) or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
