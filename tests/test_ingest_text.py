# synthetic: the small treaty texts in this file were written for these tests; the
# UN Charter tests read the shared corpus and skip when it is absent.
"""The plain-text parser: headings, containers, preamble, closing, ids and spans."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydiff.errors import IngestError, TreatydiffError
from treatydiff.ingest import parse_text
from treatydiff.model import Body, is_provision_id

BODY = "The Parties shall trade widgets.\n"


def assert_well_formed(body: Body) -> None:
    """Every span is exact, every id is valid and unique."""
    seen: set[str] = set()
    for p in body.walk():
        assert body.source_text[p.span.start : p.span.end] == p.text, p.id
        assert is_provision_id(p.id), p.id
        assert p.id not in seen, p.id
        seen.add(p.id)


def article_ids(body: Body) -> list[str]:
    return [a.id for a in body.articles()]


def ids_of(body: Body, *kinds: str) -> list[str]:
    return [p.id for p in body.walk() if p.kind in kinds]


AGREEMENT = """AGREEMENT BETWEEN THE REPUBLIC OF ALPHA
AND THE KINGDOM OF BETA ON WIDGET TRADE

The Republic of Alpha and the Kingdom of Beta, hereinafter the Parties,

desiring to trade widgets freely,

have agreed as follows:

Article 1
Definitions

For the purposes of this Agreement, "widget" means a small device.

Article 2

1. Each Party shall reduce duties on widgets.
2. Duties under Article 51 of the Charter are not affected.

