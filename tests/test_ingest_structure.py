# synthetic: every text in this file was written for these tests.
"""Shared parser helpers: numbers, ids, labels and the paragraph/point splitter."""

from __future__ import annotations

import pytest

from treatydiff.ingest.structure import (
    IdRegistry,
    article_segment,
    int_to_roman,
    label_maker,
    number_slug,
    roman_to_int,
    split_paragraphs,
    translit_point,
)
from treatydiff.model import Provision, Span, is_provision_id


@pytest.mark.parametrize(
    ("text", "value"),
    [("I", 1), ("iv", 4), ("IX", 9), ("XIV", 14), ("XIX", 19), ("XL", 40), ("MCMXLV", 1945), ("", None),
     ("IIII", None), ("VX", None), ("Vll", None), ("DID", None), ("abc", None)],
    ids=lambda v: repr(v),
)  # fmt: skip
def test_roman_to_int(text: str, value: int | None) -> None:
    assert roman_to_int(text) == value


@pytest.mark.parametrize("number", [1, 4, 9, 14, 19, 40, 99, 111, 1945, 3999])
def test_roman_round_trip(number: int) -> None:
    assert roman_to_int(int_to_roman(number)) == number


@pytest.mark.parametrize(
    ("letter", "ascii_form"),
    [("а", "a"), ("б", "b"), ("в", "v"), ("ж", "zh"), ("Щ", "shch"), ("я", "ya"), ("a", "a")],
)
def test_translit_point(letter: str, ascii_form: str) -> None:
    assert translit_point(letter) == ascii_form


@pytest.mark.parametrize(
    ("printed", "slug"),
    [
        ("5", "5"),
        ("V", "5"),
        ("XII", "12"),
        ("2.3", "2-3"),
        ("4-01", "4-01"),
        ("5 BIS", "5bis"),
        ("5bis", "5bis"),
        ("G-1", "g-1"),
        ("- 3", "3"),
        ("XIII.2", "13-2"),
        ("ONE", "1"),
        ("TWENTY-ONE", "21"),
        ("premier", "1"),
        ("ПЕРВАЯ", "1"),
        ("C", "c"),
        ("A", "a"),
        ("12A", "12a"),
        ("б", "b"),
        ("!!", ""),
    ],
)
def test_number_slug(printed: str, slug: str) -> None:
    assert number_slug(printed) == slug


def test_article_segment() -> None:
    assert article_segment("2.3", 1) == "art-2-3"
    assert article_segment(None, 2) == "art-u2"
    assert article_segment("§§", 3) == "art-u3"


def test_id_registry_prefixes_then_suffixes() -> None:
    ids = IdRegistry()
    assert ids.claim("art-1") == "art-1"
    assert ids.claim("art-1", container="annex-1") == "annex-1.art-1"
    assert ids.claim("art-1", container="annex-1") == "annex-1.art-1_2"
    assert ids.claim("art-1") == "art-1_2"


LABELS = {
    "en": ["Article 3", "Article 3(3)", "Article 3(3)(a)", "Article 2, paragraph 4",
           "Article 4(2), indent 3", "Preamble, recital 4", "Chapter VII", "Closing"],
    "ru": ["Статья 3", "Статья 3 п. 3", "Статья 3 п. 3 подп. а", "Статья 2 абз. 4",
           "Статья 4 п. 2 абз. 3", "Преамбула, абз. 4", "Глава VII", "Заключительная часть"],
    "es": ["Artículo 3", "Artículo 3(3)", "Artículo 3(3)(a)", "Artículo 2, párrafo 4",
           "Artículo 4(2), guion 3", "Preámbulo, considerando 4", "Capítulo VII", "Cláusula final"],
    "fr": ["Article 3", "Article 3(3)", "Article 3(3)(a)", "Article 2, alinéa 4",
           "Article 4(2), tiret 3", "Préambule, considérant 4", "Chapitre VII", "Formule finale"],
}  # fmt: skip
LABELS["de"] = LABELS["en"]  # unknown languages get English words


@pytest.mark.parametrize(("lang", "expected"), list(LABELS.items()), ids=list(LABELS))
def test_labels(lang: str, expected: list[str]) -> None:
    labels = label_maker(lang)
    art3 = labels.top("article", "3")
    par3 = labels.child(art3, "paragraph", "3")
    point = "а" if lang == "ru" else "a"
    got = [
        art3,
        par3,
        labels.child(par3, "point", point),
        labels.child(labels.top("article", "2"), "unnumbered", "4"),
        labels.child(labels.child(labels.top("article", "4"), "paragraph", "2"), "dash", "3"),
        labels.child(labels.top("preamble"), "recital", "4"),
        labels.top("chapter", "VII"),
        labels.top("closing"),
    ]
    assert got == expected


# --- the splitter -------------------------------------------------------------------------


def split(body: str, lang: str = "en") -> tuple[Provision, ...]:
    return split_paragraphs(
        body, Span(0, len(body)), parent_id="art-9", parent_label="Article 9", lang=lang, ids=IdRegistry()
    )


def flat(provisions: tuple[Provision, ...]) -> list[str]:
    return [p.id for top in provisions for p in top.walk()]


