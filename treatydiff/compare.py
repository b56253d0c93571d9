"""The comparison pipeline: two treaties plus an optional clause map become a ``Comparison``.

With a map, each curated link is expanded against the two bodies and diffed. Without
one, article-level units are paired by id (``art-5`` with ``art-5``), and the report
says so. Texts in different languages are shown in parallel, never word-diffed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from treatydiff import __version__
from treatydiff.diff import diff_texts
from treatydiff.errors import MappingError
from treatydiff.mapping import check_for_diff, expand_refs, split_key
from treatydiff.model import (
    ClauseMap,
    ComparedLink,
    Comparison,
    Link,
    LinkStatus,
    Provision,
    ProvisionDiff,
    Relation,
    Side,
    Summary,
    Treaty,
)

__all__ = ["Differ", "article_level", "compare"]

Differ = Callable[[str, str], ProvisionDiff]
Progress = Callable[[int, int], None]

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
    # Split and merged links compare the concatenation of their parts, in order.
    return "\n".join(p.text for p in provisions)


def _status(link: Link, diff: ProvisionDiff | None) -> LinkStatus:
    if not link.left:
        return "added"
    if not link.right:
        return "dropped"
    if diff is None:  # parallel language versions: the curated relation decides
        return "unchanged" if link.relation == "same" else "changed"
    return "unchanged" if diff.words_added == 0 and diff.words_removed == 0 else "changed"


def _compare_link(
    link: Link,
    left: Treaty,
    right: Treaty,
    clause_map: ClauseMap | None,
    differ: Differ,
    known: dict[tuple[str, str], ProvisionDiff],
) -> ComparedLink:
    file = clause_map.path if clause_map else None
    left_ids = expand_refs(link.left, left.body, treaty=left.meta.id, file=file, line=link.line)
    right_ids = expand_refs(link.right, right.body, treaty=right.meta.id, file=file, line=link.line)
    left_parts = tuple(left.body.index[i] for i in left_ids)
    right_parts = tuple(right.body.index[i] for i in right_ids)
    same_language = left.lang == right.lang
    diff = None
    if same_language:
        left_text, right_text = _joined(left_parts), _joined(right_parts)
        diff = known.get((left_text, right_text)) or differ(left_text, right_text)
    status = _status(link, diff)
    return ComparedLink(
        link=link,
        left=left_parts,
        right=right_parts,
        diff=diff,
        status=status,
    )


def _mirror(link: Link) -> Link:
    return Link(
        left=link.right,
        right=link.left,
        relation=_MIRROR.get(link.relation, link.relation),
        note=link.note,
        evidence=link.evidence,
        confidence=link.confidence,
        line=link.line,
        origin=link.origin,
        between=link.between[::-1] if link.between else None,
    )


def _map_key(clause_map: ClauseMap, treaty: Treaty) -> str | None:
    """The map's key for this treaty and language (``tota-420``, ``un-charter@ru``)."""
    for key in clause_map.treaties:
        treaty_id, lang = split_key(key)
        if treaty_id == treaty.meta.id and lang in (None, treaty.lang):
            return key
    return None


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


def _number_links(
    left: Treaty, right: Treaty, differ: Differ, known: dict[tuple[str, str], ProvisionDiff]
) -> list[Link]:
    """Pair article-level units by id; unmatched ones become added or dropped.

    The diffs computed to choose ``same`` or ``modified`` are kept in ``known``.
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
        if not lefts:
            relation: Relation = "added"
        elif not rights:
            relation = "dropped"
        else:
            texts = (left.body.index[lefts[0]].text, right.body.index[rights[0]].text)
            diff = known[texts] = differ(*texts)
            relation = "same" if diff.words_added == diff.words_removed == 0 else "modified"
        links.append(Link(left=lefts, right=rights, relation=relation, origin="article-number"))
    return links


def _unlinked(treaty: Treaty, mentioned: Iterable[str]) -> tuple[Provision, ...]:
    """Article-level units that no link mentions (directly, through a part, or a container)."""
    seen = set(mentioned)

    def touched(provision: Provision) -> bool:
        return any(p.id in seen for p in provision.walk())

    containers = [p for p in treaty.body.walk() if p.id in seen and p.kind not in _ARTICLE_LEVEL]
    inside = {q.id for c in containers for q in c.walk()}
    return tuple(p for p in article_level(treaty) if not touched(p) and p.id not in inside)


def compare(
    left: Treaty,
    right: Treaty,
    clause_map: ClauseMap | None = None,
    *,
    differ: Differ = diff_texts,
    progress: Progress | None = None,
) -> Comparison:
    """Compare two treaties (or two language versions) link by link.

    Args:
        left, right: the treaties, each with the body to compare.
        clause_map: curated links; without it, units are aligned by article number.
        differ: the word-level differ (diff-match-patch by default; difflib for cross-checks).
        progress: called with (done, total) after each link, for progress bars.

    Raises:
        MappingError: when the map does not fit these treaties, or ``check`` finds an
            error in it (a ref that does not resolve, a duplicate or contradictory link).
    """
    known: dict[tuple[str, str], ProvisionDiff] = {}  # diffs already computed, by texts
    if clause_map is not None:
        links = _map_links(clause_map, left, right)
        # A report never rests on a map that `check` rejects.
        sides = ((_map_key(clause_map, t), t.body) for t in (left, right))
        check_for_diff(clause_map, {key: body for key, body in sides if key is not None})
    else:
        links = _number_links(left, right, differ, known)
    rows = []
    for done, link in enumerate(links, start=1):
        rows.append(_compare_link(link, left, right, clause_map, differ, known))
        if progress:
            progress(done, len(links))
    counts = {
        status: sum(1 for r in rows if r.status == status)
        for status in ("added", "dropped", "changed", "unchanged")
    }
    unlinked_left = _unlinked(left, (p.id for r in rows for p in r.left))
    unlinked_right = _unlinked(right, (p.id for r in rows for p in r.right))
    return Comparison(
        left=_side(left),
        right=_side(right),
        rows=tuple(rows),
        summary=Summary(
            added=counts["added"],
            dropped=counts["dropped"],
            changed=counts["changed"],
            unchanged=counts["unchanged"],
            unlinked_left=len(unlinked_left),
            unlinked_right=len(unlinked_right),
        ),
        alignment="curated" if clause_map is not None else "article-number",
        clause_map=clause_map,
        unlinked_left=unlinked_left,
        unlinked_right=unlinked_right,
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        tool_version=__version__,
    )
