"""A comparison as GitHub-flavoured Markdown: one section per link, each side its own block.

Each side of a link is a bold line with its citations and captions, then its text
paragraph by paragraph, each with the number or letter it is printed with. Deleted
words are ``~~struck~~``, inserted words ``**bold**``. Every piece of treaty text, note
or title is escaped, so it can neither start Markdown constructs nor inject HTML; the
only HTML in the output is the ``<br>`` this module writes itself.
"""

from __future__ import annotations

import re

from treatydiff.model import ComparedLink, Comparison, Provision, Side
from treatydiff.render._common import (
    NO_RELATION_MEANING,
    RELATION_MEANINGS,
    Segment,
    Which,
    alignment_line,
    citations,
    file_name,
    passages,
    provision_caption,
    relation_counts,
    relation_label,
    row_facts,
    side_heading,
    side_key,
    summary_counts,
)

__all__ = ["escape_markdown", "render_markdown"]

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Characters that open or close inline Markdown (emphasis, code, links, tables).
_SPECIAL = re.compile(r"([\\`*_~\[\]|#!])")
_MARKS = {"delete": "~~", "insert": "**"}
_LIST_NUMBER = re.compile(r"(\d+)[.)]")  # "1." or "1)" would open an ordered list
_CODE_SAFE = re.compile(r"[A-Za-z0-9_.:@-]+")  # what a citation is made of; no escaping needed in a code span


def escape_markdown(text: str) -> str:
    """``text`` as one line of literal Markdown: entities for ``& < >``, backslashes for the rest."""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return "".join(_ENTITIES.get(char, char) for char in text)


def _cite(citation: str) -> str:
    """A citation as a code span, or as escaped text when it holds anything unexpected."""
    return f"`{citation}`" if _CODE_SAFE.fullmatch(citation) else escape_markdown(citation)


def render_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown document."""
    blocks = [
        _header(comparison),
        _summary(comparison),
        "## Links",
        *(_link(comparison, row, number) for number, row in enumerate(comparison.rows, start=1)),
        _unlinked(comparison),
        _provenance(comparison),
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _header(comparison: Comparison) -> str:
    left, right = comparison.left, comparison.right
    return "\n".join(
        [
            f"# {escape_markdown(left.meta.title(left.lang))} — "
            f"{escape_markdown(right.meta.title(right.lang))}",
            "",
            f"- **Left:** {escape_markdown(side_heading(left))}",
            f"- **Right:** {escape_markdown(side_heading(right))}",
            f"- **Alignment:** {escape_markdown(alignment_line(comparison))}",
            "- **Legend:** ~~struck through~~ = only in the left text; **bold** = only in the right text",
        ]
    )


def _summary(comparison: Comparison) -> str:
    counts = [("links", len(comparison.rows)), *summary_counts(comparison.summary)]
    return "\n".join(
        [
            "## Summary",
            "",
            "| " + " | ".join(label for label, _ in counts) + " |",
            "|" + "---:|" * len(counts),
            "| " + " | ".join(str(count) for _, count in counts) + " |",
            "",
            "**By relation:** "
            + (
                " · ".join(f"{escape_markdown(name)} {n}" for name, n in relation_counts(comparison))
                or "no links"
            ),
            *_index(comparison),
        ]
    )


def _index(comparison: Comparison) -> list[str]:
    """One table row per link: number, each side's ids with their labels, relation, status."""
    if not comparison.rows:
        return []
    keys = (escape_markdown(side_key(comparison, "left")), escape_markdown(side_key(comparison, "right")))
    lines = [
        "",
        f"| № | {keys[0]} | {keys[1]} | relation | status | similarity |",
        "|---:|---|---|---|---|---:|",
    ]
    for number, row in enumerate(comparison.rows, start=1):
        sides = [
            "; ".join(f"`{p.id}` {escape_markdown(p.label)}" for p in provisions) or "—"
            for provisions in (row.left, row.right)
        ]
        similarity = f"{row.diff.similarity:.0%}" if row.diff and row.left and row.right else "—"
        lines.append(
            f"| {number} | {sides[0]} | {sides[1]} | {escape_markdown(relation_label(row))} | {row.status} "
            f"| {similarity} |"
        )
    return lines


