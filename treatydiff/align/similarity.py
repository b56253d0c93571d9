"""TF-IDF vectors over two lists of units and their pairwise cosine similarity.

Terms are weighted by inverse document frequency over both sides together, so a
term shared by two provisions and few others (a rare word, a date, an instrument's
title) counts far more than the drafting boilerplate every article repeats. Raw
term counts (not sublinear) keep the vector of two concatenated units the sum of
their vectors, which the split/merge scores rely on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
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
    "Sparse",
    "adjacent_dots",
    "added",
    "containment",
    "containments",
    "cosine_matrix",
    "dot",
    "hashed_vectors",
    "pooled_vectors",
    "vectors",
]

Matrix = npt.NDArray[np.float64]
Term = Any
"""A vector's key: a hashed n-gram (int) within one language, a token (str) across two."""
Vector = dict[Term, float]
Sparse = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]
"""A sparse vector as (ascending columns, weights)."""
Entries = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]

_BLOCK = 4096  # terms per dense block: bounds memory on long treaties


@dataclass(frozen=True)
class Rows:
    """One side's TF-IDF vectors as (unit, term column, weight) arrays, sorted by unit and
    then column; ``span(i)`` is unit i's vector as (columns, weights) arrays and ``rows[i]``
    as a dict (made on demand, for the reasons shown)."""

    count: int
    units: npt.NDArray[np.int64]
    columns: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float64]
    width: int
    """Columns run from 0 to ``width`` (the two sides share one vocabulary)."""
    terms: Sequence[Term] | None = None
    """Term of each column (None: the column number is the term)."""
    _cache: dict[int, Vector] = field(default_factory=dict, compare=False, repr=False)
    _sums: dict[str, npt.NDArray[np.float64]] = field(default_factory=dict, compare=False, repr=False)
    _starts: npt.NDArray[np.int64] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        starts = np.searchsorted(self.units, np.arange(self.count + 1))
        object.__setattr__(self, "_starts", starts)

    def __len__(self) -> int:
        return self.count

    def bounds(self, lo: int, hi: int) -> tuple[int, int]:
        """Where the entries of units ``lo`` … ``hi`` − 1 begin and end."""
        return int(self._starts[lo]), int(self._starts[hi])

    def span(self, i: int) -> Sparse:
        """Unit i's vector: its columns (ascending) and their weights."""
        lo, hi = self._starts[i], self._starts[i + 1]
        return self.columns[lo:hi], self.weights[lo:hi]

    def spans(self, which: npt.NDArray[np.intp]) -> Entries:
        """The vectors of units ``which`` one after the other, as (position in ``which``,
        column, weight): within each, columns ascend."""
        lo = self._starts[which]
        length = self._starts[which + 1] - lo
        owner = np.repeat(np.arange(len(which)), length)
        at = np.arange(len(owner)) + np.repeat(lo - (np.cumsum(length) - length), length)
        return owner, self.columns[at], self.weights[at]

    def __getitem__(self, i: int) -> Vector:
        found = self._cache.get(i)
        if found is None:
            cols, weights = self.span(i)
            terms = self.terms
            keys = cols.tolist() if terms is None else [terms[c] for c in cols.tolist()]
            found = self._cache[i] = dict(zip(keys, weights.tolist(), strict=True))
        return found

    def totals(self) -> npt.NDArray[np.float64]:
        """Each unit's sum of weights (made once: several stages read it)."""
        found = self._sums.get("totals")
        if found is None:
            sums = np.bincount(self.units, weights=self.weights, minlength=self.count)
            found = self._sums["totals"] = np.asarray(sums, dtype=np.float64)
        return found

    def norms(self) -> npt.NDArray[np.float64]:
        squares = np.bincount(self.units, weights=self.weights**2, minlength=self.count)
        return np.asarray(np.sqrt(squares), dtype=np.float64)


