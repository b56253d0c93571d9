"""Ids made unique with ``_2`` on the real corpus (issue 8 item 4, ``dup_suffix``): each cause on its example.

The corpus tests read ../shared/corpus at run time; the synthetic texts were written for
these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from provision_trees import by_id as _ids
from provision_trees import sprocket_treaty, synthetic_article, synthetic_chapters, unique_ids
from provision_trees import tota_body as _tota

from treatydiff.ingest import parse_text
from treatydiff.model import Body


def _tota_chapters(chapters: list[tuple[str, str]]) -> Body:
    return synthetic_chapters(chapters, 9004)


# synthetic: written for these tests. ToTA lost TITLE II and TITLE III: their chapters
# follow TITLE I's own article, each list restarting at 1, and TITLE IV comes next.
_SYNTHETIC_LOST_TITLES = [
    ("TITLE I", synthetic_article(1, "trade sprockets")),
    ("CHAPTER 1", synthetic_article(2, "trade cogs")),
    ("CHAPTER 2", synthetic_article(3, "trade gears")),
    ("CHAPTER 1", synthetic_article(4, "cooperate on cogs")),
    ("CHAPTER 2", synthetic_article(5, "cooperate on gears")),
    ("TITLE IV", synthetic_article(6, "settle disputes")),
]


def test_chapters_of_titles_that_tota_lost_are_prefixed_with_the_title_the_gap_implies() -> None:
    ids = _ids(_tota_chapters(_SYNTHETIC_LOST_TITLES))
    assert not any("_" in i for i in ids)
    # The first chapter 1 is unique as it stands; the repeats carry their title (rule 3).
    assert {"title-1", "ch-1", "ch-2", "title-3.ch-1", "title-3.ch-2", "title-4"} <= set(ids)
    assert ids["title-3.ch-1"].label == "Title [3], Chapter 1"  # inferred: the source's heading is lost
    assert [p.id for p in ids["title-3.ch-1"].children] == ["art-4"]


def test_lost_titles_are_inferred_only_when_the_gap_matches_the_restarts() -> None:
    # TITLE V after two runs of chapters: three titles lost, or two and one run under TITLE I?
    chapters = [*_SYNTHETIC_LOST_TITLES[:-1], ("TITLE V", synthetic_article(6, "settle disputes"))]
    ids = _ids(_tota_chapters(chapters))
    # No number is invented: the second run is a title whose heading is lost (fourth round).
    assert "title-2.ch-1" not in ids and "title-1.ch-1" not in ids and "title-u1.ch-1" in ids


def test_the_first_run_stays_under_the_known_title_when_the_gap_is_one_less() -> None:
    chapters = [*_SYNTHETIC_LOST_TITLES[:-1], ("TITLE III", synthetic_article(6, "settle disputes"))]
    ids = _ids(_tota_chapters(chapters))
    assert {"ch-1", "ch-2", "title-2.ch-1", "title-2.ch-2"} <= set(ids)
    assert ids["title-2.ch-1"].label == "Title [2], Chapter 1"
    assert not any("_" in i for i in ids)


@pytest.mark.corpus
def test_pta_208_chapters_of_its_lost_titles(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 208))
    assert not any(re.search(r"ch-\d+_\d+$", i) for i in ids)
    assert {"ch-4", "title-4.ch-4", "title-5.ch-3", "title-6"} <= set(ids)
    assert ids["title-5.ch-1"].label == "Title [5], Chapter I"


def _text_body(text: str) -> Body:
    return parse_text(text, lang="en", origin="synthetic.txt")


# synthetic: written for these tests. Each definition after the first is run into the
# last point of the one before, on its line, as ToTA prints pta_146's definitions.
_SYNTHETIC_GLUED_DEFINITIONS = sprocket_treaty(
    "Definitions",
    """
For the purposes of this Agreement:

sprocket authority means:

(a) for the first Party, the Ministry of Sprockets; and

(b) for the second Party, the Sprocket Office; territory means:

(a) for the first Party, its land; and

(b) for the second Party, its land and sea. cog industries means persons engaged in:

(a) the making of cogs; or

