"""Tests for treatydiff.render.markdown, on synthetic comparisons (tests/factories.py)."""

from __future__ import annotations

import re

import factories
import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from treatydiff.render import render_markdown
from treatydiff.render.markdown import escape_markdown

GFM = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _html(markdown: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<div>{GFM.render(markdown)}</div>")


@pytest.fixture(scope="module")
def text() -> str:
    return render_markdown(factories.comparison())


@pytest.mark.parametrize(
    "expected",
    [
        pytest.param("~~either~~", id="deletion"),
        pytest.param("**or charges of equivalent effect**", id="insertion"),
        pytest.param("### 1. expanded: `xa-xb-2001:art-1` → `xa-xb-2009:art-1`", id="link heading"),
        pytest.param("**Left:** `xa-xb-2001:art-1` Article 1\n", id="column heads"),
        pytest.param(
            "**Right:** `xa-xb-2009:art-3.1` Article 3(1); `xa-xb-2009:art-3.2` Article 3(2)", id="split"
        ),
        pytest.param("\n\n2\\. This Article applies from the date of entry into force.\n", id="marker"),
        pytest.param("**Note:** Scope widened to charges of equivalent effect.", id="note"),
        pytest.param("evidence: `xa-xb-2001:art-5`, `xa-xb-2009:art-6`; confidence: medium", id="evidence"),
        pytest.param("| 6 | 3 | 1 | 1 | 1 | 1 | 1 |", id="summary"),
        pytest.param(
            "| 3 | `art-3` Article 3 | `art-3.1` Article 3(1); `art-3.2` Article 3(2) | split |", id="index"
        ),
        pytest.param("licence: CC0 (synthetic test text)", id="licence"),
        pytest.param("- `xa-xb-2009:art-7` Article 7: This Agreement is concluded", id="unlinked"),
    ],
)
def test_contains(text: str, expected: str) -> None:
    assert expected in text


def test_renders_as_strike_and_strong(text: str) -> None:
    tree = _html(text)
    assert "either" in tree.xpath("//s/text()")
    assert "or charges of equivalent effect" in tree.xpath("//strong/text()")


def test_each_paragraph_is_a_block_with_its_own_marker() -> None:
    # "|" in treaty text must not add cells; numbered paragraphs must not become lists
    tree = _html(render_markdown(factories.comparison(hostile=True)))
    summary, index = tree.xpath("//table")
    assert len(summary.xpath(".//th")) == 7
    assert [len(row.xpath("th|td")) for row in index.xpath(".//tr")] == [6] * 7
    assert not tree.xpath("//ol | //ul//ul")
    paragraphs = [p.text_content() for p in tree.xpath("//p")]
    assert (
        "1. The Parties shall not apply customs duties or charges of equivalent effect on goods "
        in "".join(paragraphs)
    )
    assert "2. This Article applies from the date of entry into force." in paragraphs


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("*x* _y_ `z`", r"\*x\* \_y\_ \`z\`"),
        ("<script>&amp;", "&lt;script&gt;&amp;amp;"),
        ("[link](javascript:x)", r"\[link\](javascript:x)"),
        ("a\\b", "a\\\\b"),
        ("~~gone~~ # !", r"\~\~gone\~\~ \# \!"),
        ("two\nlines", "two lines"),
    ],
)
def test_escape_markdown(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


def test_cannot_inject_html_or_markup() -> None:
    markdown = render_markdown(factories.comparison(hostile=True))
    rendered = GFM.render(markdown)
    assert "<script" not in rendered and "<b>" not in rendered
    tree = _html(markdown)
    assert not tree.xpath("//script | //b | //a | //code[contains(., 'tick')]")
    assert (
        '<script>alert("x")</script> & "quoted" | *star* _under_ [bold]red[/bold] `tick`'
        in tree.text_content()
    )
    # the only raw HTML is the renderer's own <br>
    assert set(re.findall(r"<(\w+)", markdown)) <= {"br"}


def test_cross_language_shows_whole_texts() -> None:
    markdown = render_markdown(factories.cross_language_comparison())
    assert "not diffed (different languages)" in markdown
    assert "Стороны не применяют таможенные пошлины" in markdown
    assert "~~" not in markdown.split("## Links", 1)[1]
