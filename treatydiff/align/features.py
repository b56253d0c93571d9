"""What a unit's text contributes to similarity: character n-grams within one language,
and what survives translation (numbers, proper names, lexicon concepts) across two."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from treatydiff.align.lexicon import Stems, stems_for
from treatydiff.align.lexicon.scripts import romanize

__all__ = ["NGRAM", "char_ngrams", "cross_tokens", "normalize"]

NGRAM = 4
"""Character n-gram length: long enough to carry a word stem, short enough for inflection."""

_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+(?:-\w+)*")
_ROMAN = re.compile(r"[IVXLC]{2,8}")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SHORT_STEM = 3  # stems this short or shorter must match a whole word


def normalize(text: str) -> str:
    """Lower case, compatibility forms folded, ё as е, punctuation as single spaces."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return " " + _NON_WORD.sub(" ", folded).strip() + " "


def char_ngrams(text: str, n: int = NGRAM) -> Counter[str]:
    """Counts of the character n-grams of the normalised text (word edges included)."""
    norm = normalize(text)
    return Counter(norm[i : i + n] for i in range(len(norm) - n + 1))


def _roman(token: str) -> int | None:
    if not _ROMAN.fullmatch(token):
        return None
    total = 0
    for a, b in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_VALUES[a]
        total += -value if b != " " and _ROMAN_VALUES[b] > value else value
    return total


def _concept(word: str, stems: Stems) -> str | None:
    if word in stems:
        return stems[word]
    for length in range(len(word) - 1, _SHORT_STEM, -1):
        concept = stems.get(word[:length])
        if concept is not None:
            return concept
    return None


def cross_tokens(text: str, lang: str, other: str) -> Counter[str]:
    """Tokens that survive translation from ``lang`` into ``other``.

    ``#N`` for a number (Arabic, or Roman of two letters or more), ``=concept`` for a
    word in the pair's lexicon, ``@xxxx`` for the romanised start of a capitalised word
    (proper names: Kazakhstan, Казахстан).
    """
    stems = stems_for(lang, other)
    found: Counter[str] = Counter()
    for match in _WORD.finditer(unicodedata.normalize("NFKC", text)):
        word = match.group()
        if word.isdigit():
            found["#" + str(int(word))] += 1
            continue
        roman = _roman(word)
        if roman is not None:
            found[f"#{roman}"] += 1
            continue
        lower = word.lower().replace("ё", "е")
        concept = _concept(lower, stems)
        if concept is not None:
            found["=" + concept] += 1
        elif word[0].isupper() and len(word) >= 4:
            found["@" + romanize(word)[:4]] += 1
    return found
