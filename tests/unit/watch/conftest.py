"""A share folder in a temporary directory, the demo register, and a watcher built on the
session's loaded model (no subprocess: the fault test in tests/watch/ does that)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scanner.audit.log import AuditLog
from scanner.config import load_config
from scanner.review.store import ReviewStore
from scanner.watch import EventLog, Stability, Timing, open_watcher

DEMO = Path(__file__).resolve().parents[3] / "demo"

LEAFLET = "Our family centre is open on Mondays and Thursdays. Everyone is welcome to drop in.\n"
CONSENTED = ("Progress note 20/11/2026. Leila Haddad (DOB 14/03/2015) has settled well at school and enjoys "
             "reading. Leila is attending every day.\n")
THIRD_PARTY = ("Progress note 20/11/2026. Leila Haddad (DOB 14/03/2015) has settled well at school. Her friend "
               "Oliver Brent, who lives at 3 Mill Lane, visited.\n")
UNKNOWN_CHILD = "Progress note. Oliver Brent (DOB 02/02/2016) has settled well at school and enjoys reading.\n"
FAST = Stability(interval=0.01, polls=1, quiet=0.0, give_up=30.0)


@pytest.fixture(scope="session")
def demo_register(tmp_path_factory):
    from cli import cli

    path = tmp_path_factory.mktemp("watch-register") / "register.sqlite3"
    for kind in ("people", "consents", "agreements"):
        result = CliRunner().invoke(cli, ["--register", str(path), "register", "import", kind,
                                          str(DEMO / "register" / f"{kind}.csv")])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def library(detection, demo_register):
    from scanner.pipeline import Scanner

    with Scanner(load_config(), detection=detection, register=demo_register) as loaded:
        yield loaded


class Share:
    """The share folder under test, and what happened to it."""

    def __init__(self, root: Path, records: Path, library) -> None:  # noqa: ANN001
        self.root, self.records, self.library = root, records, library
        self.log = io.StringIO()

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    def drop(self, relative: str, text: str | bytes) -> Path:
        path = self.outbox / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)
        return path

    def watcher(self, stability: Stability = FAST):  # noqa: ANN201
        return open_watcher(self.root, self.library.config, scanner=self.library, audit_path=self.records / "audit.sqlite3",
                            review_path=self.records / "review.sqlite3", events=EventLog(self.log),
                            stability=stability, timing=Timing(rescan=0.5, retry=0.5))

    def run_once(self) -> int:
        with self.watcher() as watcher:
            return watcher.run(once=True)

    def files(self, folder: str) -> list[str]:
        base = self.root / folder
        return sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file() or p.is_symlink())

    def decisions(self) -> list[dict]:
        with AuditLog.open(self.records / "audit.sqlite3") as audit:
            return [e.body for e in audit.entries(kind="decision")]

    def items(self):  # noqa: ANN201
        with ReviewStore.open(self.records / "review.sqlite3") as review:
            return review.list()

    def events(self) -> list[dict]:
        return [json.loads(line) for line in self.log.getvalue().splitlines()]


@pytest.fixture
def share(tmp_path, library) -> Share:
    return Share(tmp_path / "share", tmp_path, library)
