"""`shareguard watch`: click glue over `scanner.watch`, registered on the main group by cli.py."""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

import scanner  # noqa: F401  (offline guard first)
from scanner.config import load_config
from scanner.errors import ShareGuardError


@click.command()
@click.option("--root", type=click.Path(file_okay=False), metavar="DIR",
              help="The share folder (default: share.root in config, or $SHAREGUARD_SHARE).")
@click.option("--once", is_flag=True, help="Process what is in the outbox now, then exit.")
@click.option("--log-file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Append the JSON event lines to FILE instead of stderr.")
@click.option("--interval", type=click.FloatRange(min=0.01), default=0.05, show_default=True,
              help="Seconds between two looks at a file that is arriving.")
@click.option("--stable-polls", type=click.IntRange(min=1), default=2, show_default=True,
              help="Looks in a row that must find a file unchanged before it is taken.")
@click.option("--quiet", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds a file with no close event must stay unmodified before it is taken.")
@click.option("--give-up", type=click.FloatRange(min=1), default=300.0, show_default=True,
              help="Seconds a file may keep changing before it is held as it is.")
@click.option("--rescan", type=click.FloatRange(min=0.5), default=30.0, show_default=True,
              help="Seconds between full rescans of the outbox (events can be lost).")
@click.pass_context
def watch(ctx: click.Context, root: str | None, once: bool, log_file: str | None, interval: float,
          stable_polls: int, quiet: float, give_up: float, rescan: float) -> None:
    """Watch the share folder's outbox: every complete file is checked and released, released
    redacted, or held in quarantine with a review item; every decision is recorded.

    Drop files in outbox/<recipient>/<purpose>/ (or beside a FILE.share.yaml sidecar, or an .eml
    addressed to recipients' domains). Events go to stderr as JSON lines, one per event, with
    no file names. SIGTERM or Ctrl-C finishes the file in hand and stops."""
    from scanner.watch import EventLog, Stability, Timing, open_watcher

    obj = ctx.obj or {}
    events = EventLog(open(log_file, "a", encoding="utf-8") if log_file else None)  # noqa: SIM115
    try:
        config = load_config(obj.get("config_dir"))
        share = Path(root) if root else config.share_root()
        stability = Stability(interval=interval, polls=stable_polls, quiet=quiet, give_up=give_up)
        with open_watcher(share, config, register=obj.get("register"),
                          audit_path=config.audit_path(obj.get("audit")),
                          review_path=config.review_path(obj.get("review_db")),
                          events=events, stability=stability, timing=Timing(rescan=rescan, retry=rescan)) as watcher:
            _stop_on_signals(watcher)
            watcher.run(once=once)
    except ShareGuardError as exc:
        events("failed", level="error", error=type(exc).__name__)
        raise click.ClickException(str(exc)) from None
    finally:
        events.close()


def _stop_on_signals(watcher) -> None:  # noqa: ANN001
    """SIGTERM and SIGINT: finish the file in hand, then stop. The library's worker processes
    are forked later and inherit this handler: in them, SIGTERM must still end the process
    (the pool stops its workers with it, and waits for them) and SIGINT (Ctrl-C reaches the
    whole process group) is left to the watcher, which stops the pool itself."""
    watcher_pid = os.getpid()

    def stop(signum: int, frame: object) -> None:
        if os.getpid() != watcher_pid:
            if signum == signal.SIGTERM:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            return
        watcher.stop(signal.Signals(signum).name)  # no logging here: the loop may hold the log's lock

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


def register(group: click.Group) -> None:
    """Add `watch` to the `shareguard` group."""
    group.add_command(watch)


if __name__ == "__main__":
    sys.exit(watch())
