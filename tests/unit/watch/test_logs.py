"""One JSON line per event; nothing that could name a child (names, paths, document text)."""
from __future__ import annotations

import io
import json
import logging

from scanner.watch.logs import EventLog, route_library_logs


def test_an_event_is_one_json_line():
    stream = io.StringIO()
    EventLog(stream)("claimed", job="J-3", sha256="ab" * 32, error=None)
    [line] = stream.getvalue().splitlines()
    event = json.loads(line)
    assert (event["event"], event["level"], event["job"]) == ("claimed", "info", "J-3")
    assert "error" not in event and event["at"].endswith("+00:00")


def test_library_warnings_become_events_without_their_message():
    stream = io.StringIO()
    handler = route_library_logs(EventLog(stream))
    try:
        logging.getLogger("a.library").warning("cannot read /srv/share/outbox/Jayden Smith referral.docx")
        try:
            raise ValueError("Jayden")
        except ValueError:
            logging.getLogger("scanner.pipeline").exception("detection failed for %s", "Jayden Smith.docx")
        logging.getLogger("quiet").info("below warning: dropped")
    finally:
        logging.getLogger().removeHandler(handler)
    assert "Jayden" not in stream.getvalue()
    events = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(e["event"], e["logger"], e["level"], e.get("error")) for e in events] == [
        ("library", "a.library", "warning", None), ("library", "scanner.pipeline", "error", "ValueError")]
