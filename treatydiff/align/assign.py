"""Order-aware global assignment of units: a monotone alignment first, then moves, then
the parts of splits and merges that ended up far from their partner.

0. Within one language, pairs of units that are each other's best partner and score at
   least the move threshold (anchors) are kept for each other: the in-order alignment
   may not give either unit to a weaker pair, and an anchor it cannot take in order is a
   move.
1. A Needleman–Wunsch-style dynamic programme over the two unit sequences, with beads
   1–1, 1–0, 0–1, 1–2 and 2–1 (as in Gale–Church sentence alignment), maximises the
   sum of (score − threshold) over matched beads: treaties mostly keep their order.
2. Units left over on both sides are matched out of order (moved provisions) by a
   maximum-weight assignment (Hungarian method) over the pairs scoring above a
   stricter threshold.
3. The units left between two in-order links are aligned again with a lower threshold:
   there, order vouches for a pair (within one language, only for two units that are each
   other's best free partner).
4. A unit still left over whose content is contained in a matched unit on the other
   side joins that unit's link: a split or merge whose parts are not adjacent.
   Within one language, a leftover also joins the link of its best partner when a unit of
   its own article is already in that link and joining raises the link's cosine
   (paragraph-level evidence: its sibling paragraphs went there).
5. Within one language, units still left over whose best partner anywhere is the same
   unlinked unit on the other side, and mostly contained in it, are linked to it
   together: a provision rebuilt elsewhere from scattered parts (a merge or split that
   no in-order bead could see), when the parts together are alike enough.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from treatydiff.align.score import Scores
from treatydiff.align.similarity import Matrix, Sparse, added, containment, containments, dot

__all__ = ["Group", "Thresholds", "assign", "hungarian"]

Found = Literal["order", "gap", "moved", "contained", "gathered"]


@dataclass(frozen=True)
class Thresholds:
    """Scores below which a pair is not linked, per stage."""

    match: float
    """In-order beads (stage 1)."""
    gap: float
    """Stage 3, between two in-order links, where order vouches for a weaker pair."""
    gap_mutual: bool
    """Stage 3 takes only 1–1 pairs of units that are each other's best free partner."""
    move: float
    """Out-of-order pairs (stage 2): stricter, since order no longer vouches for them."""
    contain: float
    """Containment of a leftover in a linked unit (stage 3)."""
    gain: float = 0.05
    """Stage 4: how much joining a part must raise the link's cosine."""
    bead_penalty: float = 0.02
    """Taken off 1–2 and 2–1 beads so that a 1–1 bead wins a tie."""
    gather: float | None = None
    """Stage 5: cosine the gathered parts together must reach with their unit (None: no stage 5)."""
    gather_part: float = 0.6
    """Stage 5: containment each gathered part must have in that unit."""
    siblings: bool = False
    """Stage 4b: a leftover joins the link of its best partner when a unit of its own article
    is already in that link and joining raises the link's cosine by ``gain``."""
    anchor: bool = False
    """Stage 0: pairs of units that are each other's best partner and score at least ``move``
    are kept for each other (the in-order alignment cannot give either to a weaker pair)."""


SAME_LANGUAGE = Thresholds(
    match=0.16,
    gap=0.08,
    gap_mutual=True,
    move=0.3,
    contain=0.7,
    gain=0.02,
    gather=0.25,
    anchor=True,
    siblings=True,
)
"""Within one language a 4-gram cosine under 0.16 is close to noise: between two in-order
links such a pair is taken only when each is the other's best partner still free (the
other weak pairs found there in the 420↔430 redraft were all wrong). Stage 5 takes parts
below the move threshold because each part's containment vouches for it (measured:
the same links for gather 0.2–0.25 and part containment 0.5–0.6; see docs/alignment.md)."""
CROSS_LANGUAGE = Thresholds(match=0.45, gap=0.225, gap_mutual=False, move=0.5, contain=0.9)


@dataclass
class Group:
    """Left and right unit indices linked together, and how the link was found."""

    left: list[int]
    right: list[int]
    found: Found
    score: float
    contained: list[tuple[str, int, float]]
    """(side, index, containment) of the parts that joined in stage 3."""


_NEG = -1e18


Mates = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]
"""Each left unit's anchor partner on the right and each right unit's on the left (-1: none)."""


_BLOCK_CELLS = 1 << 16
"""Cells of bead scores made at a time (a block of rows): the whole matrices on short
treaties, scratch that stays in cache on the longest."""


