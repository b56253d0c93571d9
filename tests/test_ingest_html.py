# synthetic: the web pages in this file were written for these tests.
"""Saved web pages: boilerplate removed, structure kept, fallback and errors."""

from __future__ import annotations

import pytest
import trafilatura

from treatydiff.errors import IngestError, InputError
from treatydiff.ingest import parse_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Widget Agreement - Ministry Portal</title>
<script>var tracking = "Article 99";</script><style>body { color: navy }</style></head>
<body>
<header><div class="logo">Ministry of Widgets</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/treaties">Treaties</a></li><li><a href="/contact">Contact us</a></li></ul></nav></header>
<main><article>
<h1>Agreement between the Republic of Alpha and the Kingdom of Beta on Widget Trade</h1>
<p>The Republic of Alpha and the Kingdom of Beta, hereinafter referred to as the Parties,</p>
<p>desiring to promote the exchange of widgets between their territories,</p>
<p>have agreed as follows:</p>
<h2>Chapter I. General Provisions</h2>
<h3>Article 1</h3>
<h4>Definitions</h4>
<p>For the purposes of this Agreement:</p>
<ol><li>(a) "widget" means any small mechanical device;</li>
<li>(b) "Party" means a State bound by this Agreement.</li></ol>
<h3>Article 2</h3>
<p>1. Each Party shall reduce duties on widgets.</p>
<p>2. The duties referred to in paragraph 1 of this Article shall be eliminated by 2030.</p>
<h2>Chapter II. Final Provisions</h2>
<h3>Article 3</h3>
<p>This Agreement shall enter into force on the thirtieth day after signature.</p>
<p>Done at Gamma on 1 May 2024 in two originals, in the English language.</p>
</article></main>
<aside><h3>Related documents</h3><ul><li><a href="/x">Another widget treaty</a></li></ul></aside>
<footer><p>Copyright 2024 Ministry of Widgets. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>
"""

BOILERPLATE = [
    "Ministry Portal",
    "Contact us",
    "Home",
    "Related documents",
    "Privacy policy",
    "tracking",
    "navy",
]


def test_page_structure() -> None:
    body = parse_html(PAGE.encode(), origin="widgets.html")
    assert body.title == "Agreement between the Republic of Alpha and the Kingdom of Beta on Widget Trade"
    assert [p.id for p in body.provisions] == ["preamble", "ch-1", "ch-2", "closing"]
    assert len(body.get("preamble").children) == 3
    assert body.get("ch-1").heading == "General Provisions"
    assert body.get("art-1").heading == "Definitions"
    assert [p.id for p in body.get("art-1").walk()] == ["art-1", "art-1.p1", "art-1.a", "art-1.b"]
    assert [p.id for p in body.get("art-2").children] == ["art-2.1", "art-2.2"]
    assert body.get("closing").text.startswith("Done at Gamma")
    for p in body.walk():
        assert body.source_text[p.span.start : p.span.end] == p.text


@pytest.mark.parametrize("word", BOILERPLATE)
def test_boilerplate_disappears(word: str) -> None:
    body = parse_html(PAGE.encode(), origin="widgets.html")
    assert word not in body.source_text


def test_declared_charset_is_honoured() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Widget Trade", "Widget Trade – Café"
    )
    body = parse_html(page.encode("cp1252"), origin="widgets.html")
    assert body.title is not None and body.title.endswith("Widget Trade – Café")


def test_lxml_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    body = parse_html(PAGE.encode(), origin="widgets.html")
    assert [a.id for a in body.articles()] == ["art-1", "art-2", "art-3"]
    for word in ("Contact us", "Privacy policy", "tracking", "Ministry Portal"):
        assert word not in body.source_text


@pytest.mark.parametrize(
    ("data", "error", "fragment"),
    [
        pytest.param(b"", InputError, "empty file", id="empty"),
        pytest.param(b"<html><body></body></html>", IngestError, "no text found", id="no-text"),
        pytest.param(
            b"<html><body><p>Only prose, no headings.</p></body></html>",
            IngestError,
            "no article",
            id="no-article",
        ),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", InputError, "binary", id="png-bytes"),
    ],
)
def test_bad_pages(data: bytes, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        parse_html(data, origin="page.html")
    assert str(caught.value).startswith("page.html: ")
    assert fragment in str(caught.value)
