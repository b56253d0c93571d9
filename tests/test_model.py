"""Citations and ids: parsing, formatting, round trips (synthetic ids only)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatydiff.errors import TreatydiffError
from treatydiff.model import Citation, is_provision_id, normalize_treaty_id


@pytest.mark.parametrize(
    ("text", "treaty", "provision"),
    [
        ("ir-ru-2025:art-3.3", "ir-ru-2025", "art-3.3"),
        ("ir-ru-2025", "ir-ru-2025", None),
        ("tota:420", "tota-420", None),
        ("tota:420:art-1.2", "tota-420", "art-1.2"),
        ("tota-420:preamble.4", "tota-420", "preamble.4"),
        ("un-charter:art-2.p5", "un-charter", "art-2.p5"),
        ("x:annex-1.art-1_2", "x", "annex-1.art-1_2"),
        ("  TOTA:7  ", "tota-7", None),
    ],
    ids=lambda value: str(value),
)
def test_citation_parses(text: str, treaty: str, provision: str | None) -> None:
    citation = Citation.parse(text)
    assert (citation.treaty, citation.provision) == (treaty, provision)


@pytest.mark.parametrize(
    "text",
    [
        "",
        ":art-1",
        "a:b:c",
        "../etc:art-1",
        "x:Art-1",
        "x:art 1",
        "x:art-1.",
        "x:.art-1",
        "x:статья-1",
        "a/b",
    ],
)
def test_citation_rejects(text: str) -> None:
    with pytest.raises(TreatydiffError) as caught:
        Citation.parse(text)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text", ["../x", "a/b", "A B", "x--y", "-x", "", "x" * 65, "tota:"])
def test_treaty_id_rejects_path_characters(text: str) -> None:
    with pytest.raises(TreatydiffError):
        normalize_treaty_id(text)


_segment = st.from_regex(r"[a-z0-9]{1,6}(?:[-_][a-z0-9]{1,4}){0,2}", fullmatch=True)
_provision = st.lists(_segment, min_size=1, max_size=4).map(".".join)
_treaty = st.from_regex(r"[a-z0-9]{1,8}(?:-[a-z0-9]{1,6}){0,3}", fullmatch=True)


@given(_treaty, _provision)
def test_citation_round_trip(treaty: str, provision: str) -> None:
    if treaty.startswith("tota-") and treaty[5:].isdigit():
        treaty = f"tota-{int(treaty[5:])}"  # tota-007 is normalised like tota:007
    citation = Citation(treaty, provision)
    assert is_provision_id(provision)
    assert Citation.parse(str(citation)) == citation
    assert str(Citation.parse(str(citation))) == str(citation)
