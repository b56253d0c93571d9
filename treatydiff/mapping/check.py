"""Check loaded maps against the treaty texts: refs resolve, links do not clash, coverage is counted."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from treatydiff.errors import MappingError, TreatydiffError, printable
from treatydiff.mapping.build import evidence_citation, split_key
from treatydiff.mapping.coverage import ancestors, coverage, parent_ids
from treatydiff.mapping.load import load_with_lines
from treatydiff.mapping.refs import RANGE, UNRESOLVED, expand_refs, fresh_hints, lookup
from treatydiff.mapping.results import CheckResult, Problem
from treatydiff.mapping.wording import indefinite
from treatydiff.mapping.yaml_source import Document
from treatydiff.model import Body, Citation, ClauseMap, Link

__all__ = ["BodyProvider", "check_for_diff", "check_map", "check_maps"]

# Relations under which one provision may legitimately appear in several links.
ONE_TO_MANY: frozenset[str] = frozenset({"split", "merged"})

BodyProvider = Callable[[str, str | None], Body | None]
"""``(treaty id, language or None) -> Body``, or None when the text is not available."""


def check_map(clause_map: ClauseMap, bodies: Mapping[str, Body | None]) -> CheckResult:
    """Check a loaded map against the texts available in ``bodies`` (keyed by treaty id).

    Errors: unresolvable refs, duplicated links, a provision both dropped (or added)
    and linked elsewhere, evidence citing unknown provisions. Warnings: a provision in
    two links neither of which is split/merged; a provision linked together with a
    provision it contains. Treaties missing from ``bodies`` (or None) are listed as
    unchecked.
    """
    fresh_hints()
    path = clause_map.path
    available = {t: body for t in clause_map.treaties if (body := bodies.get(t)) is not None}
    problems: list[Problem] = []
    resolved = [_resolve(i, link, clause_map, available, problems) for i, link in enumerate(clause_map.links)]
    problems += _duplicates(resolved, path)
    problems += _overlaps(resolved, path)
    problems += _nesting(resolved, available, path)
    problems += _evidence(clause_map.links, bodies, path)
    coverages = tuple(
        coverage(treaty, body, _mentioned(resolved, treaty)) for treaty, body in available.items()
    )
    unchecked = tuple(t for t in clause_map.treaties if t not in available)
    ordered = sorted(problems, key=lambda p: (p.line or 0, p.severity))
    return CheckResult(path, tuple(ordered), coverages, unchecked, clause_map)


def check_maps(paths: Iterable[str | Path], body_provider: BodyProvider) -> list[CheckResult]:
    """Load and check each map; bodies are requested once per (treaty, language).

    A map that cannot be loaded gives a result holding its schema problems. An error
    raised by ``body_provider`` (an unknown treaty, an unreadable stored text) becomes
    an error of the map at the line naming that treaty, and checking goes on.
    """
    body = cache(body_provider)
    results: list[CheckResult] = []
    for path in paths:
        clause_map, errors, doc = load_with_lines(Path(path))
        if clause_map is None or doc is None:
            results.append(CheckResult(printable(str(path)), tuple(Problem.from_error(e) for e in errors)))
            continue
        bodies: dict[str, Body | None] = {}
        problems: list[Problem] = []
        failed: set[str] = set()
        for key, lang, line, what in _wanted(clause_map, doc):
            if key in bodies:
                continue
            try:
                bodies[key] = body(split_key(key)[0], lang)
            except TreatydiffError as exc:
                bodies[key] = None
                failed.add(key)
                problems.append(Problem(clause_map.path, line, "error", _unavailable(exc, what, clause_map)))
        result = check_map(clause_map, bodies)
        ordered = sorted((*result.problems, *problems), key=lambda p: (p.line or 0, p.severity))
        unchecked = tuple(t for t in result.unchecked if t not in failed)
        results.append(replace(result, problems=tuple(ordered), unchecked=unchecked))
    return results


def check_for_diff(clause_map: ClauseMap, bodies: Mapping[str, Body | None]) -> CheckResult:
    """Check a map before ``diff`` uses it: a report never rests on a map ``check`` rejects.

    Raises:
        MappingError: the map's first error (by line), with the number of errors in all.
    """
    result = check_map(clause_map, bodies)
    if result.errors:
        first = result.errors[0]
        more = f"; {len(result.errors) - 1} more" if len(result.errors) > 1 else ""
        raise MappingError(
            f"the map has errors: {first.message}{more}",
            file=clause_map.path,
            line=first.line,
            hint=f"run `treatydiff check {clause_map.path}` and fix them; diff uses only maps check accepts",
        )
    return result


def _wanted(clause_map: ClauseMap, doc: Document) -> Iterator[tuple[str, str | None, int | None, str]]:
    """Every treaty the map names: (key, language, line, how it is named), header first.

    The header names a treaty plainly (""); evidence as ``evidence 'TREATY:ID'``.
    """
    for i, key in enumerate(clause_map.treaties):
        yield key, clause_map.langs.get(key), doc.line(("treaties", i)), ""
    for i, link in enumerate(clause_map.links):
        for j, entry in enumerate(link.evidence):
            citation = _citation(entry)
            if citation is not None:
                yield citation.treaty, None, doc.line(("links", i, "evidence", j)), f"evidence {entry!r}"


def _unavailable(exc: TreatydiffError, what: str, clause_map: ClauseMap) -> str:
    """Why the text a map names cannot be had, worded as a problem of the map."""
    prefix = f"{what}: " if what else ""
    if exc.file and exc.file != clause_map.path:  # e.g. a corrupt stored body: name it
        return f"{prefix}{exc}"
    return f"{prefix}{exc.message} ({exc.hint})" if exc.hint else f"{prefix}{exc.message}"


@dataclass(frozen=True)
class _Side:
    """One side of a link: expanded ids when checked, else the raw refs."""

    treaty: str
    ids: tuple[str, ...]
    checked: bool


@dataclass(frozen=True)
class _Resolved:
    """A link with both sides resolved against the available texts."""

    index: int
    link: Link
    left: _Side
    right: _Side

    @property
    def line(self) -> int | None:
        return self.link.line

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.left.treaty, self.right.treaty))

    @property
    def key(self) -> tuple[str, str, frozenset[str], frozenset[str]]:
        """What makes two links duplicates: same treaties, same provisions on each side."""
        return self.left.treaty, self.right.treaty, frozenset(self.left.ids), frozenset(self.right.ids)


def _resolve(
    index: int, link: Link, clause_map: ClauseMap, bodies: Mapping[str, Body], problems: list[Problem]
) -> _Resolved:
    left_treaty, right_treaty = link.between or (clause_map.treaties[0], clause_map.treaties[1])

    def side(refs: tuple[str, ...], treaty: str) -> _Side:
        body = bodies.get(treaty)
        if body is None or not refs:
            return _Side(treaty, refs, checked=body is not None)
        try:
            return _Side(
                treaty, expand_refs(refs, body, treaty=treaty, file=clause_map.path, line=link.line), True
            )
        except MappingError as exc:
            problems.append(Problem.from_error(exc))
            return _Side(treaty, refs, checked=False)

    return _Resolved(index, link, side(link.left, left_treaty), side(link.right, right_treaty))


def _duplicates(resolved: list[_Resolved], path: str) -> Iterator[Problem]:
    first_line: dict[tuple[str, str, frozenset[str], frozenset[str]], int | None] = {}
    for item in resolved:
        if item.key in first_line:
            yield Problem(
                path,
                item.line,
                "error",
                f"duplicate link: lines {first_line[item.key]} and {item.line} join the same provisions "
                "(keep one and merge their notes and evidence)",
            )
        else:
            first_line[item.key] = item.line


def _overlaps(resolved: list[_Resolved], path: str) -> Iterator[Problem]:
    """Provisions named by two links: contradictions (errors) and plain reuse (warnings)."""
    uses: dict[tuple[frozenset[str], str, str], list[_Resolved]] = {}
    for item in resolved:
        for side in (item.left, item.right):
            for provision_id in side.ids:
                if RANGE not in provision_id and provision_id != UNRESOLVED:  # opaque until expanded
                    uses.setdefault((item.pair, side.treaty, provision_id), []).append(item)
    shared: dict[tuple[int, int, str], list[str]] = {}
    for (_, treaty, provision_id), items in uses.items():
        first = items[0]
        for later in items[1:]:
            # Duplicates are reported once, above; a same key also skips an id a link repeats.
            if later.key != first.key:
                shared.setdefault((first.index, later.index, treaty), []).append(provision_id)
    for (first_index, later_index, treaty), ids in shared.items():
        problem = _overlap(resolved[first_index], resolved[later_index], treaty, ids, path)
        if problem is not None:
            yield problem


def _overlap(first: _Resolved, later: _Resolved, treaty: str, ids: list[str], path: str) -> Problem | None:
    names = f"{treaty}:{', '.join(ids)}"
    verb = "is" if len(ids) == 1 else "are"
    one, other = first.link.relation, later.link.relation
    where = f"{one} on line {first.line} and {other} on line {later.line}"
    for one_sided in ("dropped", "added"):
        if one_sided in (one, other):
            return Problem(
                path,
                later.line,
                "error",
                f"{names} {verb} {where}: {indefinite(one_sided)} {one_sided} provision has no counterpart "
                "(remove one of the links)",
            )
    if ONE_TO_MANY & {one, other}:
        return None
    return Problem(
        path,
        later.line,
        "warning",
        f"{names} {verb} linked twice ({where}) (use split for one-to-many or merged for many-to-one, "
        "or combine the links)",
    )


def _nesting(resolved: list[_Resolved], bodies: Mapping[str, Body], path: str) -> Iterator[Problem]:
    """A provision linked on the same side of a pair as a provision that contains it."""
    mentions: dict[tuple[frozenset[str], str], dict[str, int | None]] = {}
    for item in resolved:
        for side in (item.left, item.right):
            if side.checked:
                ids = mentions.setdefault((item.pair, side.treaty), {})
                for provision_id in side.ids:
                    ids.setdefault(provision_id, item.line)
    parents = {treaty: parent_ids(body) for treaty, body in bodies.items()}
    found: dict[tuple[str, int | None, str, int | None], list[str]] = {}
    for (_, treaty), ids in mentions.items():
        for provision_id, line in ids.items():
            outer = next((a for a in ancestors(provision_id, parents[treaty]) if a in ids), None)
            if outer is not None:
                found.setdefault((treaty, line, outer, ids[outer]), []).append(provision_id)
    for (treaty, line, outer, outer_line), inner in found.items():
        yield Problem(
            path,
            line,
            "warning",
            f"{treaty}:{', '.join(inner)} {'lies' if len(inner) == 1 else 'lie'} inside {outer}, "
            f"which is linked on line {outer_line} (link either the whole provision or its parts)",
        )


def _citation(entry: str) -> Citation | None:
    """The citation an evidence entry is written as, if it is one."""
    try:
        return evidence_citation(entry)
    except TreatydiffError:
        return None  # load_map rejects these; a hand-built map is not our concern


def _citations(links: Iterable[Link]) -> Iterator[tuple[Link, str, Citation]]:
    """Evidence entries written as citations, with their link."""
    for link in links:
        for entry in link.evidence:
            citation = _citation(entry)
            if citation is not None:
                yield link, entry, citation


def _evidence(links: Iterable[Link], bodies: Mapping[str, Body | None], path: str) -> Iterator[Problem]:
    """Evidence citing a provision that does not exist in an available text."""
    for link, entry, citation in _citations(links):
        body = bodies.get(citation.treaty)
        if body is None or citation.provision is None:
            continue
        try:
            lookup(citation.provision, body, citation.treaty, path, link.line)
        except MappingError as exc:
            yield Problem(path, link.line, "error", f"evidence {entry!r}: {exc.message} ({exc.hint})")


def _mentioned(resolved: list[_Resolved], treaty: str) -> set[str]:
    """Ids of ``treaty`` named (after expansion) by any link."""
    return {
        provision_id
        for item in resolved
        for side in (item.left, item.right)
        if side.treaty == treaty and side.checked
        for provision_id in side.ids
    }
