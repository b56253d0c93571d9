"""What a unit's text contributes to similarity: character n-grams within one language,
and what survives translation (numbers, proper names, lexicon concepts) across two."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
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


_TABLE_SIZE = 0x500  # Latin, Greek and Cyrillic are looked up in a table, others once each
_SPACE = 32


@cache
def _word_table() -> npt.NDArray[np.bool_]:
    return np.array([chr(c).isalnum() for c in range(_TABLE_SIZE)])


def _word_chars(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    """Which code points are word characters (``str.isalnum``, as ``\\w`` less ``_``)."""
    word = _word_table().take(np.minimum(codes, _TABLE_SIZE - 1).astype(np.intp))
    others = codes >= _TABLE_SIZE
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
    # a separator opens each text and one closes the last
    codes = np.frombuffer(("\x00" + folded + "\x00").encode("utf-32-le"), dtype=np.uint32)
    separators = np.flatnonzero(codes == 0)
    opening = separators[:-1]
    word = _word_chars(codes)
    after_word = np.zeros(len(codes), dtype=bool)
    after_word[1:] = word[:-1]
    # a word character is itself, the first other character after a word the space that ends
    # it (at a separator, the space that ends the text before); a separator also gives the
    # space that opens its text, and a text without words has both spaces from it
    counts = (word | after_word).astype(np.int64)
    counts[opening] += 2 - np.logical_or.reduceat(word, opening)
    out = np.repeat(np.where(word, codes, _SPACE).astype(np.uint64), counts)
    emitted = np.add.reduceat(counts, opening)  # by each text's separator and characters
    text_starts = np.cumsum(emitted) - emitted + after_word[opening]
    return out, np.repeat(np.arange(len(texts)), np.diff(text_starts, append=len(out)))


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
    found = words(text)
    for word in set(found).difference(seen):
        seen[word] = cross_token(word, stems)
    # counted in the order first met (a token is a non-empty string; None: no token)
    return Counter(filter(None, map(seen.__getitem__, found)))


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


_PREFIX = 3
"""At most this many characters of a member's start, packed exactly into one key (21 bits
each), find the word starts where it may match."""
_POLY = 0x100000001B3  # odd: the window hash is a polynomial in it, modulo 2**64
_POWERS = [np.ones(1, dtype=np.uint64)]
"""_POLY**k modulo 2**64 for k < len, kept for texts of up to _POWERS_KEPT characters."""
_POWERS_KEPT = 1 << 18  # 2 MiB


def _powers(count: int) -> npt.NDArray[np.uint64]:
    table = _POWERS[0]
    if len(table) < count:
        table = np.full(count, _POLY, dtype=np.uint64)
        table[0] = 1
        table = np.cumprod(table)  # wraps modulo 2**64
        if count <= _POWERS_KEPT:
            _POWERS[0] = table
    return table[:count]


def _packed(codes: npt.NDArray[np.uint64], at: npt.NDArray[np.int64], width: int) -> npt.NDArray[np.uint64]:
    """The ``width`` code points from each position packed into one integer (exact)."""
    key = np.zeros(len(at), dtype=np.uint64)
    for k in range(width):
        key = (key << np.uint64(21)) | codes[at + k]
    return key


@dataclass(frozen=True)
class _Families:
    """A language's term families prepared for matching: each member's form (its
    normalised words joined by single spaces, the last a stem) as code points, sorted, with
    its family and window hash."""

    width: int
    """Characters of the forms' starts in ``prefixes``: ``_PREFIX``, or the shortest form's length."""

    codes: npt.NDArray[np.uint64]
    """Every form's code points, one after the other."""
    offsets: npt.NDArray[np.int64]
    lengths: npt.NDArray[np.int64]
    families: npt.NDArray[np.int64]
    hashes: npt.NDArray[np.uint64]
    """Σ code[k]·_POLY**k over each form."""
    prefixes: npt.NDArray[np.uint64]
    """The distinct packed starts of the forms, ascending."""
    first: npt.NDArray[np.int64]
    """Forms first[k] … first[k + 1] − 1 start with prefixes[k]."""


@cache
def _families(lang: str) -> _Families:
    members = sorted(
        (form, f)
        for f, forms in enumerate(families_for(lang).values())
        for form in {normalize(m).strip() for m in forms} - {""}
    )
    width = min([_PREFIX, *(len(form) for form, _ in members)])
    lengths = np.array([len(form) for form, _ in members], dtype=np.int64)
    codes = np.array([ord(c) for form, _ in members for c in form], dtype=np.uint64)
    offsets = np.cumsum(lengths) - lengths
    power = _powers(int(lengths.max(initial=0)))
    spans = zip(offsets.tolist(), lengths.tolist(), strict=True)
    hashes = np.array([int((codes[o : o + n] * power[:n]).sum()) for o, n in spans], dtype=np.uint64)
    prefixes, first = np.unique(_packed(codes, offsets, width), return_index=True)  # the forms are sorted
    return _Families(
        width,
        codes,
        offsets,
        lengths,
        np.array([f for _, f in members], dtype=np.int64),
        hashes,
        prefixes,
        np.append(first, len(members)).astype(np.int64),
    )


