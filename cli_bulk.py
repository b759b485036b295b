"""`shareguard scan` and `shareguard find`: a thin click layer over `scanner.bulk`. No logic lives here."""
from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TextIO

import click

import scanner  # noqa: F401  (offline guard first)
from scanner.errors import ShareGuardError

KEY_HELP = "The index key (default: $SHAREGUARD_INDEX_KEY, else ~/.config/shareguard/index.key; created on first scan)."


class _Progress:
    """Documents done, rate and ETA on stderr, only when it is a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._bar, self._started, self._done = None, 0.0, 0

    def start(self, total: int, finished: int) -> None:
        if total and self._stream.isatty():
            label = f"scanning ({finished:,} already done)" if finished else "scanning"
            self._bar = click.progressbar(length=total, label=label, file=self._stream, show_pos=True,
                                          show_eta=True, item_show_func=self._rate)
            self._bar.__enter__()
            self._started = time.monotonic()

    def advance(self, documents: int) -> None:
        self._done += documents
        if self._bar is not None:
            self._bar.update(documents, self._done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)

    def _rate(self, done: int | None) -> str | None:
        elapsed = time.monotonic() - self._started
        return f"{done / elapsed:.1f} docs/s" if done and elapsed > 0 else None


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="The index directory (created owner-only; the same DIR resumes a scan).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes or Ray actors (default: one per core).")
@click.option("--ray-address", metavar="ADDRESS", help="An existing Ray cluster (default: start Ray on this machine).")
@click.option("--key", "key_path", type=click.Path(dir_okay=False), envvar="SHAREGUARD_INDEX_KEY", help=KEY_HELP)
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True, help="Documents per batch.")
@click.pass_context
def scan(ctx: click.Context, sources: tuple[str, ...], out: str, engine: str, jobs: int | None,
         ray_address: str | None, key_path: str | None, batch_size: int) -> None:
    """Scan every file under SOURCES into an index: types, counts, places and keyed hashes, never the values."""
    from scanner.bulk import ScanOptions, summary_table
    from scanner.bulk import scan as run_scan

    if ray_address and engine != "ray":
        raise click.UsageError("--ray-address needs --engine ray")
    options = ScanOptions(sources=sources, out=Path(out), engine=engine, jobs=jobs, batch_size=batch_size,
                          ray_address=ray_address, key_path=Path(key_path) if key_path else None,
                          config_dir=(ctx.obj or {}).get("config_dir"))
    progress = _Progress()
    try:
        result = run_scan(options, progress)
    except ShareGuardError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        progress.close()
    click.echo(summary_table(result.summary))
    for path, why in result.unlisted:
        click.echo(f"Warning: {path}: could not be listed ({why}); nothing in it was scanned.", err=True)
    click.echo(f"{result.scanned:,} scanned, {result.skipped:,} already done, {result.removed:,} old records dropped, "
               f"in {result.seconds:.1f} s. Report: {result.files['report']}", err=True)


@click.command()
@click.option("--index", "index_dir", required=True, type=click.Path(exists=True, file_okay=False), metavar="DIR")
@click.option("--name", "names", multiple=True, help="A full name, or a first name with --dob (repeat).")
@click.option("--dob", type=click.DateTime(formats=["%Y-%m-%d"]), help="Date of birth, YYYY-MM-DD.")
@click.option("--nhs", multiple=True, help="NHS number (repeat).")
@click.option("--upn", multiple=True, help="Unique Pupil Number (repeat).")
@click.option("--case-ref", "case_refs", multiple=True, help="Case reference (repeat).")
@click.option("--subject", metavar="ID", help="A register person: their names, aliases, DOB and identifiers.")
@click.option("--key", "key_path", type=click.Path(dir_okay=False), envvar="SHAREGUARD_INDEX_KEY",
              help="The key the index was made with (default: where the scan kept it).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document (JSON Lines) on stdout.")
@click.pass_context
def find(ctx: click.Context, index_dir: str, names: tuple[str, ...], dob: datetime | None, nhs: tuple[str, ...],
         upn: tuple[str, ...], case_refs: tuple[str, ...], subject: str | None, key_path: str | None,
         as_json: bool) -> None:
    """List every document in an index that mentions a person: where, how it matched, how surely."""
    from scanner.bulk.search import find as run_find
    from scanner.bulk.search import matches_json, matches_table, query_for
    from scanner.config import load_config

    obj = ctx.obj or {}
    try:
        register = load_config(obj.get("config_dir")).register_path(obj.get("register")) if subject else None
        query = query_for(names, dob.date() if dob else None, nhs, upn, case_refs, subject, register)
        matches = run_find(index_dir, query, key_path, obj.get("config_dir"))
    except ShareGuardError as exc:
        raise click.ClickException(str(exc)) from None
    if matches:
        click.echo("\n".join(matches_json(matches)) if as_json else matches_table(matches))
    else:
        click.echo("No document in the index mentions that person.", err=True)


def register(group: click.Group) -> None:
    """Add `scan` and `find` to the `shareguard` group."""
    group.add_command(scan)
    group.add_command(find)
