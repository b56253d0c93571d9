"""Docs that are checked: every command has help and is documented; the API exports resolve."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

import treatydiff
from treatydiff.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(command.name or "" for command in typer.main.get_command(app).commands.values())  # type: ignore[attr-defined]


def test_the_cli_has_the_issued_commands() -> None:
    assert set(COMMANDS) >= {"list", "show", "ingest", "check", "diff"}


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name: str) -> None:
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and "Example:" in command.help
    assert f"treatydiff {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [n for n in treatydiff.__all__ if n != "__version__"])
def test_package_exports_resolve(name: str) -> None:
    assert callable(getattr(treatydiff, name))


def test_docs_link_targets_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in ("docs/ids.md", "docs/mapping-format.md", "docs/benchmarks.md"):
        assert target in readme and (ROOT / target).is_file(), target