@dataclass(frozen=True)
class Vectors:
    """TF-IDF vectors of the left and right units."""

    left: Rows
    right: Rows
    _by_column: list[Entries] = field(default_factory=list, compare=False, repr=False)

    def by_column(self) -> Entries:
        """Every entry of both sides as (column, unit, weight), sorted by column and then unit,
        the right units numbered after the left ones."""
        if not self._by_column:
            left, right = self.left, self.right
            columns = np.concatenate((left.columns, right.columns))
            units = np.concatenate((left.units, right.units + left.count))
            weights = np.concatenate((left.weights, right.weights))
            order = np.lexsort((units, columns))
            self._by_column.append((columns[order], units[order], weights[order]))
        return self._by_column[0]


def _weighted(
    pairs: Pairs,
    columns: npt.NDArray[np.int64],
    idf: npt.NDArray[np.float64],
    count: int,
    width: int,
    terms: Sequence[Term] | None = None,
) -> Rows:
    units, _features, counts = pairs
    weights = counts * idf[columns]
    keep = weights > 0
    return Rows(count, units[keep], columns[keep], weights[keep], width, terms)


def hashed_vectors(left: Pairs, right: Pairs, n_left: int, n_right: int) -> Vectors:
    """Weight hashed term counts by idf = ln((N + 1) / df) over all N units of both sides."""
    features = np.concatenate((left[1], right[1]))
    vocabulary, columns = np.unique(features, return_inverse=True)
    df = np.bincount(columns, minlength=len(vocabulary))  # (unit, term) pairs are distinct
    idf = np.log((n_left + n_right + 1) / np.maximum(df, 1))
    split = len(left[1])
    width = len(vocabulary)
    return Vectors(
        _weighted(left, columns[:split], idf, n_left, width),
        _weighted(right, columns[split:], idf, n_right, width),
    )


def _radix_sorted(keys: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """``np.sort(keys)`` as two stable radix sorts of 16 bits: about half the time."""
    low = keys[np.argsort(keys.astype(np.uint16), kind="stable")]
    return low[np.argsort((low >> 16).astype(np.uint16), kind="stable")]


def _counted(ordered: npt.NDArray[np.uint32]) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int64]]:
    """The distinct values of a sorted array and how often each occurs."""
    new = np.ones(len(ordered), dtype=bool)
    new[1:] = ordered[1:] != ordered[:-1]
    first = np.flatnonzero(new)
    return ordered[first], np.diff(first, append=len(ordered))


def _small(values: npt.NDArray[np.int64], bound: int) -> npt.NDArray[Any]:
    """``values`` (all < ``bound``) in the narrowest unsigned type: numpy radix-sorts 8- and
    16-bit integers when asked for a stable sort."""
    if bound <= 1 << 8:
        return values.astype(np.uint8)
    return values.astype(np.uint16) if bound <= 1 << 16 else values


def pooled_vectors(
    docs: npt.NDArray[np.int64], features: npt.NDArray[np.int64], n_left: int, n_right: int
) -> Vectors:
    """``hashed_vectors`` from every occurrence of a feature in texts 0 … N − 1 of both sides
    (the left ones first), with one sort: by feature, then text."""
    total = n_left + n_right
    bits = max(total.bit_length(), 1)
    keys = (features << bits) | docs
    if int(features.max(initial=0)).bit_length() + bits <= 32:
        distinct, counts = _counted(_radix_sorted(keys.astype(np.uint32)))
        keys = distinct.astype(np.int64)
    else:
        keys, counts = np.unique(keys, return_counts=True)
    feats, units = keys >> bits, keys & ((1 << bits) - 1)
    new = np.ones(len(keys), dtype=bool)
    new[1:] = feats[1:] != feats[:-1]
    columns = np.cumsum(new) - 1
    width = int(columns[-1]) + 1 if len(columns) else 0
    df = np.bincount(columns, minlength=width)  # (unit, term) pairs are distinct
    weights = counts * np.log((total + 1) / df)[columns]  # > 0: df ≤ N
    by_column = (columns, units, weights)
    # by unit, then column (stable: columns ascend within a unit); radix sort on small ints,
    # and the sorted units are each unit's number repeated as often as it has entries
    order = np.argsort(_small(units, total), kind="stable")
    columns, weights = columns[order], weights[order]
    per_unit = np.bincount(units, minlength=total)
    units = np.repeat(np.arange(total, dtype=np.int64), per_unit)
    split = int(per_unit[:n_left].sum())
    return Vectors(
        Rows(n_left, units[:split], columns[:split], weights[:split], width),
        Rows(n_right, units[split:] - n_left, columns[split:], weights[split:], width),
        [by_column],
    )


