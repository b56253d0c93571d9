"""Score suggested links against a curated map: precision, recall, F1, relation accuracy.

Both sides are compared as sets of provision pairs ``(left, right)``, with
``(left, None)`` for a dropped and ``(None, right)`` for an added provision. A map may
link at any level, so each suggested provision is first projected onto the map's own
units: onto the unit that contains it (a paragraph onto the article the map links),
or onto the units it contains. Provisions the map does not mention on either side of a
suggestion are not scored (maps may be partial), nor are provisions without a word (a
parser's stray dash line).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from treatydiff.align.result import Alignment
from treatydiff.errors import MappingError
from treatydiff.mapping import expand_refs, split_key
from treatydiff.model import Body, ClauseMap, Link, Relation

__all__ = ["Evaluation", "Miss", "evaluate", "links_between", "relation_class", "report_lines"]

Pair = tuple[str | None, str | None]
_WORD = re.compile(r"\w")

_CLASSES: dict[str, str] = {
    "same": "same",
    "moved": "moved",
    "split": "split",
    "merged": "merged",
    "added": "added",
    "dropped": "dropped",
}


def relation_class(relation: str) -> str:
    """The suggested relation a curated one corresponds to (reworded, modified … → changed)."""
    return _CLASSES.get(relation, "changed")


@dataclass(frozen=True)
class Miss:
    """A gold pair the suggestions lack (``missed``) or a suggested pair the map lacks (``wrong``)."""

    kind: Literal["missed", "wrong"]
    left: str | None
    right: str | None
    relation: str


@dataclass(frozen=True)
class Evaluation:
    """How well suggestions reproduce a curated map."""

    gold: int
    """Pairs in the map."""
    suggested: int
    """Suggested pairs after projection onto the map's units."""
    correct: int
    relations_correct: int
    misses: tuple[Miss, ...]
    confusion: tuple[tuple[str, str, int], ...] = ()
    """(map relation, suggested relation, count) over the correct pairs."""

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def relation_accuracy(self) -> float:
        return self.relations_correct / self.correct if self.correct else 1.0


def _ancestors(pid: str) -> Iterable[str]:
    parts = pid.split(".")
    for k in range(len(parts) - 1, 0, -1):
        yield ".".join(parts[:k])


class _Projector:
    def __init__(self, gold_units: set[str]) -> None:
        self.units = gold_units

    def __call__(self, pid: str) -> tuple[list[str], bool]:
        """The map units ``pid`` stands for, and whether the map covers it at all."""
        if pid in self.units:
            return [pid], True
        for ancestor in _ancestors(pid):
            if ancestor in self.units:
                return [ancestor], True
        inside = sorted(u for u in self.units if u.startswith(pid + "."))
        return (inside, True) if inside else ([pid], False)


def _classes(pairs: dict[Pair, list[str]]) -> dict[Pair, str]:
    """Each pair's relation class: split/merged from the pair structure, else the relations given."""
    partners_l: defaultdict[str, set[str]] = defaultdict(set)
    partners_r: defaultdict[str, set[str]] = defaultdict(set)
    for left, right in pairs:
        if left is not None and right is not None:
            partners_l[left].add(right)
            partners_r[right].add(left)
    result: dict[Pair, str] = {}
    for (left, right), relations in pairs.items():
        if left is None:
            result[(left, right)] = "added"
        elif right is None:
            result[(left, right)] = "dropped"
        elif len(partners_l[left]) > 1:
            result[(left, right)] = "split"
        elif len(partners_r[right]) > 1:
            result[(left, right)] = "merged"
        else:
            kinds = {relation_class(r) for r in relations}
            # parts of a split or merge seen whole at the map's level count as changed
            result[(left, right)] = (
                "changed"
                if kinds & {"changed", "split", "merged"}
                else "moved"
                if "moved" in kinds
                else "same"
            )
    return result


def _wordy(ids: Sequence[str], body: Body) -> list[str]:
    """The ids of provisions with a word in them: a stray dash line carries nothing to align."""
    return [i for i in ids if _WORD.search(body.index[i].text)]


def _gold_pairs(links: Sequence[Link], left: Body, right: Body) -> dict[Pair, list[str]]:
    pairs: dict[Pair, list[str]] = {}
    for link in links:
        lefts = _wordy(expand_refs(link.left, left, treaty="left", file=None, line=link.line), left)
        rights = _wordy(expand_refs(link.right, right, treaty="right", file=None, line=link.line), right)
        if not lefts and not rights:
            continue
        relation = link.relation or "changed"  # a link nobody judged: the texts differ or not
        if not rights:
            for a in lefts:
                pairs.setdefault((a, None), []).append(relation)
        elif not lefts:
            for b in rights:
                pairs.setdefault((None, b), []).append(relation)
        for a in lefts:
            for b in rights:
                pairs.setdefault((a, b), []).append(relation)
    return pairs


