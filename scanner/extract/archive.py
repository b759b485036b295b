"""Zip archives: every member is extracted in memory as a document of its own, recursively.

A member that cannot be read (unknown format, encrypted, a hostile name, too big) makes the
archive not fully readable; the members that can be read still contribute their text.
"""
from __future__ import annotations

import zipfile

from scanner.extract.context import CORRUPT, OVER_LIMIT, BoundedBuilder, Context, LimitExceeded
from scanner.extract.zipguard import archive_issues, clear, member_issue, open_archive, read_member


def read_zip(data: bytes, out: BoundedBuilder, ctx: Context) -> None:
    with open_archive(data) as archive:
        if not clear(archive_issues(archive, ctx), out):
            return
        for info in archive.infolist():
            if info.is_dir():
                continue
            issue = member_issue(info)
            if issue:
                out.problem(*issue)
                continue
            try:
                member = read_member(archive, info, ctx)
            except LimitExceeded as exceeded:
                out.problem(OVER_LIMIT, str(exceeded), info.filename)
                if not ctx.budget.bytes_left:
                    return
                continue
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
                out.problem(CORRUPT, f"A file in the archive is damaged and cannot be read ({_reason(error)}).",
                            info.filename)
                continue
            ctx.include_file(out, member, info.filename)


def _reason(error: Exception) -> str:
    return str(error).rstrip(".") or type(error).__name__