_NOTHING_MADE: tuple[int, Matrix] = (-1, np.zeros((0, 0)))


class _Rows:
    """The bead scores of each left unit (or pair), less the threshold, with the anchors'
    units kept for each other when ``mates`` are given (see ``_mates``): made a block of
    rows at a time instead of as three (units × units) matrices."""

    def __init__(
        self, s11: Matrix, s12: Matrix, s21: Matrix, t: Thresholds, threshold: float, mates: Mates | None
    ) -> None:
        self.s11, self.s12, self.s21, self.mates = s11, s12, s21, mates
        self.one_off, self.pair_off = threshold, threshold + t.bead_penalty
        m = s11.shape[1]
        self.step = max(1, _BLOCK_CELLS // max(m, 1))
        self.cols = np.arange(m)[None, :]
        self.made: dict[str, tuple[int, Matrix]] = {}

    def _row(self, kind: str, r: int) -> Matrix:
        lo, block = self.made.get(kind, _NOTHING_MADE)
        if not lo <= r < lo + len(block):
            lo, block = r, self._block(kind, r, r + self.step)
            self.made[kind] = (lo, block)
        row: Matrix = block[r - lo]
        return row

    def _block(self, kind: str, lo: int, hi: int) -> Matrix:
        values = {"one": self.s11, "split": self.s12, "merge": self.s21}[kind][lo:hi]
        off = self.one_off if kind == "one" else self.pair_off
        if self.mates is None:
            return values - off
        mate_l, mate_r = self.mates
        rows = np.arange(lo, lo + len(values))[:, None]
        own = mate_l[lo : lo + len(values), None]
        free_own, free_r, cols = own < 0, (mate_r < 0)[None, :], self.cols
        them = mate_r[None, :]
        if kind == "one":
            ok = (free_own | (own == cols)) & (free_r | (them == rows))
        elif kind == "split":
            ok = free_own | (own == cols[:, :-1]) | (own == cols[:, 1:])
            ok &= (free_r[:, :-1] | (them[:, :-1] == rows)) & (free_r[:, 1:] | (them[:, 1:] == rows))
        else:
            below = mate_l[lo + 1 : lo + 1 + len(values), None]
            ok = free_r | (them == rows) | (them == rows + 1)
            ok &= (free_own | (own == cols)) & ((below < 0) | (below == cols))
        return np.where(ok, values, _NEG) - off

    def one(self, r: int) -> Matrix:
        return self._row("one", r)

    def split(self, r: int) -> Matrix:
        return self._row("split", r)

    def merge(self, r: int) -> Matrix:
        return self._row("merge", r)


_KEPT_CELLS = 1 << 18
"""Up to this many candidate cells (2 MiB), the in-order alignment chooses its beads once, after
its loop: one ``argmax`` instead of one a row."""
_WIDE_ROW = 256
"""From this many right units on, a row's best beads are found by three maxima (about a third
less time than ``max`` and ``argmax`` along the candidates, slower on short rows)."""


def _monotone(
    s11: Matrix, s12: Matrix, s21: Matrix, t: Thresholds, threshold: float, mates: Mates | None = None
) -> tuple[list[Group], list[int], list[int]]:
    n, m = s11.shape
    # only the last two rows of the table are read; the traceback needs the choices alone
    table = np.zeros((3, m + 1))
    choice = np.zeros((n + 1, m + 1), dtype=np.int8)
    gap = np.zeros((n + 1, m + 1), dtype=bool)
    rows = _Rows(s11, s12, s21, t, threshold, mates)
    cand = np.full((4, m + 1), _NEG)  # cells a bead cannot reach stay at _NEG
    best = np.empty(m + 1)
    one, split, merge, add = rows.one, rows.split, rows.merge, np.add
    one_into, split_into, merge_into = cand[0, 1:], cand[2, 2:], cand[3, 1:]
    # each table row, and its first entries without the last one or two
    ends = [(row, row[:-1], row[:-2]) for row in table]
    accumulate, greater, maximum = np.maximum.accumulate, np.greater, np.maximum
    wide = m >= _WIDE_ROW
    # short tables keep every row's candidates and choose all at once after the loop
    kept = None if wide or (n + 1) * 4 * (m + 1) > _KEPT_CELLS else np.empty((n + 1, 4, m + 1))
    for i in range(1, n + 1):
        previous, previous_1, previous_2 = ends[(i - 1) % 3]
        add(previous_1, one(i - 1), out=one_into)  # 1-1
        cand[1] = previous  # 1-0: left unit i-1 unmatched
        if m >= 2:
            add(previous_2, split(i - 1), out=split_into)  # 1-2
        if i >= 2:
            add(ends[(i - 2) % 3][1], merge(i - 2), out=merge_into)  # 2-1
        if wide:  # the best bead and the first that reaches it, without argmax's transposed copy
            maximum(cand[0], cand[1], out=best)
            maximum(best, cand[2], out=best)
            maximum(best, cand[3], out=best)
            chosen = choice[i]
            chosen[:] = 3
            for k in (2, 1, 0):
                chosen[cand[k] == best] = k
        else:
            cand.max(axis=0, out=best)
            if kept is None:
                choice[i] = cand.argmax(axis=0)
            else:
                kept[i] = cand
        accumulate(best, out=ends[i % 3][0])  # 0-1 beads (right unit unmatched) cost nothing
        greater(ends[i % 3][0], best, out=gap[i])
    if kept is not None and n:
        choice[1:] = kept[1:].argmax(axis=1)  # the first best bead of each cell, as per row
    groups: list[Group] = []
    left_over: list[int] = []
    right_over: list[int] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i == 0 or (j > 0 and gap[i, j]):
            right_over.append(j - 1)
            j -= 1
            continue
        kind = choice[i, j]
        if kind == 0:
            groups.append(Group([i - 1], [j - 1], "order", float(s11[i - 1, j - 1]), []))
            i, j = i - 1, j - 1
        elif kind == 1:
            left_over.append(i - 1)
            i -= 1
        elif kind == 2:
            groups.append(Group([i - 1], [j - 2, j - 1], "order", float(s12[i - 1, j - 2]), []))
            i, j = i - 1, j - 2
        else:
            groups.append(Group([i - 2, i - 1], [j - 1], "order", float(s21[i - 2, j - 1]), []))
            i, j = i - 2, j - 1
    groups.reverse()
    return groups, sorted(left_over), sorted(right_over)


def hungarian(weights: Matrix) -> list[tuple[int, int]]:
    """Rows and columns of a maximum-weight assignment (rows ≤ columns or not; any shape)."""
    transpose = weights.shape[0] > weights.shape[1]
    w = weights.T if transpose else weights
    n, m = w.shape
    cost = -w
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [float("inf")] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1, j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]]
    return [(b, a) for a, b in pairs] if transpose else pairs


