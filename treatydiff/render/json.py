"""A comparison as JSON, versioned by its ``schema`` key.

The shape is described by ``docs/schemas/comparison-2.schema.json``; a change that
breaks readers bumps the version in :data:`SCHEMA`.
"""

from __future__ import annotations

import json
from typing import Any

from treatydiff.model import ClauseMap, ComparedLink, Comparison, Passage, Provision, ProvisionDiff, Side
from treatydiff.render._common import passages, relation_counts, side_key

__all__ = ["SCHEMA", "comparison_data", "render_json"]

SCHEMA = "treatydiff.comparison/2"


def render_json(comparison: Comparison) -> str:
    """The comparison as indented JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(comparison_data(comparison), ensure_ascii=False, indent=2) + "\n"


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    left, right = comparison.left, comparison.right
    return {
        "schema": SCHEMA,
        "tool_version": comparison.tool_version,
        "generated_at": comparison.generated_at,
        "alignment": comparison.alignment,
        "left": _side(left),
        "right": _side(right),
        "clause_map": _clause_map(comparison.clause_map) if comparison.clause_map else None,
        "summary": {
            "links": len(comparison.rows),
            "added": comparison.summary.added,
            "dropped": comparison.summary.dropped,
            "changed": comparison.summary.changed,
            "unchanged": comparison.summary.unchanged,
            "unlinked_left": comparison.summary.unlinked_left,
            "unlinked_right": comparison.summary.unlinked_right,
            "parallel": comparison.summary.parallel,
            "relations": dict(relation_counts(comparison)),
        },
        "links": [_link(comparison, row) for row in comparison.rows],
        "unlinked": {
            "left": [_provision(side_key(comparison, "left"), p) for p in comparison.unlinked_left],
            "right": [_provision(side_key(comparison, "right"), p) for p in comparison.unlinked_right],
        },
    }


def _side(side: Side) -> dict[str, Any]:
    meta, source = side.meta, side.provenance
    return {
        "id": meta.id,
        "title": meta.title(side.lang),
        "lang": side.lang,
        "parties": list(meta.parties),
        "signed_date": meta.signed_date,
        "signed_place": meta.signed_place,
        "in_force_date": meta.in_force_date,
        "licence": meta.licence,
        "attribution": meta.attribution,
        "sources": [
            {"publisher": s.publisher, "url": s.url, "date": s.date, "note": s.note} for s in meta.sources
        ],
        "provenance": source.to_dict(),
    }


def _clause_map(clause_map: ClauseMap) -> dict[str, Any]:
    return {
        "path": clause_map.path,
        "title": clause_map.title,
        "treaties": list(clause_map.treaties),
        "authors": list(clause_map.authors),
        "date": clause_map.date,
        "status": clause_map.status,
        "sources": list(clause_map.sources),
    }


def _link(comparison: Comparison, row: ComparedLink) -> dict[str, Any]:
    link = row.link
    return {
        "relation": link.relation,
        "status": row.status,
        "origin": link.origin,
        "score": link.score,
        "reasons": list(link.reasons),
        "note": link.note,
        "evidence": list(link.evidence),
        "confidence": link.confidence,
        "map_line": link.line,
        "left": [_provision(side_key(comparison, "left"), p) for p in row.left],
        "right": [_provision(side_key(comparison, "right"), p) for p in row.right],
        "shown": {
            "left": [_passage(p) for p in passages(row, "left")],
            "right": [_passage(p) for p in passages(row, "right")],
        },
        "diff": _diff(row.diff) if row.diff is not None else None,
    }


def _passage(passage: Passage) -> dict[str, Any]:
    return {"marker": passage.marker, "ops": [{"op": op.op, "text": op.text} for op in passage.ops]}


def _provision(key: str, provision: Provision) -> dict[str, Any]:
    """One provision, without its children (they are cited on their own when linked).

    ``key`` is the side's citation prefix: the treaty id, or ``id@lang`` for language versions.
    """
    return {
        "citation": f"{key}:{provision.id}",
        "id": provision.id,
        "kind": provision.kind,
        "label": provision.label,
        "number": provision.number,
        "heading": provision.heading,
        "span": [provision.span.start, provision.span.end],
        "text": provision.text,
    }


def _diff(diff: ProvisionDiff) -> dict[str, Any]:
    return {
        "similarity": diff.similarity,
        "words_added": diff.words_added,
        "words_removed": diff.words_removed,
        "ops": [{"op": op.op, "text": op.text} for op in diff.ops],
    }
