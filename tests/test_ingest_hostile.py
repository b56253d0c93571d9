# synthetic: every text, page and ToTA-shaped document in this file was written for these tests.
"""Parser regressions from the hostile-input review (issue 7, items 5, 6 and 8).

Bounded work is checked by counting operations, never by timing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.corpus import Registry
from treatydiff.errors import IngestError, TreatydiffError
from treatydiff.ingest import parse_html, parse_text, parse_tota, text
from treatydiff.ingest.ids import IdRegistry, fit_id
from treatydiff.model import MAX_ID_LENGTH, Citation, is_provision_id
from treatydiff.store import Store

# --- 7.5 bounded work ------------------------------------------------------------------------


def test_contents_table_scan_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """4,000 chapter and article headings with text between: each heading's key is made once."""
    calls = 0
    real = text.number_slug

    def counting(printed: str, *, roman: bool = True) -> str:
        nonlocal calls
        calls += 1
        return real(printed, roman=roman)

    monkeypatch.setattr(text, "number_slug", counting)
    n = 2000
    source = "\n".join(
        f"Chapter {i}\nArticle {i}\nThe Parties shall do thing {i}.\n" for i in range(1, n + 1)
    )
    body = parse_text(source, lang="en")
    assert len(body.articles()) == n
    # Before the fix the scan rebuilt the set of later keys for every run: n² calls.
    assert calls <= 10 * n


class _CountingSet(set[str]):
    probes = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.probes += 1
        return super().__contains__(item)


def test_repeated_ids_are_claimed_in_linear_time() -> None:
    """A text repeated 1,000 times claims art-1, art-1_2 … art-1_1000 without rescanning."""
    ids = IdRegistry(used=_CountingSet())
    _CountingSet.probes = 0
    claimed = [ids.claim("art-1") for _ in range(1000)]
    assert claimed[:3] == ["art-1", "art-1_2", "art-1_3"]
    assert claimed[-1] == "art-1_1000"
    assert _CountingSet.probes <= 3 * 1000


def test_repeat_numbering_is_unchanged_when_a_suffixed_id_is_taken() -> None:
    ids = IdRegistry()
    assert ids.claim("art-1_3") == "art-1_3"
    assert [ids.claim("art-1") for _ in range(4)] == ["art-1", "art-1_2", "art-1_4", "art-1_5"]


# --- 7.6 control characters in web pages --------------------------------------------------------


@pytest.mark.parametrize("escape", ["&#27;", "&#x1b;", "&#1;", "&#11;", "\x1b", "&#127;"])
def test_control_character_in_a_page_is_no_crash(escape: str) -> None:
    page = f"<html><body><p>Text {escape}[31m red</p></body></html>".encode()
    with pytest.raises(TreatydiffError) as caught:  # no article, or a raw byte: binary
        parse_html(page, origin="page.html")
    assert str(caught.value).startswith("page.html: ") and "\n" not in str(caught.value)


def test_control_character_in_a_treaty_page_is_kept() -> None:
    page = (
        b"<html><body><h2>Article 1</h2><p>Text &#27;[31m red.</p>"
        b"<h2>Article 2</h2><p>More.</p></body></html>"
    )
    body = parse_html(page, origin="page.html")
    assert [a.id for a in body.articles()] == ["art-1", "art-2"]
    assert "\x1b[31m red." in body.get("art-1").text


# --- 7.8 silent wrong results --------------------------------------------------------------------


def _tota(body: str, identifier: str | None = "5") -> bytes:
    ident = f"<treaty_identifier>{identifier}</treaty_identifier>" if identifier is not None else ""
    return f"<treaty><meta>{ident}<language>en</language></meta><body>{body}</body></treaty>".encode()


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("", id="empty-body"),
        pytest.param("<chapter/>", id="empty-chapter"),
        pytest.param('<chapter><article number="ARTICLE 1">  \n </article></chapter>', id="blank-article"),
    ],
)
def test_tota_without_text_is_an_error(body: str) -> None:
    with pytest.raises(IngestError, match="without treaty text") as caught:
        parse_tota(_tota(body), origin="pta_5.xml")
    assert str(caught.value).startswith("pta_5.xml: ")


