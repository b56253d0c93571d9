"""Paragraph numbering, trailing captions and closings on the real corpus (issue 8 item 4).

The corpus tests read ../shared/corpus at run time; the synthetic texts were written for
these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from provision_trees import by_id as _ids
from provision_trees import paragraph_numbers, synthetic_tota
from provision_trees import tota_body as _tota

from treatydiff.ingest import parse_text
from treatydiff.model import Body

# synthetic: written for this test (a record of understandings after the signatures).
_SYNTHETIC_RECORD = """\
AGREEMENT ON BUTTONS

Article 1

The Parties shall trade in buttons.

IN WITNESS WHEREOF the undersigned have signed this Agreement.

Done at Nowhere on 1 May 1990.

For the First Party For the Second Party

RECORD OF UNDERSTANDINGS

1. With regard to Article 1, the Parties agree on buttons of bone.

2. When applying Article 1, the Parties:
-shall count the buttons;
-shall weigh the buttons.
"""


def test_a_record_of_understandings_after_the_signatures_is_a_container_synthetic() -> None:
    body = parse_text(_SYNTHETIC_RECORD, lang="en", origin="synthetic.txt")
    top = {p.id: p for p in body.provisions}
    assert "RECORD" not in top["closing"].text
    assert top["annex"].kind == "annex" and top["annex"].text.startswith("RECORD OF UNDERSTANDINGS")
    ids = _ids(body)
    assert ids["annex.2.dash-2"].text == "-shall weigh the buttons."


@pytest.mark.corpus
@pytest.mark.parametrize("number", [202, 272, 289, 301, 309])
def test_a_record_of_understandings_after_the_signatures_is_a_container(
    corpus_dir: Path, number: int
) -> None:
    top = {p.id: p for p in _tota(corpus_dir, number).provisions}
    assert "RECORD OF UNDERSTANDINGS" not in top["closing"].text
    annex = top["annex"]
    assert annex.text.startswith("RECORD OF UNDERSTANDINGS") and annex.heading == "RECORD OF UNDERSTANDINGS"
    assert [c.id for c in annex.children][:2] == ["annex.1", "annex.2"]


# synthetic: written for these tests (the next paragraph's number where the source blurred it).
_SYNTHETIC_NEXT_NUMBERS = """\
AGREEMENT ON KITES

Article 1

1. Each Party shall register kites flown in its territory. 12
2. The register shall be kept by a public authority.

3. Each Party shall promote the flying of kites in parks and on beaches, and in its employ-
4. The Parties shall meet once a year to review the kite trade.
5. Each Party shall support:
(a) kite clubs;
(b) kite festivals;
6\u00a0 The Committee shall report to the Parties on its work.
7. Each Party shall notify its kite rules to the other Party concerned3
8. The notification shall be in writing.

Article 2

1. Support kite makers in establishing business abroad;
2. Support kite clubs in developing network activities;
3 Encourage exchanges between kite makers and kite clubs;
4. Strengthen cooperation between kite authorities.
"""


def test_the_next_paragraphs_number_after_a_blurred_line_end_synthetic() -> None:
    ids = _ids(parse_text(_SYNTHETIC_NEXT_NUMBERS, lang="en", origin="synthetic.txt"))
    for article, count in (("art-1", 8), ("art-2", 4)):
        numbered = [p.number for p in ids[article].children if p.kind == "paragraph"]
        assert numbered == [str(n) for n in range(1, count + 1)], article
    assert ids["art-1.2"].text.startswith("2. The register")  # after a footnote number and a space
    assert ids["art-1.4"].text.startswith("4. The Parties")  # after a word broken at its hyphen
    assert ids["art-1.6"].text.startswith("6\u00a0 The Committee")  # a dotless number, a no-break space
    assert ids["art-1.8"].text.startswith("8. The notification")  # after a footnote glued to a word
    assert ids["art-2.3"].text.startswith("3 Encourage")  # a dotless number after an item's ";"


def _tota_synthetic(articles: str) -> Body:
    return synthetic_tota(f"<chapter>{articles}</chapter>", 9003)


# synthetic: written for this test (captions run into the next paragraph's marker line).
_SYNTHETIC_RUN_IN_CAPTIONS = """\
<article number="ARTICLE 1">1. Neither Party may impose a requirement on sprocket makers.
Requirements for Advantages 2. Neither Party may condition an advantage on a requirement.

