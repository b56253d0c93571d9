"""The comparison pipeline: two treaties plus an optional clause map become a ``Comparison``.

With a map, each curated link is expanded against the two bodies and diffed; a link
between two ranges of equal length (``art-3..art-5`` → ``art-4..art-6``) is compared
member by member. Without one, an aligner makes the links: by default article-level
units are paired by id (``art-5`` with ``art-5``), and the report says so. A link the
tool made carries no judgement: ``same`` when the texts are identical after
normalisation, else no relation at all. Texts in different languages are shown in
parallel, never word-diffed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import get_args

from treatydiff import __version__
from treatydiff.diff import diff_texts, passages
from treatydiff.errors import MappingError
from treatydiff.mapping import check_for_diff, expand_refs, split_key
from treatydiff.mapping.refs import RANGE
from treatydiff.model import (
    ClauseMap,
    ComparedLink,
    Comparison,
    Link,
    LinkStatus,
    Origin,
    Provision,
    ProvisionDiff,
    Relation,
    Side,
    Summary,
    Treaty,
)
from treatydiff.obligations import prefetch
from treatydiff.obligations.annotate import annotate_link

__all__ = [
    "Aligner",
    "Differ",
    "GapFiller",
    "align_by_number",
    "article_level",
    "compare",
    "compare_link",
    "map_langs",
    "obligations_changed",
]

Differ = Callable[[str, str], ProvisionDiff]
Progress = Callable[[int, int], None]
Aligner = Callable[[Treaty, Treaty], Sequence[Link]]
"""Proposes links between two treaties when no map is given: origin ``article-number`` or
``suggested``, ``relation`` None unless the aligner suggests one, with ``score`` and
``reasons`` as it sees fit. ``compare`` diffs them; it never changes a curated link."""
GapFiller = Callable[[Treaty, Treaty, Sequence[Link]], Sequence[Link]]
"""Links for what a partial map leaves out, given the map's links; it never changes those."""

_ARTICLE_LEVEL = {"preamble", "article", "closing"}
# Reading a map "backwards" (right treaty first) mirrors the asymmetric relations.
_MIRROR: dict[Relation, Relation] = {
    "added": "dropped",
    "dropped": "added",
    "expanded": "narrowed",
    "narrowed": "expanded",
    "split": "merged",
    "merged": "split",
}


def article_level(treaty: Treaty) -> list[Provision]:
    """Preamble, articles and closing block, in document order (chapters looked through)."""
    return [p for p in treaty.body.walk() if p.kind in _ARTICLE_LEVEL]


def _side(treaty: Treaty) -> Side:
    return Side(meta=treaty.meta, lang=treaty.lang, provenance=treaty.provenance)


def _joined(provisions: Sequence[Provision]) -> str:
    # Split and merged links compare the concatenation of their parts, in order, each its
    # own paragraph; a part's own heading line ("Article 4") is shown in its caption instead.
    return "\n\n".join(p.body_text() for p in provisions)


def _status(link: Link, diff: ProvisionDiff | None) -> LinkStatus:
    if not link.left:
        return "added"
    if not link.right:
        return "dropped"
    if diff is None:  # parallel language versions: only a curated relation judges them
        if link.origin != "curated" or link.relation is None:
            return "parallel"
        return "unchanged" if link.relation == "same" else "changed"
    return "unchanged" if diff.words_added == 0 and diff.words_removed == 0 else "changed"


def _pairs(
    link: Link, left_ids: tuple[str, ...], right_ids: tuple[str, ...]
) -> list[tuple[tuple[str, ...], ...]]:
    """The provision pairs a link compares: member by member for two ranges of one length
    (``art-3..art-5`` → ``art-4..art-6``), else all of one side against all of the other."""
    ranged = len(link.left) == len(link.right) == 1 and RANGE in link.left[0] and RANGE in link.right[0]
    if ranged and len(left_ids) == len(right_ids) and link.relation not in ("split", "merged"):
        return [((a,), (b,)) for a, b in zip(left_ids, right_ids, strict=True)]
    return [(left_ids, right_ids)]


def _compare_link(
    link: Link,
    left: Treaty,
    right: Treaty,
    clause_map: ClauseMap | None,
    differ: Differ,
) -> list[ComparedLink]:
    file = clause_map.path if clause_map else None
    left_ids = expand_refs(link.left, left.body, treaty=left.meta.id, file=file, line=link.line)
    right_ids = expand_refs(link.right, right.body, treaty=right.meta.id, file=file, line=link.line)
    return [
        compare_link(
            link,
            tuple(left.body.index[i] for i in lefts),
            tuple(right.body.index[i] for i in rights),
            diffed=left.lang == right.lang,
            differ=differ,
        )
        for lefts, rights in _pairs(link, left_ids, right_ids)
    ]


