"""The HTML annex: one self-contained, escaped, printable file per comparison.

The page has no scripts and loads nothing: styles are inline and fonts are the
reader's own. Every provision cell carries its citation as ``id``, so a paper can
cite ``annex.html#tota-420:art-1.2``. All text is escaped: by Jinja's autoescape, and the
passages, built here, by the same function (``markupsafe.escape``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from treatydiff.model import ClauseMap, ComparedLink, Comparison, Provision, Side
from treatydiff.render._common import (
    NO_RELATION,
    NO_RELATION_MEANING,
    RELATION_MEANINGS,
    MarkedPassage,
    Which,
    alignment_line,
    citations,
    file_name,
    marked_passages,
    obligation_badge,
    obligation_counts,
    provision_caption,
    relation_counts,
    relation_label,
    row_facts,
    side_key,
    summary_counts,
    unlinked_text,
)
from treatydiff.render._templates import ENV

__all__ = ["render_html"]


@dataclass(frozen=True)
class _Anchor:
    citation: str
    caption: str
    id: str | None
    """The citation as element id, or None when an earlier element already carries it."""


@dataclass(frozen=True)
class _Cell:
    side: Side
    anchors: list[_Anchor]
    text: Markup
    """The cell's passages as HTML, every piece of text escaped (:func:`_passages_html`)."""


@dataclass(frozen=True)
class _Row:
    number: int
    relation: str
    facts: list[str]
    note: str | None
    evidence: tuple[str, ...]
    confidence: str | None
    status: str
    similarity: str
    words: str
    left: _Cell
    right: _Cell
    obligation: str | None = None
    """The obligation change in one line, when the link's obligations changed."""
    obligation_kind: str | None = None


@dataclass(frozen=True)
class _Unlinked:
    anchor: _Anchor
    text: str


@dataclass
class _Anchors:
    """Hands out each citation as an element id once, so ids stay unique."""

    used: dict[str, None] = field(default_factory=dict)
    """The citations handed out, in document order."""

    def claim(self, citation: str, caption: str) -> _Anchor:
        fresh = citation not in self.used
        self.used[citation] = None
        return _Anchor(citation, caption, citation if fresh else None)


def render_html(comparison: Comparison) -> str:
    """The comparison as a standalone HTML document (a string; the caller writes it)."""
    anchors = _Anchors()
    rows = [_row(comparison, row, number, anchors) for number, row in enumerate(comparison.rows, start=1)]
    unlinked = [
        (comparison.left, _unlinked(side_key(comparison, "left"), comparison.unlinked_left, anchors)),
        (comparison.right, _unlinked(side_key(comparison, "right"), comparison.unlinked_right, anchors)),
    ]
    return ENV.get_template("annex.html.j2").render(
        c=comparison,
        rows=rows,
        unlinked=[(side, items) for side, items in unlinked if items],
        alignment=alignment_line(comparison),
        counts=summary_counts(comparison.summary),
        relations={**RELATION_MEANINGS, NO_RELATION: NO_RELATION_MEANING},
        relation_counts=relation_counts(comparison),
        obligation_counts=obligation_counts(comparison),
        analysed=any(row.obligation is not None for row in comparison.rows),
        relations_used={row.relation for row in rows},
        anchored=anchors.used,
        example=next(iter(anchors.used), None),
        keys=(side_key(comparison, "left"), side_key(comparison, "right")),
        page_head=f"{side_key(comparison, 'left')} — {side_key(comparison, 'right')}",
        sides=[("Left", comparison.left), ("Right", comparison.right)],
        side_facts=_side_facts,
        map_facts=_map_facts,
    )


def _row(comparison: Comparison, row: ComparedLink, number: int, anchors: _Anchors) -> _Row:
    link = row.link
    return _Row(
        number=number,
        relation=relation_label(row),
        facts=row_facts(row)[1:],
        note=link.note,
        evidence=link.evidence,
        confidence=link.confidence,
        status=row.status,
        similarity=f"{row.diff.similarity:.0%}" if row.diff and row.left and row.right else "—",
        words=f"+{row.diff.words_added} −{row.diff.words_removed}" if row.diff else "—",
        left=_cell(comparison, row, "left", anchors),
        right=_cell(comparison, row, "right", anchors),
        obligation=obligation_badge(row),
        obligation_kind=row.obligation.kind if row.obligation else None,
    )


