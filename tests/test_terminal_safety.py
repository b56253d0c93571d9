"""The terminal shows data, never obeys it: markup, escape sequences and bidi overrides
in every field that reaches stdout or stderr are shown literally.

All texts, manifests and maps here are synthetic, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treatydiff.cli import main
from treatydiff.safe import safe_json, visible

# Raw characters a terminal would obey: CSI, OSC (window title, hyperlinks), BEL, C1 CSI,
# a bidi override and an isolate.
RAW = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2067")
MARKUP = "Draft [/x] text [venue] [link=https://evil.example]click[/link] :warning:"

# synthetic manifest: every field carries a payload (YAML escapes keep the file itself clean;
# manifests refuse C0 controls, so bidi controls and markup stand in for them here)
MANIFEST = r"""id: {id}
titles:
  en: "Draft [/x] text [venue] [link=https://evil.example]click[/link] :warning: \u2067owned\u2069 \u202eevil"
parties: [RUS, BLR]
signed:
  date: 2001-01-01
  place: "[link=https://evil.example]here[/link]"
licence: "\u2067isolate"
"""

# synthetic treaty text: headings and text carry markup, C1 controls and bidi controls
# (ingest refuses a text file with C0 escapes as binary; those come from manifests,
# maps, file names and arguments here)
TEXT = (
    "Agreement [venue] on \x9d0;owned\x9c Testing\n\n"
    "Article 1 [bold]Scope[/bold] \x9b31mred\n"
    "The Parties [link=https://evil.example]agree[/link] to \u2067test\u2069 \u202eevil\u202c {word}.\n\n"
    "Article 2\n"
    "Each Party \x9b31m may :warning: publish [/x] results.\n"
)

# synthetic clause map with payloads in its title and notes
MAP = r"""treatydiff-map: 1
title: "Map [/x] \e]0;owned\a [link=https://evil.example]x[/link] \u202eevil"
treaties: [example-evil, example-twin]
authors: ["[bold]tester \e[2J"]
status: draft
links:
  - left: art-1
    right: art-1
    relation: modified
    note: "Note [/x] \e[8mhidden \u202eevil [venue]"
  - left: art-2
    right: art-2
    relation: same