Done at Gamma on 1 May 2024 in two copies, both texts being equally authentic.
"""


def test_agreement_structure() -> None:
    body = parse_text(AGREEMENT)
    assert_well_formed(body)
    assert body.lang == "en"
    assert body.title == "AGREEMENT BETWEEN THE REPUBLIC OF ALPHA AND THE KINGDOM OF BETA ON WIDGET TRADE"
    assert [p.id for p in body.provisions] == ["preamble", "art-1", "art-2", "closing"]
    preamble = body.get("preamble")
    assert [r.id for r in preamble.children] == ["preamble.1", "preamble.2", "preamble.3"]
    assert preamble.children[2].text == "have agreed as follows:"
    assert preamble.children[0].label == "Preamble, recital 1"
    art1 = body.get("art-1")
    assert (art1.heading, art1.label, art1.number) == ("Definitions", "Article 1", "1")
    assert art1.children == ()
    assert [c.id for c in body.get("art-2").children] == ["art-2.1", "art-2.2"]
    # The signature block is its own provision, not the tail of the last article.
    assert body.get("art-2").text.endswith("not affected.")
    assert body.get("closing").text.startswith("Done at Gamma")
    assert body.get("closing").label == "Closing"


@pytest.mark.parametrize(
    ("heading", "article_id", "title"),
    [
        pytest.param("Article 5", "art-5", None, id="article"),
        pytest.param("ARTICLE V", "art-5", None, id="article-roman-caps"),
        pytest.param("Art. 5", "art-5", None, id="art-abbreviation"),
        pytest.param("Статья 5", "art-5", None, id="statya"),
        pytest.param("СТАТЬЯ 5", "art-5", None, id="statya-caps"),
        pytest.param("Article 5: Scope", "art-5", "Scope", id="colon-title"),
        pytest.param("Article 5 — Scope", "art-5", "Scope", id="dash-title"),
        pytest.param("Article 5. Scope", "art-5", "Scope", id="dot-title"),
        pytest.param("Article 5 Scope", "art-5", "Scope", id="space-title"),
        pytest.param("Статья 5. Сфера применения", "art-5", "Сфера применения", id="statya-title"),
        pytest.param("## Article 5", "art-5", None, id="markdown-heading"),
        pytest.param("### **Article 5** — Scope", "art-5", "Scope", id="markdown-bold"),
        pytest.param(
            "Article 5\nScope of Application", "art-5", "Scope of Application", id="title-next-line"
        ),
        pytest.param(
            "Article 5\n\nScope of Application", "art-5", "Scope of Application", id="title-after-blank"
        ),
        pytest.param("Article 2.3", "art-2-3", None, id="numbered-per-chapter"),
        pytest.param("ARTÍCULO 4-01", "art-4-01", None, id="articulo-hyphen"),
        pytest.param("Article 5 bis", "art-5bis", None, id="bis"),
        pytest.param("Article premier", "art-1", None, id="article-premier"),
        pytest.param("ARTICLE ONE", "art-1", None, id="number-word"),
    ],
)
def test_article_conventions(heading: str, article_id: str, title: str | None) -> None:
    body = parse_text(f"{heading}\n{BODY}")
    assert_well_formed(body)
    assert article_ids(body) == [article_id]
    article = body.get(article_id)
    assert article.heading == title
    assert article.text.startswith(heading.split("\n")[0])
    assert article.text.endswith("widgets.")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Article 7. The Parties shall exchange data on widget tariffs.", id="dot"),
        pytest.param("Article 7 The Parties shall exchange data on widget tariffs.", id="no-separator"),
        pytest.param("Статья 7. Стороны ежегодно обмениваются сведениями о тарифах.", id="statya"),
    ],
)
def test_inline_body_after_heading(line: str) -> None:
    body = parse_text(f"{line}\nArticle 8\n{BODY}")
    assert article_ids(body) == ["art-7", "art-8"]
    article = body.get("art-7")
    assert article.heading is None
    assert article.text == line


@pytest.mark.parametrize(
    ("heading", "container_id", "kind", "title"),
    [
        pytest.param("Chapter I", "ch-1", "chapter", None, id="chapter-roman"),
        pytest.param(
            "CHAPTER II: Trade in Widgets", "ch-2", "chapter", "Trade in Widgets", id="chapter-caps-title"
        ),
        pytest.param(
            "Chapter 3\nGeneral Provisions", "ch-3", "chapter", "General Provisions", id="title-next-line"
        ),
        pytest.param("Глава I: Общие положения", "ch-1", "chapter", "Общие положения", id="glava"),
        pytest.param("ГЛАВА IX", "ch-9", "chapter", None, id="glava-caps"),
        pytest.param("Section 2", "sec-2", "section", None, id="section"),
        pytest.param("Раздел 2", "sec-2", "section", None, id="razdel"),
        pytest.param("Part ONE", "part-1", "part", None, id="part-word"),
        pytest.param("ЧАСТЬ 2", "part-2", "part", None, id="chast"),
        pytest.param("Title I", "title-1", "title", None, id="title"),
        pytest.param("Capítulo V", "ch-5", "chapter", None, id="capitulo"),
    ],
)
def test_container_conventions(heading: str, container_id: str, kind: str, title: str | None) -> None:
    body = parse_text(f"{heading}\nArticle 12\n{BODY}")
    assert_well_formed(body)
    container = body.get(container_id)
    assert (container.kind, container.heading) == (kind, title)
    # Article ids stay global inside containers.
    assert [c.id for c in container.children] == ["art-12"]


@pytest.mark.parametrize(
    ("heading", "annex_id"),
    [
        pytest.param("Annex", "annex", id="annex"),
        pytest.param("Annex 1", "annex-1", id="annex-number"),
        pytest.param("ANNEX A", "annex-a", id="annex-letter"),
        pytest.param("Annex II: Tariff Schedule", "annex-2", id="annex-roman-title"),
        pytest.param("Приложение № 2", "annex-2", id="prilozhenie-number-sign"),
        pytest.param("ПРИЛОЖЕНИЕ", "annex", id="prilozhenie-caps"),
    ],
)
def test_annex_conventions(heading: str, annex_id: str) -> None:
    body = parse_text(f"Article 1\n{BODY}\n{heading}\n\nWidgets of heading 99 are listed here.\n")
    assert_well_formed(body)
    annex = body.get(annex_id)
    assert annex.kind == "annex"
    assert [c.id for c in annex.children] == [f"{annex_id}.p1"]
    assert body.get("art-1").text.endswith("widgets.")


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param("Done at Gamma, this first day of May 2024, in duplicate.", id="done-at"),
        pytest.param("DONE at Gamma on 1 May 2024.", id="done-at-caps"),
        pytest.param("In witness whereof the undersigned have signed this Agreement.", id="in-witness"),
        pytest.param("IN FAITH WHEREOF the plenipotentiaries have signed.", id="in-faith"),
        pytest.param("Совершено в г. Гамма 1 мая 2024 года в двух экземплярах.", id="soversheno"),
        pytest.param("СОСТАВЛЕНО в городе Гамма в двух экземплярах.", id="sostavleno"),
        pytest.param(
            "В удостоверение чего уполномоченные подписали настоящее Соглашение.", id="v-udostoverenie"
        ),
        pytest.param("Hecho en Gamma, el primero de mayo de 2024.", id="hecho-en"),
        pytest.param("Fait à Gamma, le 1er mai 2024.", id="fait-a"),
    ],
)
def test_closing_conventions(closing: str) -> None:
    body = parse_text(f"Article 1\n{BODY}\nArticle 2\n{BODY}\n{closing}\n\n(signatures)\n")
    assert_well_formed(body)
    assert [p.id for p in body.provisions] == ["art-1", "art-2", "closing"]
    assert body.get("art-2").text.endswith("widgets.")
    assert body.get("closing").text == f"{closing}\n\n(signatures)"


def test_witness_and_done_form_one_closing_block() -> None:
    text = f"Article 1\n{BODY}\nIN WITNESS WHEREOF the undersigned have signed.\n\nDONE at Gamma.\n"
    body = parse_text(text)
    assert ids_of(body, "closing") == ["closing"]
    assert body.get("closing").text.endswith("DONE at Gamma.")


def test_closing_words_in_preamble_are_not_a_closing() -> None:
    text = "Done at the request of both Parties, this text records:\n\nArticle 1\n" + BODY
    body = parse_text(text)
    assert ids_of(body, "closing") == []
    assert ids_of(body, "preamble") == ["preamble"]


CROSS_REFERENCES = """Article 1
Measures taken under Article 51 of the Charter remain unaffected, see Chapter VII.
Article 51 of the Charter applies to the Parties in full.
Chapter VII of the Charter is not affected either.