def vectors(left: Sequence[Counter[str]], right: Sequence[Counter[str]]) -> Vectors:
    """``hashed_vectors`` over string terms (tokens that survive translation)."""
    # each term numbered in the order first met, the left side's units first
    first_met = dict.fromkeys(chain(chain.from_iterable(left), chain.from_iterable(right)))
    terms = {term: k for k, term in enumerate(first_met)}

    def pairs(side: Sequence[Counter[str]]) -> Pairs:
        flat = list(chain.from_iterable(side))
        by_unit = np.repeat(np.arange(len(side), dtype=np.int64), [len(found) for found in side])
        by_feature = np.fromiter(map(terms.__getitem__, flat), dtype=np.int64, count=len(flat))
        counts = np.fromiter(chain.from_iterable(f.values() for f in side), dtype=np.int64, count=len(flat))
        order = np.lexsort((by_feature, by_unit))  # by unit, then feature, as hashed n-grams are
        return by_unit[order], by_feature[order], counts[order]

    pairs_l, pairs_r = pairs(left), pairs(right)
    hashed = hashed_vectors(pairs_l, pairs_r, len(left), len(right))
    names = list(terms)
    # (return_index: without an optional output np.unique imports numpy.ma, 10 ms of a command)
    vocabulary, _ = np.unique(np.concatenate((pairs_l[1], pairs_r[1])), return_index=True)
    shown = [names[int(f)] for f in vocabulary]
    h_l, h_r = hashed.left, hashed.right
    return Vectors(
        Rows(h_l.count, h_l.units, h_l.columns, h_l.weights, h_l.width, shown),
        Rows(h_r.count, h_r.units, h_r.columns, h_r.weights, h_r.width, shown),
    )


def adjacent_dots(vecs: Vectors) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Dot product of each unit's vector with the next unit's on its side (left, right)."""
    n, m = vecs.left.count, vecs.right.count
    columns, units, weights = vecs.by_column()
    # entries of one term in units k and k + 1 of a side are neighbours in this order
    pair = (columns[1:] == columns[:-1]) & (units[1:] == units[:-1] + 1) & (units[:-1] != n - 1)
    first = units[:-1][pair]
    counted = np.bincount(first, weights=weights[:-1][pair] * weights[1:][pair], minlength=n + m)
    dots: npt.NDArray[np.float64] = np.asarray(counted, dtype=np.float64)
    return dots[: max(n - 1, 0)], dots[n : n + max(m - 1, 0)]


_DENSE_SHARE = 0.003
"""A term is multiplied densely when it pairs more than 0.3 % of all unit pairs: the sparse
join costs some 50 ns a pair, a dense multiply-add about a hundredth of that (measured on
449↔112, 2356×1394 units: 0.86 s at 1 %, 0.37 s at 0.3 %, no gain below)."""
_PAIRS_PER_CHUNK = 1_000_000
"""Bounds the memory of the sparse join: its temporaries are some dozen arrays of this many
entries, and memory a command has not touched before costs more to fault in than the join
costs (measured on 449↔112: 4 M pairs a chunk, 0.67 s and 425 MB peak; 1 M, 0.29 s and 303 MB)."""


_SINGLE_THREAD_WORK = 262_144
"""OpenBLAS multiplies on one thread up to this many multiply-adds per call (64 Ki × 4): on a
small product, threads cost more than they save, and far more on a loaded machine."""


_DENSE_CELLS = 1 << 18
"""Cells of the left side's dense matrix made at a time (2 MiB)."""
_MIN_SLICE = 64  # terms per slice at least: thinner slices cost more in calls than threads do
_MIN_ROWS = 8  # left units per slice at least, likewise


