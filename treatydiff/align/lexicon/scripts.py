"""Romanisation of non-Latin scripts, so that proper names meet across languages.

Only what matching needs: one Latin spelling per letter (a simplified scientific
transliteration); names then compare by their first letters.
"""

from __future__ import annotations

__all__ = ["romanize"]

_SINGLE = dict(zip("абвгдеёзийклмнопрстуфыэіїєўґ", "abvgdeeziiklmnoprstufyeiieug", strict=True))
_CYRILLIC = {
    **_SINGLE,
    "ж": "zh",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ю": "yu",
    "я": "ya",
}
_CYRILLIC.update({"ъ": "", "ь": ""})
_TABLE = str.maketrans(_CYRILLIC)


def romanize(word: str) -> str:
    """A lower-case Latin spelling of ``word`` (Latin words come back lower-cased)."""
    return word.lower().translate(_TABLE)