3. Each Party may require training. Small Shipments  4. A small shipment is exempt. Size  5. This Article
applies to sprockets of every size.</article>
"""


def test_a_caption_run_into_the_next_paragraphs_line_is_no_unit_synthetic() -> None:
    ids = _ids(_tota_synthetic(_SYNTHETIC_RUN_IN_CAPTIONS))
    numbered = [p.number for p in ids["art-1"].children]
    assert numbered == ["1", "2", "3", "4", "5"]
    assert ids["art-1.1"].text.endswith("sprocket makers.")  # the caption is no paragraph's words
    assert ids["art-1.2"].text.startswith("2. Neither Party may condition")
    assert ids["art-1.3"].text == "3. Each Party may require training."
    assert ids["art-1.4"].text == "4. A small shipment is exempt."  # two captions on one line
    assert ids["art-1.5"].text.startswith("5. This Article")


# synthetic: written for this test (a bullet left before the next paragraph's number).
_SYNTHETIC_BULLETED_NUMBERS = """\
AGREEMENT ON BELLS

Article 1

1. Each Party shall register bells.

\u2022 \t2. The register shall be public.
\u00b7 3. Each Party shall publish the register of:
\u2022 a bell of bronze;
\u2022 4. bells of glass; or
"""


def test_a_bullet_before_the_next_paragraphs_number_synthetic() -> None:
    ids = _ids(parse_text(_SYNTHETIC_BULLETED_NUMBERS, lang="en", origin="synthetic.txt"))
    assert [p.number for p in ids["art-1"].children] == ["1", "2", "3"]
    assert ids["art-1.2"].text == "\u2022 \t2. The register shall be public."
    assert ids["art-1.3.dash-1"].text == "\u2022 a bell of bronze;"  # a bullet item stays one
    assert ids["art-1.3.dash-2"].text == "\u2022 4. bells of glass; or"  # a bulleted list's own number


# synthetic: written for this test (a point list "1) 2) … 4)" whose middle items lost their markers).
_SYNTHETIC_RESUMED_POINTS = """\
AGREEMENT ON LAMPS

Article 1

1. The Parties shall cooperate on lamps.

2. Cooperation includes:

1) an exchange of information on lamps;

the testing of lamps;

the labelling of lamps;

4) the reliability of statistics on lamps.

3. The Committee shall report on lamps.
"""


def test_a_point_list_resumed_after_items_without_markers_synthetic() -> None:
    ids = _ids(parse_text(_SYNTHETIC_RESUMED_POINTS, lang="en", origin="synthetic.txt"))
    assert [p.number for p in ids["art-1"].children] == ["1", "2", "3"]
    assert ids["art-1.2.a"].text.startswith("1) an exchange")
    assert ids["art-1.2.d"].text.startswith("4) the reliability")
    assert ids["art-1.2.p2"].text == "the testing of lamps;"


# synthetic: written for this test (OCR read the point "(l)" as "(1)").
_SYNTHETIC_OCR_L = """\
AGREEMENT ON OARS

Article 1

1. The Parties shall cooperate in:

(j) oars of oak;

(k) oars of ash;

(1) oars of beech;

(m) oars of pine.
"""


def test_a_point_1_between_k_and_m_is_the_letter_l_synthetic() -> None:
    ids = _ids(parse_text(_SYNTHETIC_OCR_L, lang="en", origin="synthetic.txt"))
    assert [p.id for p in ids["art-1.1"].children] == [
        "art-1.1.intro",
        "art-1.1.j",
        "art-1.1.k",
        "art-1.1.l",
        "art-1.1.m",
    ]
    assert ids["art-1.1.l"].text == "(1) oars of beech;"  # the text as printed


@pytest.mark.corpus
def test_a_point_1_between_k_and_m_is_the_letter_l(corpus_dir: Path) -> None:
    assert paragraph_numbers(corpus_dir, 426, "art-8") == "1 2"
    ids = _ids(_tota(corpus_dir, 426))
    assert ids["art-8.2.l"].text.startswith("(1) \tCo-operation in Political Matters")
    assert "art-8.2.m" in ids


# synthetic: written for this test (a reference "paragraphs 1 and / 2." cut onto a block of its own).
_SYNTHETIC_CUT_BACK_REFERENCE = """\
AGREEMENT ON SAILS

Article 1

1. A panel shall have three members.

2. The Parties shall appoint them.

3. A replacement shall be appointed in accordance with paragraphs 1 and

2. The replacement shall have the powers of the member replaced.

4. The panel shall report to the Parties.
"""


def test_a_reference_behind_the_paragraphs_number_stays_in_its_sentence_synthetic() -> None:
    ids = _ids(parse_text(_SYNTHETIC_CUT_BACK_REFERENCE, lang="en", origin="synthetic.txt"))
    assert [p.number for p in ids["art-1"].children] == ["1", "2", "3", "4"]
    assert ids["art-1.3"].text.endswith("the member replaced.")


# synthetic: written for this test (a footnote's text printed between two numbered paragraphs).
_SYNTHETIC_FOOTNOTE_BETWEEN = """\
AGREEMENT ON NETS

Article 1

For the purposes of this Agreement:

(1) "net" means a net for fishing;

(2) "territory" means the territory of each Party;

(1) For greater certainty, the territory includes the sea.