def test_tota_body_element_missing_is_an_error() -> None:
    data = b"<treaty><meta><treaty_identifier>5</treaty_identifier></meta></treaty>"
    with pytest.raises(IngestError, match="without treaty text"):
        parse_tota(data, origin="pta_5.xml")


ONE_ARTICLE = '<chapter><article number="ARTICLE 1">Text.</article></chapter>'


def test_tota_id_is_the_number_asked_for() -> None:
    meta, _ = parse_tota(_tota(ONE_ARTICLE, identifier=None), origin="downloads/agreement.xml", number=5)
    assert meta.id == "tota-5"


def test_tota_file_holding_another_agreement_is_refused() -> None:
    with pytest.raises(IngestError, match="holds ToTA agreement 7, not 5"):
        parse_tota(_tota(ONE_ARTICLE, identifier="7"), origin="pta_5.xml", number=5)


def test_registry_refuses_a_misnamed_tota_file(tmp_path: Path) -> None:
    tota = tmp_path / "tota" / "xml"
    tota.mkdir(parents=True)
    (tota / "pta_5.xml").write_bytes(_tota(ONE_ARTICLE, identifier="7"))
    registry = Registry(
        texts_dir=tmp_path / "texts", store=Store(tmp_path / "store"), tota_dir=tmp_path / "tota"
    )
    with pytest.raises(TreatydiffError, match="not 5"):
        registry.load("tota:5")


def test_long_ids_are_shortened_deterministically_and_citable() -> None:
    number = "7." * 100
    art = f'<article number="ARTICLE {number}">1. Text.\n\n2. More:\n\n(a) x;\n\n(b) y.</article>'
    data = _tota(f'<chapter number="CHAPTER {"9" * 150}">{art}{art}</chapter>')
    _, first = parse_tota(data, origin="pta_5.xml")
    _, again = parse_tota(data, origin="pta_5.xml")
    ids = [p.id for p in first.walk()]
    assert ids == [p.id for p in again.walk()]
    assert len(ids) == len(set(ids))
    for pid in ids:
        assert len(pid) <= MAX_ID_LENGTH and is_provision_id(pid), pid
        assert Citation.parse(f"tota:5:{pid}").provision == pid
    article = first.articles()[0]
    # The path stays readable: the article's paragraphs and points hang below its shortened id.
    assert [c.id for c in article.children] == [f"{article.id}.1", f"{article.id}.2"]


def test_fit_id_keeps_short_ids_and_cuts_long_ones() -> None:
    assert fit_id("art-3.3.a") == "art-3.3.a"
    long = "art-" + "1-" * 30 + "1"
    fitted = fit_id(long)
    assert fitted != long and len(fitted) <= 40 and is_provision_id(fitted)
    assert fit_id(long) == fitted
    deep = ".".join(["a" * 39] * 5)
    assert len(fit_id(deep)) <= MAX_ID_LENGTH and is_provision_id(fit_id(deep))


def test_articles_numbered_10000_and_up_are_articles() -> None:
    source = "Article 9999\n\nText a.\n\nArticle 10000\n\nText b.\n\nArticle 123456\n\nText c.\n"
    body = parse_text(source, lang="en")
    assert [a.id for a in body.articles()] == ["art-9999", "art-10000", "art-123456"]
    assert body.get("art-10000").text == "Article 10000\n\nText b."


def test_small_page_keeps_sentences_whole_across_inline_elements() -> None:
    page = (
        b"<html><body><h1>Agreement</h1><p>Article 1</p>"
        b'<p>The <b>Parties</b> shall <a href="x">cooperate</a> on trade.</p></body></html>'
    )
    body = parse_html(page, origin="small.html")
    article = body.get("art-1")
    assert article.children == ()
    assert article.text.endswith("The Parties shall cooperate on trade.")


def test_inline_elements_join_without_invented_spaces() -> None:
    page = (
        b"<html><body><p>Article 1</p>"
        b"<p>The Part<i>ies</i> agree, <em>inter alia</em>, to trade.</p></body></html>"
    )
    body = parse_html(page, origin="small.html")
    assert body.get("art-1").text.endswith("The Parties agree, inter alia, to trade.")
