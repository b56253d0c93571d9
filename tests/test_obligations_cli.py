"""``treatydiff obligations``: terminal and JSON output, and its error lines.

The agreement below is SYNTHETIC, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treatydiff.cli import main

SYNTHETIC = """Agreement on Synthetic Cooperation

The Parties, desiring to test software, shall be guided by this recital,

have agreed as follows:

Article 1
1. The Parties shall not exchange false test data or publish it.
2. Upon request, each Party may publish results.

Article 2
Each Party shall:
(a) keep records;
(b) report errors to the Joint Committee.

Article 3
This Agreement enters into force on signature.
"""


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.delenv("TREATYDIFF_TEXTS", raising=False)
    source = tmp_path / "synthetic.txt"
    source.write_text(SYNTHETIC, encoding="utf-8")
    assert main(["ingest", "example-oblig", str(source), "--lang", "en", "--title", "Synthetic"]) == 0
    capsys.readouterr()
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_whole_treaty_in_the_terminal(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "obligations", "example-oblig")
    assert code == 0, err
    assert out.startswith("example-oblig (en): ")
    flat = " ".join(out.split())  # the console wraps long lines
    assert "prohibition" in flat and "'shall not'" in flat and "rule: en.shall-not" in flat
    assert "from the chapeau art-2.p1" in flat  # the points inherit "Each Party shall:"
    assert "preamble" not in flat  # recitals give reasons, not duties


def test_one_provision_as_json(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "obligations", "example-oblig:art-1", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "treatydiff-obligations/1" and data["provision"] == "art-1"
    by_id = {p["provision"]: p for p in data["provisions"]}
    first, second = by_id["art-1.1"], by_id["art-1.2"]
    assert first["modality"] == "prohibition" and first["bearer"] == "parties"
    statement = first["statements"][0]
    assert (
        statement["rule"] == "en.shall-not"
        and statement["action"] == "exchange false test data or publish it"
    )
    assert second["modality"] == "permission" and second["condition"] is True


def test_a_point_shows_its_text_and_inherited_rule(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "obligations", "example-oblig:art-2.b")
    assert code == 0
    flat = " ".join(out.split())
    assert "report errors to the Joint Committee" in flat and "from the chapeau" in flat


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["obligations", "example-oblig:art-9"], "error: example-oblig:art-9: unknown provision 'art-9'"),
        (["obligations", "example-oblig", "--lang", "zz"], "error: "),
        (["obligations", "no such"], "error: 'no such' is not a treaty id"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(
    store: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = _run(capsys, *argv)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith(message), err
