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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:  # a sibling module: the type only
    from treatydiff.align.features import Pairs

__all__ = [
    "Matrix",
    "Rows",
    "Similarity",
    "Vector",
    "Vectors",
    "adjacent_dots",
    "containment",
    "cosine_matrix",
    "dot",
    "hashed_vectors",
    "vectors",
]

Matrix = npt.NDArray[np.float64]
Term = Any
"""A vector's key: a hashed n-gram (int) within one language, a token (str) across two."""
Vector = dict[Term, float]

_BLOCK = 4096  # terms per dense block: bounds memory on long treaties


@dataclass(frozen=True)
class Rows:
    """One side's TF-IDF vectors as (unit, term column, weight) arrays, sorted by unit;
    ``rows[i]`` is unit i's vector as a dict (made on demand, for the few units a
    split or merge test looks at)."""

    count: int
    units: npt.NDArray[np.int64]
    columns: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float64]
    terms: Sequence[Term] | None = None
    """Term of each column (None: the column number is the term)."""
    _cache: dict[int, Vector] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, i: int) -> Vector:
        found = self._cache.get(i)
        if found is None:
            lo, hi = np.searchsorted(self.units, [i, i + 1])
            cols, weights = self.columns[lo:hi].tolist(), self.weights[lo:hi].tolist()
            terms = self.terms
            keys = cols if terms is None else [terms[c] for c in cols]
            found = self._cache[i] = dict(zip(keys, weights, strict=True))
        return found

    def norms(self) -> npt.NDArray[np.float64]:
        squares = np.bincount(self.units, weights=self.weights**2, minlength=self.count)
        return np.asarray(np.sqrt(squares), dtype=np.float64)


@dataclass(frozen=True)
class Vectors:
    """TF-IDF vectors of the left and right units."""

    left: Rows
    right: Rows

    def norm(self, vector: Vector) -> float:
        return math.sqrt(sum(w * w for w in vector.values()))


def _weighted(
    pairs: Pairs,
    columns: npt.NDArray[np.int64],
    idf: npt.NDArray[np.float64],
    count: int,
    terms: Sequence[Term] | None = None,
) -> Rows:
    units, _features, counts = pairs
    weights = counts * idf[columns]
    keep = weights > 0
    return Rows(count, units[keep], columns[keep], weights[keep], terms)


def hashed_vectors(left: Pairs, right: Pairs, n_left: int, n_right: int) -> Vectors:
    """Weight hashed term counts by idf = ln((N + 1) / df) over all N units of both sides."""
    features = np.concatenate((left[1], right[1]))
    vocabulary, columns = np.unique(features, return_inverse=True)
    df = np.bincount(columns, minlength=len(vocabulary))  # (unit, term) pairs are distinct
    idf = np.log((n_left + n_right + 1) / np.maximum(df, 1))
    split = len(left[1])
    return Vectors(
        _weighted(left, columns[:split], idf, n_left), _weighted(right, columns[split:], idf, n_right)
    )


def vectors(left: Sequence[Counter[str]], right: Sequence[Counter[str]]) -> Vectors:
    """``hashed_vectors`` over string terms (tokens that survive translation)."""
    terms: dict[str, int] = {}

    def pairs(side: Sequence[Counter[str]]) -> Pairs:
        units, features, counts = [], [], []
        for i, found in enumerate(side):
            for term, count in sorted(found.items()):
                units.append(i)
                features.append(terms.setdefault(term, len(terms)))
                counts.append(count)
        return (
            np.array(units, dtype=np.int64),
            np.array(features, dtype=np.int64),
            np.array(counts, dtype=np.int64),
        )

    pairs_l, pairs_r = pairs(left), pairs(right)
    hashed = hashed_vectors(pairs_l, pairs_r, len(left), len(right))
    names = list(terms)
    vocabulary = np.unique(np.concatenate((pairs_l[1], pairs_r[1])))
    shown = [names[int(f)] for f in vocabulary]
    return Vectors(
        Rows(hashed.left.count, hashed.left.units, hashed.left.columns, hashed.left.weights, shown),
        Rows(hashed.right.count, hashed.right.units, hashed.right.columns, hashed.right.weights, shown),
    )


def adjacent_dots(rows: Rows) -> npt.NDArray[np.float64]:
    """Dot product of each unit's vector with the next unit's (length ``count - 1``)."""
    count = rows.count
    if count < 2 or not len(rows.columns):
        return np.zeros(max(count - 1, 0))
    width = int(rows.columns.max()) + 1
    keys = rows.units * width + rows.columns
    order = np.argsort(keys, kind="stable")
    keys, weights = keys[order], rows.weights[order]
    wanted = keys + width  # the same term in the next unit
    where = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    hit = keys[where] == wanted
    units = keys[hit] // width
    dots = np.bincount(units, weights=weights[hit] * weights[where[hit]], minlength=count)
    return np.asarray(dots[: count - 1], dtype=np.float64)


_DENSE_SHARE = 0.01  # a term is multiplied densely when it pairs more than 1 % of all unit pairs
_PAIRS_PER_CHUNK = 4_000_000  # bounds the memory of the sparse join


def dot_matrix(vecs: Vectors) -> Matrix:
    """Left · right dot products over the terms both sides use.

    Frequent terms (those shared by many units on both sides) go through a dense matrix
    product in blocks; rare ones, the bulk of a vocabulary, through a sparse join that
    costs only as much as the pairs they actually form. Exact either way.
    """
    n, m = len(vecs.left), len(vecs.right)
    result = np.zeros((n, m))
    left, right = vecs.left, vecs.right
    shared_terms = np.intersect1d(left.columns, right.columns)
    if not len(shared_terms):
        return result
    shared = range(len(shared_terms))
    keep_l = np.isin(left.columns, shared_terms)
    keep_r = np.isin(right.columns, shared_terms)
    rows_l, cols_l, vals_l = (
        left.units[keep_l],
        np.searchsorted(shared_terms, left.columns[keep_l]),
        left.weights[keep_l],
    )
    rows_r, cols_r, vals_r = (
        right.units[keep_r],
        np.searchsorted(shared_terms, right.columns[keep_r]),
        right.weights[keep_r],
    )
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
    left_norms, right_norms = vecs.left.norms(), vecs.right.norms()
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
