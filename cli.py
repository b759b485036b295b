"""`shareguard`: a thin click layer over the scanner library. No logic lives here."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

import scanner  # noqa: F401  (offline guard first)
from scanner.config import load_config
from scanner.errors import ShareGuardError
from scanner.pipeline import Scanner
from scanner.report import combined_exit_code, exit_code, to_json_line, to_text
from scanner.types import ShareRequest


def request_options(fn):  # noqa: ANN001, ANN201
    @click.option("--to", "recipient", metavar="RECIPIENT", help="Who the documents are going to (recipient id).")
    @click.option("--purpose", metavar="PURPOSE", help="Why they are being shared (purpose id).")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        return fn(*args, **kwargs)

    return wrapper


@click.group()
@click.option("--config", "config_dir", type=click.Path(file_okay=False), envvar="SHAREGUARD_CONFIG",
              help="Config directory (default: the project's config/).")
@click.pass_context
def cli(ctx: click.Context, config_dir: str | None) -> None:
    """ShareGuard: nothing about a child or family leaves without a lawful, recorded reason."""
    ctx.ensure_object(dict)
    ctx.obj.setdefault("config_dir", config_dir)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@request_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document (JSON Lines) on stdout.")
@click.pass_context
def check(ctx: click.Context, files: tuple[str, ...], recipient: str | None, purpose: str | None, as_json: bool) -> None:
    """Scan FILES (or folders) before sending them, and say whether they may go."""
    engine = ctx.obj.get("engine") or _load_engine(ctx.obj["config_dir"])
    request = ShareRequest(recipient=recipient, purpose=purpose, sender=None, channel="check")
    codes = []
    try:
        for outcome in engine.check_many(_expand(files), request):
            codes.append(exit_code(outcome))
            click.echo(to_json_line(outcome) if as_json else to_text(outcome, click.style) + "\n")
    finally:
        if "engine" not in ctx.obj:
            engine.close()
    ctx.exit(combined_exit_code(codes))


def _load_engine(config_dir: str | None) -> Scanner:
    try:
        return Scanner(load_config(config_dir))
    except ShareGuardError as exc:
        raise click.ClickException(str(exc)) from None


def _expand(files: tuple[str, ...]) -> list[str]:
    """Folders stand for every file below them (sorted); anything else is checked as given."""
    out: list[str] = []
    for name in files:
        path = Path(name)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file())
        else:
            out.append(name)
    return out


def main() -> None:
    cli(prog_name="shareguard")


if __name__ == "__main__":
    sys.exit(main())
