"""The units an alignment links: paragraphs where an article has them, else whole articles.

The preamble counts as an article whose paragraphs are its recitals; the closing
block as an article without paragraphs. Chapters, parts and sections are looked
through, as by ``compare.article_level``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from treatydiff.model import Body, Provision

__all__ = ["ARTICLE_LEVEL", "Unit", "renumber", "units"]

ARTICLE_LEVEL = frozenset({"preamble", "article", "closing"})
_WORDY = re.compile(r"\w")


@dataclass(frozen=True)
class Unit:
    """One linkable provision with what the aligner knows of its place."""

    id: str
    text: str
    """The provision's text, less a heading line or paragraph marker that only repeats its number."""
    article: str
    """Id of the article-level provision it belongs to (itself for a whole article)."""
    article_number: str | None
    """The article's printed number ("5", "XII"), if any."""
    number: str | None
    """The paragraph's printed number, if any (None for whole articles)."""
    index: int
    """Position among the treaty's units, from 0."""
    article_index: int
    """Position of its article among the treaty's article-level provisions."""
    siblings: int
    """How many units its article has (1 for a whole article)."""
    rank: int
    """Position among those siblings, from 0."""


def _article_level(body: Body) -> list[Provision]:
    found: list[Provision] = []

    def visit(provision: Provision) -> None:
        if provision.kind in ARTICLE_LEVEL:
            found.append(provision)
            return
        for child in provision.children:
            visit(child)

    for top in body.provisions:
        visit(top)
    return found


_HEADING_LINE = 40  # a first line this short that carries the article's number is its heading


def _without_heading(text: str, number: str | None) -> str:
    """The text without a leading heading line ("Article 5", "Статья 5"): the article's own
    number is structure, scored separately, not a citation inside the text."""
    first, newline, rest = text.partition("\n")
    if number and newline and len(first) <= _HEADING_LINE and number in first.split():
        return rest
    return text


def _without_marker(text: str, number: str | None) -> str:
    """The text without a leading paragraph marker that repeats its number ("2.", "(b)")."""
    if not number:
        return text
    stripped = text.lstrip()
    for marker in (f"{number}.", f"{number})", f"({number})"):
        if stripped.startswith(marker + " ") or stripped.startswith(marker + "\n"):
            return stripped[len(marker) :].lstrip()
    return text


def units(body: Body, *, paragraphs: bool = True) -> list[Unit]:
    """The units of a body in document order.

    Args:
        body: the parsed text.
        paragraphs: split articles into their paragraphs (False: whole articles only).
    """
    result: list[Unit] = []
    for article_index, article in enumerate(_article_level(body)):
        # a child without a word (a stray dash line) has nothing to align
        parts = [c for c in article.children if _WORDY.search(c.text)] if paragraphs else []
        if not parts:
            parts = [article]
        for rank, part in enumerate(parts):
            result.append(
                Unit(
                    id=part.id,
                    text=(
                        _without_heading(part.text, article.number)
                        if part is article
                        else _without_marker(part.text, part.number)
                    ),
                    article=article.id,
                    article_number=article.number,
                    number=None if part is article else part.number,
                    index=len(result),
                    article_index=article_index,
                    siblings=len(parts),
                    rank=rank,
                )
            )
    return result


def renumber(selected: list[Unit]) -> list[Unit]:
    """A subset of units with positions and sibling counts recounted among themselves."""
    counts: dict[str, int] = {}
    for unit in selected:
        counts[unit.article] = counts.get(unit.article, 0) + 1
    seen: dict[str, int] = {}
    articles: dict[str, int] = {}
    result = []
    for index, unit in enumerate(selected):
        rank = seen.get(unit.article, 0)
        seen[unit.article] = rank + 1
        article_index = articles.setdefault(unit.article, len(articles))
        result.append(
            replace(unit, index=index, rank=rank, siblings=counts[unit.article], article_index=article_index)
        )
    return result
