"""Pair scores: how well each left unit (or pair of adjacent units) answers each right one.

Within one language the score is the cosine of character n-gram TF-IDF vectors.
Across languages it blends what survives translation: the cosine of number, name
and lexicon-concept vectors, agreement of article and paragraph numbers, relative
position in the treaty and the length ratio (against the two texts' overall ratio).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from treatydiff.align.features import (
    HASH_BITS,
    Normalized,
    cross_tokens,
    family_occurrences,
    ngram_occurrences,
    normalized_codes,
)
from treatydiff.align.lexicon import families_for
from treatydiff.align.similarity import (
    Matrix,
    Vectors,
    adjacent_dots,
    cosine_matrix,
    pooled_vectors,
    vectors,
)
from treatydiff.align.units import Unit

__all__ = ["CROSS_WEIGHTS", "Pairwise", "Scores", "score"]

CROSS_WEIGHTS = {"text": 0.55, "number": 0.15, "position": 0.2, "length": 0.1}
"""How the cross-language score blends its parts (they sum to 1)."""
MOVE_WEIGHTS = {"text": 0.8, "length": 0.2}
"""Across languages, an out-of-order pair is scored on its text and length alone."""
SAME_NUMBER_BONUS = 0.04
"""Within one language, a small bonus for the same article and paragraph number: it breaks
ties between near-identical boilerplate paragraphs without outweighing the text."""


@dataclass(frozen=True)
class Scores:
    """Everything the assignment and the reasons need about the candidate pairs."""

    cross: bool
    """True when the two sides are in different languages."""
    s11: Matrix
    """Score of left unit i with right unit j."""
    s12: Matrix
    """Score of left i with right units j and j+1 together (a split)."""
    s21: Matrix
    """Score of left units i and i+1 together with right j (a merge)."""
    text: Matrix
    """The text cosine alone (n-grams, or translation-surviving tokens)."""
    move: Pairwise
    """Score of an out-of-order pair: position and numbers no longer vouch for it."""
    vecs: Vectors
    number: Pairwise
    """Agreement of article and paragraph numbers (see ``_number_agreement``)."""
    position: Pairwise
    """Agreement of relative positions (across languages; 0 within one)."""
    length: Pairwise
    """Agreement of lengths against the overall ratio (across languages; 0 within one)."""
    articles_left: tuple[int, ...] = ()
    """The article (its position) each left unit belongs to."""
    articles_right: tuple[int, ...] = ()
    families: bool = False
    """True when the text cosine includes term-family features (same language, with families)."""
    normalized: Normalized | None = None
    """Within one language, the normalised texts of the left units and then the right ones
    (``normalized_codes``), for the reasons' words."""


FAMILY_WEIGHT = 3
"""Within one language, each member of a term family found in a unit counts as this many
occurrences of the family's feature (about a word's worth of character n-grams)."""


_FRAME = ("preamble", "closing")  # unnumbered, but each treaty has at most one of each


def _number_keys(units: Sequence[Unit], codes: dict[str, int], unmatched: int) -> tuple[Matrix, ...]:
    """Per unit: its article's number (or frame) as an int, its part's, its sibling count,
    and whether it is in the preamble or closing block."""
    article, part, siblings, frame = [], [], [], []
    for unit in units:
        in_frame = unit.article_number is None and unit.article in _FRAME
        name = unit.article if in_frame else unit.article_number
        article.append(unmatched if name is None else codes.setdefault("a" + name, len(codes)))
        key = str(unit.rank) if in_frame else unit.number or str(unit.rank)
        part.append(codes.setdefault("p" + key, len(codes)))
        siblings.append(unit.siblings)
        frame.append(in_frame)
    return (np.array(article), np.array(part), np.array(siblings), np.array(frame, dtype=bool))


Index = npt.NDArray[np.intp]
Cells = Callable[[Index, Index], Matrix]
"""The values at rows (k × 1) and columns (1 × l) of a pairwise matrix, as a (k × l) matrix."""
Cell = Callable[[int, int], float]
"""The value of one pair, in plain Python (a one-cell array costs microseconds a call): the
same float operations as its ``Cells``, so the same value to the last bit."""