Article 2
The Parties shall act in accordance with the decisions referred to in
Article 7. The Parties shall notify each other of such decisions.
The procedure is set out in
Chapter 4 of the Rules of Procedure.
"""


def test_cross_references_do_not_start_units() -> None:
    body = parse_text(CROSS_REFERENCES)
    assert_well_formed(body)
    assert article_ids(body) == ["art-1", "art-2"]
    assert ids_of(body, "chapter") == []


CONTENTS = """TREATY ON WIDGETS

Contents
Article 1 Definitions
Article 2 Scope
Article 3 Final provisions

The Parties have agreed as follows:

Article 1
Definitions

Widgets are small devices.

Article 2
Scope

This Treaty applies to widgets.

Article 3
Final provisions

This Treaty enters into force on signature.
"""


def test_table_of_contents_is_not_a_set_of_articles() -> None:
    body = parse_text(CONTENTS)
    assert_well_formed(body)
    assert article_ids(body) == ["art-1", "art-2", "art-3"]
    assert body.get("art-1").heading == "Definitions"
    assert body.get("art-1").text.endswith("small devices.")


def test_chapters_hold_articles_with_global_ids() -> None:
    text = (
        "Chapter I\nGeneral\n\nArticle 1\n" + BODY + "\nArticle 2\n" + BODY
        + "\nChapter II\nFinal\n\nArticle 3\n" + BODY
    )  # fmt: skip
    body = parse_text(text)
    assert_well_formed(body)
    assert [p.id for p in body.provisions] == ["ch-1", "ch-2"]
    assert [c.id for c in body.get("ch-1").children] == ["art-1", "art-2"]
    assert [c.id for c in body.get("ch-2").children] == ["art-3"]
    assert body.get("ch-1").label == "Chapter I"


def test_nested_containers_and_repeated_numbers() -> None:
    text = (
        "Part I\nChapter 1\nArticle 1\n" + BODY + "Chapter 2\nArticle 2\n" + BODY
        + "Part II\nChapter 1\nArticle 3\n" + BODY
        + "Annex 1\nArticle 1\n" + BODY + "Article 2\n" + BODY
    )  # fmt: skip
    body = parse_text(text)
    assert_well_formed(body)
    assert [p.id for p in body.provisions] == ["part-1", "part-2", "annex-1"]
    assert [c.id for c in body.get("part-1").children] == ["ch-1", "ch-2"]
    assert [c.id for c in body.get("part-2").children] == ["part-2.ch-1"]
    # An annex restarting at Article 1 gets its articles prefixed with the annex id.
    assert [c.id for c in body.get("annex-1").children] == ["annex-1.art-1", "annex-1.art-2"]
    assert body.get("annex-1.art-1").label == "Annex 1, Article 1"


def test_preamble_heading_word_and_recitals() -> None:
    text = "PREAMBLE\nThe Parties,\n\nnoting the value of widgets,\n\nhave agreed:\n\nArticle 1\n" + BODY
    body = parse_text(text)
    assert body.title is None
    assert [r.text for r in body.get("preamble").children] == [
        "The Parties,",
        "noting the value of widgets,",
        "have agreed:",
    ]


def test_markdown_title_and_headings() -> None:
    text = "# Widget Accord\n\nThe Parties agree as follows.\n\n## Article 1 — Purpose\n\n" + BODY
    body = parse_text(text)
    assert body.title == "Widget Accord"
    assert body.get("art-1").heading == "Purpose"
    assert [r.text for r in body.get("preamble").children] == ["The Parties agree as follows."]


# --- unnumbered section captions (docs/ids.md rule 9) ----------------------------------------

CAPTIONS = """WIDGET CHARTER

Chapter I: Institutions
MEMBERSHIP
Article 1
The Parties are members of the Widget Council.
Each Party has one seat.
POWERS AND DUTIES
Article 2
The Council sets widget standards.

Article 3
The Council reports every year.
Chapter II: Trade
Article 4
The Parties shall trade widgets.
Voting