def _cell(comparison: Comparison, row: ComparedLink, which: Which, anchors: _Anchors) -> _Cell:
    provisions = row.left if which == "left" else row.right
    cites = citations(comparison, row, which)
    return _Cell(
        side=comparison.left if which == "left" else comparison.right,
        anchors=[anchors.claim(c, provision_caption(p)) for c, p in zip(cites, provisions, strict=True)],
        text=_passages_html(marked_passages(row, which), plain=row.diff is None),
    )


_OPEN = {"delete": "<del>", "insert": "<ins>"}
_CLOSE = {"delete": "</del>", "insert": "</ins>"}


def _passages_html(passages: list[MarkedPassage], *, plain: bool) -> Markup:
    """One ``<p>`` per passage: its marker, then its runs, deleted ones in ``<del>``, inserted
    ones in ``<ins>``, modal phrases in ``<mark>``.

    Built here rather than in the template, which an annex of thousands of links spends most
    of its rendering in; every piece of text goes through ``markupsafe.escape``, as with Jinja's autoescape.
    """
    opening = '<p class="text plain">' if plain else '<p class="text">'
    out: list[str] = []
    for passage, runs in passages:
        out.append(opening)
        if passage.marker:
            out += ('<span class="marker">', escape(passage.marker), "</span> ")
        for number, (op, parts) in enumerate(runs):
            if number:
                out.append(" ")
            out.append(_OPEN.get(op.op, ""))
            for text, modality in parts:
                if modality:
                    kind = escape(modality)
                    out += ('<mark class="modal m-', kind, '" title="', kind, '">', escape(text), "</mark>")
                else:
                    out.append(escape(text))
            out.append(_CLOSE.get(op.op, ""))
        out.append("</p>\n")
    return Markup("".join(out))


def _unlinked(key: str, provisions: tuple[Provision, ...], anchors: _Anchors) -> list[_Unlinked]:
    return [
        _Unlinked(anchors.claim(f"{key}:{p.id}", provision_caption(p)), unlinked_text(p)) for p in provisions
    ]


def _side_facts(side: Side) -> list[tuple[str, str]]:
    """Provenance of one side as (term, value) pairs; empty values are left out."""
    meta, source = side.meta, side.provenance
    signed = ", ".join(part for part in (meta.signed_date, meta.signed_place) if part)
    facts = [
        ("Treaty", meta.title(side.lang)),
        ("Id", meta.id),
        ("Language", side.lang),
        ("Parties", ", ".join(meta.parties)),
        ("Signed", signed),
        ("In force", meta.in_force_date or ""),
        ("Source file", file_name(source.file)),
        ("SHA-256", source.sha256),
        ("Ingested at", source.ingested_at),
        ("Parser", source.parser),
        ("Licence", meta.licence or "not recorded"),
        ("Attribution", meta.attribution or "not recorded"),
    ]
    for published in meta.sources:
        details = ", ".join(part for part in (published.url, published.date, published.note) if part)
        facts.append(
            ("Published by", f"{published.publisher} ({details})" if details else published.publisher)
        )
    facts.extend(("Ingest warning", warning) for warning in source.warnings)
    return [(term, value) for term, value in facts if value]


def _map_facts(clause_map: ClauseMap) -> list[tuple[str, str]]:
    """The clause map's provenance as (term, value) pairs."""
    facts = [
        ("Title", clause_map.title),
        ("File", clause_map.path),
        ("Status", clause_map.status),
        ("Authors", ", ".join(clause_map.authors)),
        ("Date", clause_map.date or ""),
        ("Sources", "; ".join(clause_map.sources)),
        ("Links", str(len(clause_map.links))),
    ]
    return [(term, value) for term, value in facts if value]
