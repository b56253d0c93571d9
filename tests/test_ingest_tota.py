# synthetic: the small ToTA-shaped XML documents in this file were written for these
# tests; the corpus tests read ../shared/corpus/tota and skip when it is absent.
"""ToTA XML: metadata, one provision per <article>, chapters, repairs, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from treatydiff.errors import IngestError, InputError
from treatydiff.ingest import parse_tota
from treatydiff.ingest.tota import ARTICLE_SEPARATOR
from treatydiff.model import Body, Provision, is_provision_id

ARTICLE_LEVEL = ("preamble", "article", "closing")


def article_level(body: Body) -> list[Provision]:
    return [p for p in body.walk() if p.kind in ARTICLE_LEVEL]


def assert_well_formed(body: Body) -> None:
    ids = [p.id for p in body.walk()]
    assert len(ids) == len(set(ids))
    for p in body.walk():
        assert is_provision_id(p.id), p.id
        assert body.source_text[p.span.start : p.span.end] == p.text, p.id


def tota_xml(body: str, *, number: str = "9001", language: str = "en") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<treaty>
  <meta>
    <name>Alpha - Beta</name>
    <type>Free Trade Agreement</type>
    <wto_rta_id>77</wto_rta_id>
    <treaty_identifier>{number}</treaty_identifier>
    <date_signed>2001-02-03</date_signed>
    <date_into_force>2002-03-04</date_into_force>
    <parties><partyisocode n="1">AAA</partyisocode><partyisocode n="2">BBB</partyisocode></parties>
    <language>{language}</language>
    <source lang="en" type="full text">http://example.org/alpha-beta.doc</source>
  </meta>
  <body>{body}</body>
</treaty>""".encode()


SYNTHETIC = tota_xml(
    """
    <chapter chapter_identifier="1" name="Preamble">
      <article article_identifier="10">AGREEMENT BETWEEN ALPHA AND BETA ON WIDGETS
The Parties,

wishing to trade widgets,

have agreed as follows:</article>
    </chapter>
    <chapter chapter_identifier="2" number="CHAPTER I" name="Trade In Widgets">
      <article number="ARTICLE 1" name="Duties" article_identifier="11">1. No duties apply to widgets.

2. The Parties shall:

(a) publish tariffs;

(b) notify changes.</article>
      <article number="ARTICLE 2" article_identifier="12">Widgets move freely.</article>
    </chapter>
    <chapter chapter_identifier="3" number="CHAPTER II" name="Final Provisions">
      <article number="ARTICLE 1" article_identifier="13">This article restarts the numbering.</article>
    </chapter>
    <chapter chapter_identifier="4">
      <article number="ARTICLE 3" article_identifier="14">Grouping chapters make no container.</article>
      <article article_identifier="15">A stray unnumbered article.</article>
    </chapter>
    <chapter chapter_identifier="5" name="Conclusion">
      <article article_identifier="16">IN WITNESS WHEREOF the undersigned have signed.</article>
    </chapter>
"""
)


def test_synthetic_structure() -> None:
    meta, body = parse_tota(SYNTHETIC, origin="pta_9001.xml")
    assert_well_formed(body)
    assert len(article_level(body)) == 7
    assert [p.id for p in body.provisions] == ["preamble", "ch-1", "ch-2", "art-3", "art-u1", "closing"]
    assert body.title == "AGREEMENT BETWEEN ALPHA AND BETA ON WIDGETS"
    assert [r.text for r in body.get("preamble").children] == [
        "The Parties,",
        "wishing to trade widgets,",
        "have agreed as follows:",
    ]
    chapter = body.get("ch-1")
    assert (chapter.kind, chapter.label, chapter.number, chapter.heading) == (
        "chapter",
        "Chapter I",
        "I",
        "Trade In Widgets",
    )
    assert [c.id for c in chapter.children] == ["art-1", "art-2"]
    art1 = body.get("art-1")
    assert (art1.label, art1.heading, art1.number) == ("Article 1", "Duties", "1")
    assert [p.id for p in art1.walk()] == [
        "art-1",
        "art-1.1",
        "art-1.2",
        "art-1.2.intro",
        "art-1.2.a",
        "art-1.2.b",
    ]
    assert body.get("art-1.2.intro").text == "The Parties shall:"
    # A repeated article number is prefixed with its chapter's id.
    assert [c.id for c in body.get("ch-2").children] == ["ch-2.art-1"]
    assert body.get("ch-2.art-1").label == "Chapter II, Article 1"
    assert body.get("closing").kind == "closing"
    assert body.get("art-u1").text == "A stray unnumbered article."
    art2 = body.get("art-2")
    assert art2.text == "Widgets move freely."
    assert body.source_text[art2.span.end :].startswith(ARTICLE_SEPARATOR + "This article restarts")


