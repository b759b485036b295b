"""Where the organisation's policy (the shared seed) is: beside the repository, as in every clone
the project's sessions and CI make, or at `$SHAREGUARD_POLICY_SEED`. Tests that read it skip
where it is absent (a user's clone)."""
from __future__ import annotations

import os
from pathlib import Path

POLICY_SEED = Path(os.environ.get("SHAREGUARD_POLICY_SEED")
                   or Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_f1c77682ede1bd76.txt")