def evaluate(alignment: Alignment, links: Sequence[Link], left: Body, right: Body) -> Evaluation:
    """Compare an alignment with curated links between the same two bodies.

    Args:
        alignment: the suggestions.
        links: the map's links, oriented left → right.
        left, right: the bodies both were made against (to resolve ranges).

    Raises:
        MappingError: when a link's ref does not resolve in its body.
    """
    gold = _gold_pairs(links, left, right)
    units_l = {a for a, _ in gold if a is not None}
    units_r = {b for _, b in gold if b is not None}
    project_l, project_r = _Projector(units_l), _Projector(units_r)
    suggested: dict[Pair, list[str]] = {}
    for s in alignment.suggestions:
        lefts, rights, covered = [], [], False
        for pid in s.left:
            found, known = project_l(pid)
            lefts += found
            covered |= known
        for pid in s.right:
            found, known = project_r(pid)
            rights += found
            covered |= known
        if not covered:
            continue
        keys: list[Pair] = (
            [(a, b) for a in lefts for b in rights]
            if lefts and rights
            else [(a, None) for a in lefts] + [(None, b) for b in rights]
        )
        for key in keys:
            suggested.setdefault(key, []).append(s.relation)
    linked_l = {a for a, b in suggested if a is not None and b is not None}
    linked_r = {b for a, b in suggested if a is not None and b is not None}
    suggested = {
        (a, b): r
        for (a, b), r in suggested.items()
        if not (b is None and a in linked_l) and not (a is None and b in linked_r)
    }
    gold_class, suggested_class = _classes(gold), _classes(suggested)
    correct = gold.keys() & suggested.keys()
    confusion: Counter[tuple[str, str]] = Counter((gold_class[k], suggested_class[k]) for k in correct)
    misses = [Miss("missed", a, b, gold_class[(a, b)]) for a, b in gold if (a, b) not in suggested]
    misses += [Miss("wrong", a, b, suggested_class[(a, b)]) for a, b in suggested if (a, b) not in gold]
    return Evaluation(
        gold=len(gold),
        suggested=len(suggested),
        correct=len(correct),
        relations_correct=sum(n for (g, s), n in confusion.items() if g == s),
        misses=tuple(misses),
        confusion=tuple(sorted((g, s, n) for (g, s), n in confusion.items())),
    )


def links_between(clause_map: ClauseMap, left: tuple[str, str], right: tuple[str, str]) -> list[Link]:
    """The map's links between two (treaty id, language) sides, read from left to right.

    Raises:
        MappingError: when the map does not link these two.
    """

    def key(side: tuple[str, str]) -> str | None:
        for candidate in clause_map.treaties:
            treaty_id, lang = split_key(candidate)
            if treaty_id == side[0] and lang in (None, side[1]):
                return candidate
        return None

    pair = (key(left), key(right))
    found: list[Link] = []
    for link in clause_map.links:
        between = link.between or (clause_map.treaties[0], clause_map.treaties[1])
        if between == pair:
            found.append(link)
        elif between == pair[::-1]:
            found.append(
                Link(
                    left=link.right,
                    right=link.left,
                    relation=_MIRROR.get(link.relation, link.relation) if link.relation else None,
                    line=link.line,
                )
            )
    if not found:
        raise MappingError(
            f"the map links {' and '.join(clause_map.treaties)}, "
            f"not {left[0]} ({left[1]}) and {right[0]} ({right[1]})",
            file=clause_map.path,
            hint="pass the treaties (and languages) the map names",
        )
    return found


_MIRROR: dict[Relation, Relation] = {
    "added": "dropped",
    "dropped": "added",
    "split": "merged",
    "merged": "split",
}


def report_lines(evaluation: Evaluation) -> list[str]:
    """The evaluation as plain text lines: figures, relation confusion, then every miss."""
    e = evaluation
    lines = [
        f"links: precision {e.precision:.3f}, recall {e.recall:.3f}, F1 {e.f1:.3f} "
        f"({e.correct} of {e.gold} map pairs found, {e.suggested} suggested)",
        f"relations: {e.relation_accuracy:.3f} correct ({e.relations_correct} of {e.correct})",
    ]
    lines += [f"  map {g} → suggested {s}: {n}" for g, s, n in e.confusion if g != s]
    for miss in e.misses:
        pair = f"{miss.left or '—'} → {miss.right or '—'}"
        what = "missed (map)" if miss.kind == "missed" else "wrong (suggested)"
        lines.append(f"{what}: {pair} {miss.relation}")
    return lines