def test_synthetic_meta() -> None:
    meta, body = parse_tota(SYNTHETIC, origin="pta_9001.xml")
    assert meta.id == "tota-9001"
    assert meta.titles == {"en": "Alpha - Beta"}
    assert meta.parties == ("AAA", "BBB")
    assert (meta.signed_date, meta.in_force_date) == ("2001-02-03", "2002-03-04")
    assert meta.languages == ("en",)
    assert meta.licence == "CC BY-NC 4.0"
    assert meta.attribution is not None and "ToTA" in meta.attribution
    assert meta.sources[0].url == "http://example.org/alpha-beta.doc"
    assert meta.sources[-1].note is not None and "Free Trade Agreement" in meta.sources[-1].note


@pytest.mark.parametrize(
    ("number", "article_id", "label"),
    [
        pytest.param("ARTICLE 1", "art-1", "Article 1", id="article"),
        pytest.param("ARTICLE 2.3", "art-2-3", "Article 2.3", id="dotted"),
        pytest.param("ARTÍCULO 4-01", "art-4-01", "Article 4-01", id="articulo-hyphen"),
        pytest.param("ARTICLE 5 BIS", "art-5bis", "Article 5 BIS", id="bis"),
        pytest.param("ARTICLE - 3", "art-3", "Article 3", id="dash-before-number"),
        pytest.param("ARTICLE G-1", "art-g-1", "Article G-1", id="letter-prefix"),
        pytest.param("7", "art-7", "Article 7", id="bare-number"),
        pytest.param("ARTICULO XII", "art-12", "Article XII", id="articulo-roman"),
        pytest.param("ARTICLE TWENTY-ONE", "art-21", "Article TWENTY-ONE", id="number-words"),
        pytest.param("ARTIICLE 8", "art-8", "Article 8", id="ocr-typo"),
        pytest.param("ARTICLE", "art-u1", "Article u1", id="no-number"),
    ],
)
def test_article_numbers(number: str, article_id: str, label: str) -> None:
    xml = tota_xml(
        f'<chapter chapter_identifier="1"><article number="ARTICLE 0" article_identifier="1">Zero.</article>'
        f'<article number="{number}" article_identifier="2">Text.</article></chapter>'
    )
    _, body = parse_tota(xml, origin="pta_9001.xml")
    article = body.articles()[1]
    assert (article.id, article.label) == (article_id, label)


def test_spanish_labels() -> None:
    xml = tota_xml(
        '<chapter chapter_identifier="1" number="CAPÍTULO 2" name="Comercio">'
        '<article number="ARTÍCULO 2-01" article_identifier="1">1. Las Partes comercian.</article></chapter>',
        language="es",
    )
    _, body = parse_tota(xml, origin="pta_9001.xml")
    assert body.lang == "es"
    assert body.get("ch-2").label == "Capítulo 2"
    assert body.get("art-2-01.1").label == "Artículo 2-01(1)"


def test_mojibake_is_repaired_per_article_with_a_warning() -> None:
    garbled = "Соглашение о виджетах".encode().decode("cp1251")
    xml = tota_xml(
        '<chapter chapter_identifier="1">'
        f'<article number="ARTICLE 1" article_identifier="1">Clean text.</article>'
        f'<article number="ARTICLE 2" article_identifier="2">{garbled}</article></chapter>',
        language="ru",
    )
    _, body = parse_tota(xml, origin="pta_9001.xml")
    assert body.get("art-2").text == "Соглашение о виджетах"
    assert body.warnings == (
        "pta_9001.xml: article 2 (ARTICLE 2): repaired mojibake (UTF-8 text read as CP1252/CP1251)",
    )


def test_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE treaty [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<treaty><meta><treaty_identifier>5</treaty_identifier><language>en</language></meta><body>"
        '<chapter><article number="ARTICLE 1">Text &x; here.</article></chapter></body></treaty>'
    ).encode()
    _, body = parse_tota(xml, origin="pta_5.xml")
    assert "TOP SECRET" not in body.source_text


