"""Small bilingual legal lexicons, one data module per language pair.

A lexicon maps word stems of each language to shared concept names, so that the
words of a provision and of its translation meet on the same concepts. Adding a
pair is one module with ``PAIR`` and ``ENTRIES`` and one line in ``_PAIRS``.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from treatydiff.align.lexicon import en_ru

__all__ = ["Stems", "stems_for"]

_PAIRS: tuple[ModuleType, ...] = (en_ru,)

Stems = dict[str, str]
"""Stem → concept, for one language of one pair."""


@cache
def stems_for(lang: str, other: str) -> Stems:
    """The stems of ``lang`` in the lexicon it shares with ``other`` (empty when there is none)."""
    for module in _PAIRS:
        pair: tuple[str, str] = module.PAIR
        if {lang, other} == set(pair):
            side = pair.index(lang)
            found: Stems = {}
            for concept, *words in module.ENTRIES:
                for stem in words[side]:
                    found.setdefault(stem, concept)
            return found
    return {}
