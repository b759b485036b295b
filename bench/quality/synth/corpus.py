"""Reading a generated corpus back: shared by every generator's --check."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable


def check_corpus(out: Path, check_row: Callable[[dict, str], list[str]]) -> list[str]:
    """Every problem `check_row` finds in the gold rows of `out`, each checked against its own text."""
    problems = []
    for line in (out / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        problems += check_row(row, (out / row["file"]).read_text(encoding="utf-8"))
    return problems