SPLIT_CASES = [
    pytest.param("1. One.\n2. Two.\n", ["art-9.1", "art-9.2"], id="numbered-dot"),
    pytest.param("(1) One.\n\n(2) Two.", ["art-9.1", "art-9.2"], id="numbered-parenthesised"),
    pytest.param("1) One;\n2) Two.", ["art-9.1", "art-9.2"], id="numbered-half-parenthesis"),
    pytest.param(
        "1. The Parties shall:\n(a) trade;\n(b) talk.\n2. Fine.",
        ["art-9.1", "art-9.1.a", "art-9.1.b", "art-9.2"],
        id="points-nest-in-numbered-paragraph",
    ),
    pytest.param(
        "1. Стороны:\nа) торгуют;\nб) говорят;\nж) молчат.",
        ["art-9.1", "art-9.1.a", "art-9.1.b", "art-9.1.zh"],
        id="cyrillic-points",
    ),
    pytest.param(
        "The Parties shall:\n\n(a) first:\n(i) one;\n(ii) two;\n(b) second.",
        ["art-9.p1", "art-9.a", "art-9.a.i", "art-9.a.ii", "art-9.b"],
        id="roman-points-nest-in-letter-points",
    ),
    pytest.param(
        "Items:\n(g) g;\n(h) h;\n(i) i;\n(j) j.",
        ["art-9.p1", "art-9.g", "art-9.h", "art-9.i", "art-9.j"],
        id="letter-i-after-h-is-a-letter",
    ),
    pytest.param(
        "2. The measures are:\n– tariffs;\n— quotas;\n- fees.",
        ["art-9.2", "art-9.2.dash-1", "art-9.2.dash-2", "art-9.2.dash-3"],
        id="dash-items",
    ),
    pytest.param(
        "The Parties meet yearly.\n\nThey report to the Council.\n\nReports are public.",
        ["art-9.p1", "art-9.p2", "art-9.p3"],
        id="unnumbered-paragraphs",
    ),
    pytest.param(
        "The Parties meet yearly.\nThey report to the Council.\nReports are public.",
        ["art-9.p1", "art-9.p2", "art-9.p3"],
        id="no-blank-lines-each-line-a-paragraph",
    ),
    pytest.param(
        "The Parties shall meet in the capital of\nthe State that holds the chair\nof the Council that year.",
        [],
        id="hard-wrapped-paragraph-stays-whole",
    ),
    pytest.param(
        "1. The measures under paragraph 1 of this Article apply.\n2. See paragraph 3 of Article 4.",
        ["art-9.1", "art-9.2"],
        id="mid-line-paragraph-reference",
    ),
    pytest.param(
        "This Agreement replaces the one signed in\n1992.\nIt binds both Parties.",
        [],
        id="year-at-line-start-is-not-a-paragraph",
    ),
    pytest.param(
        "2. Measures referred to in subparagraph\n(a) of paragraph 1 shall be notified.",
        ["art-9.2"],
        id="wrapped-reference-is-not-a-point",
    ),
    pytest.param(
        "2. Goods shall be deemed originating when:\n\nwholly obtained; or\n\nsufficiently processed.",
        ["art-9.2", "art-9.2.p2", "art-9.2.p3"],
        id="unmarked-paragraphs-continue-numbered-paragraph",
    ),
    pytest.param("1. Once.\n1. Twice.", ["art-9.1", "art-9.1_2"], id="repeated-number-gets-suffix"),
    pytest.param(
        "El Comité podrá:\na) proponer:\nI) normas;\nII) plazos;\nn) informar;\nñ) declarar;\no) crear.",
        ["art-9.p1", "art-9.a", "art-9.a.i", "art-9.a.ii", "art-9.n", "art-9.ny", "art-9.o"],
        id="upper-case-roman-and-spanish-enye",
    ),
]


@pytest.mark.parametrize(("body", "expected"), SPLIT_CASES)
def test_split_paragraphs(body: str, expected: list[str]) -> None:
    provisions = split(body, lang="ru" if any("а" <= ch <= "я" for ch in body) else "en")
    assert flat(provisions) == expected
    for top in provisions:
        for p in top.walk():
            assert body[p.span.start : p.span.end] == p.text
            assert p.text == p.text.strip()
            assert is_provision_id(p.id)


def test_split_numbers_and_kinds() -> None:
    provisions = split("1. Lead:\n(a) one;\n– dash.\n\nTail words.")
    par = provisions[0]
    assert (par.kind, par.number, par.label) == ("paragraph", "1", "Article 9(1)")
    point = par.children[0]
    assert (point.kind, point.number, point.label) == ("point", "a", "Article 9(1)(a)")
    assert point.children[0].id == "art-9.1.a.dash-1"
    assert point.children[0].label == "Article 9(1)(a), indent 1"
    tail = par.children[1]
    assert (tail.id, tail.kind, tail.number) == ("art-9.1.p2", "paragraph", None)
    # A paragraph's span covers its lead line and everything nested in it.
    assert par.text.startswith("1. Lead:") and par.text.endswith("Tail words.")


def test_split_respects_the_span() -> None:
    text = "HEADING\n1. One.\n2. Two.\nNEXT"
    start = text.index("1.")
    end = text.index("\nNEXT")
    provisions = split_paragraphs(
        text, Span(start, end), parent_id="art-1", parent_label="Article 1", lang="en", ids=IdRegistry()
    )
    assert [(p.id, p.text) for p in provisions] == [("art-1.1", "1. One."), ("art-1.2", "2. Two.")]
    assert provisions[1].span == Span(text.index("2."), end)
