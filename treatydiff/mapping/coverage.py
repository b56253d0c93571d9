"""Measure how much of a treaty body a map's links cover, and walk up its provision tree."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from treatydiff.mapping.results import Coverage
from treatydiff.model import Body, Provision

__all__ = ["ancestors", "coverage", "parent_ids"]


def coverage(treaty: str, body: Body, mentioned: set[str]) -> Coverage:
    """Units no link mentions; a unit is covered when it or a provision containing it is named."""
    covered = {d.id for m in mentioned if m in body.index for d in body.index[m].walk()}
    parents = parent_ids(body)
    refined = {a for m in mentioned for a in ancestors(m, parents)}
    units = [unit for base in _base_units(body) for unit in _refine(base, refined)]
    missing = tuple(u.id for u in units if u.id not in covered)
    return Coverage(treaty, len(units), len(units) - len(missing), missing)


def parent_ids(body: Body) -> dict[str, str]:
    """The id of each provision's parent, by provision id (top-level provisions have none)."""
    return {child.id: p.id for p in body.walk() for child in p.children}


def ancestors(provision_id: str, parents: Mapping[str, str]) -> Iterator[str]:
    """The ids of the provisions containing ``provision_id``, innermost first."""
    while provision_id in parents:
        provision_id = parents[provision_id]
        yield provision_id


def _base_units(body: Body) -> list[Provision]:
    """The preamble and every article; a text without articles counts its top-level provisions."""
    units = [p for p in body.walk() if p.kind in ("preamble", "article")]
    return units if any(p.kind == "article" for p in units) else list(body.provisions)


def _refine(unit: Provision, refined: set[str]) -> list[Provision]:
    """A unit, or its children (recursively) when the map links something inside it."""
    if unit.id in refined and unit.children:
        return [part for child in unit.children for part in _refine(child, refined)]
    return [unit]