class Pairwise:
    """A (left units × right units) matrix made only where it is read, from per-unit values:
    the whole matrix would be millions of cells on the longest treaties, and memory a
    command has not touched before costs more to fault in than the arithmetic."""

    def __init__(self, shape: tuple[int, int], cells: Cells, cell: Cell) -> None:
        self.shape = shape
        self._cells = cells
        self.at = cell
        """The value of one pair: ``at(i, j)``."""

    def grid(self, rows: Sequence[int], cols: Sequence[int]) -> Matrix:
        """The values of every pair of the given rows and columns (as ``matrix[np.ix_(rows, cols)]``)."""
        r = np.asarray(rows, dtype=np.intp).reshape(-1, 1)
        c = np.asarray(cols, dtype=np.intp).reshape(1, -1)
        return np.asarray(self._cells(r, c), dtype=np.float64)

    def rows(self, lo: int, hi: int) -> Matrix:
        """Rows ``lo`` … ``hi`` − 1, every column."""
        return self.grid(range(lo, hi), range(self.shape[1]))


def _number_agreement(left: Sequence[Unit], right: Sequence[Unit]) -> Pairwise:
    """1 for the same article and paragraph number, 0.5 for the same article only (0.75 for
    the same paragraph of an article whose paragraphs were split or joined)."""
    codes: dict[str, int] = {}
    art_l, part_l, sib_l, frame_l = _number_keys(left, codes, -1)
    art_r, part_r, sib_r, _ = _number_keys(right, codes, -2)  # an unnumbered unit matches nothing

    def cells(rows: Index, cols: Index) -> Matrix:
        same_part = part_l[rows] == part_r[cols]
        whole = same_part & ((sib_l[rows] == sib_r[cols]) | frame_l[rows])
        out = np.full(same_part.shape, 0.5)
        np.copyto(out, 0.75, where=same_part)
        np.copyto(out, 1.0, where=whole)
        np.copyto(out, 0.0, where=art_l[rows] != art_r[cols])
        return out

    a_l, p_l, n_l, f_l = art_l.tolist(), part_l.tolist(), sib_l.tolist(), frame_l.tolist()
    a_r, p_r, n_r = art_r.tolist(), part_r.tolist(), sib_r.tolist()

    def cell(i: int, j: int) -> float:
        if a_l[i] != a_r[j]:
            return 0.0
        if p_l[i] != p_r[j]:
            return 0.5
        return 1.0 if n_l[i] == n_r[j] or f_l[i] else 0.75

    return Pairwise((len(left), len(right)), cells, cell)


def _position(left: Sequence[Unit], right: Sequence[Unit]) -> Pairwise:
    def places(units: Sequence[Unit]) -> Matrix:
        count = max(len(units) - 1, 1)
        return np.array([u.index / count for u in units], dtype=np.float64)

    places_l, places_r = places(left), places(right)

    def cells(rows: Index, cols: Index) -> Matrix:
        out = places_l[rows] - places_r[cols]
        np.abs(out, out=out)
        out *= -4.0
        out += 1.0
        return np.clip(out, 0.0, 1.0, out=out)

    listed_l: list[float] = places_l.tolist()
    listed_r: list[float] = places_r.tolist()

    def cell(i: int, j: int) -> float:
        return min(max(abs(listed_l[i] - listed_r[j]) * -4.0 + 1.0, 0.0), 1.0)

    return Pairwise((len(left), len(right)), cells, cell)


def _zeros(shape: tuple[int, int]) -> Pairwise:
    return Pairwise(shape, lambda r, c: np.zeros(np.broadcast_shapes(r.shape, c.shape)), lambda i, j: 0.0)


_BLOCK_CELLS = 1 << 16
"""Cells per block of rows when a whole score matrix is made: scratch that stays in cache."""