Article 5
Each Party has one vote.
"""


def test_captions_become_unnumbered_sections() -> None:
    body = parse_text(CAPTIONS)
    assert_well_formed(body)
    assert article_ids(body) == [f"art-{n}" for n in range(1, 6)]
    # Before the first article of a chapter and mid-chapter; counted across the treaty.
    assert [c.id for c in body.get("ch-1").children] == ["sec-u1", "sec-u2"]
    assert [c.id for c in body.get("ch-2").children] == ["art-4", "sec-u3"]
    assert [c.id for c in body.get("sec-u1").children] == ["art-1"]
    assert [c.id for c in body.get("sec-u2").children] == ["art-2", "art-3"]
    assert [c.id for c in body.get("sec-u3").children] == ["art-5"]
    section = body.get("sec-u2")
    assert (section.kind, section.number, section.heading) == ("section", None, "POWERS AND DUTIES")
    assert section.label == "Section: Powers and Duties"
    assert body.get("sec-u3").label == "Section: Voting"
    assert section.text.startswith("POWERS AND DUTIES\nArticle 2\n")
    assert section.text.endswith("every year.")
    # The caption is no paragraph of the article before it, nor of the chapter.
    assert body.get("ch-1").text.startswith("Chapter I: Institutions\nMEMBERSHIP\nArticle 1")
    assert [c.id for c in body.get("art-1").children] == ["art-1.p1", "art-1.p2"]
    assert body.get("art-1").text.endswith("one seat.")
    assert body.get("art-3").text.endswith("every year.")
    assert body.get("art-4").children == ()
    assert body.get("art-4").text == "Article 4\nThe Parties shall trade widgets."


def test_caption_spans_are_exact_and_articles_end_before_them() -> None:
    body = parse_text(CAPTIONS)
    source = body.source_text
    caption = source.index("POWERS AND DUTIES")
    assert body.get("art-1").span.end < caption == body.get("sec-u2").span.start
    assert body.get("sec-u2").span.end == body.get("art-3").span.end
    assert body.get("ch-1").span.end == body.get("art-3").span.end
    for p in body.walk():
        assert source[p.span.start : p.span.end] == p.text, p.id


def test_repeated_article_numbers_under_a_caption_take_the_numbered_container() -> None:
    text = "Article 1\n" + BODY + "Annex 1: Schedules\nRULES\nArticle 1\n" + BODY + "FEES\nArticle 2\n" + BODY
    body = parse_text(text)
    assert_well_formed(body)
    assert [c.id for c in body.get("annex-1").children] == ["sec-u1", "sec-u2"]
    assert [c.id for c in body.get("sec-u1").children] == ["annex-1.art-1"]
    assert [c.id for c in body.get("sec-u2").children] == ["art-2"]
    assert body.get("annex-1.art-1").label == "Annex 1, Article 1"


@pytest.mark.parametrize(
    ("text", "lang", "sections", "labels"),
    [
        pytest.param(
            "ГЛАВА II\nСОВЕТ\n\nСОСТАВ СОВЕТА\nСтатья 4\nСовет собирается ежегодно.\n"
            "ПОЛНОМОЧИЯ\nСтатья 5\nСовет принимает решения.\n",
            "ru", {"sec-u1": ["art-4"], "sec-u2": ["art-5"]}, ["Раздел: Состав совета", "Раздел: Полномочия"],
            id="ru-chapter-title-on-next-line",
        ),
        pytest.param(
            "第二章：理事会\n成员\n第四条\n理事会每年开会。\n表决\n第五条\n理事会以多数作出决定。\n",
            "zh", {"sec-u1": ["art-4"], "sec-u2": ["art-5"]}, ["节：成员", "节：表决"], id="zh",
        ),
        pytest.param(
            "الفصل الثاني: المجلس\nالأعضاء\nالمادة 4\nيجتمع المجلس كل عام.\n"
            "التصـويت\nالمادة 5\nيقرر المجلس بالأغلبية.\n",
            "ar", {"sec-u1": ["art-4"], "sec-u2": ["art-5"]}, ["الفرع: الأعضاء", "الفرع: التصويت"], id="ar",
        ),
        pytest.param(
            "# Widget Accord\n\n## Article 1\n\n" + BODY
            + "\n## General provisions\n\n## Article 2\n\n" + BODY,
            "en", {"sec-u1": ["art-2"]}, ["Section: General provisions"], id="markdown-heading",
        ),
        pytest.param(
            "Article 1\n" + BODY + "\n**Final Provisions**\n\nArticle 2 — Entry into force\n" + BODY,
            "en", {"sec-u1": ["art-2"]}, ["Section: Final Provisions"], id="bold-before-dash-title",
        ),
    ],
)  # fmt: skip
def test_caption_conventions(text: str, lang: str, sections: dict[str, list[str]], labels: list[str]) -> None:
    body = parse_text(text, lang=lang)
    assert_well_formed(body)
    assert {s: [c.id for c in body.get(s).children] for s in ids_of(body, "section")} == sections
    assert [body.get(s).label for s in sections] == labels


FIRST = "Article 1\n" + BODY
SECOND = "\nArticle 2\n" + BODY


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(FIRST + "Widget Council\n\nThe Council meets yearly.\n", id="not-before-article"),
        pytest.param(FIRST + "Widget Council\nThe Council meets yearly." + SECOND, id="text-between"),
        pytest.param("WIDGET CHARTER\n" + FIRST, id="treaty-title"),
        pytest.param("PREAMBLE\nThe Parties agree.\n\nWidget Rules\n" + FIRST, id="before-first-heading"),
        pytest.param("Article 1\nWidget Rules\n" + SECOND, id="article-title-on-next-line"),
        pytest.param("Chapter I\nMembership\n" + FIRST, id="chapter-title-on-next-line"),
        pytest.param("Article 1\nThe Parties are:\n\nAlpha\n\nBeta\n" + SECOND, id="unpunctuated-list"),
        pytest.param("Article 1\nThe members are:\n\nAlpha and Beta\n" + SECOND, id="after-lead-in"),
        pytest.param("Article 1\nThe Council meets in the city of\nGeneva" + SECOND, id="wrapped-sentence"),
        pytest.param(FIRST + "\nSee Article 4\n" + SECOND, id="cross-reference"),
        pytest.param(FIRST + "\nAs provided in Chapter II\n" + SECOND, id="chapter-reference"),
        pytest.param(FIRST + "(a) widget tariffs" + SECOND, id="point"),
        pytest.param(FIRST + "The Council meets in Geneva in the first week" + SECOND, id="nine-words"),
        pytest.param(FIRST + "Widget tariffs;" + SECOND, id="punctuated"),
    ],
)
def test_short_lines_that_are_not_captions(text: str) -> None:
    body = parse_text(text)
    assert_well_formed(body)
    assert ids_of(body, "section") == []


RUSSIAN = """СОГЛАШЕНИЕ
МЕЖДУ РЕСПУБЛИКОЙ АЛЬФА И КОРОЛЕВСТВОМ БЕТА О ТОРГОВЛЕ ВИДЖЕТАМИ

