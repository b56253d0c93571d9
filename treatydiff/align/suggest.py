"""Turn assigned groups into suggestions: a relation the texts show, a score, reasons."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, chain

import numpy as np
from rapidfuzz.distance import Indel

from treatydiff.align.assign import Group
from treatydiff.align.features import Normalized, normalize
from treatydiff.align.result import SuggestedRelation, Suggestion
from treatydiff.align.score import Scores
from treatydiff.align.units import Unit

__all__ = ["MOVED_SIMILARITY", "suggestions"]

MOVED_SIMILARITY = 0.5
"""A renumbered or relocated provision is ``moved`` when at least this similar (word level),
else ``changed``: translations of one template renumbered in a later member score 0.5–0.8."""
_RARE_TERMS = 3
_WORD = re.compile(r"\w+")


_CACHED = 8192
"""Texts whose words are kept between alignments (all are dropped when more are)."""
_WORDS: dict[str, tuple[str, ...]] = {}
_VOCABULARIES: dict[str, frozenset[str]] = {}


def _remember(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    if len(_WORDS) >= _CACHED:
        _WORDS.clear()
        _VOCABULARIES.clear()
    _WORDS[text] = words
    return words


def _words(text: str) -> tuple[str, ...]:
    found = _WORDS.get(text)
    return _remember(text, tuple(normalize(text).split())) if found is None else found


def _vocabulary(text: str) -> frozenset[str]:
    found = _VOCABULARIES.get(text)
    if found is None:
        found = _VOCABULARIES[text] = frozenset(_words(text))
    return found


def _seed(texts: Sequence[str], normalized: Normalized) -> None:
    """The words of the texts not met before, from the scores' normalised code points of all
    of them (``normalize`` of each text, made once in numpy): one decoding, no regex a text."""
    missing = [k for k, text in enumerate(texts) if text not in _WORDS]
    if not missing:
        return
    codes, owner = normalized
    starts = np.searchsorted(owner, np.arange(len(texts) + 1)).tolist()
    joined = codes.astype(np.uint32).tobytes().decode("utf-32-le")
    for k in missing:
        _remember(texts[k], tuple(joined[starts[k] : starts[k + 1]].split()))


def _renumbered(left: Sequence[Unit], right: Sequence[Unit]) -> bool:
    """True when the article (or a printed paragraph) number differs."""
    a, b = left[0], right[0]
    if a.article_number != b.article_number:
        return True
    return a.number is not None and b.number is not None and a.number != b.number


class _Terms:
    """Document frequencies of words over both sides, to name a pair's rarest shared words."""

    def __init__(self, left: Sequence[Unit], right: Sequence[Unit]) -> None:
        self.df: Counter[str] = Counter(chain.from_iterable(_vocabulary(u.text) for u in (*left, *right)))
        limit = max(2, (len(left) + len(right)) // 10)  # words in at most a tenth of the units (or two)
        few = [w for w, n in self.df.items() if n <= limit]
        self.rare = frozenset(w for w in few if len(w) > 3 and not w.isdigit())

    def shared(self, left_texts: Sequence[str], right_texts: Sequence[str]) -> list[str]:
        common = self.rare & _joined(left_texts) & _joined(right_texts)
        # by document frequency, then alphabetically (a stable sort of the sorted words)
        return sorted(sorted(common), key=self.df.__getitem__)[:_RARE_TERMS]


def _joined_words(units: Sequence[Unit], indices: Sequence[int]) -> Sequence[str]:
    """The words of the units' texts one after the other."""
    if len(indices) == 1:
        return _words(units[indices[0]].text)
    return [w for k in indices for w in _words(units[k].text)]


def _joined(texts: Sequence[str]) -> frozenset[str]:
    return _vocabulary(texts[0]) if len(texts) == 1 else frozenset().union(*map(_vocabulary, texts))


def _label(unit: Unit) -> str:
    return unit.id


def _cross_terms(scores: Scores, i: int, j: int) -> list[str]:
    left, right = scores.vecs.left, scores.vecs.right
    (cols_a, w_a), (cols_b, w_b) = left.span(i), right.span(j)
    weights_b = dict(zip(cols_b.tolist(), w_b.tolist(), strict=True))
    # the shared columns (ascending) by the product of their weights, largest first
    pairs = zip(cols_a.tolist(), w_a.tolist(), strict=True)
    common = [(c, w * weights_b[c]) for c, w in pairs if c in weights_b]
    ranked = [c for c, _ in sorted(common, key=lambda item: -item[1])[:_RARE_TERMS]]
    terms = left.terms
    assert terms is not None  # across languages every column has its token
    shown = []
    for term in (terms[c] for c in ranked):
        kind, value = term[0], term[1:]
        shown.append({"#": f"number {value}", "=": f"{value} (lexicon)", "@": f"name {value}…"}[kind])
    return shown


def _group_reasons(
    group: Group, scores: Scores, left: Sequence[Unit], right: Sequence[Unit], terms: _Terms | None
) -> list[str]:
    i, j = group.left[0], group.right[0]
    units_l = [left[k] for k in group.left]
    units_r = [right[k] for k in group.right]
    reasons = []
    if scores.cross:
        reasons.append(f"translation-surviving terms {scores.text[i, j]:.2f}")
        shared = _cross_terms(scores, i, j)
    else:
        assert terms is not None  # within one language the reasons name shared rare words
        what = "character 4-gram and term-family" if scores.families else "character 4-gram"
        reasons.append(f"{what} TF-IDF cosine {scores.text[i, j]:.2f}")
        shared = terms.shared([u.text for u in units_l], [u.text for u in units_r])
    if shared:
        reasons.append("shared rare terms: " + ", ".join(shared))
    if scores.number.at(i, j) >= 1.0:
        reasons.append(f"same number ({units_l[0].id})")
    elif _renumbered(units_l, units_r):
        reasons.append(f"renumbered {units_l[0].article} → {units_r[0].article}")
    if scores.cross:
        reasons.append(f"position {scores.position.at(i, j):.2f}, length {scores.length.at(i, j):.2f}")
    if group.found == "moved":
        reasons.append("out of order: matched after the in-order alignment")
    elif group.found == "gap" and scores.cross:
        reasons.append("the only candidates between two in-order links (half threshold)")
    elif group.found == "gap":
        reasons.append("between two in-order links, each the other's best free partner (half threshold)")
    elif group.found == "gathered":
        reasons.append("gathered: the unlinked best partner of each of its parts, which it contains")
    for side, index, value in group.contained:
        unit = left[index] if side == "left" else right[index]
        other = units_r[0] if side == "left" else units_l[0]
        reasons.append(f"{unit.id} contained {value:.2f} in {other.id}")
    return reasons


def _relation(
    group: Group, similarity: float | None, scores: Scores, left: Sequence[Unit], right: Sequence[Unit]
) -> SuggestedRelation:
    if len(group.left) > 1:
        return "merged"
    if len(group.right) > 1:
        return "split"
    units_l, units_r = [left[group.left[0]]], [right[group.right[0]]]
    renumbered = _renumbered(units_l, units_r)
    if scores.cross:
        i, j = group.left[0], group.right[0]
        if group.found in ("moved", "gathered") or renumbered:
            return "moved"
        return "same" if scores.number.at(i, j) >= 1.0 else "changed"
    assert similarity is not None
    if group.found in ("moved", "gathered") or renumbered:
        return "moved" if similarity >= MOVED_SIMILARITY else "changed"
    return "same" if similarity >= 1.0 else "changed"


def suggestions(
    groups: Sequence[Group],
    left_over: Sequence[int],
    right_over: Sequence[int],
    scores: Scores,
    left: Sequence[Unit],
    right: Sequence[Unit],
) -> list[Suggestion]:
    """One suggestion per group and per unit left without a counterpart, in left order."""
    # across languages the shared terms are the translation-surviving tokens, not words
    if not scores.cross and scores.normalized is not None:
        _seed([u.text for u in (*left, *right)], scores.normalized)
    terms = None if scores.cross else _Terms(left, right)
    found: list[tuple[tuple[int, int], Suggestion]] = []
    for group in groups:
        similarity = None
        if not scores.cross:
            similarity = round(
                Indel.normalized_similarity(
                    _joined_words(left, group.left), _joined_words(right, group.right)
                ),
                3,
            )
        suggestion = Suggestion(
            left=tuple(left[k].id for k in group.left),
            right=tuple(right[k].id for k in group.right),
            relation=_relation(group, similarity, scores, left, right),
            score=round(min(max(group.score, 0.0), 1.0), 3),
            similarity=similarity,
            reasons=tuple(_group_reasons(group, scores, left, right, terms)),
        )
        found.append(((min(group.left), min(group.right)), suggestion))
    s11 = scores.s11
    n, m = s11.shape
    # each leftover's best rival, all at once (the first of equal bests, as argmax per row)
    bests_l, rivals_l = [0.0] * len(left_over), ["none"] * len(left_over)
    if m and left_over:
        rows = s11[left_over]
        bests_l, rivals_l = rows.max(axis=1).tolist(), [right[k].id for k in rows.argmax(axis=1).tolist()]
    for i, best, rival in zip(left_over, bests_l, rivals_l, strict=True):
        reason = f"no counterpart: best candidate {rival} scores {best:.2f}"
        found.append(
            ((i, -1), Suggestion((left[i].id,), (), "dropped", round(1 - min(best, 1.0), 3), None, (reason,)))
        )
    # an added unit is listed after the last left unit linked to a right unit before it
    by_right = sorted((min(g.right), g.left[-1]) for g in groups)
    firsts = [r for r, _ in by_right]
    lasts = list(accumulate((last for _, last in by_right), max))
    bests_r, rivals_r = [0.0] * len(right_over), ["none"] * len(right_over)
    if n and right_over:
        cols = s11[:, right_over]
        bests_r, rivals_r = cols.max(axis=0).tolist(), [left[k].id for k in cols.argmax(axis=0).tolist()]
    for j, best, rival in zip(right_over, bests_r, rivals_r, strict=True):
        reason = f"no counterpart: best candidate {rival} scores {best:.2f}"
        k = bisect_left(firsts, j)
        before = lasts[k - 1] if k else -1
        found.append(
            (
                (before, j),
                Suggestion((), (right[j].id,), "added", round(1 - min(best, 1.0), 3), None, (reason,)),
            )
        )
    found.sort(key=lambda item: item[0])
    return [s for _, s in found]
