"""What an alignment produces: suggested links with their scores and reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = ["SUGGESTED_RELATIONS", "Alignment", "SuggestedRelation", "Suggestion"]

SuggestedRelation = Literal["same", "moved", "split", "merged", "changed", "added", "dropped"]
SUGGESTED_RELATIONS: tuple[str, ...] = get_args(SuggestedRelation)
"""Only what the texts show; reworded, modified, expanded, narrowed, parallel and
contrasting are a reviewer's judgement."""


@dataclass(frozen=True)
class Suggestion:
    """One proposed link between provisions of the two treaties."""

    left: tuple[str, ...]
    """Left provision ids in document order (empty for ``added``)."""
    right: tuple[str, ...]
    relation: SuggestedRelation
    score: float
    """0..1: the pair score that chose the link (for added/dropped: 1 − best rival score)."""
    similarity: float | None
    """Word-level similarity 0..1 of the two texts (same language only)."""
    reasons: tuple[str, ...]
    """Why, in a few short phrases: text score, shared rare terms, numbers, position."""


@dataclass(frozen=True)
class Alignment:
    """The suggested links between two treaties (or two language versions of one)."""

    left: str
    right: str
    left_lang: str
    right_lang: str
    suggestions: tuple[Suggestion, ...]

    @property
    def cross_language(self) -> bool:
        return self.left_lang != self.right_lang
