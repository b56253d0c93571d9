"""The aligner as ``compare`` uses it: suggestions as ``Link`` values (origin ``suggested``).

``suggest_links`` makes every link when there is no map; ``fill_gaps`` links only the
provisions a partial curated map leaves unlinked, so that a curated link is never
overridden. For a readable report, two articles whose paragraphs are linked only to
each other become one link.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from treatydiff.align.result import Alignment, SuggestedRelation, Suggestion
from treatydiff.align.units import units
from treatydiff.mapping import expand_refs
from treatydiff.model import Body, Link, Relation, Treaty

__all__ = ["fill_gaps", "suggest_links"]


def _article(body: Body, pid: str) -> str:
    """The id of the article-level provision holding ``pid`` (its first id segment)."""
    return pid.split(".")[0] if pid.split(".")[0] in body.index else pid


def _collapse(alignment: Alignment, left: Body, right: Body) -> list[Suggestion]:
    """Join the paragraph links of two articles that correspond only to each other.

    When the paragraphs of article A are linked only to paragraphs of article B and those
    only to A's, the report is easier to read as one link A → B (its added and dropped
    paragraphs shown inside the diff) than as many small ones.
    """
    suggestions = list(alignment.suggestions)
    partners_l: dict[str, set[str]] = {}
    partners_r: dict[str, set[str]] = {}
    for s in suggestions:
        if s.left and s.right:
            arts_l = {_article(left, q) for q in s.left}
            arts_r = {_article(right, r) for r in s.right}
            for a in arts_l:
                partners_l.setdefault(a, set()).update(arts_r)
            for b in arts_r:
                partners_r.setdefault(b, set()).update(arts_l)
    pairs = {
        a: next(iter(bs))
        for a, bs in partners_l.items()
        if len(bs) == 1 and partners_r.get(next(iter(bs))) == {a}
    }
    inverse = {b: a for a, b in pairs.items()}
    groups: dict[tuple[str, str], list[int]] = {}
    for k, s in enumerate(suggestions):
        arts_l = {_article(left, q) for q in s.left}
        arts_r = {_article(right, r) for r in s.right}
        key = None
        if len(arts_l) == 1 and next(iter(arts_l)) in pairs:
            a = next(iter(arts_l))
            key = (a, pairs[a]) if arts_r <= {pairs[a]} else None
        elif not arts_l and len(arts_r) == 1 and next(iter(arts_r)) in inverse:
            b = next(iter(arts_r))
            key = (inverse[b], b)
        if key is not None:
            groups.setdefault(key, []).append(k)
    joined: dict[int, Suggestion] = {}
    dropped: set[int] = set()
    for (a, b), members in groups.items():
        parts = [suggestions[k] for k in members]
        if len(parts) == 1 and parts[0].left == (a,) and parts[0].right == (b,):
            continue  # already one article link
        linked = [p for p in parts if p.left and p.right]
        relations = {p.relation for p in parts}
        relation: SuggestedRelation = (
            "same" if relations == {"same"} else "moved" if relations <= {"same", "moved"} else "changed"
        )
        score = round(sum(p.score for p in linked) / len(linked), 3)
        context = [
            r for r in linked[0].reasons if r.startswith(("renumbered", "out of order", "same number"))
        ]
        reasons = (f"{len(linked)} of its parts linked to parts of {b}, none elsewhere", *context)
        joined[members[0]] = Suggestion((a,), (b,), relation, score, None, reasons)
        dropped.update(members)
    return [joined.get(i, s) for i, s in enumerate(suggestions) if i in joined or i not in dropped]


def _as_link(s: Suggestion, cross_language: bool) -> Link:
    # What the texts show and nothing more: `changed` is left for the diff to state, and
    # across languages `same` would be a judgement of the translation.
    relation: Relation | None = s.relation
    if s.relation == "changed" or (cross_language and s.relation == "same"):
        relation = None
    return Link(
        left=s.left, right=s.right, relation=relation, origin="suggested", score=s.score, reasons=s.reasons
    )


def suggest_links(left: Treaty, right: Treaty) -> list[Link]:
    """Every link between two treaties, as the aligner suggests them (an ``Aligner`` for compare)."""
    from treatydiff.align.pipeline import align_bodies  # numpy only when aligning

    alignment = align_bodies(left.body, right.body, left_id=left.meta.id, right_id=right.meta.id)
    return [_as_link(s, alignment.cross_language) for s in _collapse(alignment, left.body, right.body)]


def _covered(links: Iterable[Link], body: Body, which: Literal["left", "right"]) -> set[str]:
    """Ids a link names on one side, with everything inside and around them."""
    named: set[str] = set()
    for link in links:
        refs = link.left if which == "left" else link.right
        named.update(expand_refs(refs, body, treaty=which, file=None, line=link.line))
    inside = {q.id for pid in named for q in body.index[pid].walk()}
    around = {".".join(pid.split(".")[:k]) for pid in named for k in range(1, pid.count(".") + 1)}
    return named | inside | around


def _all_linked(body: Body, covered: set[str]) -> bool:
    return all(u.id in covered for u in units(body))


def fill_gaps(left: Treaty, right: Treaty, curated: Sequence[Link]) -> list[Link]:
    """Suggested links for the provisions the curated links leave out, never touching those.

    Raises:
        MappingError: when a curated ref does not resolve.
    """
    covered = {"left": _covered(curated, left.body, "left"), "right": _covered(curated, right.body, "right")}

    def skip(pid: str, side: Literal["left", "right"]) -> bool:
        return pid in covered[side]

    if _all_linked(left.body, covered["left"]) and _all_linked(right.body, covered["right"]):
        return []  # a complete map: nothing to suggest
    from treatydiff.align.pipeline import align_bodies  # numpy only when aligning

    alignment = align_bodies(left.body, right.body, left_id=left.meta.id, right_id=right.meta.id, skip=skip)
    return [_as_link(s, alignment.cross_language) for s in _collapse(alignment, left.body, right.body)]
