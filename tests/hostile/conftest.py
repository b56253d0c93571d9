"""Fixtures of the hostile-input suite (see docs/hostile-input.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cli import Sandbox

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse an xfail mark in this suite: a known failure is fixed, or its case fails."""
    for item in items:
        if HERE in item.path.parents and item.get_closest_marker("xfail") is not None:
            raise pytest.UsageError(f"{item.nodeid}: the hostile-input suite takes no xfail marks")


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    """A scratch folder with an empty store and registry of its own."""
    return Sandbox(tmp_path)


@pytest.fixture
def demo(sandbox: Sandbox) -> Sandbox:
    """A sandbox whose store holds the synthetic agreements demo-a and demo-b."""
    sandbox.ingest_demo()
    return sandbox
