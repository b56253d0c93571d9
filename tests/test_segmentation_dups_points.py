"""Points made unique with ``_2`` on the real corpus (issue 8 item 4, ``dup_suffix``, fourth round).

The corpus tests read ../shared/corpus at run time and assert ids only; the synthetic
texts were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from provision_trees import by_id as _ids
from provision_trees import tota_body as _tota
from provision_trees import unique_ids

from treatydiff.ingest import parse_text
from treatydiff.model import Body


def _text_body(text: str) -> Body:
    return parse_text(text, lang="en", origin="synthetic.txt")


# synthetic: written for these tests. Doubled letters under roman points that end in ":".
_SYNTHETIC_DOUBLED = (
    "Article 1\n\n1. For the purposes of this Article:\n\n(a) a cog means a wheel;\n\n(b) a claim means:\n\n"
    "(i) a claim arising from:\n\n(aa) a contract of sale; or\n\n(bb) a loan; and\n\n"
    "(ii) a claim to money arising from:\n\n(aa) a lease; or\n\n(bb) a credit.\n\n"
    "2. The Parties shall trade in cogs.\n"
)


def test_doubled_letters_after_a_point_ending_in_a_colon_are_its_points() -> None:
    ids = unique_ids(_SYNTHETIC_DOUBLED)
    nested = {"art-1.1.b.i.aa", "art-1.1.b.i.bb", "art-1.1.b.ii", "art-1.1.b.ii.aa", "art-1.1.b.ii.bb"}
    assert nested <= set(ids)
    assert "art-1.2" in ids


def test_doubled_letters_after_z_go_on_the_letters() -> None:
    # synthetic: a long list whose letters go on past (z).
    items = "".join(f"({chr(c)}) a cog of kind {chr(c)};\n\n" for c in range(ord("a"), ord("z") + 1))
    ids = _ids(_text_body(f"Article 1\n\nCogs are:\n\n{items}(aa) a wheel; and\n\n(bb) a gear.\n"))
    assert {"art-1.z", "art-1.aa", "art-1.bb"} <= set(ids)


def test_doubled_letter_lists_after_unnumbered_lead_ins_nest_under_them() -> None:
    # synthetic: the capitals "(AA)" are not read as markers; each "(aa)" list follows a lead-in.
    text = (
        "Article 1\n\nFor the purposes of this Article, investment means:\n\n(AA) a share in a firm;\n\n"
        "(BB) a loan to a firm:\n\n(aa) where the firm is an affiliate, or\n\n(bb) where the loan runs three"
        " years;\n\n(CC) a claim arising under:\n\n(aa) a lease, or\n\n(bb) a credit.\n"
    )
    ids = unique_ids(text)
    assert {"art-1.p3.aa", "art-1.p3.bb", "art-1.p4.aa", "art-1.p4.bb"} <= set(ids)


@pytest.mark.corpus
@pytest.mark.parametrize(("number", "article"), [(34, "art-96"), (434, "art-27")])
def test_doubled_letter_points_leave_no_suffix(corpus_dir: Path, number: int, article: str) -> None:
    ids = _ids(_tota(corpus_dir, number))
    assert [i for i in ids if i.startswith(article + ".") and "_" in i] == []
    assert any(i.startswith(article + ".") and i.endswith(".bb") for i in ids)


# synthetic: a definition whose point (b) has romans, then a second lead-in of (b) ending in ":"
# with romans of its own, and the letters going on after them.
_SYNTHETIC_SECOND_LEAD_IN = (
    "Article 1\n\nFor the purposes of this Article:\n\n(a) cog means a wheel;\n\n"
    "(b) measure means any measure taken by:\n\n(i) a government; or\n\n(ii) an agency;\n\n"
    "Such measures include measures affecting:\n\n(i) the sale of cogs;\n\n(ii) the use of cogs; and\n\n"
    "(iii) the making of cogs;\n\n(c) gear means a toothed wheel;\n\n"
    "(d) wheel means:\n\n(i) a round thing; or\n\n(ii) a disc.\n"
)


def test_a_second_lead_in_of_a_point_and_its_romans_are_that_points() -> None:
    ids = unique_ids(_SYNTHETIC_SECOND_LEAD_IN)
    assert {
        "art-1.b.i",
        "art-1.b.ii",
        "art-1.b.p2",
        "art-1.b.p2.i",
        "art-1.b.p2.iii",
        "art-1.c",
        "art-1.d.ii",
    } <= set(ids)
    assert "art-1.p2" not in ids


def test_a_definition_of_its_own_after_the_points_keeps_its_list() -> None:
    # synthetic: "territory means:" is no lead-in of (b): no letter goes on (b)'s list after it.
    text = (
        "Article 1\n\nFor the purposes of this Article:\n\n(a) cog means a wheel;\n\n(b) gear means a toothed"
        " wheel;\n\nterritory means:\n\n(i) the land; and\n\n(ii) the sea.\n"
    )
    ids = _ids(_text_body(text))
    assert {"art-1.b", "art-1.p2", "art-1.i", "art-1.ii"} <= set(ids)
    assert "art-1.b.p2" not in ids


@pytest.mark.corpus
def test_pta_334_the_second_lead_in_of_a_definition(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 334))
    # "(e) … means: (i) (ii) / Such measures include measures affecting: / (i) (ii) (iii) / (f)".
    assert {"art-8-1.e.i", "art-8-1.e.p2.i", "art-8-1.e.p2.iii", "art-8-1.f", "art-8-1.i"} <= set(ids)
    assert not any(i.startswith("art-8-1.") and "_" in i for i in ids)


def test_romans_after_a_footnote_between_a_point_and_its_list_are_that_points() -> None:
    # synthetic: "(a) … on:" then a footnote's text, then (a)'s romans, then (b).
    text = (
        "Article 1\n\nNeither Party shall:\n\n(a) impose limits on:\n\n"
        "2 For greater certainty, this paragraph covers cogs.\n\n"
        "(i) the number of cogs; or\n\n(ii) the value of gears; or\n\n(b) require a joint venture.\n"
    )
    ids = _ids(_text_body(text))
    assert {"art-1.a.intro", "art-1.a.p2", "art-1.a.i", "art-1.a.ii", "art-1.b"} <= set(ids)
    assert "art-1.i" not in ids


@pytest.mark.corpus
def test_pta_380_romans_after_footnotes_are_the_points(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 380))
    # "(a) impose limitations on:" / footnotes 2 and 3 / "(i)" … "(iv)" / "(b)".
    assert {"art-10-4.a.intro", "art-10-4.a.p2", "art-10-4.a.p3", "art-10-4.a.iv", "art-10-4.b"} <= set(ids)


def test_a_point_marker_after_a_line_ending_in_a_numbered_reference_goes_on_the_sentence() -> None:
    # synthetic: "… Article 12.18 (4)" / "(a) may pursue …" is the reference 12.18(4)(a), cut.
    text = (
        "Article 1\n\n6. For the purposes of this Article:\n\n(a) the respondent accepts the tribunal;\n\n"
        "(b) the claimant referred to in Article 12.18 (4)\n(a) may pursue a claim only if it waives"
        " its right; and\n\n(c) the claimant referred to in Article 12.18 (4)\n(b) may pursue a claim under"
        " the rules.\n"
    )
    ids = unique_ids(text)
    assert {"art-1.6.a", "art-1.6.b", "art-1.6.c"} <= set(ids)
    assert "(a) may pursue" in ids["art-1.6.b"].text


@pytest.mark.corpus
def test_pta_410_a_point_reference_cut_after_its_number(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 410))
    assert not any(i.startswith("art-12-21.6.") and "_" in i for i in ids)
    assert {"art-12-21.6.a", "art-12-21.6.b", "art-12-21.6.c"} <= set(ids)


@pytest.mark.corpus
def test_pta_339_a_definition_run_into_the_last_point_without_a_colon(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 339))
    assert not any(i.startswith("art-4-17.") and "_" in i for i in ids)


def test_a_caption_ending_in_the_noun_means_stays_a_caption() -> None:
    # synthetic: "Use of electronic means" captions the next paragraph; it is no definition.
    text = (
        "Article 1\n\n1. A procuring entity shall use open tendering for cogs.\n\nUse of electronic means\n\n"
        "2. A procuring entity may conduct procurement by electronic means.\n"
    )
    ids = _ids(_text_body(text))
    assert [i for i in ids if i.startswith("art-1.")] == ["art-1.1", "art-1.2"]
