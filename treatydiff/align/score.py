"""Pair scores: how well each left unit (or pair of adjacent units) answers each right one.

Within one language the score is the cosine of character n-gram TF-IDF vectors.
Across languages it blends what survives translation: the cosine of number, name
and lexicon-concept vectors, agreement of article and paragraph numbers, relative
position in the treaty and the length ratio (against the two texts' overall ratio).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from treatydiff.align.features import (
    HASH_BITS,
    cross_tokens,
    family_occurrences,
    ngram_occurrences,
    normalized_codes,
)
from treatydiff.align.lexicon import families_for
from treatydiff.align.similarity import (
    Matrix,
    Similarity,
    Vectors,
    adjacent_dots,
    cosine_matrix,
    pooled_vectors,
    vectors,
)
from treatydiff.align.units import Unit

__all__ = ["CROSS_WEIGHTS", "Scores", "score"]

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
    move: Matrix
    """Score of an out-of-order pair: position and numbers no longer vouch for it."""
    vecs: Vectors
    sim: Similarity
    number: Matrix
    position: Matrix
    length: Matrix
    articles_left: tuple[int, ...] = ()
    """The article (its position) each left unit belongs to."""
    articles_right: tuple[int, ...] = ()
    families: bool = False
    """True when the text cosine includes term-family features (same language, with families)."""


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


def _number_agreement(left: Sequence[Unit], right: Sequence[Unit]) -> Matrix:
    """1 for the same article and paragraph number, 0.5 for the same article only (0.75 for
    the same paragraph of an article whose paragraphs were split or joined)."""
    codes: dict[str, int] = {}
    art_l, part_l, sib_l, frame_l = _number_keys(left, codes, -1)
    art_r, part_r, sib_r, _ = _number_keys(right, codes, -2)  # an unnumbered unit matches nothing
    same_part = part_l[:, None] == part_r[None, :]
    whole = same_part & ((sib_l[:, None] == sib_r[None, :]) | frame_l[:, None])
    out = np.full(same_part.shape, 0.5)
    np.copyto(out, 0.75, where=same_part)
    np.copyto(out, 1.0, where=whole)
    np.copyto(out, 0.0, where=art_l[:, None] != art_r[None, :])
    return out


def _position(left: Sequence[Unit], right: Sequence[Unit]) -> Matrix:
    def places(units: Sequence[Unit]) -> Matrix:
        count = max(len(units) - 1, 1)
        return np.array([u.index / count for u in units], dtype=np.float64)

    # in place: these matrices are (units × units), millions of cells on the longest treaties
    out = places(left)[:, None] - places(right)[None, :]
    np.abs(out, out=out)
    out *= -4.0
    out += 1.0
    return np.clip(out, 0.0, 1.0, out=out)


class _Buffers:
    """Scratch matrices of up to (units × units) cells, made on first use and reused: a fresh
    temporary of that size on the longest treaties costs more in page faults than in
    arithmetic. ``buffers[k, shape]`` is a view of scratch matrix k with that shape."""

    def __init__(self, cells: int) -> None:
        self._cells = cells
        self._made: dict[int, Matrix] = {}

    def __getitem__(self, key: tuple[int, tuple[int, int]]) -> Matrix:
        which, shape = key
        buffer = self._made.get(which)
        if buffer is None:
            buffer = self._made[which] = np.empty(self._cells)
        shape = (max(shape[0], 0), max(shape[1], 0))  # a side of one unit has no pairs
        return buffer[: math.prod(shape)].reshape(shape)


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
    text = sim.cos
    buffers = _Buffers(n * m)
    text12 = _safe_div(
        sim.dots[:, :-1] + sim.dots[:, 1:], np.outer(sim.left_norms, pair_r, out=buffers[0, (n, m - 1)])
    )
    text21 = _safe_div(
        sim.dots[:-1, :] + sim.dots[1:, :], np.outer(pair_l, sim.right_norms, out=buffers[0, (n - 1, m)])
    )
    number = _number_agreement(left, right)
    # position and length weigh only across languages; within one the text decides
    position = length = np.zeros((n, m))
    if cross:
        position = _position(left, right)
        len_l = np.array([len(u.text) for u in left], dtype=np.float64)
        len_r = np.array([len(u.text) for u in right], dtype=np.float64)
        ratio = (len_r.sum() + 1) / (len_l.sum() + 1)
        length = _length(len_l[:, None], len_r[None, :], ratio, buffers[0, (n, m)])
        w = CROSS_WEIGHTS

        def blend(t: Matrix, num: Matrix, pos: Matrix, ln: Matrix, *, own: bool = False) -> Matrix:
            """The weighted sum (into ``t`` when it is ``own``, a temporary of this function's)."""
            out = np.multiply(w["text"], t, out=t if own else None)
            part = buffers[0, out.shape]
            for weight, values in ((w["number"], num), (w["position"], pos), (w["length"], ln)):
                out += np.multiply(weight, values, out=part)
            return out

        def pair_parts(axis: int) -> tuple[Matrix, Matrix]:
            """Number agreement (the better) and position (the mean) of adjacent pairs."""
            first, second = (np.s_[:, :-1], np.s_[:, 1:]) if axis else (np.s_[:-1, :], np.s_[1:, :])
            shape = (n, m - 1) if axis else (n - 1, m)
            best = np.maximum(number[first], number[second], out=buffers[1, shape])
            mean = np.add(position[first], position[second], out=buffers[2, shape])
            mean /= 2
            return best, mean

        s11 = blend(text, number, position, length)
        length12 = _length(
            len_l[:, None],
            (len_r[:-1] + len_r[1:])[None, :],
            ratio,
            buffers[0, (n, m - 1)],
            buffers[3, (n, m - 1)],
        )
        s12 = blend(text12, *pair_parts(1), length12, own=True)
        length21 = _length(
            (len_l[:-1] + len_l[1:])[:, None],
            len_r[None, :],
            ratio,
            buffers[0, (n - 1, m)],
            buffers[3, (n - 1, m)],
        )
        s21 = blend(text21, *pair_parts(0), length21, own=True)
    else:
        s11 = text.copy()  # + the bonus where the numbers agree (+ 0.0 elsewhere changes nothing)
        np.add(s11, SAME_NUMBER_BONUS, out=s11, where=number >= 1.0)
        s12 = text12
        s21 = text21
    if cross:
        move = MOVE_WEIGHTS["text"] * text
        move += np.multiply(MOVE_WEIGHTS["length"], length, out=buffers[0, (n, m)])
    else:
        move = text
    return Scores(cross, s11, s12, s21, text, move, vecs, sim, number, position, length)


def _safe_div(a: Matrix, b: Matrix) -> Matrix:
    """a / b where b > 0, else 0, into ``a`` (b is a product of norms: a is 0 where b is)."""
    return np.divide(a, b, out=a, where=b > 0)
