"""The aligner end to end: units, scores, assignment, suggestions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from treatydiff.align.assign import assign
from treatydiff.align.result import Alignment
from treatydiff.align.score import score
from treatydiff.align.suggest import suggestions
from treatydiff.align.units import renumber, units
from treatydiff.model import Body, Treaty

__all__ = ["align", "align_bodies"]


def align_bodies(
    left: Body,
    right: Body,
    *,
    left_id: str = "left",
    right_id: str = "right",
    paragraphs: bool = True,
    skip: Callable[[str, Literal["left", "right"]], bool] | None = None,
) -> Alignment:
    """Suggest links between two parsed texts.

    Args:
        left, right: the two bodies (same or different languages).
        left_id, right_id: the treaty ids the alignment names.
        paragraphs: link paragraphs where both articles have them (False: whole articles).
        skip: units to leave out (already linked by a curated map), by id and side.
    """
    units_l, units_r = units(left, paragraphs=paragraphs), units(right, paragraphs=paragraphs)
    if skip:
        units_l = renumber([u for u in units_l if not skip(u.id, "left")])
        units_r = renumber([u for u in units_r if not skip(u.id, "right")])
    scores = score(units_l, units_r, left.lang, right.lang)
    groups, left_over, right_over = assign(scores)
    found = suggestions(groups, left_over, right_over, scores, units_l, units_r)
    return Alignment(left_id, right_id, left.lang, right.lang, tuple(found))


def align(left: Treaty, right: Treaty, *, paragraphs: bool = True) -> Alignment:
    """Suggest links between two treaties (or two language versions of one treaty)."""
    return align_bodies(
        left.body, right.body, left_id=left.meta.id, right_id=right.meta.id, paragraphs=paragraphs
    )
