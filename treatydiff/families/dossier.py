"""Read the ``dossier`` of registry manifests: sourced facts, outline, relations, contradictions.

The core keys of a manifest (id, titles, signed …) are read by ``treatydiff.corpus``;
this module reads only the ``dossier`` key, validated against
``treatydiff/schemas/dossier-1.schema.json`` (docs/manifest-format.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from treatydiff.errors import MappingError
from treatydiff.families.model import (
    Confidence,
    Contradiction,
    Dossier,
    OutlineItem,
    TreatyRelation,
    Version,
)
from treatydiff.families.schema import schema_errors
from treatydiff.mapping.yaml_source import read_document

__all__ = ["load_dossier", "load_dossiers", "try_load_dossier"]

SCHEMA = "dossier-1"


def load_dossier(path: Path) -> Dossier | None:
    """The dossier of the manifest at ``path``, or None when it has none.

    Raises:
        MappingError: the first problem, located as ``file:line``.
    """
    dossier, errors = try_load_dossier(path)
    if errors:
        raise errors[0]
    return dossier


def try_load_dossier(path: Path) -> tuple[Dossier | None, list[MappingError]]:
    """The dossier (or None) and every schema problem found in it."""
    try:
        doc = read_document(path)
    except MappingError as exc:
        return None, [exc]
    data = doc.data
    if not isinstance(data, dict) or "dossier" not in data:
        return None, []
    errors = schema_errors(SCHEMA, data["dossier"], doc, path, ("dossier",))
    if errors:
        return None, errors
    return _build(str(data.get("id", path.stem)), data["dossier"], path), []


def load_dossiers(paths: Iterable[Path]) -> dict[str, Dossier]:
    """The dossiers of the manifests at ``paths`` that have one, by treaty id."""
    found: dict[str, Dossier] = {}
    for path in paths:
        dossier = load_dossier(path)
        if dossier is not None:
            found[dossier.treaty] = dossier
    return found


def _sources(value: Any) -> tuple[str, ...]:
    return tuple(str(s) for s in value)


def _version(item: dict[str, Any]) -> Version:
    return Version(
        value=item["value"],
        sources=_sources(item["sources"]),
        confidence=cast(Confidence, item["confidence"]),
        lang=item.get("lang"),
        note=item.get("note"),
    )


def _build(treaty: str, data: dict[str, Any], path: Path) -> Dossier:
    facts = {name: tuple(_version(v) for v in versions) for name, versions in data["facts"].items()}
    outline = tuple(
        OutlineItem(
            article=item["article"],
            paragraph=item["paragraph"],
            subject=item["subject"],
            topic=item["topic"],
            summary=item["summary"],
            sources=_sources(item["sources"]),
            confidence=item["confidence"],
            note=item.get("note"),
        )
        for item in data["outline"]
    )
    relations = tuple(
        TreatyRelation(
            kind=item["kind"],
            treaty=item["treaty"],
            summary=item["summary"],
            sources=_sources(item["sources"]),
            confidence=item["confidence"],
            note=item.get("note"),
        )
        for item in data["relations"]
    )
    contradictions = tuple(
        Contradiction(
            id=item["id"],
            treaty=treaty,
            field=item["field"],
            status=item["status"],
            summary=item["summary"],
            versions=tuple(
                Version(value=v["value"], sources=_sources(v["sources"]), confidence="medium")
                for v in item["versions"]
            ),
            note=" ".join(part for part in (item.get("note"), item.get("notes")) if part) or None,
        )
        for item in data["contradictions"]
    )
    return Dossier(
        treaty=treaty,
        path=str(path),
        facts=facts,
        outline=outline,
        relations=relations,
        contradictions=contradictions,
        open_questions=tuple(data.get("open_questions", ())),
    )
