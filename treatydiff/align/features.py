"""What a unit's text contributes to similarity: character n-grams within one language,
and what survives translation (numbers, proper names, lexicon concepts) across two."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt

from treatydiff.align.lexicon import Stems, families_for, stems_for
from treatydiff.align.lexicon.scripts import romanize

__all__ = [
    "HASH_BITS",
    "NGRAM",
    "Pairs",
    "char_ngrams",
    "count_pairs",
    "cross_token",
    "cross_tokens",
    "family_occurrences",
    "hashed_ngrams",
    "ngram_occurrences",
    "normalize",
    "normalized_codes",
    "words",
]

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


HASH_BITS = 22
"""Hashed n-grams fall into 2**HASH_BITS buckets: collisions between the n-grams of two
treaties are negligible."""
_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)

Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]
"""(text number, feature, count) of every distinct feature of every text, by text then feature."""


def count_pairs(docs: npt.NDArray[np.int64], features: npt.NDArray[np.int64]) -> Pairs:
    """Distinct (text, feature) pairs with their counts."""
    keys, counts = np.unique((docs << HASH_BITS) | features, return_counts=True)
    return keys >> HASH_BITS, keys & ((1 << HASH_BITS) - 1), counts.astype(np.int64)


_ASCII_WORD = np.array([chr(c).isalnum() for c in range(128)])
_SPACE = 32


def _word_chars(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    """Which code points are word characters (``str.isalnum``, as ``\\w`` less ``_``)."""
    word = np.zeros(len(codes), dtype=bool)
    ascii_ = codes < 128
    word[ascii_] = _ASCII_WORD[codes[ascii_]]
    others = ~ascii_
    if others.any():
        distinct, where = np.unique(codes[others], return_inverse=True)
        word[others] = np.array([chr(c).isalnum() for c in distinct.tolist()])[where]
    return word


def normalized_codes(texts: Sequence[str]) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """The code points of every text's ``normalize``d form, concatenated, and the text each
    belongs to: the same strings, made in numpy for all texts at once."""
    if not texts:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    # one text at a time: NFKC is quick on a text already in that form, and most are
    joined = "\x00".join(unicodedata.normalize("NFKC", t.replace("\x00", " ")) for t in texts)
    folded = joined.lower().replace("ё", "е")
    codes = np.frombuffer(("\x00" + folded).encode("utf-32-le"), dtype=np.uint32)
    starts = codes == 0  # each text opens with a separator, which becomes its leading space
    word = _word_chars(codes)
    text = np.cumsum(starts) - 1
    run_end = word.copy()
    run_end[:-1] &= ~word[1:]  # the last character of a word: a space follows it
    empty = np.bincount(text[word], minlength=len(texts)) == 0  # such a text is two spaces
    counts = word.astype(np.int64) + run_end + starts * (1 + empty[text])
    at = np.cumsum(counts) - counts
    out = np.full(int(counts.sum()), _SPACE, dtype=np.uint64)
    out[at[word]] = codes[word]
    return out, np.repeat(text, counts)


Normalized = tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]
"""What ``normalized_codes`` returns: the normalised texts' code points and their text numbers."""