@pytest.mark.parametrize(
    ("data", "error", "fragment", "line"),
    [
        pytest.param(b"", InputError, "empty file", None, id="empty"),
        pytest.param(b"  \n ", InputError, "empty file", None, id="whitespace"),
        pytest.param(b"<treaty>\n<meta>\n</treaty>", IngestError, "malformed XML", 3, id="unclosed-tag"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", IngestError, "malformed XML", 1, id="png-bytes"),
        pytest.param(b"<html><body/></html>", IngestError, "not a ToTA file", None, id="wrong-root"),
    ],
)
def test_bad_input(data: bytes, error: type[Exception], fragment: str, line: int | None) -> None:
    with pytest.raises(error) as caught:
        parse_tota(data, origin="bad/pta_1.xml")
    message = str(caught.value)
    assert message.startswith("bad/pta_1.xml")
    assert fragment in message
    assert "\n" not in message
    assert getattr(caught.value, "line", None) == line


# --- the ToTA corpus ---------------------------------------------------------------------------


def load(corpus_dir: Path, number: int) -> Body:
    path = corpus_dir / "tota" / "xml" / f"pta_{number}.xml"
    return parse_tota(path.read_bytes(), origin=path.name)[1]


def _signed_in_article(data: bytes) -> bool:
    """Whether the last <article> carries a number (so a closing after it was split from it)."""
    last = data.rsplit(b"<article", 1)[-1]
    return last.lstrip().startswith(b"number=")


@pytest.mark.corpus
@pytest.mark.slow  # parses all 450 agreements
def test_every_tota_file_loads_with_one_provision_per_source_article(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "tota" / "xml").glob("pta_*.xml"))
    assert len(files) == 450
    problems = []
    for path in files:
        data = path.read_bytes()
        meta, body = parse_tota(data, origin=path.name)
        expected = len(re.findall(rb"<article[\s>]", data))
        ids = [p.id for p in body.walk()]
        # A signature block that opens with an annex or protocol is those containers only.
        # (A chapter's annex found at the end of an article replaces none: the body names it.)
        chapter_annexes = {w.rsplit(": ", 1)[-1] for w in body.warnings if "is a container after it" in w}
        kinds = {p.kind for p in body.walk() if p.id not in chapter_annexes}
        replaced = 1 if "annex" in kinds and "closing" not in kinds else 0
        # A last article that ends with the signatures gives that block to the closing.
        # Articles of an annex split off the signature block are that annex's, no <article>.
        annexed = {id(c) for a in body.walk() if a.kind == "annex" for c in a.walk() if c.kind == "article"}
        levels = [p for p in article_level(body) if id(p) not in annexed]
        split = levels[-1].kind == "closing" and levels[-2].kind == "article" and _signed_in_article(data)
        # Two source articles in one <article> are two, and the body says so in a warning.
        hidden = sum(1 for w in body.warnings if " found inside it " in w)
        if (
            len(levels) + replaced - split - hidden != expected
            or len(ids) != len(set(ids))
            or meta.id != f"tota-{path.stem[4:]}"
        ):
            problems.append(path.name)
    assert problems == []


@pytest.mark.corpus
@pytest.mark.parametrize("number", [420, 423, 430])
def test_russian_template_agreements(corpus_dir: Path, number: int) -> None:
    body = load(corpus_dir, number)
    assert_well_formed(body)
    assert body.title is not None and body.title.upper().startswith("AGREEMENT")
    preamble = body.get("preamble")
    assert len(preamble.children) >= 5
    assert preamble.children[0].text.startswith("The Government of the Russian Federation")
    assert body.articles()[0].id == "art-1"


@pytest.mark.corpus
def test_pta_420_paragraphs_and_repair(corpus_dir: Path) -> None:
    body = load(corpus_dir, 420)
    assert [c.id for c in body.get("art-1").children] == ["art-1.1", "art-1.2"]
    assert [c.id for c in body.get("art-3").children] == [f"art-3.{n}" for n in range(1, 7)]
    assert body.get("art-1.2").label == "Article 1(2)"
    # The items of 1(2) and 3(2) lost their letters: the lead-in is paragraph 1, the items follow.
    for paragraph in ("art-1.2", "art-3.2"):
        assert [c.id for c in body.get(paragraph).children] == [f"{paragraph}.p{n}" for n in range(1, 6)]
    lead = body.get("art-3.2.p1")
    assert lead.label == "Article 3(2), unnumbered paragraph 1"
    assert lead.text.startswith("The quantitative restrictions") and lead.text.endswith("only in cases of:")
    assert body.source_text[lead.span.start : lead.span.end] == lead.text
    assert body.get("closing").text.startswith("Done in the city of Moscow")
    # The docx metadata glued before the title (a garbled Russian prefix) is gone.
    assert body.title is not None and body.title.startswith("AGREEMENT BETWEEN")
    assert not re.search("[\u0400-\u04ff\u00d0\u00d1]", body.source_text[:2000])
    assert any("repaired mojibake" in w for w in body.warnings)
    assert any("document metadata" in w for w in body.warnings)


@pytest.mark.corpus
def test_pta_423_points(corpus_dir: Path) -> None:
    body = load(corpus_dir, 423)
    # The lead-in before the lettered criteria, the criteria, then the paragraph's closing words.
    assert [p.id for p in body.get("art-1.2").children] == [
        "art-1.2.intro",
        "art-1.2.a",
        "art-1.2.b",
        "art-1.2.c",
        "art-1.2.p2",
    ]
    intro = body.get("art-1.2.intro")
    assert intro.label == "Article 1(2), introductory words"
    assert intro.text.startswith("For the purposes") and intro.text.endswith(":")
    assert body.get("art-3.2").children[0].id == "art-3.2.p1"
    assert any("repaired mojibake" in w for w in body.warnings)


@pytest.mark.corpus
def test_pta_430_hard_wrapped_paragraphs(corpus_dir: Path) -> None:
    body = load(corpus_dir, 430)
    assert body.get("art-1").heading == "General Provisions"
    # Hard-wrapped lines stay inside their paragraph.
    assert [c.id for c in body.get("art-10").children] == ["art-10.p1", "art-10.p2", "art-10.p3"]
