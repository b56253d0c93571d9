"""Reading parsed trees in the segmentation tests: every provision, by id, a ToTA body, and
synthetic ToTA files built from articles the tests write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from treatydiff.ingest import parse_text, parse_tota
from treatydiff.model import Body, Provision


def walk(provisions: tuple[Provision, ...]) -> Iterator[Provision]:
    """Every provision below ``provisions``, in document order."""
    for p in provisions:
        yield p
        yield from walk(p.children)


def by_id(body: Body) -> dict[str, Provision]:
    """Every provision of ``body`` by its id."""
    return {p.id: p for p in walk(body.provisions)}


def tota_body(corpus_dir: Path, number: int) -> Body:
    """The parsed body of ToTA agreement ``pta_<number>.xml`` of the shared corpus."""
    path = corpus_dir / "tota" / "xml" / f"pta_{number}.xml"
    return parse_tota(path.read_bytes(), origin=path.name)[1]


def paragraph_numbers(corpus_dir: Path, number: int, article: str) -> str:
    """The numbers of the numbered paragraphs directly under ``article`` of ``pta_<number>``,
    space-separated in document order ("1 2 3")."""
    top = by_id(tota_body(corpus_dir, number))[article]
    return " ".join(p.number or "" for p in top.children if p.kind == "paragraph" and p.number)


def sprocket_treaty(heading: str, article: str) -> str:
    """A synthetic treaty, written for the tests: "Article 1" under ``heading`` with the text
    ``article``, then an "Article 2" on entry into force."""
    return (
        f"TREATY ON SPROCKETS\n\nArticle 1\n{heading}\n\n{article.strip()}\n\n"
        "Article 2\nEntry into force\n\nThis Agreement enters into force on signature.\n"
    )


def unique_ids(text: str) -> dict[str, Provision]:
    """Every provision of the synthetic English ``text`` by id, where no id needed a ``_2``."""
    ids = by_id(parse_text(text, lang="en", origin="synthetic.txt"))
    assert not [i for i in ids if "_" in i]
    return ids


def title_and_preamble(head: str) -> tuple[str | None, str]:
    """The title split off ``head`` and the preamble's text, when ``head`` opens a synthetic
    one-article treaty."""
    body = parse_text(head + "\n\nArticle 1\n\nThe Parties shall trade in cogs.\n", origin="synthetic.txt")
    return body.title, body.provisions[0].text


def synthetic_tota(body: str, number: int) -> Body:
    """The tree of a synthetic English ToTA file ``pta_<number>.xml`` whose ``<body>`` holds ``body``."""
    xml = (
        f"<?xml version='1.0' encoding='UTF-8'?><treaty><meta><treaty_identifier>{number}</treaty_identifier>"
        f"<language>en</language></meta><body>{body}</body></treaty>"
    )
    return parse_tota(xml.encode("utf-8"), origin=f"pta_{number}.xml")[1]


def synthetic_chapters(chapters: list[tuple[str, str]], number: int) -> Body:
    """:func:`synthetic_tota` of numbered chapters, each given as its number and its articles' XML."""
    return synthetic_tota(
        "".join(f'<chapter number="{n}">{articles}</chapter>' for n, articles in chapters), number
    )


def synthetic_article(number: int, words: str) -> str:
    """A synthetic ToTA article: "Article ``number``", "The Parties shall ``words``."."""
    return f'<article number="Article {number}">The Parties shall {words}.</article>'
