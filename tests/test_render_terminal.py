"""Tests for treatydiff.render.terminal, on synthetic comparisons (tests/factories.py)."""

from __future__ import annotations

import io
import re

import factories
import pytest
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from treatydiff.model import Comparison
from treatydiff.render import render_terminal
from treatydiff.render._fast_table import FastTable


def _plain(comparison: Comparison, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    render_terminal(comparison, console)
    return console.export_text()


def _coloured(comparison: Comparison) -> tuple[Console, str]:
    console = Console(
        file=io.StringIO(), width=100, color_system="truecolor", force_terminal=True, record=True
    )
    render_terminal(comparison, console)
    return console, console.file.getvalue()  # type: ignore[attr-defined]


def test_header_names_both_treaties_and_the_map() -> None:
    text = _plain(factories.comparison())
    assert "Agreement between Arcadia and Borduria on Free Trade (xa-xb-2001, en)" in text
    assert "Revised Agreement between Arcadia and Borduria on Free Trade (xa-xb-2009, en)" in text
    assert "curated clause map “Arcadia–Borduria 2001 and 2009” (reviewed)" in text
    assert "6 — 3 changed · 1 unchanged · 1 added · 1 dropped · 1 unlinked left · 1 unlinked right" in text


def test_header_says_when_no_map_was_given() -> None:
    assert "aligned by article number — no map given" in _plain(factories.comparison(curated=False))


@pytest.mark.parametrize(
    "expected",
    [
        pytest.param("xa-xb-2001:art-1  Article 1", id="left column head"),
        pytest.param("xa-xb-2009:art-3.2  Article 3(2)", id="second provision of a split"),
        pytest.param("1 · expanded · changed · 86% similar · +7 −1 words", id="relation and similarity"),
        pytest.param("2 · same · unchanged · 100% similar", id="unchanged without counts"),
        pytest.param("xa-xb-2009: no provision", id="dropped side"),
        pytest.param("Scope widened to charges of equivalent effect.", id="note"),
        pytest.param("evidence: xa-xb-2001:art-5, xa-xb-2009:art-6; confidence: medium", id="evidence"),
        pytest.param("xa-xb-2001:art-6   Article 6", id="unlinked"),
        pytest.param("xa-xb-2001: CC0 (synthetic test text); treatydiff test authors", id="licence"),
    ],
)
def test_link_tables(expected: str) -> None:
    assert expected in _plain(factories.comparison())


def test_without_colour_marks_survive_as_text() -> None:
    text = _plain(factories.comparison())
    assert "[-either-]" in text
    assert "{+or charges of equivalent effect+}" in text
    assert "[-may-]" in text and "{+shall endeavour to+}" in text
    assert "legend     [-deleted-]  {+inserted+}" in text


def test_no_color_environment_adds_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    console = Console(file=io.StringIO(), width=100, force_terminal=True, record=True)
    render_terminal(factories.comparison(), console)
    assert "[-either-]" in console.export_text()


def test_with_colour_marks_are_styles_not_brackets() -> None:
    console, raw = _coloured(factories.comparison())
    assert "[-either-]" not in raw and "{+" not in raw
    assert "\x1b[" in raw
    html = console.export_html(inline_styles=True)
    assert re.search(r"line-through[^>]*>either</span>", html)
    assert re.search(r"underline[^>]*>(or )?charges of equivalent effect</span>", html)


@pytest.mark.parametrize("width", [60, 100, 160])
def test_wraps_at_console_width(width: int) -> None:
    lines = _plain(factories.comparison(), width=width).splitlines()
    assert max(len(line) for line in lines) <= width


def test_markup_in_treaty_text_is_printed_literally() -> None:
    text = _plain(factories.comparison(hostile=True), width=200)
    assert "[bold]red[/bold]" in text
    assert '<script>alert("x")</script>' in text


def test_cross_language_links_are_shown_in_parallel() -> None:
    text = _plain(factories.cross_language_comparison(), width=120)
    assert "not diffed (different languages)" in text
    assert "Стороны не применяют таможенные пошлины" in text
    assert "[-" not in text and "{+" not in text and "legend" not in text


def test_the_header_counts_links_by_relation() -> None:
    text = _plain(factories.comparison(), width=160)
    assert "relations  1 same · 1 modified · 1 expanded · 1 split · 1 added · 1 dropped" in text


def _drawn(renderable: object, width: int, colour: bool) -> str:
    console = Console(
        file=io.StringIO(), width=width, color_system="truecolor" if colour else None, force_terminal=colour
    )
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


# synthetic: written for this test; wide characters, tabs, a word longer than a column,
# styles across a line's end, cells of unequal height and a head of two lines.
def _link_like_table() -> Table:
    table = Table(title=Text("7 · moved", "bold"), title_justify="left", caption=Text("a note\nmore", "dim"),
                  caption_justify="left", box=box.ROUNDED, expand=True, show_lines=False)  # fmt: skip
    head = Text("xa:art-1", "bold cyan")
    head.append("\nxa:art-2  Article 2", style="dim")
    table.add_column(head, ratio=1, overflow="fold")
    table.add_column(Text("xb:art-1"), ratio=1, overflow="fold")
    left = Text("1. The Parties\tshall ")
    left.append("reduce duties on cogs and sprockets", style="red strike")
    left.append(" 協定の締約国は歯車の関税を引き下げる " + "x" * 70)
    left.stylize("bold", 4, 11)
    table.add_row(left, Text("—", style="dim"))
    return table


@pytest.mark.parametrize("width", [6, 9, 10, 11, 40, 57, 100, 173])
@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
def test_the_fast_link_table_draws_what_richs_table_draws(width: int, colour: bool) -> None:
    table = _link_like_table()
    assert _drawn(FastTable(table), width, colour) == _drawn(table, width, colour)
    assert FastTable(table).fits(width) == (width >= 9)


def test_the_report_draws_what_richs_tables_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _plain(factories.comparison()), _coloured(factories.comparison())[1]
    monkeypatch.setattr(FastTable, "fits", lambda self, width: False)  # rich's Table draws each link
    assert (_plain(factories.comparison()), _coloured(factories.comparison())[1]) == fast