(b) the sale of cogs.
""",
)


def test_a_definition_glued_to_the_last_point_before_it_is_a_unit_of_its_own() -> None:
    ids = unique_ids(_SYNTHETIC_GLUED_DEFINITIONS)
    assert ids["art-1.p2.b"].text == "(b) for the second Party, the Sprocket Office;"
    assert ids["art-1.p3.intro"].text == "territory means:"
    assert ids["art-1.p3.a"].text == "(a) for the first Party, its land; and"
    assert ids["art-1.p3.b"].text == "(b) for the second Party, its land and sea."
    assert ids["art-1.p4.intro"].text == "cog industries means persons engaged in:"
    assert ids["art-1.p4.b"].text == "(b) the sale of cogs."


def test_a_sentence_ending_in_a_colon_inside_a_point_is_no_definition() -> None:
    # No list restarts after it: the point keeps its words.
    text = _SYNTHETIC_GLUED_DEFINITIONS.replace(
        "territory means:\n\n(a) for the first Party, its land; and\n\n", "territory means:\n\n"
    ).replace("(b) for the second Party, its land and sea.", "(c) for the second Party, its sea.")
    ids = _ids(_text_body(text))
    assert ids["art-1.p2.b"].text.endswith("the Sprocket Office; territory means:")


@pytest.mark.corpus
def test_pta_146_definitions_glued_to_the_point_before(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 146))
    assert not any(re.match(r"art-1-9\..*_\d+$", i) for i in ids)
    assert ids["art-1-9.p2.intro"].text == "sub-national government means:"
    assert ids["art-1-9.p2.a"].text.startswith("(a) \tfor Canada, provincial, territorial, or local")
    assert ids["art-1-9.p1.b"].text.endswith("the Government of the Republic of Korea;")


def test_a_points_own_list_after_a_sentence_ending_in_a_colon_stays_its_list() -> None:
    text = _SYNTHETIC_GLUED_DEFINITIONS.replace(
        "(b) for the second Party, the Sprocket Office; territory means:\n\n"
        "(a) for the first Party, its land; and\n\n(b) for the second Party, its land and sea.",
        "(b) for the second Party, the Sprocket Office. Its offices include:\n\n(i) the head office; and"
        "\n\n(ii) the branch offices.",
    )
    ids = _ids(_text_body(text))
    assert ids["art-1.p2.b.intro"].text.endswith("Its offices include:")
    assert ids["art-1.p2.b.ii"].text == "(ii) the branch offices."


# synthetic: written for these tests. A note and a footnote's text interrupt the lists
# of (b): its roman list goes on at (ii), its capitals at (B), and (c) follows.
_SYNTHETIC_INTERRUPTED_LISTS = sprocket_treaty(
    "Scope",
    """
1. This Agreement shall not apply to:

(a) any measure of a Party on cogs;

(b) any measure of a Party on gears, maintained by:

(i) with respect to the first Party:

(A) its central government; and

Note: The central government includes its agencies.

(B) its local governments;

14 For purposes of this Article, a gear includes a sprocket.

(ii) with respect to the second Party, its federal government; and

(c) an amendment of a measure referred to in subparagraph (a).
""",
)


def test_a_list_interrupted_by_unmarked_words_goes_on_at_its_level() -> None:
    ids = unique_ids(_SYNTHETIC_INTERRUPTED_LISTS)
    assert ids["art-1.1.b.i.b"].text == "(B) its local governments;"
    assert ids["art-1.1.b.i.p2"].text.startswith("Note: The central government")  # words after its (A)
    assert ids["art-1.1.b.p2"].text.startswith("14 For purposes")  # after (i)'s list, before (ii)
    assert ids["art-1.1.b.ii"].text.startswith("(ii) with respect to the second Party")
    assert ids["art-1.1.c"].text.startswith("(c) an amendment")


def test_capital_points_under_a_roman_point_with_no_letter_above_are_its_points() -> None:
    text = (
        _SYNTHETIC_INTERRUPTED_LISTS.replace("(a) any measure of a Party on cogs;\n\n", "")
        .replace("(b) any measure of a Party on gears, maintained by:\n\n", "")
        .replace("(c) an amendment of a measure referred to in subparagraph (a).\n\n", "")
    )
    ids = unique_ids(text)
    assert ids["art-1.1.i.a"].text == "(A) its central government; and"
    assert ids["art-1.1.i.b"].text == "(B) its local governments;"


@pytest.mark.corpus
def test_pta_17_a_roman_list_goes_on_after_footnote_texts(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 17))
    assert not any(re.match(r"art-14-10\.29\..*_\d+$", i) for i in ids)
    assert ids["art-14-10.29.b.iv"].text.startswith("(iv) \tWith respect to functions referred to in clause")
    assert ids["art-14-10.29.b.iv.a"].text.startswith("(A) \tpermitting access to cached material")
    assert ids["art-14-10.29.b.p2"].text.startswith("14  For purposes of this article")  # a footnote's text
    assert ids["art-14-10.29.b.vi.b"].text.startswith("(B) \taccommodating and not interfering")


@pytest.mark.corpus
def test_pta_3_capitals_under_a_roman_point_after_a_note(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 3))
    assert not any(re.match(r"art-79\.1\..*_\d+$", i) for i in ids)
    assert ids["art-79.1.a.p2"].text.startswith("Note:")
    assert ids["art-79.1.a.ii.a"].text.startswith("(A) \tthe central government or a prefecture")
    assert ids["art-79.1.b"].text.startswith("(b) \tthe continuation or prompt renewal")


# synthetic: written for these tests. ToTA prints a footnote's text, marked "(1)", among
# the points of paragraph 2; the numbered list under (a)(ii) is that point's own list.
_SYNTHETIC_FOOTNOTE = sprocket_treaty(
    "Definitions",
    """
