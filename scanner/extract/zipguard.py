"""Checks every zip must pass before ShareGuard decompresses it: plain archives, Word and Excel.

The central directory is only a claim, so the checks run on it first (sizes, ratios,
overlapping entries, names, encryption) and member data is then read with a bounded read,
which a header that lies about its size cannot get past. Nothing is ever written to disk.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import NamedTuple

from scanner.extract.context import ENCRYPTED, HOSTILE, OVER_LIMIT, Context, LimitExceeded, size_text

# Members below this size may compress as well as they like: flat images (EMF, BMP) and
# repetitive XML reach 150 to 1 in ordinary Office files. The ratio limit is for members
# big enough to hurt; the total-size limit covers the rest.
RATIO_FLOOR = 10 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")
ENCRYPTED_FLAG = 0x1


class Issue(NamedTuple):
    code: str
    message: str
    where: str = ""


def open_archive(data: bytes) -> zipfile.ZipFile:
    """Open a zip held in memory (raises zipfile.BadZipFile and friends on a broken one)."""
    return zipfile.ZipFile(io.BytesIO(data))


def archive_issues(archive: zipfile.ZipFile, ctx: Context) -> list[Issue]:
    """Archive-wide reasons not to decompress anything: too many members, a bomb, overlaps."""
    infos = archive.infolist()
    limits = ctx.limits
    issues: list[Issue] = []
    if len(infos) > limits.max_members:
        issues.append(Issue(OVER_LIMIT, f"The archive holds {len(infos):,} files, more than the "
                                        f"{limits.max_members:,} ShareGuard will open."))
    declared = sum(info.file_size for info in infos)
    if declared > ctx.budget.bytes_left:
        issues.append(Issue(OVER_LIMIT, f"The archive would unpack to {size_text(declared)}, more than the "
                                        f"{size_text(limits.max_total_bytes)} ShareGuard will unpack "
                                        "(a possible zip bomb)."))
    for info in infos:
        if info.file_size >= RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            issues.append(Issue(OVER_LIMIT, f"A file in the archive is compressed {ratio:,.0f} to 1, more than "
                                            f"the {limits.max_ratio:,.0f} to 1 ShareGuard accepts "
                                            "(a possible zip bomb).", info.filename))
            break
    if _overlapping(infos):
        issues.append(Issue(HOSTILE, "Entries in the archive overlap each other, a trick used by zip bombs."))
    return issues


def member_issue(info: zipfile.ZipInfo) -> Issue | None:
    """A reason not to read one member: a name that escapes the archive, or encryption."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name) or ".." in name.split("/"):
        return Issue(HOSTILE, "The archive holds a file whose name points outside the archive "
                              "(a 'zip slip' attack).", info.filename)
    if info.flag_bits & ENCRYPTED_FLAG:
        return Issue(ENCRYPTED, "A file in the archive is password-protected, so its content cannot be checked.",
                     info.filename)
    return None


def package_issues(archive: zipfile.ZipFile, ctx: Context) -> list[Issue]:
    """All checks for a Word or Excel package, whose parser reads members itself.

    Those parsers trust the declared sizes, so the declared total is charged to the budget
    up front; with any issue the package must not be parsed at all.
    """
    issues = archive_issues(archive, ctx)
    issues += [issue for info in archive.infolist() if (issue := member_issue(info))]
    if not issues:
        ctx.budget.charge_bytes(sum(info.file_size for info in archive.infolist()))
    return issues


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, ctx: Context) -> bytes:
    """Decompress one member, never more than the file limit or what is left of the budget."""
    limit = min(ctx.limits.max_file_bytes, ctx.budget.bytes_left)
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        if limit == ctx.limits.max_file_bytes:
            raise LimitExceeded(f"The file is larger than {size_text(limit)}, the most ShareGuard will read.")
        raise LimitExceeded(f"Unpacking the archive would produce more than "
                            f"{size_text(ctx.limits.max_total_bytes)} (a possible zip bomb).")
    ctx.budget.charge_bytes(len(data))
    return data


def _overlapping(infos: list[zipfile.ZipInfo]) -> bool:
    """Two entries whose data share bytes: each local header alone takes 30 bytes."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    return any(
        later.header_offset < earlier.header_offset + 30 + earlier.compress_size
        for earlier, later in zip(ordered, ordered[1:])
    )


def clear(issues: list[Issue], out) -> bool:  # noqa: ANN001
    """Record each issue as a problem of the document; True when there were none and reading may go on."""
    for issue in issues:
        out.problem(*issue)
    return not issues
