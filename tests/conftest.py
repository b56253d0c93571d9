"""Shared fixtures. Real treaty texts are never copied into the repository: tests that
need them read the reference corpus next to it (``../shared/corpus``) and skip when it
is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared reference corpus (``$TREATYDIFF_CORPUS`` or ``../shared/corpus``)."""
    path = Path(os.environ.get("TREATYDIFF_CORPUS", _DEFAULT_CORPUS))
    if not (path / "tota" / "xml").is_dir():
        pytest.skip(f"reference corpus not found at {path} (set TREATYDIFF_CORPUS)")
    return path