Республика Альфа и Королевство Бета, далее именуемые Сторонами,

согласились о нижеследующем:

Статья 1

1. Стороны не применяют пошлины к виджетам.
2. Исключения составляют:
а) виджеты военного назначения;
б) виджеты двойного назначения.

СТАТЬЯ 2
Стороны обмениваются информацией.

Совершено в г. Гамма 1 мая 2024 года в двух экземплярах на русском языке.
"""


def test_russian_drafting() -> None:
    body = parse_text(RUSSIAN)
    assert_well_formed(body)
    assert body.lang == "ru"
    assert body.title == "СОГЛАШЕНИЕ МЕЖДУ РЕСПУБЛИКОЙ АЛЬФА И КОРОЛЕВСТВОМ БЕТА О ТОРГОВЛЕ ВИДЖЕТАМИ"
    assert [c.id for c in body.get("art-1").walk()] == [
        "art-1",
        "art-1.1",
        "art-1.2",
        "art-1.2.intro",
        "art-1.2.a",
        "art-1.2.b",
    ]
    assert body.get("art-1.2.intro").label == "Статья 1 п. 2, вводная часть"
    point = body.get("art-1.2.b")
    assert (point.number, point.label) == ("б", "Статья 1 п. 2 подп. б")
    assert body.get("closing").label == "Заключительная часть"
    assert body.get("preamble").label == "Преамбула"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("Статья 1\nСтороны торгуют.", "ru", id="cyrillic"),
        pytest.param("Article 1\nThe Parties shall trade in the widgets of the other.", "en", id="english"),
        pytest.param(
            "Artículo 1\nLas Partes comercian con los widgets de la otra Parte y del mundo.",
            "es",
            id="spanish",
        ),
        pytest.param(
            "Article 1\nLes Parties échangent des widgets et les droits des deux Parties.", "fr", id="french"
        ),
        pytest.param("第一条\n　　双方应相互给予最惠国待遇。", "zh", id="chinese"),
        pytest.param("المادة 1\nيمنح كل طرف الطرف الآخر معاملة الدولة الأولى بالرعاية.", "ar", id="arabic"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert parse_text(text).lang == lang
    assert parse_text(text, lang="xx").lang == "xx"


def test_crlf_is_normalised() -> None:
    body = parse_text("Article 1\r\n1. One.\r\n2. Two.\r\n")
    assert "\r" not in body.source_text
    assert [c.id for c in body.get("art-1").children] == ["art-1.1", "art-1.2"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("The Parties shall trade widgets.\nNothing else.", id="no-heading"),
        pytest.param("Measures under Article 51 stay.", id="only-a-reference"),
    ],
)
def test_no_article_is_an_ingest_error(text: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse_text(text, origin="notes.txt")
    assert str(caught.value).startswith("notes.txt: no article found")
    assert "\n" not in str(caught.value)


# --- Chinese and Arabic drafting --------------------------------------------------------------

CHINESE = """甲国和乙国关于小部件贸易的协定
　　甲国和乙国，
　　愿意发展两国之间的小部件贸易，
　　议定如下：

第一章：总则
第一条
　　一、双方应相互给予对方的小部件最惠国待遇。

　　二、双方应：

　　　　(子) 公布各自的关税；

　　　　（丑）及时通报关税的变更。

第二条
　　第五条规定的例外不受本条影响。
第二章:最后条款
第五条
　　本协定不影响双方此前签订的其他协定。
第一百零一条
　　双方每年会晤一次。
第一百十一条
　　本协定自签字之日起生效。

　　为此，双方全权代表在本协定上签字，以昭信守。

　　二〇二四年五月一日订于甲城。
"""


def test_chinese_drafting() -> None:
    body = parse_text(CHINESE)
    assert_well_formed(body)
    assert body.lang == "zh"
    assert article_ids(body) == ["art-1", "art-2", "art-5", "art-101", "art-111"]
    assert [(p.id, p.label, p.heading) for p in body.walk() if p.kind == "chapter"] == [
        ("ch-1", "第1章", "总则"),  # full-width colon
        ("ch-2", "第2章", "最后条款"),  # ASCII colon
    ]
    assert [p.id for p in body.get("art-1").walk()] == [
        "art-1", "art-1.1", "art-1.2", "art-1.2.intro", "art-1.2.a", "art-1.2.b",
    ]  # fmt: skip
    assert [body.get(i).label for i in ("art-1", "art-1.2", "art-1.2.intro", "art-1.2.b", "art-111")] == [
        "第1条", "第1条第2款", "第1条第2款引言", "第1条第2款(丑)项", "第111条",
    ]  # fmt: skip
    assert body.get("art-1.2.intro").text == "双方应："
    assert (body.get("art-101").number, body.get("art-111").number) == ("一百零一", "一百十一")
    # "第五条规定的…" at the start of a line is a reference, not Article 5.
    assert body.get("art-2").text.endswith("不受本条影响。")
    closing = body.get("closing")
    assert (closing.label, closing.text.startswith("为此")) == ("结尾部分", True)
    assert body.get("art-111").text.endswith("起生效。")


ARABIC = """إن الطرفين،
رغبة منهما في تنمية تجارة الأدوات بينهما،
قد اتفقا على ما يلي:

