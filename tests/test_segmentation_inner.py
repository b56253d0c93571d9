"""Containers and numbering inside ToTA articles on the real corpus (issue 8 item 4, order round).

The corpus tests read ../shared/corpus at run time; the synthetic texts were written for
these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from provision_trees import by_id as _ids
from provision_trees import paragraph_numbers, synthetic_tota
from provision_trees import tota_body as _tota

from treatydiff.model import Body


def _tota_synthetic(articles: str) -> Body:
    return synthetic_tota(f"<chapter>{articles}</chapter>", 9004)


# synthetic: written for this test (a chapter's annex printed inside the chapter's last article).
_CHAPTER_ANNEX = """\
<article>The Parties have agreed as follows:</article>
<article number="Article 3.1">1. Each Party shall admit kites.
2. Each Party shall publish its rules on kites.</article>
<article number="Article 3.2">1. The Parties shall meet on kites.
2. Annex 3.1 applies to the meetings.
ANNEX 3.1: KITE COMMITTEE
1. The Committee shall comprise officials of each Party.
2. The Committee shall meet once a year.</article>
<article number="Article 4.1">1. The Parties shall review kites.
2. The review shall be public.
Annex A of the Kite Convention applies.</article>
"""


def test_a_chapter_annex_inside_the_last_article_is_a_container_synthetic() -> None:
    body = _tota_synthetic(_CHAPTER_ANNEX)
    ids = _ids(body)
    assert [p.id for p in body.provisions] == ["preamble", "art-3-1", "art-3-2", "annex-3-1", "art-4-1"]
    assert [c.id for c in ids["art-3-2"].children] == ["art-3-2.1", "art-3-2.2"]
    annex = ids["annex-3-1"]
    assert (annex.kind, annex.number, annex.heading) == ("annex", "3.1", "KITE COMMITTEE")
    assert [c.id for c in annex.children] == ["annex-3-1.1", "annex-3-1.2"]
    assert sum("the chapter's annex 3.1 is a container after it" in w for w in body.warnings) == 1
    # An annex of another chapter's number (or none) named in a sentence is no container.
    assert [c.id for c in ids["art-4-1"].children] == ["art-4-1.1", "art-4-1.2"]
    assert ids["art-4-1.2"].text.endswith("Kite Convention applies.")


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("number", "article", "annex", "numbers"),
    [
        (23, "art-8-8", "annex-8-3", "1 2 3"),  # "ANNEX 8.3: ADMINISTRATION OF SAFEGUARD PROCEEDINGS"
        (112, "art-915", "annex-913-5", "1 2 6"),  # "Annex 913.5.a-4: …" (the source skips 3 to 5)
        (369, "art-10-11", "annex-10-09", "1 2 3"),  # "Annex 10.09" / "Professional Services"
    ],
)
def test_a_chapter_annex_inside_an_article_is_a_container(
    corpus_dir: Path, number: int, article: str, annex: str, numbers: str
) -> None:
    ids = _ids(_tota(corpus_dir, number))
    assert paragraph_numbers(corpus_dir, number, article) == numbers
    assert ids[annex].kind == "annex"
    assert f"{article}.1_2" not in ids and f"{article}.2_2" not in ids
    assert ids[f"{annex}.1"].number == "1"


# synthetic: written for this test (an organ's decision, its title over several lines in
# sentence case, then the organ in capitals).
_DECISION = """\
<article>Decision of the Kite Board No. 4 of 1999
on the admission of box kites

THE KITE BOARD,

Having regard to the Kite Convention,

DECIDES:</article>
<article number="Article 1">Box kites are kites.</article>
"""

# synthetic: a title whose treaty word lost the space after it, and whose parties are lost.
_GLUED_NAME = """\
<article>Kite Agreementbetween and the Government of
  Date of signing: 1 May 1999

  The Government of Aland and the Government of the , referred to as the Parties,

  have agreed as follows:</article>