"""


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private store and registry with two hostile synthetic treaties ingested."""
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("TREATYDIFF_TEXTS", str(tmp_path / "texts"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "texts").mkdir()
    for treaty_id, word in (("example-evil", "data"), ("example-twin", "files")):
        (tmp_path / "texts" / f"{treaty_id}.yaml").write_text(MANIFEST.format(id=treaty_id), encoding="utf-8")
        # the file name carries a payload too
        source = tmp_path / f"{treaty_id}[bold]\x1b[31m\u202e.txt"
        source.write_text(TEXT.format(word=word), encoding="utf-8")
        assert main(["ingest", treaty_id, str(source), "--lang", "en"]) == 0
    (tmp_path / "evil-map.yaml").write_text(MAP, encoding="utf-8")
    bad_link = '  - left: "art-9\\e]0;owned\\a"\n    right: art-1\n    relation: modified\n'
    (tmp_path / "bad-map.yaml").write_text(MAP + bad_link, encoding="utf-8")
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _assert_inert(output: str) -> None:
    for char in RAW:
        assert char not in output, f"raw {char!r} reached the terminal:\n{output!r}"
    assert "Traceback" not in output and "internal error" not in output, output


def test_ingest_messages_show_the_file_name_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    source = tmp_path / "draft[bold]\x1b]0;owned\x07\u202e.txt"
    source.write_text(TEXT.format(word="data"), encoding="utf-8")
    code, output = _run(capsys, "ingest", "example-new", str(source), "--lang", "en", "--title", MARKUP)
    assert code == 0, output
    _assert_inert(output)
    assert "draft[bold]\\x1b]0;owned\\x07\\u202e.txt" in output


def test_list_shows_titles_and_parties_literally(
    world: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one table line per entry
    code, output = _run(capsys, "list")
    assert code == 0, output
    _assert_inert(output)
    flat = "".join(output.split())  # the table wraps long titles
    for literal in (
        "Draft[/x]text[venue][link=https://evil.example]click[/link]:warning:",
        "\\u202eevil",
    ):
        assert literal in flat, literal


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "example-evil"],
        ["show", "example-evil:art-1"],
        ["show", "example-evil", "--depth", "1"],
        ["diff", "example-evil", "example-twin"],
        ["diff", "example-evil", "example-twin", "--map", "{map}"],
        ["diff", "example-evil", "example-twin", "--map", "{map}", "--format", "md"],
        ["diff", "example-evil", "example-twin", "--map", "{map}", "--format", "html"],
        ["check", "{map}"],
        ["check", "{bad}"],
        ["show", "example-evil", "--verbose"],
        ["obligations", "example-evil"],
        ["obligations", "example-evil:art-1"],
    ],
)
def test_commands_show_payloads_inert(
    argv: list[str], world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = {"{map}": world / "evil-map.yaml", "{bad}": world / "bad-map.yaml"}
    code, output = _run(capsys, *(str(paths.get(word, word)) for word in argv))
    _assert_inert(output)
    if code == 2:  # a map holding a raw escape is refused, in one located line that shows it
        assert "is not allowed in a clause map" in output and "U+001B" in output, output
        return
    assert code in (0, 1), output
    if argv[0] not in ("check", "obligations"):  # these print no text with payloads in it
        assert "\\x9" in output or "\\u20" in output  # shown, not dropped


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "example-evil", "--format", "json"],
        ["obligations", "example-evil:art-1", "--format", "json"],
        ["diff", "example-evil", "example-twin", "--format", "json"],  # a map with a raw escape is refused
    ],
)
def test_json_on_stdout_escapes_controls_and_keeps_the_data(
    argv: list[str], world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([word.replace("{map}", str(world / "evil-map.yaml")) for word in argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    _assert_inert(captured.out + captured.err)
    document = json.loads(captured.out)
    if argv[0] == "show":
        assert "\u202e" in json.dumps(document, ensure_ascii=False)  # the data itself is unchanged


def test_markup_in_rich_is_never_interpreted(world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _run(capsys, "show", "example-evil:art-1")
    assert code == 0, output
    assert "[link=https://evil.example]agree[/link]" in output
    assert "[bold]Scope[/bold]" in output or "Scope" in output


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "example-evil:art-\x1b[2J"],
        ["show", "no-such\u202e"],
        ["diff", "example-evil", "example-twin", "--map", "missing\x1b]0;x\x07.yaml"],
        ["show", "example-evil", "--format", "\x1b[31mred"],
        ["--\x1b[2J"],
    ],
)
def test_error_lines_show_payloads_inert(
    argv: list[str], world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = _run(capsys, *argv)
    assert code == 2, output
    _assert_inert(output)
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), output


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("title\x07", "title\\x07"),
        ("c1\x9b31m", "c1\\x9b31m"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066iso\u2069", "\\u2066iso\\u2069"),
        ("one\ntwo", "one\\x0atwo"),
        ("фа\u200cрси \u200f", "фа\u200cрси \u200f"),  # joiners and marks used by Persian and Arabic stay
    ],
)
def test_visible_spells_out_controls(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_visible_keeps_lines_in_blocks() -> None:
    assert visible("one\r\ntwo\tthree\x1b", lines=True) == "one\ntwo\tthree\\x1b"


def test_safe_json_is_the_same_data() -> None:
    document = json.dumps({"t": "a\u202eb\x85c\x1b"}, ensure_ascii=False)
    safe = safe_json(document)
    assert "\u202e" not in safe and "\x85" not in safe and "\x1b" not in safe
    assert json.loads(safe) == json.loads(document)


def test_visible_same_length_keeps_spans_valid() -> None:
    text = "a\x1b[2Jb\u202ec\x85\nd"
    shown = visible(text, lines=True, same_length=True)
    assert shown == "a\u241b[2Jb\ufffdc\ufffd\nd" and len(shown) == len(text)
