"""Segmentation defects found on the real corpus (issue 8 item 4), each on the example given.

The corpus tests read ../shared/corpus at run time; the synthetic texts were written for
these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from treatydiff.ingest import parse_tota
from treatydiff.model import Body, Provision


def _walk(provisions: tuple[Provision, ...]) -> Iterator[Provision]:
    for p in provisions:
        yield p
        yield from _walk(p.children)


def _ids(body: Body) -> dict[str, Provision]:
    return {p.id: p for p in _walk(body.provisions)}


def _tota(corpus_dir: Path, number: int) -> Body:
    path = corpus_dir / "tota" / "xml" / f"pta_{number}.xml"
    return parse_tota(path.read_bytes(), origin=path.name)[1]


@pytest.mark.corpus
def test_pta_94_article_printed_without_number_is_article_1_not_a_second_preamble(
    corpus_dir: Path,
) -> None:
    ids = _ids(_tota(corpus_dir, 94))
    assert "preamble_2" not in ids
    assert ids["art-1"].kind == "article"
    assert ids["art-1"].label == "Article [1]"  # the source printed no number
    assert {"art-1.1", "art-1.2", "art-1.2.a", "art-1.2.b", "art-1.2.c"} <= set(ids)
    assert ids["art-1.2.a"].kind == "point"


@pytest.mark.corpus
@pytest.mark.parametrize("number", [23, 253])
def test_no_second_preamble(corpus_dir: Path, number: int) -> None:
    assert not any(p.id.startswith("preamble_") for p in _walk(_tota(corpus_dir, number).provisions))
