"""Hashed features of provision texts, computed with numpy over many texts at once.

Within one language a text's features are its character 5-grams (shingles) of the
aligner's normalised text, hashed into 2**22 buckets. Across languages they are the
aligner's translation-surviving tokens (numbers, lexicon concepts, proper names),
hashed into the same space.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from treatydiff.align.features import cross_token, normalize, words
from treatydiff.align.lexicon import Stems

__all__ = [
    "BITS",
    "SHINGLE",
    "Pairs",
    "concept_features",
    "concept_pairs",
    "jaccard",
    "shingle_features",
    "shingle_pairs",
    "shingle_set",
]

SHINGLE = 5
"""Characters per shingle: the length the treaty-as-data literature reports Jaccard on."""
BITS = 22
"""Hash buckets are 2**BITS: collisions between two provisions' shingles are negligible."""

_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)

Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]
"""(text number, feature, count) of every distinct feature of every text."""


def _count(docs: npt.NDArray[np.int64], features: npt.NDArray[np.int64]) -> Pairs:
    keys, counts = np.unique((docs << BITS) | features, return_counts=True)
    return keys >> BITS, keys & ((1 << BITS) - 1), counts.astype(np.int64)


def shingle_pairs(texts: Sequence[str]) -> Pairs:
    """Hashed character 5-gram counts of each text (shingles never cross two texts)."""
    norms = [normalize(t) for t in texts]
    if not norms:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    codes = np.frombuffer("".join(norms).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    owner = np.repeat(np.arange(len(norms), dtype=np.int64), [len(s) for s in norms])
    n = len(codes) - SHINGLE + 1
    if n <= 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        h = h * _PRIME + codes[k : k + n]  # wraps modulo 2**64
    inside = owner[:n] == owner[SHINGLE - 1 :]
    h = h[inside]
    h ^= h >> np.uint64(31)
    h *= _MIX
    features = (h >> np.uint64(64 - BITS)).astype(np.int64)
    return _count(owner[:n][inside], features)


def _token_feature(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & ((1 << BITS) - 1)


def concept_pairs(texts: Iterable[str], stems: Stems, cache: dict[str, int]) -> Pairs:
    """Hashed counts of each text's translation-surviving tokens.

    Args:
        texts: the texts, all in one language.
        stems: that language's lexicon stems.
        cache: word → feature (-1 for none), shared across calls in one language.
    """
    docs: list[int] = []
    features: list[int] = []
    for number, text in enumerate(texts):
        for word in words(text):
            feature = cache.get(word)
            if feature is None:
                token = cross_token(word, stems)
                feature = cache[word] = -1 if token is None else _token_feature(token)
            if feature >= 0:
                docs.append(number)
                features.append(feature)
    return _count(np.array(docs, dtype=np.int64), np.array(features, dtype=np.int64))


def concept_features(text: str, stems: Stems) -> dict[int, int]:
    """Feature → count of one text's translation-surviving tokens."""
    _docs, features, counts = concept_pairs([text], stems, {})
    return dict(zip(features.tolist(), counts.tolist(), strict=True))


def shingle_features(text: str) -> dict[int, int]:
    """Feature → count of one text's hashed shingles."""
    _docs, features, counts = shingle_pairs([text])
    return dict(zip(features.tolist(), counts.tolist(), strict=True))


def shingle_set(text: str) -> frozenset[str]:
    """The distinct 5-character shingles of the normalised text (exact, not hashed)."""
    norm = normalize(text)
    return frozenset(norm[i : i + SHINGLE] for i in range(len(norm) - SHINGLE + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