def compare_link(
    link: Link,
    lefts: Sequence[Provision],
    rights: Sequence[Provision],
    *,
    diffed: bool = True,
    differ: Differ = diff_texts,
) -> ComparedLink:
    """One link between resolved provisions: its diff (when ``diffed``, i.e. one language),
    its status, and each side as shown.

    A link the tool made (not curated) and left without a relation becomes ``same`` when
    the texts are identical after normalisation; nothing else is claimed for it.
    """
    left_text, right_text = _joined(lefts), _joined(rights)
    diff = differ(left_text, right_text) if diffed else None
    status = _status(link, diff)
    if link.origin != "curated" and link.relation is None and status == "unchanged":
        link = replace(link, relation="same")  # what the text shows, nothing more
    return ComparedLink(
        link=link,
        left=tuple(lefts),
        right=tuple(rights),
        diff=diff,
        status=status,
        left_passages=diff.left if diff else passages(left_text),
        right_passages=diff.right if diff else passages(right_text),
    )


def _mirror(link: Link) -> Link:
    return Link(
        left=link.right,
        right=link.left,
        relation=_MIRROR.get(link.relation, link.relation) if link.relation else None,
        note=link.note,
        evidence=link.evidence,
        confidence=link.confidence,
        line=link.line,
        origin=link.origin,
        between=link.between[::-1] if link.between else None,
        score=link.score,
        reasons=link.reasons,
    )


def _map_key(clause_map: ClauseMap, treaty: Treaty) -> str | None:
    """The map's key for this treaty and language (``tota-420``, ``un-charter@ru``)."""
    for key in clause_map.treaties:
        treaty_id, lang = split_key(key)
        if treaty_id == treaty.meta.id and lang in (None, treaty.lang):
            return key
    return None


def map_langs(
    clause_map: ClauseMap, left_id: str, right_id: str, given: tuple[str | None, str | None] = (None, None)
) -> tuple[str | None, str | None]:
    """The language of each side's body: the one asked for, else the one the map fixes.

    Checked before any text is loaded, so that a map for other treaties is named as such.

    Raises:
        MappingError: when the map does not name both treaties.
    """
    chosen: list[str] = []
    for treaty_id, lang in ((left_id, given[0]), (right_id, given[1])):
        keys = [k for k in clause_map.treaties if split_key(k)[0] == treaty_id and k not in chosen]
        keys.sort(key=lambda k: lang is not None and split_key(k)[1] != lang)  # the asked language first
        if not keys:
            raise MappingError(
                f"the map links {' and '.join(clause_map.treaties)}, not {left_id} and {right_id}",
                file=clause_map.path,
                hint="pass the treaties the map names, or another --map",
            )
        chosen.append(keys[0])
    langs = [split_key(k)[1] or clause_map.langs.get(k) for k in chosen]
    return given[0] or langs[0], given[1] or langs[1]


def _map_links(clause_map: ClauseMap, left: Treaty, right: Treaty) -> list[Link]:
    """The map's links between exactly these two treaties, oriented left → right."""
    pair = (_map_key(clause_map, left), _map_key(clause_map, right))
    links: list[Link] = []
    for link in clause_map.links:
        between = link.between or (clause_map.treaties[0], clause_map.treaties[1])
        if between == pair:
            links.append(link)
        elif between == pair[::-1]:
            links.append(_mirror(link))
    if not links:
        raise MappingError(
            f"the map links {' and '.join(clause_map.treaties)}, not "
            f"{left.meta.id} ({left.lang}) and {right.meta.id} ({right.lang})",
            file=clause_map.path,
            hint="pass the treaties (and languages) the map names, or another --map",
        )
    return links


def align_by_number(left: Treaty, right: Treaty) -> list[Link]:
    """The default aligner: article-level units paired by id, in document order.

    Unmatched units become ``added`` or ``dropped``; paired ones carry no relation.
    """
    left_ids = [p.id for p in article_level(left)]
    right_ids = [p.id for p in article_level(right)]
    right_set, left_set = set(right_ids), set(left_ids)
    ordered: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    pending_right = iter(right_ids)
    for pid in left_ids:
        if pid in right_set:
            for rid in pending_right:  # right-only units that come before this one
                if rid == pid:
                    break
                if rid not in left_set:
                    ordered.append(((), (rid,)))
            ordered.append(((pid,), (pid,)))
        else:
            ordered.append(((pid,), ()))
    ordered.extend(((), (rid,)) for rid in pending_right if rid not in left_set)
    links = []
    for lefts, rights in ordered:
        relation: Relation | None = None if lefts and rights else "dropped" if lefts else "added"
        reasons = ("same article number",) if lefts and rights else ()
        links.append(Link(lefts, rights, relation, origin="article-number", reasons=reasons))
    return links


