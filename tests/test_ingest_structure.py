# synthetic: every text in this file was written for these tests.
"""Shared parser helpers: numbers, ids, labels and the paragraph/point splitter."""

from __future__ import annotations

import pytest

from treatydiff.ingest.ids import IdRegistry, article_segment
from treatydiff.ingest.labels import label_maker
from treatydiff.ingest.numbers import (
    arabic_ordinal,
    chinese_number,
    int_to_roman,
    number_slug,
    roman_to_int,
    translit_point,
)
from treatydiff.ingest.paragraphs import split_paragraphs
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
    [
        ("а", "a"),
        ("б", "b"),
        ("в", "v"),
        ("ж", "zh"),
        ("Щ", "shch"),
        ("я", "ya"),
        ("a", "a"),
        ("ъ", ""),
        ("子", "a"),
        ("亥", "l"),
        ("甲", "a"),
    ],
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


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("五十一", 51), ("一百", 100), ("一百零一", 101),
     ("一百一十", 110), ("一百十一", 111), ("一百一十一", 111), ("两千零五", 2005), ("一九四五", 1945),
     ("〇", 0), ("", None), ("第一", None), ("五a", None)],
    ids=lambda v: repr(v),
)  # fmt: skip
def test_chinese_number(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("الأول", 1), ("الاول", 1), ("الثامـن", 8), ("العاشر", 10), ("الحادي عشر", 11), ("الثاني  عشر", 12),
     ("التاسع عشر", 19), ("الأولى", 1), ("الحادية عشرة", 11), ("التاسعة عشرة", 19), ("العشرون", 20),
     ("الفصل", None), ("", None)],
    ids=lambda v: repr(v),
)  # fmt: skip
def test_arabic_ordinal(text: str, value: int | None) -> None:
    assert arabic_ordinal(text) == value


@pytest.mark.parametrize(
    ("printed", "slug"),
    [("五十一", "51"), ("一百零一", "101"), ("٥١", "51"), ("۱۲", "12"), ("１２", "12"), ("الحادي عشر", "11"),
     ("子", "a"), ("丑", "b"), ("癸", "j"), ("一", "1")],
)  # fmt: skip
def test_number_slug_chinese_and_arabic(printed: str, slug: str) -> None:
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
    "en": ["Article 3", "Article 3(3)", "Article 3(3)(a)", "Article 2, unnumbered paragraph 4",
           "Article 4(2), indent 3", "Preamble, recital 4", "Chapter VII", "Closing"],
    "ru": ["Статья 3", "Статья 3 п. 3", "Статья 3 п. 3 подп. а", "Статья 2 абз. 4",
           "Статья 4 п. 2 абз. 3", "Преамбула, абз. 4", "Глава VII", "Заключительная часть"],
    "es": ["Artículo 3", "Artículo 3(3)", "Artículo 3(3)(a)", "Artículo 2, párrafo sin número 4",
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


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        pytest.param(
            "zh",
            ["第51条", "第2条第4款", "第13条第1款(子)项", "第2条第4段", "第4条第2款第3段", "序言第4段",
             "第7章", "结尾部分", "第3条第1款引言", "第101条"],
            id="zh",
        ),
        pytest.param(
            "ar",
            ["المادة 51", "المادة 2(4)", "المادة 13(1)(أ)", "المادة 2، الفقرة غير المرقمة 4",
             "المادة 4(2)، المطة 3", "الديباجة، الفقرة 4", "الفصل الأول", "الخاتمة",
             "المادة 3(1)، الجملة الاستهلالية", "المادة 101"],
            id="ar",
        ),
    ],
)  # fmt: skip
def test_chinese_and_arabic_labels(lang: str, expected: list[str]) -> None:
    labels = label_maker(lang)
    zh = lang == "zh"
    art = labels.top("article", "五十一" if zh else "51")
    art2 = labels.top("article", "二" if zh else "2")
    art13 = labels.top("article", "十三" if zh else "13")
    got = [
        art,
        labels.child(art2, "paragraph", "四" if zh else "4"),
        labels.child(labels.child(art13, "paragraph", "一" if zh else "1"), "point", "子" if zh else "أ"),
        labels.child(art2, "unnumbered", "4"),
        labels.child(labels.child(labels.top("article", "4"), "paragraph", "2"), "dash", "3"),
        labels.child(labels.top("preamble"), "recital", "4"),
        labels.top("chapter", "七" if zh else "الأول"),
        labels.top("closing"),
        labels.child(labels.child(labels.top("article", "3"), "paragraph", "1"), "intro"),
        labels.top("article", "一百零一" if zh else "101"),
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("lang", "caption", "expected"),
    [
        pytest.param(
            "en", "POWERS AND DUTIES OF THE BOARD", "Section: Powers and Duties of the Board", id="en-caps"
        ),
        pytest.param("en", "Widget councils", "Section: Widget councils", id="en-as-written"),
        pytest.param("ru", "ПРАВА и ОБЯЗАННОСТИ", "Раздел: Права и обязанности", id="ru-caps"),
        pytest.param("fr", "DROITS ET DEVOIRS", "Section : Droits et devoirs", id="fr-caps"),
        pytest.param("es", "DERECHOS Y  DEBERES", "Sección: Derechos y deberes", id="es-caps-spaces"),
        pytest.param("zh", "权利", "节：权利", id="zh"),
        pytest.param("ar", "الحقـوق", "الفرع: الحقوق", id="ar-tatweel"),
    ],
)  # fmt: skip
def test_caption_labels(lang: str, caption: str, expected: str) -> None:
    # Captions set in capitals are shown in heading case; the tatweel only stretches a word.
    assert label_maker(lang).captioned("section", caption) == expected