def _link(comparison: Comparison, row: ComparedLink, number: int) -> str:
    link = row.link
    name = relation_label(row)
    relation = escape_markdown(name)
    facts = [
        f"{name} ({RELATION_MEANINGS.get(name, NO_RELATION_MEANING)})",
        *row_facts(row)[1:],
    ]
    lines = [
        f"### {number}. {relation}: {_ids(comparison, row, 'left')} → {_ids(comparison, row, 'right')}",
        "",
        f"*{escape_markdown(' · '.join(facts))}*",
    ]
    if link.note:
        lines += ["", f"**Note:** {escape_markdown(link.note)}"]
    extras = []
    if link.evidence:
        extras.append("evidence: " + ", ".join(_cite(cite) for cite in link.evidence))
    if link.confidence:
        extras.append(f"confidence: {escape_markdown(link.confidence)}")
    if extras:
        lines += ["", "; ".join(extras)]
    sides: tuple[tuple[Which, str], ...] = (("left", "Left"), ("right", "Right"))
    for which, name in sides:
        lines += ["", f"**{name}:** {_column_head(comparison, row, which)}", *_column_text(row, which)]
    return "\n".join(lines)


def _ids(comparison: Comparison, row: ComparedLink, which: Which) -> str:
    cites = citations(comparison, row, which)
    return ", ".join(_cite(c) for c in cites) if cites else "—"


def _column_head(comparison: Comparison, row: ComparedLink, which: Which) -> str:
    provisions = row.left if which == "left" else row.right
    cites = citations(comparison, row, which)
    heads = [
        f"{_cite(c)} {escape_markdown(provision_caption(p))}" for c, p in zip(cites, provisions, strict=True)
    ]
    if not heads:
        side = comparison.left if which == "left" else comparison.right
        return f"— no corresponding provision in {_cite(side.meta.id)}"
    return "; ".join(heads)


def _column_text(row: ComparedLink, which: Which) -> list[str]:
    """The side's paragraphs, each a block of its own, introduced by a blank line."""
    lines: list[str] = []
    for passage in passages(row, which):
        runs = [_run(Segment("plain" if row.diff is None else op.op, op.text)) for op in passage.ops]
        marker = [escape_markdown(passage.marker)] if passage.marker else []
        lines += ["", _block_start(" ".join([*marker, *runs]))]
    return lines


def _block_start(line: str) -> str:
    """A paragraph that cannot open a list: "1." becomes "1\\.", a leading "-" or "+" is escaped."""
    numbered = _LIST_NUMBER.match(line)
    if numbered:
        return f"{numbered.group(1)}\\{line[numbered.end(1) :]}"
    return f"\\{line}" if line[:1] in ("-", "+") else line


def _run(run: Segment) -> str:
    mark = _MARKS.get(run.kind, "")
    return f"{mark}{escape_markdown(run.text)}{mark}"


def _unlinked(comparison: Comparison) -> str:
    blocks = []
    unlinked: tuple[tuple[Which, Side, tuple[Provision, ...]], ...] = (
        ("left", comparison.left, comparison.unlinked_left),
        ("right", comparison.right, comparison.unlinked_right),
    )
    for which, side, provisions in unlinked:
        if provisions:
            blocks.append(_unlinked_list(side, side_key(comparison, which), provisions))
    return "\n\n".join(["## Provisions without a counterpart", *blocks]) if blocks else ""


def _unlinked_list(side: Side, key: str, provisions: tuple[Provision, ...]) -> str:
    items = [
        f"- {_cite(f'{key}:{p.id}')} {escape_markdown(provision_caption(p))}: {escape_markdown(p.text)}"
        for p in provisions
    ]
    return "\n".join([f"### {escape_markdown(side_heading(side))}", "", *items])


def _provenance(comparison: Comparison) -> str:
    lines = ["## Provenance", ""]
    for label, side in (("Left", comparison.left), ("Right", comparison.right)):
        meta, source = side.meta, side.provenance
        facts = [
            ("source file", file_name(source.file)),
            ("SHA-256", source.sha256),
            ("ingested at", source.ingested_at),
            ("parser", source.parser),
            ("licence", meta.licence or "not recorded"),
            ("attribution", meta.attribution or "not recorded"),
        ]
        body = "; ".join(f"{term}: {escape_markdown(value)}" for term, value in facts)
        lines.append(f"- **{label}** ({escape_markdown(side_heading(side))}): {body}")
    clause_map = comparison.clause_map
    if clause_map is not None:
        authors = escape_markdown(", ".join(clause_map.authors)) or "unknown"
        lines.append(
            f"- **Clause map:** {escape_markdown(clause_map.path)} ({clause_map.status}), "
            f"by {authors}, {escape_markdown(clause_map.date or 'undated')}"
        )
    lines.append(
        f"- **Generated by** treatydiff {escape_markdown(comparison.tool_version or '?')}, "
        f"{escape_markdown(comparison.generated_at or 'undated')}"
    )
    return "\n".join(lines)
