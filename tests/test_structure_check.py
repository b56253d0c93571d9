"""The structural checker over the reference corpus stays at or below its recorded ceilings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHECKER = REPO / "benchmark" / "structure_check.py"
CEILINGS = REPO / "benchmark" / "structure_ceilings.json"


@pytest.mark.corpus
@pytest.mark.slow
def test_structure_classes_stay_at_or_below_their_ceilings(corpus_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(CHECKER), "--corpus", str(corpus_dir), "--json", "--ceilings", str(CEILINGS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert set(counts) == set(json.loads(CEILINGS.read_text(encoding="utf-8")))