(3) "vessel" means a fishing vessel.
"""


def test_a_footnote_between_two_paragraphs_stays_in_the_one_before_synthetic() -> None:
    ids = _ids(parse_text(_SYNTHETIC_FOOTNOTE_BETWEEN, lang="en", origin="synthetic.txt"))
    assert [p.number for p in ids["art-1"].children if p.number] == ["1", "2", "3"]
    assert ids["art-1.2.p2"].text == "(1) For greater certainty, the territory includes the sea."


# synthetic: written for this test (a sentence cut after "ni" by a page break and its number).
_SYNTHETIC_PAGE_BREAK = """\
TRATADO SOBRE CUERDAS

Artículo 1

1. Cada Parte admitirá las cuerdas de cáñamo y de lino, pero no las de seda, ni

2

las de algodón.

2. Cada Parte admitirá los nudos:

(a) simples; y

3

(b) dobles.
"""


def test_a_sentence_goes_on_across_a_page_break_after_a_word_synthetic() -> None:
    ids = _ids(parse_text(_SYNTHETIC_PAGE_BREAK, lang="es", origin="synthetic.txt"))
    assert [p.id for p in ids["art-1"].children] == ["art-1.1", "art-1.2"]
    assert ids["art-1.1"].text.endswith("las de algodón.") and not ids["art-1.1"].children
    assert [p.id for p in ids["art-1.2"].children] == ["art-1.2.intro", "art-1.2.a", "art-1.2.b"]


@pytest.mark.corpus
def test_a_sentence_goes_on_across_a_page_break_after_a_word(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 450))
    assert [p.id for p in ids["art-2-8.4"].children] == ["art-2-8.4.intro", "art-2-8.4.a", "art-2-8.4.b"]
    assert ids["art-2-8.4.a"].text.endswith("empaque.")  # "… vehículos, ni / 2 / empaque."
    assert not ids["art-9-13"].children  # "… la subrogación o / 9-18 / transferencia de …"


# The corpus articles of the causes above: the numbers of their numbered paragraphs, and
# where one is given, the opening of a unit under them.
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("number", "article", "paragraphs", "unit", "opening"),
    [
        # the next paragraph’s number after a blurred line end
        (18, "art-3-04", "1 2 3 4 5 6", None, None),  # "… originarios. 123 / 2. Salvo …"
        (61, "art-60", "1 2 3 4 5", None, None),  # "… growth and employ- / 3. The Parties …"
        (338, "art-18-3", "1 2 3 4 5 6 7 8 9", None, None),  # "2\u00a0 Asimismo, …"
        (410, "art-13-2", "1 2 3 4 5 6", None, None),  # "… cubierta3 / 4. Este Capítulo …"
        (50, "art-13", "1 2 3 4", None, None),  # "…; / 3 Encourage …"
        # a caption run into the next paragraph’s line is no unit
        (53, "art-10-5", "1 2 3 4 5", None, None),  # "… market. / Advantages Subject to … 2. Neither Party …"
        # "… Commission). / Fabrics, … Quantities  4.  (a) …"
        (23, "art-3-25", "1 2 3 4 5 6 7 8 9 10", None, None),
        # a bullet before the next paragraph’s number
        (319, "art-113", "1 2 3 4 5 6", None, None),  # "· 5. In the event …"
        (369, "art-9-27", "1 2 3 4 5 6 7 8 9", None, None),  # "• \t3. A disputing party …"
        # a point list resumed after items without markers
        (440, "art-65", "1 2 3 4 5 6 7 8 9 10", "art-65.6.c", "3) a prevention"),
        (440, "art-67", "1 2", "art-67.2.e", "5) the economic"),
        (440, "art-68", "1 2 3 4 5 6 7", "art-68.4.d", "4) ensure"),
        (440, "art-93", "2 3 4 5 6 7 8", "art-93.6.d", "4) requesting"),
        # a reference behind the paragraph’s number stays in its sentence
        # "… paragraphs 6, 7 and / 8. The replacement …"
        (449, "art-28-9", "1 2 3 4 5 6 7 8 9 10", None, None),
        # "… 18.01(4) y / (5) (Comisión …)" in paragraph 5; no 4 printed
        (49, "art-3-04", "1 2 3 5 6 7", None, None),
        # a footnote between two paragraphs stays in the one before
        (428, "art-203", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 1 2", "art-203.4.p2", "(1) The sole fact"),
        (144, "art-2203", "1 2 3 4 5 6 7", "art-2203.6.p2", "2. These transfers"),  # "… transfers2, …"
    ],
)  # fmt: skip
def test_corpus_paragraph_numbers(
    corpus_dir: Path, number: int, article: str, paragraphs: str, unit: str | None, opening: str | None
) -> None:
    assert paragraph_numbers(corpus_dir, number, article) == paragraphs
    if unit is not None:
        assert _ids(_tota(corpus_dir, number))[unit].text.startswith(opening or "")