# --- the splitter -------------------------------------------------------------------------


def split(body: str, lang: str = "en") -> tuple[Provision, ...]:
    label = label_maker(lang).top("article", "9")
    return split_paragraphs(
        body, Span(0, len(body)), parent_id="art-9", parent_label=label, lang=lang, ids=IdRegistry()
    )


def flat(provisions: tuple[Provision, ...]) -> list[str]:
    return [p.id for top in provisions for p in top.walk()]


SPLIT_CASES = [
    pytest.param("1. One.\n2. Two.\n", ["art-9.1", "art-9.2"], id="numbered-dot"),
    pytest.param("(1) One.\n\n(2) Two.", ["art-9.1", "art-9.2"], id="numbered-parenthesised"),
    pytest.param("1) One;\n2) Two.", ["art-9.1", "art-9.2"], id="numbered-half-parenthesis"),
    pytest.param(
        "1. The Parties shall:\n(a) trade;\n(b) talk.\n2. Fine.",
        ["art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.b", "art-9.2"],
        id="points-nest-in-numbered-paragraph",
    ),
    pytest.param(
        "1. Стороны:\nа) торгуют;\nб) говорят;\nж) молчат.",
        # ж is the seventh letter of the Russian point alphabet: the seventh point, g (rule 1).
        ["art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.b", "art-9.1.g"],
        id="cyrillic-points",
    ),
    pytest.param(
        "The Parties shall:\n\n(a) first:\n(i) one;\n(ii) two;\n(b) second.",
        ["art-9.p1", "art-9.a", "art-9.a.intro", "art-9.a.i", "art-9.a.ii", "art-9.b"],
        id="roman-points-nest-in-letter-points",
    ),
    pytest.param(
        "Items:\n(g) g;\n(h) h;\n(i) i;\n(j) j.",
        ["art-9.p1", "art-9.g", "art-9.h", "art-9.i", "art-9.j"],
        id="letter-i-after-h-is-a-letter",
    ),
    pytest.param(
        "2. The measures are:\n– tariffs;\n— quotas;\n- fees.",
        ["art-9.2", "art-9.2.intro", "art-9.2.dash-1", "art-9.2.dash-2", "art-9.2.dash-3"],
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
        ["art-9.2", "art-9.2.p1", "art-9.2.p2", "art-9.2.p3"],
        id="unmarked-paragraphs-continue-numbered-paragraph",
    ),
    pytest.param("1. Once.\n1. Twice.", ["art-9.1", "art-9.1_2"], id="repeated-number-gets-suffix"),
    pytest.param(
        "　　一、双方应：\n\n　　　　(子) 公布关税；\n\n"
        "　　　　（丑）通报变更。\n\n　　二、其他事项另行商定。",
        ["art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.b", "art-9.2"],
        id="chinese-paragraphs-and-branch-points",
    ),
    pytest.param(
        "　　双方同意：\n　　一、互相通报；\n　　二、每年会晤。\n　　十一、（一）公布；（二）执行。",
        ["art-9.p1", "art-9.1", "art-9.2", "art-9.11"],
        id="chinese-paragraph-numbers-per-line",
    ),
    pytest.param(
        "El Comité podrá:\na) proponer:\nI) normas;\nII) plazos;\nn) informar;\nñ) declarar;\no) crear.",
        ["art-9.p1", "art-9.a", "art-9.a.intro", "art-9.a.i", "art-9.a.ii", "art-9.n", "art-9.ny", "art-9.o"],
        id="upper-case-roman-and-spanish-enye",
    ),
]