1. This Article defines the terms of this Agreement.

2. For the purposes of this Agreement:

(a) sprocket makers means persons other than a cooperative (1) who make sprockets:

(i) small makers, making fewer than ten sprockets a day;

(ii) large makers, of one of the following kinds:

(1) makers of steel sprockets;

(1) The reference to a cooperative applies only to the first Party.

(2) makers of brass sprockets;

(b) cog makers means persons who make cogs.
""",
)


def test_a_footnotes_text_among_the_points_is_no_point() -> None:
    ids = unique_ids(_SYNTHETIC_FOOTNOTE)
    assert ids["art-1.2.a.ii.a"].text == "(1) makers of steel sprockets;"
    assert ids["art-1.2.a.ii.p2"].text.startswith("(1) The reference to a cooperative")
    assert ids["art-1.2.a.ii.p2"].number is None
    assert ids["art-1.2.a.ii.b"].text == "(2) makers of brass sprockets;"
    assert ids["art-1.2.b"].text == "(b) cog makers means persons who make cogs."


def test_a_paragraph_numbered_in_brackets_after_points_is_still_a_paragraph() -> None:
    # The article numbers its own paragraphs "(1)": "(2) …" after (a) and (b) is paragraph 2.
    text = sprocket_treaty(
        "Scope",
        """
(1) This Agreement applies to:

(a) sprockets; and

(b) cogs.

(2) The Parties shall cooperate on gears (1) as they see fit.
""",
    )  # synthetic: written for this test
    ids = _ids(_text_body(text))
    assert ids["art-1.2"].text.startswith("(2) The Parties shall cooperate")


@pytest.mark.corpus
def test_pta_427_footnotes_printed_among_the_points(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 427))
    assert not any(re.match(r"art-(88|114|134)\..*_\d+$", i) for i in ids)
    assert ids["art-88.2.a.ii.a"].text.startswith("(1) managers:")
    assert ids["art-88.2.a.ii.a.p2"].text.startswith("(1) The reference to other than")  # the footnote
    assert ids["art-88.2.a.ii.a.dash-2"].text.startswith("— supervising and controlling")  # the dashes go on
    assert ids["art-88.2.a.ii.b"].text.startswith("(2) specialists:")
    assert ids["art-88.2.b"].text.startswith("(b) ‘graduate trainees’")
    assert ids["art-134.2.p2"].text.startswith("(1) Measures that are aimed at")


@pytest.mark.corpus
def test_pta_392_footnotes_between_the_points_of_a_paragraph(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 392))
    assert not any(re.match(r"art-93\..*_\d+$", i) for i in ids)
    assert ids["art-93.2.p2"].text.startswith("(1) The exclusion of audio-visual services")
    assert ids["art-93.2.c"].text.startswith("(c) \tlimitations on the total number")


@pytest.mark.corpus
def test_pta_439_and_pta_37_a_point_reference_goes_on_across_the_line(corpus_dir: Path) -> None:
    # "… in accordance with Article 4.1(a) and" / "(b) of the Agreement on Safeguards …" (a blank
    # line between), and "… subparagraphs (a) or" / "(b) to be conducted …" (none): no point (b).
    ids = _ids(_tota(corpus_dir, 439))
    assert "art-3-14.6.b_2" not in ids
    assert ids["art-3-14.6.p2"].text.rstrip().endswith("mutatis mutandis.")
    assert ids["art-3-14.6.b"].text.startswith("(b) \tfor a period exceeding three (3) years")
    ids = _ids(_tota(corpus_dir, 37))
    assert "art-13-1.3.b_2" not in ids
    assert "(b) to be conducted by its financial institutions" in ids["art-13-1.3.b"].text


def test_a_point_after_a_line_ending_in_a_point_reference_and_a_conjunction_is_no_point() -> None:
    text = _SYNTHETIC_INTERRUPTED_LISTS.replace(
        "(c) an amendment of a measure referred to in subparagraph (a).",
        "(c) an amendment of a measure referred to in subparagraph (a) or\n(b) of this paragraph.",
    )  # synthetic
    ids = _ids(_text_body(text))
    assert ids["art-1.1.c"].text.endswith("(b) of this paragraph.")
    assert not any("_" in i for i in ids)


# synthetic: written for these tests. The lists under (b) and under (ii) are printed with the
# markers of the list they are under ("a." under "(a)", "(i)" under "(i)"). A marker that goes
# on both lists goes on the inner one; "(c)" goes on only the outer list's form.
_SYNTHETIC_SAME_MARKERS = sprocket_treaty(
    "Value",
    """
