"""Paragraph numbering, trailing captions and closings on the real corpus (issue 8 item 4).

The corpus tests read ../shared/corpus at run time; the synthetic texts were written for
these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from treatydiff.ingest import parse_text, parse_tota
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