def _blocks(rows: int, cols: int) -> list[tuple[int, int]]:
    step = max(1, _BLOCK_CELLS // max(cols, 1))
    return [(lo, min(lo + step, rows)) for lo in range(0, rows, step)]


def _length(
    left_len: Matrix, right_len: Matrix, ratio: float, scratch: Matrix, out: Matrix | None = None
) -> Matrix:
    """exp(−2·|ln x|) for x = the length ratio against the overall one, as min(x, 1/x)²
    (into ``out`` when given; ``scratch`` is overwritten)."""
    x = np.divide(right_len + 20.0, ratio * (left_len + 20.0), out=out)
    np.minimum(x, np.reciprocal(x, out=scratch), out=x)
    x *= x
    return np.asarray(x, dtype=np.float64)


def _pair_norms(norms: Matrix, inner: Matrix) -> Matrix:
    """Norms of adjacent pairs (k, k+1) summed: |a + b|² = |a|² + |b|² + 2 a·b."""
    return np.asarray(np.sqrt(norms[:-1] ** 2 + norms[1:] ** 2 + 2 * inner), dtype=np.float64)


def score(left: Sequence[Unit], right: Sequence[Unit], left_lang: str, right_lang: str) -> Scores:
    """Score every candidate pair of the two unit lists."""
    found = _pairs(left, right, left_lang, right_lang)
    return replace(
        found,
        articles_left=tuple(u.article_index for u in left),
        articles_right=tuple(u.article_index for u in right),
        families=not found.cross and bool(FAMILY_WEIGHT) and bool(families_for(left_lang)),
    )


def _pairs(left: Sequence[Unit], right: Sequence[Unit], left_lang: str, right_lang: str) -> Scores:
    """The scores of every candidate pair, without the units' structure."""
    cross = left_lang != right_lang
    if cross:
        counts_l: list[Counter[str]] = [cross_tokens(u.text, left_lang, right_lang) for u in left]
        counts_r: list[Counter[str]] = [cross_tokens(u.text, right_lang, left_lang) for u in right]
        vecs = vectors(counts_l, counts_r)
    else:
        # both sides at once; an n-gram never spans two texts
        texts = [u.text for u in (*left, *right)]
        normalized = normalized_codes(texts)
        docs, features = ngram_occurrences(texts, normalized=normalized)
        if FAMILY_WEIGHT:
            fam_docs, fam_features = family_occurrences(texts, left_lang, 1 << HASH_BITS, normalized)
            docs = np.concatenate((docs, np.repeat(fam_docs, FAMILY_WEIGHT)))
            features = np.concatenate((features, np.repeat(fam_features, FAMILY_WEIGHT)))
        vecs = pooled_vectors(docs, features, len(left), len(right))
    sim = cosine_matrix(vecs)
    n, m = len(left), len(right)
    inner_l, inner_r = adjacent_dots(vecs)
    pair_r = _pair_norms(sim.right_norms, inner_r) if m > 1 else np.zeros(0)
    pair_l = _pair_norms(sim.left_norms, inner_l) if n > 1 else np.zeros(0)
    text, dots = sim.cos, sim.dots
    # Whole (units × units) matrices are only the four kept: the cosines, the split and merge
    # scores, and s11 in the dot products' place; the rest is made in blocks of rows.
    text12 = dots[:, :-1] + dots[:, 1:]
    text21 = dots[:-1, :] + dots[1:, :]
    for lo, hi in _blocks(n, m):
        _safe_div(text12[lo:hi], np.outer(sim.left_norms[lo:hi], pair_r))
    for lo, hi in _blocks(n - 1, m):
        _safe_div(text21[lo:hi], np.outer(pair_l[lo:hi], sim.right_norms))
    number = _number_agreement(left, right)
    s11 = dots  # overwritten block by block: the dot products are not read again
    if not cross:
        # + the bonus where the numbers agree (+ 0.0 elsewhere changes nothing)
        for lo, hi in _blocks(n, m):
            np.copyto(s11[lo:hi], text[lo:hi])
            np.add(s11[lo:hi], SAME_NUMBER_BONUS, out=s11[lo:hi], where=number.rows(lo, hi) >= 1.0)
        same = Pairwise((n, m), lambda r, c: text[r, c], lambda i, j: float(text[i, j]))
        zeros = _zeros((n, m))
        found = Scores(cross, s11, text12, text21, text, same, vecs, number, zeros, zeros)
        return replace(found, normalized=normalized)
    # position and length weigh only across languages; within one the text decides
    position = _position(left, right)
    len_l = np.array([len(u.text) for u in left], dtype=np.float64)
    len_r = np.array([len(u.text) for u in right], dtype=np.float64)
    ratio = (len_r.sum() + 1) / (len_l.sum() + 1)
    len_r2 = (len_r[:-1] + len_r[1:])[None, :]
    len_l2 = (len_l[:-1] + len_l[1:])[:, None]

    def lengths(rows: Index, cols: Index) -> Matrix:
        return _length(len_l[rows], len_r[cols], ratio, np.empty(np.broadcast_shapes(rows.shape, cols.shape)))

    listed_l: list[float] = len_l.tolist()
    listed_r: list[float] = len_r.tolist()
    overall = float(ratio)

    def one_length(i: int, j: int) -> float:
        x = (listed_r[j] + 20.0) / (overall * (listed_l[i] + 20.0))
        x = min(x, 1.0 / x)
        return x * x

    length = Pairwise((n, m), lengths, one_length)
    w = CROSS_WEIGHTS

    def blend(out: Matrix, t: Matrix, num: Matrix, pos: Matrix, ln: Matrix) -> None:
        """The weighted sum, into ``out`` (which may be ``t``)."""
        np.multiply(w["text"], t, out=out)
        part = np.empty(out.shape)
        for weight, values in ((w["number"], num), (w["position"], pos), (w["length"], ln)):
            out += np.multiply(weight, values, out=part)

    for lo, hi in _blocks(n, m):
        blk = np.s_[lo:hi]
        # the block's rows and the next one, which the merges of its last row read
        num_ext, pos_ext = number.rows(lo, min(hi + 1, n)), position.rows(lo, min(hi + 1, n))
        num, pos = num_ext[: hi - lo], pos_ext[: hi - lo]
        ln = _length(len_l[blk, None], len_r[None, :], ratio, np.empty(num.shape))
        blend(s11[blk], text[blk], num, pos, ln)
        if m > 1:  # the better number agreement and the mean position of adjacent right units
            best = np.maximum(num[:, :-1], num[:, 1:])
            mean = np.add(pos[:, :-1], pos[:, 1:])
            mean /= 2
            ln12 = _length(len_l[blk, None], len_r2, ratio, np.empty(best.shape), np.empty(best.shape))
            blend(text12[blk], text12[blk], best, mean, ln12)
        if len(num_ext) > 1:  # merges of left rows lo … min(hi, n − 1) − 1 with the next row
            blk = np.s_[lo : min(hi, n - 1)]
            best = np.maximum(num_ext[:-1], num_ext[1:])
            mean = np.add(pos_ext[:-1], pos_ext[1:])
            mean /= 2
            ln21 = _length(len_l2[blk], len_r[None, :], ratio, np.empty(best.shape), np.empty(best.shape))
            blend(text21[blk], text21[blk], best, mean, ln21)

    def moved(rows: Index, cols: Index) -> Matrix:
        out = MOVE_WEIGHTS["text"] * text[rows, cols]
        out += np.multiply(MOVE_WEIGHTS["length"], lengths(rows, cols))
        return out

    def one_moved(i: int, j: int) -> float:
        return MOVE_WEIGHTS["text"] * float(text[i, j]) + MOVE_WEIGHTS["length"] * one_length(i, j)

    move = Pairwise((n, m), moved, one_moved)
    return Scores(cross, s11, text12, text21, text, move, vecs, number, position, length)


def _safe_div(a: Matrix, b: Matrix) -> Matrix:
    """a / b where b > 0, else 0, into ``a`` (b is a product of norms: a is 0 where b is)."""
    return np.divide(a, b, out=a, where=b > 0)