1. The value of a sprocket shall be:

(a) its price; and

(b) its cost, in calculating the content of the good,
provided that:

a. the cost is not invoiced separately; and

b. the cost is customary;

(c) its weight, where the Parties so agree.

2. Sprockets do not include:

(i) cogs; and

(ii) claims to money that arise solely from:

(i) the sale of cogs; or

(ii) the extension of credit.
""",
)


def test_a_list_printed_with_the_markers_of_the_list_it_is_under_is_the_last_points() -> None:
    ids = unique_ids(_SYNTHETIC_SAME_MARKERS)
    assert ids["art-1.1.b.a"].text == "a. the cost is not invoiced separately; and"
    assert ids["art-1.1.b.b"].text == "b. the cost is customary;"
    assert ids["art-1.1.c"].text.startswith("(c) its weight")  # the outer list goes on
    assert ids["art-1.2.ii.i"].text == "(i) the sale of cogs; or"
    assert ids["art-1.2.ii.ii"].text == "(ii) the extension of credit."


@pytest.mark.corpus
def test_pta_47_and_pta_379_lists_printed_with_the_markers_of_the_list_above(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 47))
    assert not any(re.match(r"art-4-1\.p14\..*_\d+$", i) for i in ids)
    assert ids["art-4-1.p14.a.iii.b"].text.startswith("b. \tan amount for profit.")
    assert ids["art-4-1.p14.b.i.c"].text.startswith("c. \tthe costs of waste and spoilage")
    assert ids["art-4-1.p14.b.ii.d"].text.startswith("d. \tthe costs of originating materials")
    ids = _ids(_tota(corpus_dir, 379))
    assert "art-3-9.p1.a_2" not in ids
    assert ids["art-3-9.b.a"].text.startswith("(a) \tthe accessories, spare parts, tools")


@pytest.mark.corpus
def test_pta_141_a_point_reference_after_subparagraph_goes_on_its_sentence(corpus_dir: Path) -> None:
    # "… referred to in subparagraph" / "(g) on board factory ships …": no second (g).
    ids = _ids(_tota(corpus_dir, 141))
    assert not any(re.match(r"art-3-3\..*_\d+$", i) for i in ids)
    assert "(g) on board factory ships" in ids["art-3-3.h"].text
    assert ids["art-3-3.i.i"].text.startswith("(i) \tproduction in the territory of a Party")


@pytest.mark.corpus
def test_pta_395_points_after_a_dash_definition_ending_in_a_colon_are_its_own(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 395))
    assert not any(re.match(r"art-152\..*_\d+$", i) for i in ids)
    assert ids["art-152.dash-4.intro"].text == '"public entity" means:'
    assert ids["art-152.dash-4.b"].text.startswith("(b) a private entity, performing functions")
    assert ids["art-152.dash-5"].text.startswith('- "self-regulatory organisation" means')  # the dashes go on


def test_a_point_marker_alone_at_a_blocks_end_opens_the_next_blocks_item() -> None:
    text = (
        _SYNTHETIC_INTERRUPTED_LISTS.replace("(c) an amendment", "(d) an amendment")
        .replace("(b) any measure of a Party on gears", "(c) any measure of a Party on gears")
        .replace(
            "(a) any measure of a Party on cogs;\n\n",
            "(a)\n\nany measure of a Party on cogs;\n(b)\n\nany tariff on cogs;\n\n",
        )
    )  # synthetic
    ids = unique_ids(text)
    assert ids["art-1.1.a"].text == "(a)\n\nany measure of a Party on cogs;"
    assert ids["art-1.1.b"].text == "(b)\n\nany tariff on cogs;"
    assert ids["art-1.1.c.ii"].text.startswith("(ii) with respect to the second Party")


@pytest.mark.corpus
def test_pta_72_markers_alone_on_their_lines_open_the_items_after_them(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 72))
    assert not any(re.match(r"art-3-01\.[a-h]_\d+$", i) for i in ids)
    item = next(p for i, p in ids.items() if re.match(r"art-3-01\.p\d+\.c$", i) and "employer" in p.text)
    assert item.text.startswith("(c)") and item.text.rstrip().endswith("they are employer and employee;")
