"""The structural checker over the reference corpus stays at or below its recorded ceilings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from treatydiff.model import Provision, Span

REPO = Path(__file__).resolve().parents[1]
CHECKER = REPO / "benchmark" / "structure_check.py"
CEILINGS = REPO / "benchmark" / "structure_ceilings.json"


@pytest.mark.corpus
@pytest.mark.slow
def test_structure_classes_stay_at_or_below_their_ceilings(corpus_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(CHECKER), "--corpus", str(corpus_dir), "--json", "--ceilings", str(CEILINGS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert set(counts) == set(json.loads(CEILINGS.read_text(encoding="utf-8")))


@pytest.mark.corpus
def test_every_charter_article_has_the_same_paragraph_count_in_the_six_languages(corpus_dir: Path) -> None:
    sys.path.insert(0, str(CHECKER.parent))
    try:
        import structure_check
    finally:
        sys.path.remove(str(CHECKER.parent))
    from treatydiff.ingest import parse_text

    bodies = {
        lang: parse_text(
            (corpus_dir / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt").read_text(encoding="utf-8"),
            lang=lang,
            origin=lang,
        )
        for lang in structure_check.CHARTER_LANGS
    }
    tallies = {name: structure_check.Tally(name, what) for name, what in structure_check.CLASSES}
    structure_check._charter_counts(bodies, tallies, 20)
    assert tallies["charter_count_mismatch"].examples == []


def _checker_module() -> ModuleType:
    sys.path.insert(0, str(CHECKER.parent))
    try:
        import structure_check
    finally:
        sys.path.remove(str(CHECKER.parent))
    return structure_check


# synthetic: the texts between two paragraphs, written for this test.
@pytest.mark.parametrize(
    ("previous", "number", "between", "gap"),
    [
        (1, 3, " The Parties shall meet.\n\n", True),  # the source prints no "2": its own gap
        (1, 3, " The Parties shall meet.\n2 The meeting shall be public.\n", False),  # a "2" read wrongly
        (1, 3, " The Parties shall meet.” 2. The meeting …\n", False),  # run in after a quote
        (1, 3, " Scope of the Chapter 2. Neither Party …\n", False),  # after a caption on its line
        (4, 48, " … pursuant to Article 47 or\n", False),  # a jump this far is a number read wrongly
    ],
)
def test_a_gap_in_the_sources_numbering_is_told_from_a_defect(
    previous: int, number: int, between: str, gap: bool
) -> None:
    assert _checker_module()._source_gap(previous, number, between) is gap


# synthetic: lines written for this test.
@pytest.mark.parametrize(
    ("text", "start", "counts"),
    [
        ("(b) amendments to Annex\n11.A or Annex 11.B", 24, False),  # a cut reference, no marker
        ("responsibility for the\n-commitments taken", 23, False),  # a stray hyphen mid-sentence
        ("The Parties shall:\n-publish the list", 19, True),
        ("for the names listed in\nAnnex XVII.", 24, False),
        ("… are equally authentic.\n\nProtocol on Exclusions", 26, True),
    ],
)
def test_lines_count_as_markers_or_headings_only_after_a_break(text: str, start: int, counts: bool) -> None:
    assert _checker_module()._after_break(text, start) is counts


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("Service of Documents\n2. Notices shall be in writing.", True),
        ("Temporary measures under subparagraphs\n(a) and (b) shall apply", False),  # a cut sentence
        ("A Party shall deliver within fifteen\nworking days (15) days of the request", False),
    ],
)
def test_a_caption_is_glued_only_right_before_a_marker(text: str, glued: bool) -> None:
    assert _checker_module()._caption_glued(text) is glued


# synthetic: the texts around a far jump, written for this test.
@pytest.mark.parametrize(
    ("between", "following", "gap"),
    [
        (" Each Party shall bear its own costs.\n\n", "21. The Parties shall meet.", True),  # text lost
        (" … pursuant to Article 47 or\n", "21. The Parties shall meet.", False),  # a reference
        (" Cocoa beans 18.01-00\n\n30.\n", "31. Pyrethrum flowers", False),  # a table's numbers
        (" Each Party shall bear its own costs.\n\n", "21. of the total", False),  # no sentence
    ],
)
def test_a_far_jump_is_the_sources_only_between_whole_sentences(
    between: str, following: str, gap: bool
) -> None:
    assert _checker_module()._source_gap(2, 21, between, following) is gap


def _paragraph(text: str) -> Provision:
    number = text.lstrip("(").split(".")[0].split(")")[0]
    return Provision(f"art-1.{number}", "paragraph", "", text, Span(0, len(text)), number=number)


# synthetic: paragraphs written for this test.
@pytest.mark.parametrize(
    ("previous", "following", "between", "repeat"),
    [
        ("2. The Court shall judge.", "2. An appeal may be made.", " The Court shall judge.\n\n", True),
        ("(1) A visa is no measure.", "(1) The territory includes the zone.", " A visa …\n", True),
        ("2. The Court shall judge.", "(2) An appeal may be made.", " …\n", False),  # another form
        ("2. For this Chapter:", "2. reinsurance;", " …\n1. direct insurance:\n", False),  # a list
        ("2. For this Chapter:", "2. Reinsurance.", " …\n1. Direct insurance.\n", False),  # restarted
    ],
)
def test_a_number_the_source_prints_twice_is_told_from_a_defect(
    previous: str, following: str, between: str, repeat: bool
) -> None:
    checker = _checker_module()
    assert checker._source_repeat(_paragraph(previous), _paragraph(following), between) is repeat


# synthetic: paragraphs written for this test.
@pytest.mark.parametrize(
    ("numbers", "misprint"),
    [
        (("2. The Court shall judge.", "5. An appeal may be made.", "4. The Court shall sit."), True),
        (("2. The Court shall judge.", "1. An appeal may be made.", "4. The Court shall sit."), True),
        (("2. The Court shall judge.", "5. An appeal may be made.", "6. The Court shall sit."), False),
        (("2. The Court shall judge.", "(5) An appeal may be made.", "4. The Court shall sit."), False),
        (("2. The Court shall judge.", "5. appeals;", "4. The Court shall sit."), False),  # no sentence
        (("2. The Court shall judge.", "4. An appeal may be made.", "4. The Court shall sit."), False),
    ],
)
def test_a_number_the_source_misprints_is_told_from_a_defect(
    numbers: tuple[str, str, str], misprint: bool
) -> None:
    checker = _checker_module()
    prev, nxt, after = (_paragraph(text) for text in numbers)
    assert checker._source_misprint(prev, nxt, after) is misprint


# synthetic: preamble openings written for this test.
@pytest.mark.parametrize(
    ("text", "titled"),
    [
        ("BUTTON TRADE\nAGREEMENT\n\nThe Parties,\n", True),
        ("Council Decision\n\nof 1 May 1990\n", True),
        ("No. 99. GENERAL AGREEMENT ON BUTTONS\n", True),
        ("Notes2016-06-13Unofficial translationTREATYon buttons\n", True),  # metadata glued before
        ("Ruritania and Utopia (hereinafter referred to in this Agreement as the Parties),\n", False),
        ("The States parties to this Agreement,\n", False),
        ("Having regard to the Button Partnership and\nCooperation Agreement between them,\n", False),
    ],
)
def test_a_preamble_opening_with_a_title_is_told_from_one_opening_with_the_parties(
    text: str, titled: bool
) -> None:
    assert _checker_module()._title_line(text) is titled


# synthetic: the text after an article's last unit, written for this test.
@pytest.mark.parametrize(
    ("after", "table"),
    [
        ("\n\n80\n\n100\n", True),
        ("\n25% \n\n87,5%\n", True),
        ("", False),  # nothing after it: the caption ends the article
        ("\nSection B\n", False),
    ],
)
def test_a_table_cell_ending_an_article_is_told_from_a_caption(after: str, table: bool) -> None:
    assert _checker_module()._figures_only(after) is table


# synthetic: item endings written for this test.
@pytest.mark.parametrize(
    ("text", "ended"),
    [
        ("por más de un año, ni", True),  # Spanish "nor" ends an item as "o" does
        ("de sus partes; u", True),
        ("las cuerdas de cáñamo", False),
        ("the ninth", False),
    ],
)
def test_a_unit_may_end_in_a_lists_conjunction(text: str, ended: bool) -> None:
    assert (_checker_module()._UNIT_END.search(text) is not None) is ended


def _points(text: str) -> tuple[Provision, list[Provision]]:
    """The points of ``text`` (its blocks that open "(x)"), with spans into it, under one paragraph."""
    points, at = [], 0
    for block in text.split("\n\n"):
        start = text.index(block, at)
        at = start + len(block)
        if block.startswith("("):
            marker = block.split(")")[0].lstrip("(")
            points.append(Provision(f"art-1.{marker}", "point", "", block, Span(start, at)))
    return Provision("art-1", "paragraph", "", text, Span(0, len(text)), children=tuple(points)), points


# synthetic: point lists written for this test.
@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        (
            "(a) adopt rules;\n\n(b) adopt a bond scheme;\n\n(b) simplify documents;\n\n(d) set up a union.",
            True,
        ),
        (
            "(a) adopt rules;\n\n(b) adopt a scheme; or\n\n(b) simplify documents;\n\n(c) set up a union.",
            True,
        ),
        (
            "(a) adopt rules;\n\n(b) adopt a scheme of:\n\n(b) simplify documents;\n\n(c) set up a union.",
            False,
        ),
        (
            "(a) adopt rules;\n\n(b) adopt a scheme; and\n\n(b) simplify documents;\n\n(f) set up a union.",
            False,
        ),
        ("(a) adopt rules in Article 4.1(a) and\n\n(b) of the Code;\n\n(b) simplify documents.", False),
        (
            "(a) adopt rules;\n\n(b) adopt a scheme; (c) code means: (i) a code;\n\n(b) simplify documents.",
            False,
        ),
        (
            "155 A Party may comply:\n\n(a) a body exists;\n\n(a) With respect to hosting;\n\n(b) a code.",
            False,
        ),
    ],
)
def test_a_marker_the_source_prints_twice_is_told_from_a_defect(text: str, repeat: bool) -> None:
    checker = _checker_module()
    parent, points = _points(text)
    at = next(i for i in range(1, len(points)) if points[i].text[:3] == points[i - 1].text[:3])
    following = points[at + 1] if at + 1 < len(points) else None
    assert checker._marker_repeat(text, parent, points[at - 1], points[at], following) is repeat


# synthetic: a definitions article whose second list is printed before its lead-in.
@pytest.mark.parametrize(
    ("after", "source_order"),
    [
        ("sprocket means a wheel that:\n\nwheel means a disc.\n", True),
        ("sprocket means a wheel that:\n\n(a) turns; or\n\n(b) stops.\n", False),
        ("sprocket means a wheel.\n\nwheel means a disc.\n", False),
    ],
)
def test_a_list_printed_before_its_lead_in_is_told_from_a_defect(after: str, source_order: bool) -> None:
    from treatydiff.ingest import parse_text

    checker = _checker_module()
    text = (
        "Article 1\n\nFor the purposes of this Article:\n\ncog means:\n\n(a) a wheel; or\n\n(b) a gear;\n\n"
        "(a) is round; or\n\n(b) has teeth;\n\n" + after
    )
    body = parse_text(text, lang="en", origin="synthetic.txt")
    leaves = [leaf for top in body.provisions for leaf in checker._leaves(top)]
    found = {pid for p in checker._walk(body.provisions) for pid in checker._lead_in_after_list(p, leaves)}
    assert bool(found) is source_order
    assert all(pid.endswith(("a_2", "b_2")) for pid in found)