@pytest.mark.parametrize(("body", "expected"), SPLIT_CASES)
def test_split_paragraphs(body: str, expected: list[str]) -> None:
    lang = "ru" if any("а" <= ch <= "я" for ch in body) else "zh" if "、" in body else "en"
    provisions = split(body, lang=lang)
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
    intro = par.children[0]
    assert (intro.id, intro.kind, intro.number, intro.text) == ("art-9.1.intro", "paragraph", None, "Lead:")
    point = par.children[1]
    assert (point.kind, point.number, point.label) == ("point", "a", "Article 9(1)(a)")
    # "(a) one;" has words before its dash item: the point's own lead-in.
    assert [c.id for c in point.children] == ["art-9.1.a.intro", "art-9.1.a.dash-1"]
    assert point.children[1].label == "Article 9(1)(a), indent 1"
    tail = par.children[2]
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


# --- lead-ins ("chapeaux") ------------------------------------------------------------------

LEAD_CASES = [
    pytest.param(
        "en", "1. The Parties shall:\n(a) trade;\n(b) talk.",
        "art-9.1.intro", "Article 9(1), introductory words", "The Parties shall:",
        id="en-points",
    ),
    pytest.param(
        "ru", "1. Стороны обязуются:\nа) торговать;\nб) встречаться.",
        "art-9.1.intro", "Статья 9 п. 1, вводная часть", "Стороны обязуются:",
        id="ru-points",
    ),
    pytest.param(
        "es", "(1) Las Partes podrán:\na) comerciar;\nb) reunirse.",
        "art-9.1.intro", "Artículo 9(1), palabras introductorias", "Las Partes podrán:",
        id="es-points",
    ),
    pytest.param(
        "fr", "1) Les Parties :\n– commercent ;\n– se réunissent.",
        "art-9.1.intro", "Article 9(1), phrase introductive", "Les Parties :",
        id="fr-dash-items",
    ),
    pytest.param(
        "en", "2. Restrictions may be set only in cases of:\n\nshortage;\n\nimbalance.",
        "art-9.2.p1", "Article 9(2), unnumbered paragraph 1", "Restrictions may be set only in cases of:",
        id="en-unmarked-items-lead-is-p1",
    ),
    pytest.param(
        "ru", "2. Ограничения вводятся только при:\n\nдефиците;\n\nнаплыве импорта.",
        "art-9.2.p1", "Статья 9 п. 2 абз. 1", "Ограничения вводятся только при:",
        id="ru-unmarked-items-lead-is-p1",
    ),
    pytest.param(
        "zh", "一、双方应：\n(子) 公布关税；\n(丑) 通报变更。",
        "art-9.1.intro", "第9条第1款引言", "双方应：",
        id="zh-points",
    ),
    pytest.param(
        "en", "1. Lead:\n(a) the Parties shall,\nwhere needed:\n(i) consult;\n(ii) report.",
        "art-9.1.a.intro", "Article 9(1)(a), introductory words", "the Parties shall,\nwhere needed:",
        id="letter-point-before-roman-points-wrapped",
    ),
    pytest.param(
        "en", "3. For the purposes of\nthis Agreement:\n\n(a) goods are traded;\n\n(b) services are not.",
        "art-9.3.intro", "Article 9(3), introductory words", "For the purposes of\nthis Agreement:",
        id="hard-wrapped-lead-in",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "body", "lead_id", "label", "text"), LEAD_CASES)
def test_lead_in_has_its_own_id(lang: str, body: str, lead_id: str, label: str, text: str) -> None:
    provisions = split(body, lang=lang)
    by_id = {p.id: p for top in provisions for p in top.walk()}
    lead = by_id[lead_id]
    parent = by_id[lead_id.rsplit(".", 1)[0]]
    assert (lead.kind, lead.label, lead.text) == ("paragraph", label, text)
    assert (lead.number, lead.children) == (None, ())
    assert body[lead.span.start : lead.span.end] == lead.text
    # First child, ending before the first item; the parent keeps its whole text.
    assert parent.children[0] is lead
    assert lead.span.end < parent.children[1].span.start
    assert parent.span.start < lead.span.start and parent.span.end == parent.children[-1].span.end
    assert parent.text.startswith(body[parent.span.start : lead.span.start] + text)


