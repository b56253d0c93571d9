"""What every renderer shows the same way: citations, captions, segments, vocabulary.

Pure functions over the model; no markup of any output format lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from treatydiff.model import (
    OBLIGATION_CHANGE_KINDS,
    ComparedLink,
    Comparison,
    ModalMark,
    Passage,
    Provision,
    Side,
    Summary,
    WordOp,
)

__all__ = [
    "NO_RELATION",
    "NO_RELATION_MEANING",
    "OBLIGATION_KINDS",
    "MarkedPassage",
    "Piece",
    "RELATION_MEANINGS",
    "Segment",
    "alignment_line",
    "citations",
    "display_text",
    "file_name",
    "marked_passages",
    "obligation_badge",
    "obligation_counts",
    "passages",
    "provision_caption",
    "relation_counts",
    "relation_label",
    "row_facts",
    "segments",
    "side_key",
    "side_heading",
    "summary_counts",
    "unlinked_text",
]

Which = Literal["left", "right"]

# The clause-map vocabulary, worded as in docs/schemas/clause-map-1.schema.json.
RELATION_MEANINGS: dict[str, str] = {
    "same": "identical wording",
    "reworded": "changed in form only",
    "modified": "changed in substance",
    "expanded": "the right text covers more",
    "narrowed": "the right text covers less",
    "split": "one provision became several",
    "merged": "several provisions became one",
    "moved": "renumbered or relocated",
    "added": "only in the right treaty",
    "dropped": "only in the left treaty",
    "parallel": "same function, independent wording",
    "contrasting": "same subject, different or opposite obligation",
    "changed": "wording differs (suggested, not yet classified)",
}
NO_RELATION = "no relation"
"""Shown for a link nobody judged: the tool paired the provisions (by article number, or
as an aligner's suggestion) and reports only what the texts show."""
NO_RELATION_MEANING = "paired by the tool, not judged"


@dataclass(frozen=True)
class Segment:
    """A run of one column's text: kept, inserted, deleted, or shown undiffed."""

    kind: Literal["equal", "insert", "delete", "plain"]
    text: str


def side_key(comparison: Comparison, which: Which) -> str:
    """The treaty part of a side's citations: its id, or ``id@lang`` when both sides are
    language versions of one treaty (so ``un-charter@en:art-1`` and ``un-charter@ru:art-1``
    are distinct anchors)."""
    side = comparison.left if which == "left" else comparison.right
    if comparison.left.meta.id == comparison.right.meta.id and comparison.left.lang != comparison.right.lang:
        return f"{side.meta.id}@{side.lang}"
    return side.meta.id


def citations(comparison: Comparison, row: ComparedLink, which: Which) -> list[str]:
    """The citations (``tota-420:art-1.2``) of one side of a link."""
    key = side_key(comparison, which)
    provisions = row.left if which == "left" else row.right
    return [f"{key}:{p.id}" for p in provisions]


def unlinked_text(provision: Provision) -> str:
    """An unlinked provision's text for reading, without the heading its caption shows."""
    return display_text(provision.body_text())


def provision_caption(provision: Provision) -> str:
    """The label, with the heading when there is one: "Article 3 — Customs duties"."""
    return f"{provision.label} — {provision.heading}" if provision.heading else provision.label


def display_text(text: str) -> str:
    """A provision's text for reading: lines trimmed, inner runs of spaces and blank lines removed."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def passages(row: ComparedLink, which: Which) -> tuple[Passage, ...]:
    """One column of a link, paragraph by paragraph, each with the marker printed before it:
    equal and deleted runs on the left, equal and inserted on the right, or the plain text
    of a link that was not diffed (texts in different languages)."""
    shown = row.left_passages if which == "left" else row.right_passages
    if shown:
        return shown
    provisions = row.left if which == "left" else row.right  # a link built without passages
    return tuple(Passage(None, (WordOp("equal", display_text(p.body_text())),)) for p in provisions)


def segments(row: ComparedLink, which: Which) -> list[Segment]:
    """One column's runs in reading order (``plain`` when not diffed), paragraphs flattened."""
    runs = [
        (WordOp("equal", passage.marker), *passage.ops) if passage.marker else passage.ops
        for passage in passages(row, which)
    ]
    return [Segment("plain" if row.diff is None else op.op, op.text) for ops in runs for op in ops]


def relation_label(row: ComparedLink) -> str:
    """The link's relation, or :data:`NO_RELATION` when nobody judged it."""
    return row.link.relation or NO_RELATION


def row_facts(row: ComparedLink) -> list[str]:
    """Short facts about a link: relation, status, similarity, word counts, who made it."""
    link = row.link
    facts: list[str] = [relation_label(row)]
    if row.status == "parallel":
        facts.append("shown in parallel: not diffed (different languages), not counted as a change")
    elif row.diff is None:
        facts.append("not diffed (different languages)")
    elif row.status != link.relation:
        facts.append(row.status)
    if row.diff is not None and row.left and row.right:
        facts.append(f"{row.diff.similarity:.0%} similar")
        if row.status == "changed":
            facts.append(f"+{row.diff.words_added} −{row.diff.words_removed} words")
    if link.origin == "article-number":
        facts.append("aligned by number")
    elif link.origin == "suggested":
        score = f", score {link.score:.2f}" if link.score is not None else ""
        reasons = f": {'; '.join(link.reasons)}" if link.reasons else ""
        facts.append(f"suggested by the aligner{score}{reasons}")
    return facts


def relation_counts(comparison: Comparison) -> list[tuple[str, int]]:
    """How many links carry each relation, in vocabulary order; unjudged links last."""
    found = [relation_label(row) for row in comparison.rows]
    order = [*RELATION_MEANINGS, NO_RELATION]
    return [(name, found.count(name)) for name in order if name in found]


def side_heading(side: Side) -> str:
    """A side as "Title (tota-420, en)"."""
    return f"{side.meta.title(side.lang)} ({side.meta.id}, {side.lang})"


def alignment_line(comparison: Comparison) -> str:
    """How the links were made: the curated map's title and status, or by article number."""
    clause_map = comparison.clause_map
    if comparison.alignment == "curated" and clause_map is not None:
        line = f"curated clause map “{clause_map.title}” ({clause_map.status}), {clause_map.path}"
        suggested = sum(1 for row in comparison.rows if row.link.origin == "suggested")
        if suggested:
            line += f"; {suggested} links the map leaves out suggested by an automatic aligner, not judged"
        return line
    if comparison.alignment == "suggested":
        return "suggested by an automatic aligner — no map given; the links are not judged"
    return "aligned by article number — no map given; the links are not judged"


def summary_counts(summary: Summary) -> list[tuple[str, int]]:
    """The summary as (label, count) pairs, in reading order."""
    return [
        ("changed", summary.changed),
        ("unchanged", summary.unchanged),
        ("added", summary.added),
        ("dropped", summary.dropped),
        *((("parallel", summary.parallel),) if summary.parallel else ()),
        ("unlinked left", summary.unlinked_left),
        ("unlinked right", summary.unlinked_right),
    ]


def file_name(path: str) -> str:
    """The last component of a POSIX or Windows path, so reports do not reveal local folders."""
    return re.split(r"[\\/]", path)[-1]


OBLIGATION_KINDS = OBLIGATION_CHANGE_KINDS  # docs/obligations.md, most important first

Piece = tuple[str, str | None]
"""A piece of a run's text and the modality of the modal phrase it is (None: ordinary words)."""


def _pieces(text: str, marks: list[ModalMark]) -> list[Piece]:
    pieces: list[Piece] = []
    at = 0
    for mark in sorted(marks, key=lambda m: m.start):
        if mark.start < at or mark.end > len(text):
            continue  # overlapping or out of range: never split text wrongly
        if mark.start > at:
            pieces.append((text[at : mark.start], None))
        pieces.append((text[mark.start : mark.end], mark.modality))
        at = mark.end
    if at < len(text) or not pieces:
        pieces.append((text[at:], None))
    return pieces


MarkedPassage = tuple[Passage, list[tuple[WordOp, list[Piece]]]]
"""A passage with each of its runs cut into pieces."""


def marked_passages(row: ComparedLink, which: Which) -> list[MarkedPassage]:
    """One column's passages, each run cut into pieces at its modal phrases (for highlighting)."""
    marks = row.left_marks if which == "left" else row.right_marks
    by_run: dict[tuple[int, int], list[ModalMark]] = {}
    for mark in marks:
        by_run.setdefault((mark.passage, mark.op), []).append(mark)
    return [
        (passage, [(op, _pieces(op.text, by_run.get((p, o), []))) for o, op in enumerate(passage.ops)])
        for p, passage in enumerate(passages(row, which))
    ]


def obligation_badge(row: ComparedLink) -> str | None:
    """The link's obligation change in one line, when its obligations changed."""
    note = row.obligation
    return note.summary if note is not None and note.changed else None


def obligation_counts(comparison: Comparison) -> list[tuple[str, list[int]]]:
    """Each kind of obligation change with the numbers (from 1) of the links that show it.

    A link with several changes ("weakened; condition added") counts under each. The
    reports link the numbers of every kind but ``unchanged`` (a count is enough there).
    """
    found: dict[str, list[int]] = {}
    for number, row in enumerate(comparison.rows, start=1):
        if row.obligation is not None:
            for kind in row.obligation.kinds:
                found.setdefault(kind, []).append(number)
    return [(kind, found[kind]) for kind in OBLIGATION_KINDS if kind in found]