_MAX_HUNGARIAN = 150  # leftovers beyond this are matched best-first (rare: unrelated treaties)


def _moves(scores: Scores, left: list[int], right: list[int], t: Thresholds) -> list[Group]:
    if not left or not right:
        return []
    sub = scores.move.grid(left, right)
    weights = np.where(sub >= t.move, sub, 0.0)
    if len(left) <= _MAX_HUNGARIAN and len(right) <= _MAX_HUNGARIAN:
        pairs = hungarian(weights)
    else:
        pairs = []
        taken_l: set[int] = set()
        taken_r: set[int] = set()
        for flat in np.argsort(-weights, axis=None):
            a, b = divmod(int(flat), weights.shape[1])
            if weights[a, b] <= 0:
                break
            if a not in taken_l and b not in taken_r:
                pairs.append((a, b))
                taken_l.add(a)
                taken_r.add(b)
    return [
        Group([left[a]], [right[b]], "moved", float(sub[a, b]), []) for a, b in pairs if weights[a, b] > 0
    ]


_CANDIDATES = 5  # stage 3 looks for a leftover's whole among its most similar units only


def _most(values: Matrix, count: int) -> list[int]:
    """Indices of the ``count`` largest values, largest first (ties by index): a partial
    sort, since a row of the longest treaties has thousands of values."""
    whole = len(values) <= count
    top = np.arange(len(values)) if whole else np.argpartition(-values, count - 1)[:count]
    return [int(k) for k in top[np.lexsort((top, -values[top]))]]


def _cosine(a: list[Sparse], b: list[Sparse]) -> float:
    """Cosine of the sums of two lists of vectors (concatenated units)."""
    sum_a, sum_b = added(a), added(b)
    norms = math.sqrt(float(sum_a[1] @ sum_a[1]) * float(sum_b[1] @ sum_b[1]))
    return dot(sum_a, sum_b) / norms if norms else 0.0


