"""Titles after cover pages and document metadata on the real corpus (issue 8 item 4, no_title).

The corpus tests read ../shared/corpus at run time; the synthetic texts were written for
these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from provision_trees import title_and_preamble
from provision_trees import tota_body as _tota

# synthetic: written for these tests; each text is a title run into the preamble, or a cover page.
_FILLER = " and recognising the importance of trade in sprockets and cogs between them" * 4


@pytest.mark.parametrize(
    ("head", "title", "preamble_start"),
    [
        # a title glued to the preamble
        (f"COG TRADE AGREEMENT _______________ THE PARTIES TO THIS AGREEMENT,{_FILLER},",
         "COG TRADE AGREEMENT", "THE PARTIES"),
        (f"AGREEMENT ON TRADE IN COGS BETWEEN ALPHA AND BETA The Governments of Alpha and Beta,{_FILLER},",
         "AGREEMENT ON TRADE IN COGS BETWEEN ALPHA AND BETA", "The Governments"),
        (f"Agreement on Trade in Cogs between Alpha and BetaThe Governments of Alpha and Beta,{_FILLER},",
         "Agreement on Trade in Cogs between Alpha and Beta", "The Governments"),
        ("Cog Trade Agreement between Alpha\nand Beta\n\nPreamble\n\nThe Parties,",
         "Cog Trade Agreement between Alpha and Beta", "The Parties"),
        ("TRAITE SUR LES ROUAGES\n\nPREAMBULE\n\nLes Parties,", "TRAITE SUR LES ROUAGES", "Les Parties"),
        ("'PREAMBLE\n\nThe Parties,", None, "The Parties"),
        # a title after a cover page
        ("WORLD COG ORGANIZATION\n\nCOG TRADE AGREEMENT\n\nThe Parties,",
         "COG TRADE AGREEMENT", "The Parties"),
        ("COGLAND\n\nPROTOCOL\n\nRegarding Cogs between Alpha and\nBeta\n\nThe Parties,",
         "PROTOCOL Regarding Cogs between Alpha and Beta", "The Parties"),
        ("RESTRICTED\n\nCOG AGREEMENT OF 1960\nLimited Distribution\n\nOriginal: English\n\n"
         "ALPHA-BETA COG AGREEMENT\n\nThe Government of Alpha has sent the text, set out below, of the\n"
         "agreement.", "ALPHA-BETA COG AGREEMENT", "The Government"),
        (f"Cog Trade Agreement between Alpha and Beta  The Governments of Alpha and Beta,{_FILLER},",
         "Cog Trade Agreement between Alpha and Beta", "The Governments"),
        ("Cog Trade Agreement between Alpha and BetaPREAMBLE\nThe Parties,",
         "Cog Trade Agreement between Alpha and Beta", "The Parties"),
        ("ALPHA\n\nThe Parties,", None, "ALPHA"),  # no title after the cover: nothing taken
        ("The Government of Alpha\nand the Government of Beta,", None, "The Government"),
    ],
)  # fmt: skip
def test_titles_before_the_preamble_synthetic(head: str, title: str | None, preamble_start: str) -> None:
    found_title, preamble = title_and_preamble(head)
    assert found_title == title
    assert preamble.startswith(preamble_start)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("number", "title_start", "preamble_start"),
    [
        (86, "TRAITÉ INSTITUANT", "Le Gouvernement"),  # after "ORGANIZACIÓN MUNDIAL"
        (133, "LXXJ. PROTOCOL", "Authentic texts"),  # after UNTS headers
        (263, "PROTOCOL Regarding Temporary", "The Republic of Finland"),  # after "LATVIA"
        (266, "GHANA-UPPER VOLTA TRADE AGREEMENT", "Text of"),  # after GATT's document header
        (324, "REVISED TREATY OF TRADE BETWEEN", "The Government of India"),  # after a cover page
        (363, "PACIFIC ISLAND COUNTRIES TRADE AGREEMENT", "The Parties"),
        (364, "Agreement setting up a free trade area", "The government"),  # two spaces, the parties
        (434, "FREE TRADE AGREEMENT", "The Government of Ukraine"),  # Word metadata, "…PREAMBLE"
        (444, "TREATYon the Accession", "The Republic of Belarus"),  # Word metadata
        (445, "FREE TRADE AGREEMENT BETWEEN", "The Republic of Turkey"),  # Word metadata, "…PREAMBLE"
    ],
)
def test_corpus_titles_after_a_cover_page(
    corpus_dir: Path, number: int, title_start: str, preamble_start: str
) -> None:
    body = _tota(corpus_dir, number)
    assert (body.title or "").startswith(title_start)
    assert not (body.title or "").endswith("PREAMBLE")
    assert body.provisions[0].text.startswith(preamble_start)
    for metadata in ("2011-11-17", "2016-06-13", "2016-12-15"):
        assert metadata not in (body.title or "") + body.provisions[0].text[:300]
