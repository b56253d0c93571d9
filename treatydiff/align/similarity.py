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
from typing import Any

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


def _coo(rows: list[Vector], columns: dict[str, int]) -> tuple[npt.NDArray[Any], ...]:
    """(row, column, weight) arrays of the entries whose term is in ``columns``."""
    row_ids: list[int] = []
    col_ids: list[int] = []
    weights: list[float] = []
    for i, row in enumerate(rows):
        for term, weight in row.items():
            j = columns.get(term)
            if j is not None:
                row_ids.append(i)
                col_ids.append(j)
                weights.append(weight)
    return np.array(row_ids, dtype=np.int64), np.array(col_ids, dtype=np.int64), np.array(weights)


_DENSE_SHARE = 0.01  # a term is multiplied densely when it pairs more than 1 % of all unit pairs
_PAIRS_PER_CHUNK = 4_000_000  # bounds the memory of the sparse join


def dot_matrix(vecs: Vectors) -> Matrix:
    """Left · right dot products over the terms both sides use.

    Frequent terms (those shared by many units on both sides) go through a dense matrix
    product in blocks; rare ones, the bulk of a vocabulary, through a sparse join that
    costs only as much as the pairs they actually form. Exact either way.
    """
    n, m = len(vecs.left), len(vecs.right)
    left_terms: set[str] = set().union(*vecs.left)
    right_terms: set[str] = set().union(*vecs.right)
    shared = sorted(left_terms & right_terms)
    result = np.zeros((n, m))
    if not shared:
        return result
    columns = {t: k for k, t in enumerate(shared)}
    rows_l, cols_l, vals_l = _coo(vecs.left, columns)
    rows_r, cols_r, vals_r = _coo(vecs.right, columns)
    df_l = np.bincount(cols_l, minlength=len(shared))
    df_r = np.bincount(cols_r, minlength=len(shared))
    dense = df_l * df_r > _DENSE_SHARE * n * m
    dense_cols = np.flatnonzero(dense)
    for start in range(0, len(dense_cols), _BLOCK):
        block = dense_cols[start : start + _BLOCK]
        where = np.full(len(shared), -1)
        where[block] = np.arange(len(block))
        a, b = np.zeros((n, len(block))), np.zeros((m, len(block)))
        keep_l, keep_r = where[cols_l] >= 0, where[cols_r] >= 0
        a[rows_l[keep_l], where[cols_l[keep_l]]] = vals_l[keep_l]
        b[rows_r[keep_r], where[cols_r[keep_r]]] = vals_r[keep_r]
        result += a @ b.T
    # the rare terms: every (left entry, right entry) pair of one term, summed by unit pair
    sparse_l, sparse_r = ~dense[cols_l], ~dense[cols_r]
    rows_l, cols_l, vals_l = rows_l[sparse_l], cols_l[sparse_l], vals_l[sparse_l]
    order = np.argsort(cols_r[sparse_r], kind="stable")
    rows_r, cols_r, vals_r = rows_r[sparse_r][order], cols_r[sparse_r][order], vals_r[sparse_r][order]
    counts_r = np.bincount(cols_r, minlength=len(shared))
    starts_r = np.concatenate(([0], np.cumsum(counts_r)[:-1]))
    per_entry = counts_r[cols_l]
    flat = result.reshape(-1)
    bounds = np.concatenate(([0], np.cumsum(per_entry)))
    first = 0
    while first < len(cols_l):
        last = int(np.searchsorted(bounds, bounds[first] + _PAIRS_PER_CHUNK, side="right")) - 1
        last = max(last, first + 1)
        counts = per_entry[first:last]
        entry = np.repeat(np.arange(first, last), counts)
        within = np.arange(len(entry)) - np.repeat(bounds[first:last] - bounds[first], counts)
        partner = starts_r[cols_l[entry]] + within
        flat += np.bincount(
            rows_l[entry] * m + rows_r[partner], weights=vals_l[entry] * vals_r[partner], minlength=n * m
        )
        first = last
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
