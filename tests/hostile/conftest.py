"""Fixtures of the hostile-input suite (see docs/hostile-input.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cli import Sandbox


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    """A scratch folder with an empty store and registry of its own."""
    return Sandbox(tmp_path)


@pytest.fixture
def demo(sandbox: Sandbox) -> Sandbox:
    """A sandbox whose store holds the synthetic agreements demo-a and demo-b."""
    sandbox.ingest_demo()
    return sandbox