def ngram_occurrences(
    texts: Sequence[str], n: int = NGRAM, normalized: Normalized | None = None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(text number, hashed n-gram) of every character n-gram of the normalised texts, all
    texts at once in numpy (an n-gram never spans two texts); ``normalized``: the texts'
    ``normalized_codes`` if already made."""
    codes, owner = normalized if normalized is not None else normalized_codes(texts)
    windows = len(codes) - n + 1
    if windows <= 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    h = np.zeros(windows, dtype=np.uint64)
    for k in range(n):
        h = h * _PRIME + codes[k : k + windows]  # wraps modulo 2**64
    inside = owner[:windows] == owner[n - 1 :]
    h = h[inside]
    h ^= h >> np.uint64(31)
    h *= _MIX
    return owner[:windows][inside], (h >> np.uint64(64 - HASH_BITS)).astype(np.int64)


def hashed_ngrams(texts: Sequence[str], n: int = NGRAM) -> Pairs:
    """Hashed character n-gram counts of the normalised texts (see ``ngram_occurrences``)."""
    return count_pairs(*ngram_occurrences(texts, n))


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
    seen = _TOKENS.setdefault((lang, other), {})
    if len(seen) > _TOKENS_KEPT:
        seen.clear()
    found: Counter[str] = Counter()
    for word in words(text):
        if word in seen:
            token = seen[word]
        else:
            token = seen[word] = cross_token(word, stems)
        if token is not None:
            found[token] += 1
    return found


_TOKENS: dict[tuple[str, str], dict[str, str | None]] = {}
"""Each language pair's token per word seen: a treaty repeats its vocabulary many times."""
_TOKENS_KEPT = 500_000


def words(text: str) -> list[str]:
    """The words of a text (NFKC-folded, hyphenated compounds whole), in order."""
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def cross_token(word: str, stems: Stems) -> str | None:
    """The token one word contributes across languages (see ``cross_tokens``), if any."""
    if word.isdigit():
        return "#" + str(int(word))
    roman = _roman(word)
    if roman is not None:
        return f"#{roman}"
    concept = _concept(word.lower().replace("ё", "е"), stems)
    if concept is not None:
        return "=" + concept
    if word[0].isupper() and len(word) >= 4:
        return "@" + romanize(word)[:4]
    return None


Member = tuple[int, int, tuple[str, ...]]
"""A family member as (length of its form, family, its words): the last word is a stem."""


@dataclass(frozen=True)
class _Families:
    """A language's term families prepared for counting: one-word members (stems) by
    length, phrases by their first word."""

    stems: dict[int, dict[str, list[Member]]]
    phrases: dict[str, list[Member]]
    words: dict[str, tuple[Member, ...]] = field(default_factory=dict)
    """The members that may start at each word seen so far (the longest first), if any."""
    seen: set[str] = field(default_factory=set)

    def starting(self, words: set[str]) -> dict[str, tuple[Member, ...]]:
        """The words of a set at which a member may start, with those members."""
        if len(self.seen) > _TOKENS_KEPT:
            self.seen.clear()
            self.words.clear()
        for word in words - self.seen:
            hits = [m for n, stems in self.stems.items() for m in stems.get(word[:n], ())]
            hits += self.phrases.get(word, [])
            if hits:
                self.words[word] = tuple(sorted(hits, key=lambda m: -m[0]))
        self.seen.update(words)
        return {w: self.words[w] for w in words & self.words.keys()}


@cache
def _families(lang: str) -> _Families:
    stems: dict[int, dict[str, list[Member]]] = {}
    phrases: dict[str, list[Member]] = {}
    for f, members in enumerate(families_for(lang).values()):
        for form in sorted({normalize(m).strip() for m in members}):
            words = tuple(form.split())
            member = (len(form), f, words)
            if len(words) > 1:
                phrases.setdefault(words[0], []).append(member)
            else:
                stems.setdefault(len(form), {}).setdefault(form, []).append(member)
    return _Families(stems, phrases)


def family_occurrences(
    texts: Sequence[str], lang: str, first: int, normalized: Normalized | None = None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(text number, feature) of every term-family member in the normalised texts: at a word
    start, its last word may go on (as a stem does); at one place the longest member of a
    family counts, and a family's matches do not overlap. The features of the language's
    families are numbered from ``first`` on; ``normalized``: the texts' ``normalized_codes``
    if already made."""
    docs: list[int] = []
    features: list[int] = []
    if not families_for(lang) or not texts:
        return np.array(docs, dtype=np.int64), np.array(features, dtype=np.int64)
    codes, owner = normalized if normalized is not None else normalized_codes(texts)
    words = codes.astype(np.uint32).tobytes().decode("utf-32-le").split()
    space = codes == _SPACE
    starts = ~space
    starts[1:] &= space[:-1]
    text_of = owner[starts].tolist()  # the text of each word
    members = _families(lang).starting(set(words))
    free: dict[int, int] = {}  # family → the first word its next match may start at
    for p in [p for p, w in enumerate(words) if w in members]:
        for _, f, parts in members[words[p]]:
            if free.get(f, 0) > p:
                continue
            n = len(parts)
            if n > 1 and (
                p + n > len(words)
                or text_of[p + n - 1] != text_of[p]
                or words[p + 1 : p + n - 1] != list(parts[1:-1])
                or not words[p + n - 1].startswith(parts[-1])
            ):
                continue
            free[f] = p + n
            docs.append(text_of[p])
            features.append(first + f)
    return np.array(docs, dtype=np.int64), np.array(features, dtype=np.int64)
