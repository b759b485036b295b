"""Durable files for the index: owner-only opens, whole lines only, atomic replacement.

A line counts once its newline is on disk; a kill can leave only a torn last line, which
`cut_torn_tail` removes. A file replaced with `write_atomic` is the old one or the new one.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Iterator


def lines(path: Path, start: int = 0) -> Iterator[tuple[int, bytes]]:
    """(offset just after the line, the line) for each complete line from `start`."""
    if not path.exists():
        return
    with open(path, "rb") as stream:
        stream.seek(start)
        end = start
        for line in stream:
            if not line.endswith(b"\n"):
                return
            end += len(line)
            yield end, line


def records(path: Path, start: int = 0) -> Iterator[tuple[int, dict]]:
    """(offset just after the line, the parsed line) for each complete, readable line."""
    for end, line in lines(path, start):
        try:
            yield end, json.loads(line)
        except ValueError:
            continue  # a line a crash left half-written (zeros after a power cut)


def cut_torn_tail(path: Path) -> None:
    """Drop a last line that a kill left without its newline."""
    if not path.exists():
        return
    with open(path, "rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        keep = size
        while keep > 0:
            step = min(keep, 65536)
            stream.seek(keep - step)
            chunk = stream.read(step)
            at = chunk.rfind(b"\n")
            if at >= 0:
                keep = keep - step + at + 1
                break
            keep -= step
        if keep != size:
            stream.truncate(keep)
            stream.flush()
            os.fsync(stream.fileno())


def identity(path: Path) -> list[int] | None:
    if not path.exists():
        return None
    info = path.stat()
    return [info.st_dev, info.st_ino]


def open_append(path: Path) -> IO[bytes]:
    return open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")


def open_new(path: Path) -> IO[bytes]:
    return open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")


def write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + ".new")
    with open_new(temp) as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