def _product(a: Matrix, b: Matrix, out: Matrix | None = None) -> Matrix:
    """``a @ b`` for ``a`` (units × terms) and ``b`` (terms × units), in tiles small enough
    for BLAS to stay on one thread, unless the right side is so long that the tiles would
    be too thin (then the threads pay for themselves). With ``out`` (zeros), into it."""
    n, m = a.shape[0], b.shape[1]
    rows = min(n, _SINGLE_THREAD_WORK // (_MIN_SLICE * max(m, 1)))
    if rows < _MIN_ROWS:
        if out is None:
            return np.asarray(a @ b, dtype=np.float64)
        out += a @ b
        return out
    step = _SINGLE_THREAD_WORK // (rows * max(m, 1))
    out = np.zeros((n, m)) if out is None else out
    for top in range(0, n, rows):
        for start in range(0, a.shape[1], step):
            out[top : top + rows] += a[top : top + rows, start : start + step] @ b[start : start + step]
    return out


def dot_matrix(vecs: Vectors) -> Matrix:
    """Left · right dot products over the terms both sides use.

    Frequent terms (those shared by many units on both sides) go through a dense matrix
    product in blocks; rare ones, the bulk of a vocabulary, through a sparse join that
    costs only as much as the pairs they actually form. Exact either way.
    """
    n, m = vecs.left.count, vecs.right.count
    width = max(vecs.left.width, vecs.right.width)
    columns, units, weights = vecs.by_column()
    left = units < n
    on_left = np.bincount(vecs.left.columns, minlength=width)  # (unit, term) pairs are distinct
    on_right = np.bincount(vecs.right.columns, minlength=width)
    pairs = on_left * on_right
    result = np.zeros((n, m))
    if not pairs.any():
        return result
    dense = pairs > _DENSE_SHARE * n * m
    dense_cols = np.flatnonzero(dense)
    for start in range(0, len(dense_cols), _BLOCK):
        block = dense_cols[start : start + _BLOCK]
        where = np.full(width, -1)
        where[block] = np.arange(len(block))
        at = where[columns]
        in_r = (at >= 0) & ~left
        b = np.zeros((len(block), m))
        b.reshape(-1)[at[in_r] * m + (units[in_r] - n)] = weights[in_r]
        # the left side a block of units at a time (by unit, its entries are contiguous): its
        # dense matrix would be as large as the result. At least as many units as the tiled
        # product takes at once, so that it sums each cell's terms in the same order.
        step = max(_SINGLE_THREAD_WORK // (_MIN_SLICE * max(m, 1)), _DENSE_CELLS // len(block), 1)
        side = vecs.left
        for lo in range(0, n, step):
            hi = min(lo + step, n)
            a = np.zeros((hi - lo, len(block)))
            if lo == 0 and hi == n:  # one block: the entries are at hand
                in_l = (at >= 0) & left
                a.reshape(-1)[units[in_l] * len(block) + at[in_l]] = weights[in_l]
            else:
                begin, end = side.bounds(lo, hi)
                cols_l = where[side.columns[begin:end]]
                mine = cols_l >= 0
                flat_at = (side.units[begin:end][mine] - lo) * len(block) + cols_l[mine]
                a.reshape(-1)[flat_at] = side.weights[begin:end][mine]
            if start == 0:  # into the zeros: one (units × units) matrix less to fault in
                _product(a, b, out=result[lo:hi])
            else:
                result[lo:hi] += _product(a, b)
    # the rare terms: every (left entry, right entry) pair of one term, summed by unit pair.
    # A term's entries are contiguous, its left ones first: the right partners of a left
    # entry start where its term's right entries do. The left entries are taken by unit
    # (stable: by term within one), so that a chunk's pairs fill a band of rows, not the
    # whole matrix.
    right_start = np.cumsum(on_left + on_right) - on_right
    rare = ~dense & (pairs > 0)
    entries = np.flatnonzero(left & rare[columns])
    entries = entries[np.argsort(_small(units[entries], n), kind="stable")]
    per_entry = on_right[columns[entries]]
    flat = result.reshape(-1)
    bounds = np.concatenate(([0], np.cumsum(per_entry)))
    first = 0
    while first < len(entries):
        last = int(np.searchsorted(bounds, bounds[first] + _PAIRS_PER_CHUNK, side="right")) - 1
        last = max(last, first + 1)
        counts = per_entry[first:last]
        top, bottom = int(units[entries[first]]), int(units[entries[last - 1]]) + 1
        entry = np.repeat(entries[first:last], counts)
        # in place where it can be: each temporary is as long as the chunk
        partner = np.arange(len(entry))
        partner -= np.repeat(bounds[first:last] - bounds[first], counts)
        partner += right_start[columns[entry]]
        key = units[entry]
        key -= top
        key *= m
        key += units[partner]
        key -= n
        product = weights[entry]
        product *= weights[partner]
        del entry, partner
        flat[top * m : bottom * m] += np.bincount(key, weights=product, minlength=(bottom - top) * m)
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
    denom = np.outer(left_norms, right_norms)  # norms ≥ 0: 0 where it is not > 0
    cos = np.divide(dots, denom, out=denom, where=denom > 0)
    return Similarity(cos, dots, left_norms, right_norms)


def _common(a: Sparse, b: Sparse) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The weights of the terms both vectors have, aligned: a's, then b's."""
    cols_a, w_a = a
    cols_b, w_b = b
    if not len(cols_a) or not len(cols_b):
        return np.zeros(0), np.zeros(0)
    where = np.minimum(np.searchsorted(cols_b, cols_a), len(cols_b) - 1)
    hit = cols_b[where] == cols_a
    return w_a[hit], w_b[where[hit]]


def containment(part: Sparse, whole: Sparse) -> float:
    """How much of ``part``'s weight ``whole`` also has: Σ min / Σ part (0..1)."""
    total = float(part[1].sum())
    if total <= 0:
        return 0.0
    mine, theirs = _common(part, whole)
    return float(np.minimum(mine, theirs).sum()) / total


def containments(
    parts: Rows, part_units: npt.NDArray[np.intp], wholes: Rows, whole_units: npt.NDArray[np.intp]
) -> npt.NDArray[np.float64]:
    """``containment`` of each part unit in the whole unit beside it, all pairs at once: the
    same value up to the rounding of the sums (they are added in another order)."""
    count = len(part_units)
    out = np.zeros(count)
    if not count:
        return out
    order = np.argsort(whole_units, kind="stable")
    by_whole = whole_units[order]
    at, cols, weights = parts.spans(part_units[order])  # the pairs' entries, by whole
    first_entry = np.searchsorted(at, np.arange(count + 1))
    firsts = np.flatnonzero(np.diff(by_whole, prepend=-1))
    ends = [*firsts[1:].tolist(), count]
    found = np.zeros(len(cols))
    dense = np.zeros(max(parts.width, wholes.width, 1))  # one whole's weights at a time, by column
    for lo, hi, whole in zip(firsts.tolist(), ends, by_whole[firsts].tolist(), strict=True):
        cols_w, w_w = wholes.span(whole)
        dense[cols_w] = w_w
        e0, e1 = first_entry[lo], first_entry[hi]
        np.minimum(dense[cols[e0:e1]], weights[e0:e1], out=found[e0:e1])
        dense[cols_w] = 0.0
    common = np.bincount(at, weights=found, minlength=count)
    total = np.bincount(at, weights=weights, minlength=count)
    np.divide(common, total, out=common, where=total > 0)
    out[order] = np.where(total > 0, common, 0.0)
    return out


def dot(a: Sparse, b: Sparse) -> float:
    """The dot product of two sparse vectors."""
    mine, theirs = _common(a, b)
    return float(mine @ theirs)


def added(vectors: Sequence[Sparse]) -> Sparse:
    """The sum of sparse vectors (the vector of their units' texts joined)."""
    if len(vectors) == 1:
        return vectors[0]
    cols = np.concatenate([c for c, _ in vectors])
    weights = np.concatenate([w for _, w in vectors])
    # np.unique's columns and inverse, by a stable sort: each vector's columns are one
    # ascending run, which it merges
    order = np.argsort(cols, kind="stable")
    ordered = cols[order]
    new = np.ones(len(ordered), dtype=bool)
    new[1:] = ordered[1:] != ordered[:-1]
    inverse = np.empty(len(ordered), dtype=np.intp)
    inverse[order] = np.cumsum(new) - 1
    unique = ordered[new]
    summed = np.bincount(inverse, weights=weights, minlength=len(unique))
    return np.asarray(unique, dtype=np.int64), np.asarray(summed, dtype=np.float64)
