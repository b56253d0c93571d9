"""Small legal lexicons: word stems of each language mapped to shared concept names.

The words of a provision and of its translation meet on the same concepts. The concept
names are those of the English–Russian pair (``en_ru``, one entry per concept with both
languages' stems); other languages add one module with ``LANG`` and ``STEMS`` (concept →
stems) and one line in ``_LANGUAGES``. Any two languages with stems share a lexicon
through the concept names (French–Russian through the English concepts, for instance).
"""

from __future__ import annotations

from functools import cache

from treatydiff.align.lexicon import en_ru, es, families_en, fr

__all__ = ["LANGUAGES", "Stems", "families_for", "stems_for"]

Stems = dict[str, str]
"""Stem → concept, for one language."""


def _from_pair(side: int) -> dict[str, tuple[str, ...]]:
    return {concept: words[side] for concept, *words in en_ru.ENTRIES}


_LANGUAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": _from_pair(0),
    "ru": _from_pair(1),
    fr.LANG: fr.STEMS,
    es.LANG: es.STEMS,
}
LANGUAGES: tuple[str, ...] = tuple(_LANGUAGES)
"""Languages with stems."""


@cache
def stems_for(lang: str, other: str) -> Stems:
    """The stems of ``lang`` for the concepts it shares with ``other`` (empty without a lexicon)."""
    if lang not in _LANGUAGES or other not in _LANGUAGES:
        return {}
    shared = _LANGUAGES[lang].keys() & _LANGUAGES[other].keys()
    found: Stems = {}
    for concept, stems in _LANGUAGES[lang].items():
        if concept in shared:
            for stem in stems:
                found.setdefault(stem.lower(), concept)
    return found


_FAMILIES: dict[str, dict[str, tuple[str, ...]]] = {families_en.LANG: families_en.FAMILIES}


def families_for(lang: str) -> dict[str, tuple[str, ...]]:
    """The term families of one language (family → members), empty when it has none."""
    return _FAMILIES.get(lang, {})