الفصل الأول: أحكام عامة
المادة 1
يمنح كل طرف الطرف الآخر معاملة الدولة الأولى بالرعاية في تجارة الأدوات.
المادة ٢
تطبق أحكام هذا الفصل على جميع الأدوات.
المادة 5 من هذا الاتفاق لا تمس الاتفاقات السابقة بين الطرفين.

الفصل الحادي عشر : أحكام ختامية
المادة الثالثة
يلتقي الطرفان مرة في السنة على الأقل.
الفصل الثامـن عشر
المادة 12
يسري هذا الاتفاق من تاريخ التوقيع عليه.‏

وإثباتاً لذلك وقع المندوبان المفوضان على هذا الاتفاق.
حرر في مدينة ألفا من نسختين.
"""


def test_arabic_drafting() -> None:
    body = parse_text(ARABIC)
    assert_well_formed(body)
    assert body.lang == "ar"
    assert article_ids(body) == ["art-1", "art-2", "art-3", "art-12"]
    assert [(p.id, p.label, p.heading) for p in body.walk() if p.kind == "chapter"] == [
        ("ch-1", "الفصل الأول", "أحكام عامة"),
        ("ch-11", "الفصل الحادي عشر", "أحكام ختامية"),
        ("ch-18", "الفصل الثامـن عشر", None),  # a tatweel stretches the ordinal
    ]
    assert [body.get(i).label for i in ("art-1", "art-2", "art-3")] == [
        "المادة 1",
        "المادة ٢",
        "المادة الثالثة",
    ]
    # "المادة 5 من هذا الاتفاق …" opens a sentence of Article 2; it is not Article 5.
    assert body.get("art-2").text.endswith("بين الطرفين.")
    assert body.get("closing").text.startswith("وإثباتاً لذلك")
    assert body.get("art-12").text.endswith("‏")


@pytest.mark.parametrize(
    ("heading", "article_id", "title"),
    [
        pytest.param("第一条", "art-1", None, id="zh-one"),
        pytest.param("第十条", "art-10", None, id="zh-ten"),
        pytest.param("第五十一条", "art-51", None, id="zh-fifty-one"),
        pytest.param("第一百零一条", "art-101", None, id="zh-zero"),
        pytest.param("第一百十一条", "art-111", None, id="zh-hundred-eleven"),
        pytest.param("第5条", "art-5", None, id="zh-ascii-digit"),
        pytest.param("第三条　定义", "art-3", "定义", id="zh-title-after-ideographic-space"),
        pytest.param("المادة 51", "art-51", None, id="ar-digits"),
        pytest.param("المادة ٥١", "art-51", None, id="ar-indic-digits"),
        pytest.param("المادة الأولى", "art-1", None, id="ar-ordinal"),
        pytest.param("المادة 7: التعاريف", "art-7", "التعاريف", id="ar-title"),
        pytest.param("‏المادة 9", "art-9", None, id="ar-direction-mark"),
    ],
)
def test_chinese_and_arabic_article_conventions(heading: str, article_id: str, title: str | None) -> None:
    body = parse_text(f"{heading}\n{BODY}")
    assert_well_formed(body)
    assert article_ids(body) == [article_id]
    assert body.get(article_id).heading == title


@pytest.mark.parametrize(
    ("heading", "container_id", "kind", "title"),
    [
        pytest.param("第七章：争端解决", "ch-7", "chapter", "争端解决", id="zh-chapter"),
        pytest.param("第十九章", "ch-19", "chapter", None, id="zh-chapter-bare"),
        pytest.param("第二编", "part-2", "part", None, id="zh-part"),
        pytest.param("第三节 通则", "sec-3", "section", "通则", id="zh-section"),
        pytest.param("الفصل التاسع عشر: التصديق", "ch-19", "chapter", "التصديق", id="ar-chapter"),
        pytest.param("الباب الثاني", "title-2", "title", None, id="ar-title-unit"),
        pytest.param("الفصل 4", "ch-4", "chapter", None, id="ar-chapter-digits"),
    ],
)
def test_chinese_and_arabic_container_conventions(
    heading: str, container_id: str, kind: str, title: str | None
) -> None:
    article = "المادة 12" if "ال" in heading else "第十二条"
    body = parse_text(f"{heading}\n{article}\n{BODY}")
    assert_well_formed(body)
    container = body.get(container_id)
    assert (container.kind, container.heading) == (kind, title)
    assert [c.id for c in container.children] == ["art-12"]


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param("为此，双方全权代表在本协定上签字，以昭信守。", id="zh-in-faith-whereof"),
        pytest.param("下列签字人经正式授权，签署本协定。", id="zh-undersigned"),
        pytest.param("二〇二四年五月一日签订于甲城。", id="zh-done-at"),
        pytest.param("وإثباتاً لذلك وقع المندوبان على هذا الاتفاق.", id="ar-in-witness"),
        pytest.param("ومصادقا لما تقدم وقع المندوبون على هذا الاتفاق.", id="ar-in-faith"),
        pytest.param("حرر في مدينة ألفا من نسختين أصليتين.", id="ar-done-at"),
    ],
)
def test_chinese_and_arabic_closing_conventions(closing: str) -> None:
    body = parse_text(f"Article 1\n{BODY}\nArticle 2\n{BODY}\n{closing}\n")
    assert [p.id for p in body.provisions] == ["art-1", "art-2", "closing"]
    assert body.get("closing").text == closing


# --- properties ------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["Article 1", "ARTICLE V", "Статья 2", "Art. 3", "Глава IX", "CHAPTER II: Widgets", "Annex",
     "Приложение № 1", "1. ", "(a) ", "б) ", "(iv) ", "– ", "\n", "\n\n", "Done at Gamma",
     "В удостоверение чего", "AGREEMENT", "# ", "**", "Part ONE", "(h) ", "(i) ", "1992.", ":", "-",
     " ", "widgets", "Article 2.3", "Article 5 bis", "第一条", "第一百零一条", "第三章：", "一、", "(子) ",
     "（丑）", "　　", "。", "为此签字", "المادة 1", "المادة الأولى", "الفصل الحادي عشر", ": ", "\u200f",
     "حرر في", "من", "WIDGET RULES", "Voting", "职权", "widgets."]
)  # fmt: skip


_AWKWARD = st.sampled_from(list("Статья Глава абв()1.:–\n\r\t\x00\x07\x1b\x0c\u2028\u0085\ufeff"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.one_of(st.characters(), _AWKWARD))))
def test_arbitrary_text_raises_only_treatydiff_errors(text: str) -> None:
    with contextlib.suppress(TreatydiffError):
        parse_text(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join))
def test_treaty_like_text_parses_to_a_well_formed_body(text: str) -> None:
    try:
        body = parse_text(text)
    except TreatydiffError:
        return
    assert_well_formed(body)
    assert body.articles()


_LINES = st.sampled_from(
    ["Article 1", "Article 2", "Article 3", "Chapter II: Widgets", "Chapter III", "Annex", "WIDGET RULES",
     "Voting", "**Final Provisions**", "## General provisions", "", "", "The Parties shall trade widgets.",
     "The Parties are:", "Alpha", "(a) widgets", "1. Widgets are goods.", "Done at Gamma", "第三条", "职权",
     "المادة 1", "التصـويت", "Статья 2", "ГОЛОСОВАНИЕ", "See Article 4"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=30).map("\n".join))
def test_texts_with_captions_parse_to_well_formed_bodies(text: str) -> None:
    try:
        body = parse_text(text)
    except TreatydiffError:
        return
    assert_well_formed(body)
    for section in body.walk():
        if section.kind == "section":
            assert section.heading is not None and section.heading in section.text.split("\n")[0]
            assert section.children and section.children[0].kind == "article", section.id


# --- the UN Charter (shared corpus) ---------------------------------------------------------


def charter(corpus_dir: Path, lang: str) -> Body:
    path = corpus_dir / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt"
    return parse_text(path.read_text(encoding="utf-8"), origin=str(path))


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_un_charter_structure(corpus_dir: Path, lang: str) -> None:
    body = charter(corpus_dir, lang)
    assert_well_formed(body)
    assert body.lang == lang
    assert [p.id for p in body.walk() if p.kind == "chapter"] == [f"ch-{n}" for n in range(1, 20)]
    assert article_ids(body) == [f"art-{n}" for n in range(1, 112)]
    assert len(body.get("preamble").children) >= 5
    assert [p.id for p in body.provisions][-1] == "closing"
    closing = body.get("closing").text
    if lang == "en":
        assert closing.startswith("In Faith Whereof") and "DONE at" in closing
        assert "Chapter Vll" in body.get("art-2").text  # the typo stays text, not a chapter
    else:
        assert closing.startswith("В УДОСТОВЕРЕНИЕ ЧЕГО") and "СОСТАВЛЕНО" in closing
        assert body.get("ch-9").text.startswith("ГЛАВА IX")
    assert not body.get("art-111").text.rstrip().endswith(closing)


@pytest.mark.corpus
def test_un_charter_languages_share_ids(corpus_dir: Path) -> None:
    english = {p.id for p in charter(corpus_dir, "en").walk()}
    russian = {p.id for p in charter(corpus_dir, "ru").walk()}
    assert english == russian
    assert {"art-1.p2", "art-2.p8", "art-51"} <= english


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["fr", "es"])
def test_un_charter_french_and_spanish(corpus_dir: Path, lang: str) -> None:
    body = charter(corpus_dir, lang)
    assert_well_formed(body)
    assert len(body.articles()) == 111
    assert len([p for p in body.walk() if p.kind == "chapter"]) == 19


CHARTER_LANGUAGES = ["en", "ru", "fr", "es", "zh", "ar"]


@pytest.mark.corpus
@pytest.mark.parametrize("lang", CHARTER_LANGUAGES)
def test_un_charter_six_languages(corpus_dir: Path, lang: str) -> None:
    body = charter(corpus_dir, lang)
    assert_well_formed(body)
    assert body.lang == lang  # detected from the script and common words
    assert article_ids(body) == [f"art-{n}" for n in range(1, 112)]
    assert [p.id for p in body.walk() if p.kind == "chapter"] == [f"ch-{n}" for n in range(1, 20)]
    assert [p.id for p in body.provisions][0] == "preamble"
    assert [p.id for p in body.provisions][-1] == "closing"
    assert not body.get("art-111").text.rstrip().endswith(body.get("closing").text)


@pytest.mark.corpus
def test_un_charter_article_level_ids_are_shared_by_all_six_languages(corpus_dir: Path) -> None:
    def top_level(lang: str) -> set[str]:
        return {
            p.id
            for p in charter(corpus_dir, lang).walk()
            if p.kind in ("preamble", "chapter", "article", "closing")
        }

    english = top_level("en")
    assert len(english) == 1 + 19 + 111 + 1
    for lang in CHARTER_LANGUAGES[1:]:
        assert top_level(lang) == english, lang


@pytest.mark.corpus
def test_un_charter_chinese_paragraph_numbers(corpus_dir: Path) -> None:
    # The Chinese text numbers its paragraphs (一、二、…); the English, Russian, French,
    # Spanish and Arabic raw texts lost those numbers, so their paragraphs are ordinal.
    chinese = charter(corpus_dir, "zh")
    assert [c.id for c in chinese.get("art-2").children] == ["art-2.p1"] + [f"art-2.{n}" for n in range(1, 8)]
    assert chinese.get("art-2.4").label == "第2条第4款"
    assert chinese.get("art-51").label == "第51条"
    assert [p.id for p in chinese.get("art-13.1").children] == ["art-13.1.intro", "art-13.1.a", "art-13.1.b"]
    english = charter(corpus_dir, "en")
    assert [c.id for c in english.get("art-2").children] == [f"art-2.p{n}" for n in range(1, 9)]
    arabic = charter(corpus_dir, "ar")
    assert (arabic.get("art-51").label, arabic.get("ch-1").label) == ("المادة 51", "الفصل الأول")


@pytest.mark.corpus
def test_un_charter_captions_are_the_same_sections_in_all_six_languages(corpus_dir: Path) -> None:
    # Chapters IV, V, X and XIII divide their articles under four unnumbered captions.
    def sections(lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
        body = charter(corpus_dir, lang)
        parents = {c.id: p.id for p in body.walk() for c in p.children}
        return [
            (s.id, parents[s.id], tuple(c.id for c in s.children)) for s in body.walk() if s.kind == "section"
        ]

    english = sections("en")
    assert [s[0] for s in english] == [f"sec-u{n}" for n in range(1, 17)]
    assert [s[1] for s in english] == ["ch-4"] * 4 + ["ch-5"] * 4 + ["ch-10"] * 4 + ["ch-13"] * 4
    assert english[:4] == [
        ("sec-u1", "ch-4", ("art-9",)),
        ("sec-u2", "ch-4", tuple(f"art-{n}" for n in range(10, 18))),
        ("sec-u3", "ch-4", ("art-18", "art-19")),
        ("sec-u4", "ch-4", ("art-20", "art-21", "art-22")),
    ]
    for lang in CHARTER_LANGUAGES[1:]:
        assert sections(lang) == english, lang


@pytest.mark.corpus
def test_un_charter_captions_are_not_paragraphs(corpus_dir: Path) -> None:
    english = charter(corpus_dir, "en")
    chapter = english.get("ch-4")
    assert [c.id for c in chapter.children] == ["sec-u1", "sec-u2", "sec-u3", "sec-u4"]
    assert [english.get(c.id).label for c in chapter.children] == [
        "Section: Composition",
        "Section: Functions and Powers",
        "Section: Voting",
        "Section: Procedure",
    ]
    assert [c.id for c in english.get("art-9").children] == ["art-9.p1", "art-9.p2"]
    assert english.get("art-9").text.endswith("General Assembly.")
    assert english.get("art-19").children == ()  # one paragraph, no caption after it
    russian = charter(corpus_dir, "ru")
    assert russian.get("sec-u2").label == "Раздел: Функции и полномочия"
    assert russian.get("sec-u2").heading == "ФУНКЦИИ и ПОЛНОМОЧИЯ"
    chinese = charter(corpus_dir, "zh")
    assert chinese.get("art-9.2").children == ()  # the caption no longer splits paragraph 2
    assert (chinese.get("sec-u2").label, chinese.get("sec-u2").heading) == ("节：职权", "职权")
    for lang in CHARTER_LANGUAGES:
        body = charter(corpus_dir, lang)
        assert not [p.id for p in body.walk() if p.id.startswith("ch-") and ".p" in p.id], lang