_SLACK = 1e-9
"""How far a containment found with all pairs at once (``containments``) may stray from
``containment`` of one pair: only the sums' rounding differs, some 1e-15."""


def _tops(related: Matrix, count: int) -> list[list[int]]:
    """``_most`` of each row, a block of rows at a time."""
    rows, width = related.shape
    if width <= count:
        return [_most(row, count) for row in related]
    found: list[list[int]] = []
    step = max(1, _BLOCK_CELLS // max(width, 1))
    for lo in range(0, rows, step):
        block = related[lo : lo + step]
        top = np.argpartition(-block, count - 1, axis=1)[:, :count]
        values = np.take_along_axis(block, top, axis=1)
        order = np.lexsort((top, -values), axis=1)  # largest first, ties by index
        found.extend(np.take_along_axis(top, order, axis=1).tolist())
    return found


def _attach(
    groups: list[Group],
    leftovers: list[int],
    side: Literal["left", "right"],
    scores: Scores,
    t: Thresholds,
) -> list[int]:
    """Attach each leftover of ``side`` to the link whose single other-side unit contains it,
    when joining it makes that link's texts more alike (a split or merge part, not a
    near-copy of a unit already linked)."""
    vecs = scores.vecs
    mine, theirs = (vecs.left, vecs.right) if side == "left" else (vecs.right, vecs.left)
    other_side = "right" if side == "left" else "left"
    owner = _owners(groups, other_side)
    if not leftovers or not owner:
        return list(leftovers)
    text = scores.text
    related_all = text[leftovers] if side == "left" else text[:, leftovers].T
    tops = _tops(related_all, _CANDIDATES)
    # every (leftover, candidate) pair that the loop below measures, at once: most are far
    # under the threshold, and only those near it or above are measured again one by one
    # (Σ min ≤ the whole's Σ: a whole lighter than the threshold's share of the part cannot hold it)
    need = ((t.contain - _SLACK) * mine.totals()[leftovers]).tolist()
    heft = theirs.totals().tolist()
    asked = [
        (k, index)
        for k, top in enumerate(tops)
        for index in top
        if index in owner and related_all[k, index] > 0 and heft[index] >= need[k]
    ]
    units_asked = np.array([leftovers[k] for k, _ in asked], dtype=np.intp)
    wholes_asked = np.array([index for _, index in asked], dtype=np.intp)
    rough = dict(zip(asked, containments(mine, units_asked, theirs, wholes_asked).tolist(), strict=True))
    remaining: list[int] = []
    for k, unit in enumerate(leftovers):
        best, best_value = None, 0.0
        for index in tops[k]:
            value = rough.get((k, index))
            if value is None or value < t.contain - _SLACK:
                continue
            candidate = owner[index]
            whole = theirs.span(index)
            value = containment(mine.span(unit), whole)
            if value < t.contain or value <= best_value:
                continue
            parts = [mine.span(j) for j in getattr(candidate, side)]
            before = _cosine(parts, [whole])
            if _cosine([*parts, mine.span(unit)], [whole]) >= before + t.gain:
                best, best_value = candidate, value
        if best is not None:
            getattr(best, side).append(unit)
            getattr(best, side).sort()
            best.contained.append((side, unit, best_value))
        else:
            remaining.append(unit)
    return remaining


def _owners(groups: list[Group], other_side: str) -> dict[int, Group]:
    """The links holding exactly one unit of ``other_side``, by that unit."""
    owner: dict[int, Group] = {}
    for group in groups:
        others = getattr(group, other_side)
        if len(others) == 1:
            owner[others[0]] = group
    return owner


def _join_siblings(
    groups: list[Group], leftovers: list[int], side: Literal["left", "right"], scores: Scores, gain: float
) -> list[int]:
    """Join each leftover of ``side`` to the link of its best partner on the other side when
    that link already holds a unit of the leftover's article (paragraph-level evidence: the
    article's other paragraphs went there) and joining it raises the link's cosine by ``gain``."""
    vecs = scores.vecs
    mine, theirs = (vecs.left, vecs.right) if side == "left" else (vecs.right, vecs.left)
    articles = scores.articles_left if side == "left" else scores.articles_right
    other_side = "right" if side == "left" else "left"
    owner = _owners(groups, other_side)
    remaining: list[int] = []
    text = scores.text
    width = text.shape[1] if side == "left" else text.shape[0]
    partners, values = [-1] * len(leftovers), [0.0] * len(leftovers)
    if leftovers and width:  # each leftover's best partner (the first of equal bests), all at once
        related = text[leftovers] if side == "left" else text[:, leftovers].T
        best = related.argmax(axis=1)
        partners, values = best.tolist(), np.take_along_axis(related, best[:, None], axis=1)[:, 0].tolist()
    for unit, partner, value in zip(leftovers, partners, values, strict=True):
        link = owner.get(partner)
        if link is None or value <= 0:
            remaining.append(unit)
            continue
        own = getattr(link, side)
        if not any(articles[k] == articles[unit] for k in own):
            remaining.append(unit)
            continue
        parts = [mine.span(k) for k in own]
        whole = [theirs.span(partner)]
        if _cosine([*parts, mine.span(unit)], whole) < _cosine(parts, whole) + gain:
            remaining.append(unit)
            continue
        own.append(unit)
        own.sort()
        link.contained.append((side, unit, containment(mine.span(unit), whole[0])))
    return remaining


def _fill_gaps(
    scores: Scores,
    groups: list[Group],
    left_over: list[int],
    right_over: list[int],
    t: Thresholds,
) -> tuple[list[Group], list[int], list[int]]:
    """Align again, with a lower threshold, the units left over between two in-order links:
    there, order vouches for a pair whose wording changed a lot."""
    found = list(groups)
    rest_l, rest_r = set(left_over), set(right_over)
    s11 = scores.s11
    row_of = {i: i for i in left_over}  # where a unit's scores are in s11 (or in the free pairs')
    col_of = {j: j for j in right_over}
    if t.gap_mutual and left_over and right_over:
        # order vouches for a weak pair only when neither unit has a better partner left
        # (every unit of a gap is a leftover: the free pairs' scores alone are read)
        free = s11[np.ix_(left_over, right_over)]
        best = (free >= free.max(axis=1, keepdims=True)) & (free >= free.max(axis=0, keepdims=True))
        s11 = np.where(best, free, _NEG)
        row_of = {i: k for k, i in enumerate(left_over)}
        col_of = {j: k for k, j in enumerate(right_over)}
    # gap k lies between in-order groups k - 1 and k (which are in order on both sides)
    gaps: dict[int, tuple[list[int], list[int]]] = {}
    for side, units in ((0, left_over), (1, right_over)):
        starts = [min(g.right if side else g.left) for g in groups]
        ends = [max(g.right if side else g.left) for g in groups]
        for unit in units:
            k = bisect_left(starts, unit)
            if k == 0 or ends[k - 1] < unit:
                gaps.setdefault(k, ([], []))[side].append(unit)
    for lefts, rights in gaps.values():
        if not lefts or not rights:
            continue
        sub = np.ix_([row_of[i] for i in lefts], [col_of[j] for j in rights])
        s12 = scores.s12[np.ix_(lefts, rights[:-1])] if len(rights) > 1 else np.zeros((len(lefts), 0))
        s21 = scores.s21[np.ix_(lefts[:-1], rights)] if len(lefts) > 1 else np.zeros((0, len(rights)))
        # pairs in a group must be adjacent units for the 1-2 and 2-1 beads to mean anything
        s12 = np.where(np.diff(rights)[None, :] == 1, s12, _NEG) if s12.size else s12
        s21 = np.where(np.diff(lefts)[:, None] == 1, s21, _NEG) if s21.size else s21
        if t.gap_mutual:  # 1-1 beads only
            s12, s21 = np.full_like(s12, _NEG), np.full_like(s21, _NEG)
        inner, _, _ = _monotone(s11[sub], s12, s21, t, t.gap)
        for group in inner:
            group.left = [lefts[i] for i in group.left]
            group.right = [rights[j] for j in group.right]
            group.found = "gap"
            rest_l -= set(group.left)
            rest_r -= set(group.right)
            found.append(group)
    return found, sorted(rest_l), sorted(rest_r)


def _gather(
    scores: Scores, left_over: list[int], right_over: list[int], t: Thresholds
) -> tuple[list[Group], list[int], list[int]]:
    """Link each unlinked unit to the leftovers on the other side whose best partner it is
    and which it mostly contains, when they are together alike enough (stage 5)."""
    if t.gather is None:
        return [], left_over, right_over
    vecs = scores.vecs
    found: list[Group] = []
    rest = {"left": list(left_over), "right": list(right_over)}
    for side, other_side in (("left", "right"), ("right", "left")):
        matrix = scores.s11 if side == "left" else scores.s11.T
        own, theirs = (vecs.left, vecs.right) if side == "left" else (vecs.right, vecs.left)
        taken: set[int] = set()
        used: set[int] = set()
        # each leftover's best partner anywhere, once: by target, in the leftovers' order
        by_best: dict[int, list[int]] = {}
        if rest[side] and rest[other_side]:
            for i, best in zip(rest[side], matrix[rest[side]].argmax(axis=1).tolist(), strict=True):
                by_best.setdefault(best, []).append(i)
        for target in rest[other_side]:
            parts = [
                (i, value)
                for i in by_best.get(target, ())
                if (value := containment(own.span(i), theirs.span(target))) >= t.gather_part
            ]
            if not parts:
                continue
            together = _cosine([own.span(i) for i, _ in parts], [theirs.span(target)])
            if together < t.gather:
                continue
            mine = [i for i, _ in parts]
            contained = [(side, i, value) for i, value in parts]
            pair = (mine, [target]) if side == "left" else ([target], mine)
            found.append(Group(pair[0], pair[1], "gathered", together, contained))
            taken.update(mine)
            used.add(target)
        rest[side] = [i for i in rest[side] if i not in taken]
        rest[other_side] = [j for j in rest[other_side] if j not in used]
    return found, rest["left"], rest["right"]


def _anchors(scores: Scores, t: Thresholds) -> list[tuple[int, int]]:
    """Pairs of units each the other's best partner, scoring at least the move threshold."""
    s11 = scores.s11
    if not t.anchor or not s11.size:
        return []
    best_r, best_l = s11.argmax(axis=1), s11.argmax(axis=0)
    return [
        (i, int(j)) for i, j in enumerate(best_r) if best_l[j] == i and scores.move.at(i, int(j)) >= t.move
    ]


def _mates(scores: Scores, anchors: list[tuple[int, int]]) -> Mates:
    """Each unit's anchor partner: the in-order alignment keeps an anchor's units for each other
    (a bead may hold one only together with its partner: the pair itself, or a split or merge of it)."""
    n, m = scores.s11.shape
    mate_l, mate_r = np.full(n, -1), np.full(m, -1)  # each unit's anchor partner (-1: none)
    for i, j in anchors:
        mate_l[i], mate_r[j] = j, i
    return mate_l, mate_r


def _unplaced(
    anchors: list[tuple[int, int]], scores: Scores, left_over: list[int], right_over: list[int]
) -> tuple[list[Group], list[int], list[int]]:
    """The anchors the in-order alignment could not take, as moves, and the units left over."""
    free_l, free_r = set(left_over), set(right_over)
    moved = [
        Group([i], [j], "moved", scores.move.at(i, j), []) for i, j in anchors if i in free_l and j in free_r
    ]
    taken_l, taken_r = {g.left[0] for g in moved}, {g.right[0] for g in moved}
    return moved, [i for i in left_over if i not in taken_l], [j for j in right_over if j not in taken_r]


def assign(scores: Scores, thresholds: Thresholds | None = None) -> tuple[list[Group], list[int], list[int]]:
    """Link the units: groups found, then left and right units left without a counterpart."""
    t = thresholds or (CROSS_LANGUAGE if scores.cross else SAME_LANGUAGE)
    anchors = _anchors(scores, t)
    mates = _mates(scores, anchors) if anchors else None
    groups, left_over, right_over = _monotone(scores.s11, scores.s12, scores.s21, t, t.match, mates)
    anchored, left_over, right_over = _unplaced(anchors, scores, left_over, right_over)
    moved = _moves(scores, left_over, right_over, t)
    moved_l = {i for g in moved for i in g.left}
    moved_r = {j for g in moved for j in g.right}
    left_over = [i for i in left_over if i not in moved_l]
    right_over = [j for j in right_over if j not in moved_r]
    groups, left_over, right_over = _fill_gaps(scores, groups, left_over, right_over, t)
    groups.extend(moved)
    groups.extend(anchored)
    right_over = _attach(groups, right_over, "right", scores, t)
    left_over = _attach(groups, left_over, "left", scores, t)
    if t.siblings:
        right_over = _join_siblings(groups, right_over, "right", scores, t.gain)
        left_over = _join_siblings(groups, left_over, "left", scores, t.gain)
    gathered, left_over, right_over = _gather(scores, left_over, right_over, t)
    groups.extend(gathered)
    groups.sort(key=lambda g: (min(g.left), min(g.right)))
    return groups, left_over, right_over
