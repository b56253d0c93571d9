"""The obligation data the reports show, as model types: a note per link, marks per column.

compare.py calls this after diffing; the renderers read only the model (``ObligationNote``,
``ModalMark``) and never this package.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from treatydiff.model import ComparedLink, ModalMark, ObligationNote, Passage
from treatydiff.obligations.changes import ObligationChange, analyse_side, compare_obligations
from treatydiff.obligations.prefetch import Known
from treatydiff.obligations.types import ProvisionObligations
from treatydiff.obligations.vocab import LANGUAGES

__all__ = ["annotate_link", "modal_marks", "note_of"]


def note_of(change: ObligationChange) -> ObligationNote:
    """The report's view of an obligation change."""
    return ObligationNote(
        kinds=tuple(change.kinds),
        summary=change.summary,
        left_modality=change.left.modality if change.left else None,
        right_modality=change.right.modality if change.right else None,
    )


@functools.cache
def _phrase_pattern(modal: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in modal.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def modal_marks(shown: Sequence[Passage], results: Sequence[ProvisionObligations]) -> tuple[ModalMark, ...]:
    """Where each statement's modal phrase appears in a column as shown.

    Statements are looked up in reading order, each after the previous one found, so a
    repeated phrase is marked where its statement is; inherited statements (points sharing
    a chapeau) are marked once, in the chapeau.
    """
    pieces: list[tuple[int, int, int, int]] = []  # (stream start, passage, op, length)
    parts: list[str] = []
    at = 0
    for p_index, passage in enumerate(shown):
        if p_index:
            parts.append("\n")
            at += 1
        for o_index, op in enumerate(passage.ops):
            if o_index:
                parts.append(" ")
                at += 1
            pieces.append((at, p_index, o_index, len(op.text)))
            parts.append(op.text)
            at += len(op.text)
    stream = "".join(parts)
    starts = [piece[0] for piece in pieces]
    marks: list[ModalMark] = []
    cursor = 0
    for result in results:
        for statement in sorted(result.statements, key=lambda s: s.span):
            if statement.inherited_from is not None or not statement.modal.strip():
                continue
            match = _phrase_pattern(statement.modal).search(stream, cursor)
            if match is None:
                continue
            cursor = match.end()
            # the runs the match overlaps: from the last one starting at or before it
            first = max(0, bisect.bisect_right(starts, match.start()) - 1)
            for start, p_index, o_index, length in itertools.islice(pieces, first, None):
                if start >= match.end():
                    break
                lo, hi = max(match.start(), start), min(match.end(), start + length)
                if lo < hi:
                    marks.append(ModalMark(p_index, o_index, lo - start, hi - start, statement.modality))
    return tuple(marks)


def annotate_link(
    row: ComparedLink, left_lang: str, right_lang: str, known: tuple[Known, Known] | None = None
) -> ComparedLink:
    """The row with its obligation note and modal marks; unchanged when a language has no vocabulary.

    ``known``: each side's statements by text, found beforehand (:mod:`.prefetch`).
    """
    if left_lang not in LANGUAGES or right_lang not in LANGUAGES:
        return row
    left_known, right_known = known or (None, None)
    left, right = (
        analyse_side(row.left, left_lang, left_known),
        analyse_side(row.right, right_lang, right_known),
    )
    return replace(
        row,
        obligation=note_of(compare_obligations(left, right)),
        left_marks=modal_marks(row.left_passages, left),
        right_marks=modal_marks(row.right_passages, right),
    )