<article number="Article 1">The Parties shall fly kites.</article>
"""


def test_the_title_of_an_organs_decision_is_split_off_synthetic() -> None:
    body = _tota_synthetic(_DECISION)
    assert body.title == "Decision of the Kite Board No. 4 of 1999 on the admission of box kites"
    assert body.provisions[0].text.startswith("THE KITE BOARD,")


def test_a_title_whose_treaty_word_is_run_into_the_next_is_split_off_synthetic() -> None:
    body = _tota_synthetic(_GLUED_NAME)
    assert body.title == "Kite Agreementbetween and the Government of"
    # A recital opening with a treaty word's longer relative is no title.
    assert _tota_synthetic(_GLUED_NAME.replace("Kite Agreementbetween", "According to")).title is None


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("number", "opening"),
    [
        (134, "Council Decision of 27 November 2001"),
        (135, "Decision of the Council No. 17 of 1969"),
        (362, "Free Trade Agreementbetween"),  # the source lost the parties' names
    ],
)
def test_titles_of_decisions_and_glued_titles(corpus_dir: Path, number: int, opening: str) -> None:
    body = _tota(corpus_dir, number)
    assert body.title is not None and body.title.startswith(opening)
    assert not body.provisions[0].text.lstrip().startswith(opening.split()[0])


# synthetic: written for this test (a numbered list under a point whose lead-in ends in ",").
_LIST_AFTER_COMMA = """\
<article>The Parties have agreed as follows:</article>
<article number="Article 1.3">1. For this Agreement:

(a) kite means a kite;

(b) territory means:

(i) with respect to Aland,

(1) the islands of Aland;

(2) the waters around them; and

(ii) with respect to Borland, its land;

(c) string means a string.

2. Terms not defined here have their usual meaning.</article>
"""


def test_a_numbered_list_after_a_point_ending_in_a_comma_is_its_points_synthetic() -> None:
    ids = _ids(_tota_synthetic(_LIST_AFTER_COMMA))
    assert [c.id for c in ids["art-1-3"].children] == ["art-1-3.1", "art-1-3.2"]
    point = ids["art-1-3.1.b.i"]
    assert [c.id for c in point.children] == [f"art-1-3.1.b.i.{n}" for n in ("intro", "a", "b")]
    assert ids["art-1-3.1.b.ii"].text.startswith("(ii) with respect to Borland")
    assert ids["art-1-3.1.c"].text.startswith("(c) string")


@pytest.mark.corpus
def test_a_numbered_list_after_a_point_ending_in_a_comma_is_its_points(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 334))
    assert paragraph_numbers(corpus_dir, 334, "art-1-3") == ""  # a definitions list, no paragraphs
    under = [c.id for c in ids["art-1-3.p.i"].children]
    assert under == [f"art-1-3.p.i.{n}" for n in ("intro", "a", "b", "c")]
    assert [c.number for c in ids["art-1-3.d.iii"].children if c.kind == "point"] == ["1", "2"]  # after ":"
    assert ids["art-1-3.p.ii"].text.startswith("(ii)")


# synthetic: written for this test (a table's figures, one OCR'd, then the next section's caption).
_CAPTION_AFTER_TABLE = """\
<article>The Parties have agreed as follows:</article>
<article number="Article 5">The duties on kites shall fall as follows:

Year 1

50%

IOO%

Sub-section K2

Box kites</article>
<article number="Article 6">1. Duties on box kites shall be eliminated.</article>
"""


def test_a_caption_after_a_tables_last_figure_is_no_paragraph_synthetic() -> None:
    ids = _ids(_tota_synthetic(_CAPTION_AFTER_TABLE))
    last = ids["art-5"].children[-1]
    assert last.text == "IOO%"  # the figures stay; the heading and caption after them go
    assert not any("Box kites" in c.text for c in ids["art-5"].children)


@pytest.mark.corpus
def test_a_caption_after_a_tables_last_figure_is_no_paragraph(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 29))
    # "Sub-section A2.2 / Fish and fisheries products" head what follows: no unit of art-66.
    assert "art-66.p21" not in ids
    assert ids["art-66.p20"].text.rstrip() == "IOO%"