def _first_free(starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Which of one family's matches (by start, longest first at one start) are taken: the
    first at a start that no taken match before it still covers."""
    taken = np.zeros(len(starts), dtype=bool)
    free = 0
    for k, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        if start >= free:
            taken[k] = True
            free = end
    return taken


def family_occurrences(
    texts: Sequence[str], lang: str, first: int, normalized: Normalized | None = None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(text number, feature) of every term-family member in the normalised texts: at a word
    start, its last word may go on (as a stem does); at one place the longest member of a
    family counts, and a family's matches do not overlap. The features of the language's
    families are numbered from ``first`` on; ``normalized``: the texts' ``normalized_codes``
    if already made.

    A member is its form's characters at a word start (the texts' words are separated by
    single spaces, two texts by two): word starts whose first characters begin some form
    are compared with those forms by a window hash, and the hash's hits character by character.
    """
    empty = np.zeros(0, dtype=np.int64)
    fam = _families(lang)
    if not len(fam.prefixes) or not texts:
        return empty, empty
    codes, owner = normalized if normalized is not None else normalized_codes(texts)
    size = len(codes)
    space = codes == _SPACE
    word_start = ~space
    word_start[1:] &= space[:-1]  # codes[0] is a space
    at = np.flatnonzero(word_start)
    padded = np.concatenate((codes, np.zeros(fam.width, dtype=np.uint64)))  # no text has a 0
    keys = _packed(padded, at, fam.width)
    k = np.minimum(np.searchsorted(fam.prefixes, keys), len(fam.prefixes) - 1)
    hit = fam.prefixes[k] == keys
    at, k = at[hit], k[hit]
    # every (word start, form) pair of a shared prefix
    counts = fam.first[k + 1] - fam.first[k]
    pair_at = np.repeat(at, counts)
    form = np.repeat(fam.first[k] - np.cumsum(counts) + counts, counts) + np.arange(len(pair_at))
    length = fam.lengths[form]
    fits = pair_at + length <= size
    pair_at, form, length = pair_at[fits], form[fits], length[fits]
    power = _powers(size)
    prefix = np.zeros(size + 1, dtype=np.uint64)
    np.cumsum(codes * power, out=prefix[1:])  # wraps modulo 2**64
    same = prefix[pair_at + length] - prefix[pair_at] == fam.hashes[form] * power[pair_at]
    pair_at, form, length = pair_at[same], form[same], length[same]
    # the hash's hits, character by character
    pair = np.repeat(np.arange(len(form)), length)
    within = np.arange(len(pair)) - np.repeat(np.cumsum(length) - length, length)
    wrong = codes[pair_at[pair] + within] != fam.codes[fam.offsets[form[pair]] + within]
    right = np.bincount(pair[wrong], minlength=len(form)) == 0
    pair_at, form, length = pair_at[right], form[right], length[right]
    family = fam.families[form]
    # per family by start, the longest first: the first match at a start that no earlier
    # match of its family covers
    order = np.lexsort((-length, pair_at, family))
    pair_at, length, family = pair_at[order], length[order], family[order]
    taken = np.ones(len(order), dtype=bool)
    taken[1:] = (family[1:] != family[:-1]) | (pair_at[1:] != pair_at[:-1])
    pair_at, length, family = pair_at[taken], length[taken], family[taken]
    same_family = np.zeros(len(family), dtype=bool)
    same_family[1:] = family[1:] == family[:-1]
    covered = np.zeros(len(family), dtype=bool)
    covered[1:] = same_family[1:] & (pair_at[1:] < pair_at[:-1] + length[:-1])
    # (not np.unique: without its optional outputs it imports numpy.ma, 10 ms on a whole command)
    for f in sorted(set(family[covered].tolist())):  # a phrase over a later match: rare
        lo, hi = np.searchsorted(family, [f, f + 1]).tolist()  # the matches are by family
        covered[lo:hi] = ~_first_free(pair_at[lo:hi], pair_at[lo:hi] + length[lo:hi])
    pair_at, length, family = pair_at[~covered], length[~covered], family[~covered]
    order = np.lexsort((family, -length, pair_at))  # by place, the longest first
    return owner[pair_at[order]], first + family[order]