def _unlinked(treaty: Treaty, mentioned: Iterable[str]) -> tuple[Provision, ...]:
    """Article-level units that no link mentions (directly, through a part, or a container)."""
    seen = set(mentioned)

    def touched(provision: Provision) -> bool:
        return any(p.id in seen for p in provision.walk())

    containers = [p for p in treaty.body.walk() if p.id in seen and p.kind not in _ARTICLE_LEVEL]
    inside = {q.id for c in containers for q in c.walk()}
    return tuple(p for p in article_level(treaty) if not touched(p) and p.id not in inside)


def _summary(rows: Sequence[ComparedLink], unlinked_left: int, unlinked_right: int) -> Summary:
    counts = {status: sum(1 for r in rows if r.status == status) for status in get_args(LinkStatus)}
    return Summary(
        added=counts["added"],
        dropped=counts["dropped"],
        changed=counts["changed"],
        unchanged=counts["unchanged"],
        unlinked_left=unlinked_left,
        unlinked_right=unlinked_right,
        parallel=counts["parallel"],
    )


def obligations_changed(comparison: Comparison) -> Comparison:
    """The comparison with only the links whose obligations changed (``diff --only obligations``).

    The summary counts the links kept; the provisions without a counterpart stay listed.
    """
    rows = tuple(row for row in comparison.rows if row.obligation is not None and row.obligation.changed)
    summary = _summary(rows, comparison.summary.unlinked_left, comparison.summary.unlinked_right)
    return replace(comparison, rows=rows, summary=summary)


def compare(
    left: Treaty,
    right: Treaty,
    clause_map: ClauseMap | None = None,
    *,
    aligner: Aligner = align_by_number,
    fill_gaps: GapFiller | None = None,
    differ: Differ = diff_texts,
    progress: Progress | None = None,
    obligations: bool = True,
) -> Comparison:
    """Compare two treaties (or two language versions) link by link.

    Args:
        left, right: the treaties, each with the body to compare.
        clause_map: curated links; without it, ``aligner`` makes the links.
        aligner: proposes links when there is no map (by article number by default).
        fill_gaps: with a map, proposes links for the provisions the map leaves unlinked.
        differ: the word-level differ (diff-match-patch by default; difflib for cross-checks).
        progress: called with (done, total) after each link, for progress bars.
        obligations: analyse each link's obligations (docs/obligations.md) for the reports.

    Raises:
        MappingError: when the map does not fit these treaties, or ``check`` finds an
            error in it (a ref that does not resolve, a duplicate or contradictory link).
    """
    if clause_map is not None:
        links = _map_links(clause_map, left, right)
        # A report never rests on a map that `check` rejects.
        sides = ((_map_key(clause_map, t), t.body) for t in (left, right))
        check_for_diff(clause_map, {key: body for key, body in sides if key is not None})
    # a large pair's obligations are analysed in a second process while this one aligns and diffs
    prefetched = prefetch.start(left.body, right.body) if obligations else None
    if clause_map is None:
        links = list(aligner(left, right))
    elif fill_gaps is not None:
        links += fill_gaps(left, right, tuple(links))
    rows: list[ComparedLink] = []
    for done, link in enumerate(links, start=1):
        rows.extend(_compare_link(link, left, right, clause_map, differ))
        if progress:
            progress(done, len(links))
    if obligations:
        known = (prefetched.known(left.lang), prefetched.known(right.lang)) if prefetched else None
        rows = [annotate_link(row, left.lang, right.lang, known) for row in rows]
    unlinked_left = _unlinked(left, (p.id for r in rows for p in r.left))
    unlinked_right = _unlinked(right, (p.id for r in rows for p in r.right))
    origins = {link.origin for link in links}
    alignment: Origin = (
        "curated" if clause_map is not None else "suggested" if "suggested" in origins else "article-number"
    )
    return Comparison(
        left=_side(left),
        right=_side(right),
        rows=tuple(rows),
        summary=_summary(rows, len(unlinked_left), len(unlinked_right)),
        alignment=alignment,
        clause_map=clause_map,
        unlinked_left=unlinked_left,
        unlinked_right=unlinked_right,
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        tool_version=__version__,
    )
