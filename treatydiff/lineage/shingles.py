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

from treatydiff.align.features import (
    HASH_BITS,
    Pairs,
    count_pairs,
    cross_token,
    hashed_ngrams,
    normalize,
    words,
)
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
BITS = HASH_BITS


def shingle_pairs(texts: Sequence[str]) -> Pairs:
    """Hashed character 5-gram counts of each text (shingles never cross two texts)."""
    return hashed_ngrams(texts, SHINGLE)


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
    return count_pairs(np.array(docs, dtype=np.int64), np.array(features, dtype=np.int64))


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