NO_LEAD_CASES = [
    pytest.param("1.\n(a) trade;\n(b) talk.", ["art-9.1", "art-9.1.a", "art-9.1.b"], id="marker-only"),
    pytest.param(
        "(2) …:\n– tariffs;\n– quotas.",
        ["art-9.2", "art-9.2.dash-1", "art-9.2.dash-2"],
        id="marker-and-ellipsis",
    ),
    pytest.param(
        "2.\n\nshortage;\n\nimbalance.",
        ["art-9.2", "art-9.2.p2", "art-9.2.p3"],
        id="marker-only-items-keep-p2",
    ),
    pytest.param("1. Alone.\n2. Also alone.", ["art-9.1", "art-9.2"], id="no-children-no-lead-in"),
    pytest.param(
        "The Parties shall:\n\n(a) trade;\n\n(b) talk.",
        ["art-9.p1", "art-9.a", "art-9.b"],
        id="article-level-lead-in-is-already-p1",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), NO_LEAD_CASES)
def test_no_lead_in_without_words(body: str, expected: list[str]) -> None:
    assert flat(split(body)) == expected


TRAILER_CASES = [
    pytest.param(
        "1. The Parties shall, each in\nits own territory:\n   (a) trade in goods of\n   every kind; and\n"
        "   (b) talk to each\n   other.\nThis applies from\nthe date of signature.",
        ["art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.b", "art-9.1.p2"],
        "art-9.1.p2", "This applies from\nthe date of signature.",
        id="outdented-new-sentence-belongs-to-the-paragraph",
    ),
    pytest.param(
        "Some text\nhere.\n  2. The Parties shall, each in\n  its own territory:\n"
        "      (a) trade in goods of\n      every kind;\n      (b) talk to each\n      other.\n"
        "  Both apply from\n  the date of\n  signature.\n3. Next.",
        ["art-9.p1", "art-9.2", "art-9.2.intro", "art-9.2.a", "art-9.2.b", "art-9.2.p2", "art-9.3"],
        "art-9.2.p2", "Both apply from\n  the date of\n  signature.",
        id="indented-paragraph",
    ),
    pytest.param(
        "1. The Parties shall, each in\nits own territory:\n(a) trade in goods of\nevery kind; and\n"
        "(b) talk to each\nother. This applies\nfrom signature.\nIt binds them both.",
        ["art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.b"],
        "art-9.1.b", "(b) talk to each\nother. This applies\nfrom signature.\nIt binds them both.",
        id="flat-layout-stays-in-the-last-point",
    ),
    pytest.param(
        "1. The Parties shall:\n   (a) trade; and\n   (b) talk to\nall others.",
        ["art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.b"],
        "art-9.1.b", "(b) talk to\nall others.",
        id="no-sentence-end-stays-in-the-last-point",
    ),
    pytest.param(
        "1. The Parties shall, each in\nits own territory:\n   (a) trade in goods of\n   every kind; and\n"
        "   (b) talk to each other.\nthen report\nto the Council.",
        ["art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.b"],
        "art-9.1.b", "(b) talk to each other.\nthen report\nto the Council.",
        id="lower-case-continuation-stays-in-the-last-point",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected", "last_id", "last"), TRAILER_CASES)
def test_words_after_a_point_list(body: str, expected: list[str], last_id: str, last: str) -> None:
    provisions = split(body)
    assert flat(provisions) == expected
    by_id = {p.id: p for top in provisions for p in top.walk()}
    assert by_id[last_id].text == last
    for p in by_id.values():
        assert body[p.span.start : p.span.end] == p.text


def test_every_span_is_exact_with_lead_ins() -> None:
    body = (
        "1. The Parties shall:\n(a) trade:\n(i) goods;\n(ii) services;\n(b) talk.\n\n"
        "2. Restrictions apply in cases of:\n\nshortage;\n\nimbalance.\n\n"
        "3. The measures are:\n– tariffs;\n– quotas.\n\nThey are temporary."
    )
    provisions = split(body)
    assert flat(provisions) == [
        "art-9.1", "art-9.1.intro", "art-9.1.a", "art-9.1.a.intro", "art-9.1.a.i", "art-9.1.a.ii",
        "art-9.1.b",
        "art-9.2", "art-9.2.p1", "art-9.2.p2", "art-9.2.p3",
        "art-9.3", "art-9.3.intro", "art-9.3.dash-1", "art-9.3.dash-2", "art-9.3.p2",
    ]  # fmt: skip
    for top in provisions:
        for p in top.walk():
            assert body[p.span.start : p.span.end] == p.text, p.id
            assert p.text == p.text.strip()
            assert is_provision_id(p.id)
