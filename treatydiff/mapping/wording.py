"""How mapping problems are worded: the docs pointer, indefinite articles, did-you-mean hints."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["DOCS", "indefinite", "suggest"]

DOCS = "see docs/mapping-format.md"


def indefinite(word: object) -> str:
    """The indefinite article for ``word`` ("a" or "an")."""
    return "an" if str(word)[:1] in ("a", "e", "i", "o", "u") else "a"


def suggest(word: str, choices: Sequence[str], fallback: str) -> str:
    """``did you mean 'x'? <fallback>`` when a choice is close to ``word``, else ``fallback``."""
    from rapidfuzz import fuzz, process  # only when there is a mistake to suggest for

    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=60)
    return f"did you mean {found[0]!r}? {fallback}" if found else fallback
