"""Automatic alignment: suggest the links between two treaties for a scholar to review.

``align(left, right)`` scores every pair of units (paragraphs where both articles have
them, else whole articles), assigns them globally with an order-aware dynamic
programme plus moves, splits and merges, and labels each link with a relation the
texts show (same, moved, split, merged, changed, added, dropped), a score and its
reasons. Across languages it relies on what survives translation. See docs/alignment.md.

Modules, lowest first: ``lexicon`` (bilingual stems as data), ``units``, ``features``,
``similarity``, ``score``, ``assign``, ``result``, ``suggest``, ``pipeline``, then
``evaluate``, ``draft`` and ``links`` (the aligner as ``compare`` takes it). The package
loads numpy only when an alignment is made, so that a diff through a complete map
does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from treatydiff.align.result import SUGGESTED_RELATIONS, Alignment, SuggestedRelation, Suggestion

if TYPE_CHECKING:
    from treatydiff.align.pipeline import align, align_bodies

__all__ = [
    "SUGGESTED_RELATIONS",
    "Alignment",
    "SuggestedRelation",
    "Suggestion",
    "align",
    "align_bodies",
]


def __getattr__(name: str) -> Any:
    if name in ("align", "align_bodies"):
        from treatydiff.align import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
