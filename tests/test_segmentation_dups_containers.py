"""Containers made unique with ``_2`` on the real corpus (issue 8 item 4, ``dup_suffix``, fourth round).

The corpus tests read ../shared/corpus at run time and assert ids only; the synthetic
texts were written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from provision_trees import by_id as _ids
from provision_trees import synthetic_article, synthetic_chapters
from provision_trees import tota_body as _tota

from treatydiff.model import Body


def _tota_chapters(chapters: list[tuple[str, str]]) -> Body:
    return synthetic_chapters(chapters, 9005)


_CONTAINER_SUFFIX = re.compile(r"(?:^|\.)(?:part|title|ch)-[0-9a-z]+_\d+(?:\.|$)")

# synthetic: written for these tests. ToTA lost the headings of two titles after TITLE I:
# the chapters restart at 1 twice and no later title tells which numbers were lost.
_SYNTHETIC_RESTARTS = [
    ("TITLE I", synthetic_article(1, "trade sprockets")),
    ("CHAPTER 1", synthetic_article(2, "trade cogs")),
    ("CHAPTER 2", synthetic_article(3, "trade gears")),
    ("CHAPTER 1", synthetic_article(4, "cooperate on cogs")),
    ("CHAPTER 2", synthetic_article(5, "cooperate on gears")),
    ("CHAPTER 1", synthetic_article(6, "settle disputes on cogs")),
]


def test_chapters_restarting_under_one_title_open_a_title_the_source_lost() -> None:
    ids = _ids(_tota_chapters(_SYNTHETIC_RESTARTS))
    assert not any("_" in i for i in ids)
    # The first run stays the known title's own; each restart opens a lost title, by position.
    assert {"title-1", "ch-1", "ch-2", "title-u1.ch-1", "title-u1.ch-2", "title-u2.ch-1"} <= set(ids)
    assert ids["title-u1.ch-1"].label == "Title [u1], Chapter 1"  # no number: the heading is lost
    assert [p.id for p in ids["title-u2.ch-1"].children] == ["art-6"]


def test_titles_restarting_under_one_part_open_a_part_the_source_lost() -> None:
    # synthetic: two titles, then the title numbers restart: a part's heading is lost.
    chapters = [
        ("TITLE I", synthetic_article(1, "trade sprockets")),
        ("TITLE II", synthetic_article(2, "trade cogs")),
        ("TITLE I", synthetic_article(3, "cooperate on cogs")),
        ("TITLE II", synthetic_article(4, "cooperate on gears")),
        ("CHAPTER 1", synthetic_article(5, "settle disputes")),
    ]
    ids = _ids(_tota_chapters(chapters))
    assert not any("_" in i for i in ids)
    assert {"title-1", "title-2", "part-u1.title-1", "part-u1.title-2", "ch-1"} <= set(ids)
    assert ids["part-u1.title-2"].label == "Part [u1], Title II"


def test_a_title_that_opens_resets_the_chapter_count() -> None:
    # synthetic: chapters restarting after a printed title are that title's, as before.
    chapters = [
        ("TITLE I", synthetic_article(1, "trade sprockets")),
        ("CHAPTER 1", synthetic_article(2, "trade cogs")),
        ("CHAPTER 2", synthetic_article(3, "trade gears")),
        ("TITLE II", synthetic_article(4, "cooperate on sprockets")),
        ("CHAPTER 1", synthetic_article(5, "cooperate on cogs")),
    ]
    ids = _ids(_tota_chapters(chapters))
    assert {"ch-1", "ch-2", "title-2.ch-1"} <= set(ids)
    assert not any("-u" in i for i in ids)


@pytest.mark.corpus
@pytest.mark.parametrize("number", [29, 88, 320, 368, 388, 427, 428])
def test_lost_titles_and_parts_leave_no_container_suffixed(corpus_dir: Path, number: int) -> None:
    ids = _ids(_tota(corpus_dir, number))
    assert [i for i in ids if _CONTAINER_SUFFIX.search(i)] == []


@pytest.mark.corpus
def test_pta_320_chapters_after_title_vii(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 320))
    # TITLE VII's own three chapters, then six runs whose title ToTA lost.
    assert {"title-7.ch-1", "title-7.ch-3", "title-u1.ch-1", "title-u6.ch-4"} <= set(ids)
    assert "title-u7.ch-1" not in ids
    assert ids["title-u1.ch-1"].label == "Title [u1], Chapter 1"


def test_an_annex_numbered_with_a_letter_in_brackets_keeps_the_letter() -> None:
    # synthetic: the signature block, then annexes "IV (a)" and "IV (b)" after it.
    closing = (
        "Done at Brussels on the first day of May.\n\nFor the Parties\n\nAnnex IV (a):\n\nCogs\n\n"
        "Annex IV (b):\n\nGears\n\nAnnex V:\n\nSprockets\n"
    )
    chapters = [("TITLE I", synthetic_article(1, "trade cogs")), ("", f"<article>{closing}</article>")]
    ids = _ids(_tota_chapters(chapters))
    assert {"annex-4-a", "annex-4-b", "annex-5"} <= set(ids)
    assert ids["annex-4-b"].label == "Annex IV (b)"
    assert not any("_" in i for i in ids)


@pytest.mark.corpus
def test_pta_60_annexes_iv_a_to_f(corpus_dir: Path) -> None:
    ids = _ids(_tota(corpus_dir, 60))
    assert {"annex-4-a", "annex-4-f", "annex-5-a", "annex-5-b", "annex-6"} <= set(ids)
    assert not any(i.startswith("annex-") and "_" in i for i in ids)
