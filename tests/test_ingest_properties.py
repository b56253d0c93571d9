# synthetic: every text in this file is generated or was written for these tests.
"""Property tests of the format parsers: whatever the bytes, only treatydiff's own errors escape,
and whatever parses is well formed (exact spans, unique valid ids).

The number of examples comes from the hypothesis profile (tests/conftest.py):
``TREATYDIFF_HYPOTHESIS=slow`` (scripts/test.sh) runs 10,000 per test.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydiff.errors import TreatydiffError
from treatydiff.ingest import parse_bytes, parse_html, parse_text, parse_tota
from treatydiff.model import Body, is_provision_id

_QUIET = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)

_LINES = st.sampled_from(
    ["Article 1", "ARTICLE 2", "Article 2.3", "Статья 3", "第一条", "المادة 1", "ماده ۱", "제1조", "Chapter",
     "ANNEX", "PROTOCOL", "Preamble", "The Parties shall trade widgets.", "The Parties shall", "trade",
     "1.", "1.The Parties", "2. Widgets", "(a) widgets;", "a) gadgets;", "а) виджеты;", "(i) one", "1) one",
     "-", "- item", "-item", "–", "12", "* * *", "0101.10", "Done at Gamma", "IN WITNESS WHEREOF",
     "Совершено в", "\u3000\u3000一、", "(子) ", "①", "가.", "الف)", "", "", "   ", "\t", "\u200f"]
)  # fmt: skip
_TEXTS = st.one_of(st.lists(_LINES, max_size=30).map("\n".join), st.text(max_size=200))


def _assert_well_formed(body: Body) -> None:
    seen: set[str] = set()
    for p in body.walk():
        assert body.source_text[p.span.start : p.span.end] == p.text, p.id
        assert is_provision_id(p.id), p.id
        assert p.id not in seen, p.id
        seen.add(p.id)


@_QUIET
@given(st.binary(max_size=400), st.sampled_from(["text", "html", "tota"]))
def test_any_bytes_in_any_format_raise_only_treatydiff_errors(data: bytes, fmt: str) -> None:
    with contextlib.suppress(TreatydiffError):
        parse_bytes(data, origin=Path(f"x.{fmt}"), fmt=fmt)  # type: ignore[arg-type]


@_QUIET
@given(_TEXTS, st.sampled_from([None, "en", "ru", "fr", "zh", "ar", "fa", "ko"]))
def test_text_parser_raises_only_treatydiff_errors_and_parses_well_formed(
    text: str, lang: str | None
) -> None:
    try:
        body = parse_text(text, lang=lang)
    except TreatydiffError:
        return
    _assert_well_formed(body)


_TAGS = st.sampled_from(["p", "div", "h1", "h2", "li", "span", "br", "table", "td", "script", "article"])


@st.composite
def _html(draw: st.DrawFn) -> bytes:
    parts = ["<html><body>"] if draw(st.booleans()) else []
    for line in draw(st.lists(st.tuples(_TAGS, _TEXTS), max_size=12)):
        tag, text = line
        parts.append(f"<{tag}>{escape(text) if draw(st.booleans()) else text}</{tag}>")
    return "".join(parts).encode("utf-8", "surrogatepass")


@_QUIET
@given(_html())
def test_html_parser_raises_only_treatydiff_errors_and_parses_well_formed(data: bytes) -> None:
    try:
        body = parse_html(data, origin="x.html")
    except TreatydiffError:
        return
    _assert_well_formed(body)


@st.composite
def _tota(draw: st.DrawFn) -> bytes:
    printed = ["ARTICLE", "ARTICLE 1", "ARTICLE 2", "Article 1.2", "ANNEX 1", "ARTÍCULO 4-01", "", "V"]
    numbers = st.one_of(st.none(), st.sampled_from(printed))
    body = []
    for _ in range(draw(st.integers(0, 4))):
        chapter = draw(numbers)
        name = draw(st.sampled_from(["", "Preamble", "Conclusion", "General"]))
        articles = "".join(
            f"<article{'' if n is None else ' number=' + quoteattr(n)}>{escape(t)}</article>"
            for n, t in draw(st.lists(st.tuples(numbers, _TEXTS), max_size=5))
        )
        attrs = ("" if chapter is None else f" number={quoteattr(chapter)}") + (
            f' name="{name}"' if name else ""
        )
        body.append(f"<chapter{attrs}>{articles}</chapter>")
    known = "<meta><language>en</language><treaty_identifier>7</treaty_identifier></meta>"
    meta = draw(st.sampled_from(["", known, "<meta><language>xx-yy</language></meta>"]))
    text = f"<treaty>{meta}<body>{''.join(body)}</body></treaty>"
    cleaned = "".join(ch for ch in text if ch in "\t\n\r" or (ch >= " " and not 0xD800 <= ord(ch) <= 0xDFFF))
    return cleaned.encode("utf-8")


@_QUIET
@given(_tota())
def test_tota_parser_raises_only_treatydiff_errors_and_parses_well_formed(data: bytes) -> None:
    try:
        _meta, body = parse_tota(data, origin="pta_7.xml")
    except TreatydiffError:
        return
    _assert_well_formed(body)
