"""TF-IDF vectors over two lists of units and their pairwise cosine similarity.

Terms are weighted by inverse document frequency over both sides together, so a
term shared by two provisions and few others (a rare word, a date, an instrument's
title) counts far more than the drafting boilerplate every article repeats. Raw
term counts (not sublinear) keep the vector of two concatenated units the sum of
their vectors, which the split/merge scores rely on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Matrix", "Similarity", "Vector", "Vectors", "containment", "cosine_matrix", "dot", "vectors"]

Matrix = npt.NDArray[np.float64]
Vector = dict[str, float]

_BLOCK = 4096  # terms per dense block: bounds memory on long treaties


@dataclass(frozen=True)
class Vectors:
    """TF-IDF vectors of the left and right units, with their norms."""

    left: list[Vector]
    right: list[Vector]
    idf: dict[str, float]

    def norm(self, vector: Vector) -> float:
        return math.sqrt(sum(w * w for w in vector.values()))


def vectors(left: Sequence[Counter[str]], right: Sequence[Counter[str]]) -> Vectors:
    """Weight term counts by idf = ln((N + 1) / df) over all N units of both sides."""
    df: Counter[str] = Counter()
    for counts in (*left, *right):
        df.update(counts.keys())
    total = len(left) + len(right)
    idf = {term: math.log((total + 1) / n) for term, n in df.items()}

    def weigh(counts: Counter[str]) -> Vector:
        return {t: c * idf[t] for t, c in counts.items() if idf[t] > 0}

    return Vectors([weigh(c) for c in left], [weigh(c) for c in right], idf)


def _dense(rows: list[Vector], columns: dict[str, int]) -> Matrix:
    out = np.zeros((len(rows), len(columns)))
    for i, row in enumerate(rows):
        for term, weight in row.items():
            j = columns.get(term)
            if j is not None:
                out[i, j] = weight
    return out


def dot_matrix(vecs: Vectors) -> Matrix:
    """Left · right dot products, over the terms both sides use, in dense blocks."""
    left_terms: set[str] = set().union(*vecs.left)
    right_terms: set[str] = set().union(*vecs.right)
    shared = sorted(left_terms & right_terms)
    result = np.zeros((len(vecs.left), len(vecs.right)))
    for start in range(0, len(shared), _BLOCK):
        columns = {t: k for k, t in enumerate(shared[start : start + _BLOCK])}
        result += _dense(vecs.left, columns) @ _dense(vecs.right, columns).T
    return result


@dataclass(frozen=True)
class Similarity:
    """Pairwise cosine similarities with the dot products and norms they came from."""

    cos: Matrix
    dots: Matrix
    left_norms: npt.NDArray[np.float64]
    right_norms: npt.NDArray[np.float64]


def cosine_matrix(vecs: Vectors) -> Similarity:
    """Cosine similarity of every left unit with every right unit."""
    dots = dot_matrix(vecs)
    left_norms = np.array([vecs.norm(v) for v in vecs.left], dtype=np.float64)
    right_norms = np.array([vecs.norm(v) for v in vecs.right], dtype=np.float64)
    denom = np.outer(left_norms, right_norms)
    cos = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
    return Similarity(cos, dots, left_norms, right_norms)


def containment(part: Vector, whole: Vector) -> float:
    """How much of ``part``'s weight ``whole`` also has: Σ min / Σ part (0..1)."""
    total = sum(part.values())
    if total <= 0:
        return 0.0
    return sum(min(w, whole.get(t, 0.0)) for t, w in part.items()) / total


def dot(a: Vector, b: Vector) -> float:
    """The dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
