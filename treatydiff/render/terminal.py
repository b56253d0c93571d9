"""A comparison in the terminal: a header, the summary, then one two-column table per link.

Deletions are red and struck through, insertions green and underlined. When the
console has no colour (``NO_COLOR``, a pipe, ``color_system=None``) they are also
wrapped in wdiff's marks, ``[-deleted-]`` and ``{+inserted+}``, which survive as
plain text. Paging is left to the caller. Every string from data passes through
:func:`~treatydiff.safe.visible` and reaches rich as ``Text``, never as markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from treatydiff.model import ComparedLink, Comparison, Provision
from treatydiff.render._common import (
    Piece,
    Segment,
    Which,
    alignment_line,
    citations,
    marked_passages,
    obligation_badge,
    obligation_counts,
    provision_caption,
    relation_counts,
    row_facts,
    side_heading,
    side_key,
    summary_counts,
)
from treatydiff.render._fast_table import FastTable
from treatydiff.safe import safe_text, visible

__all__ = ["render_terminal"]

_STYLES = {"equal": "", "plain": "", "delete": "red strike", "insert": "green underline"}
_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def render_terminal(comparison: Comparison, console: Console) -> None:
    """Print ``comparison`` to ``console``, wrapped at the console's width."""
    plain = console.no_color or console.color_system is None
    console.print(_header(comparison, plain))
    obligations = _obligations(comparison)
    if obligations is not None:
        console.print()
        console.print(obligations)
    for number, row in enumerate(comparison.rows, start=1):
        console.print()
        table = FastTable(_link_table(comparison, row, number, plain))
        # its lines are the console's width: the print need not crop them again
        console.print(table, crop=not table.fits(console.width))
    unlinked: tuple[tuple[Which, tuple[Provision, ...]], ...] = (
        ("left", comparison.unlinked_left),
        ("right", comparison.unlinked_right),
    )
    for which, provisions in unlinked:
        if provisions:
            console.print()
            console.print(_unlinked(side_key(comparison, which), provisions))
    console.print()
    console.print(_footer(comparison))


def _header(comparison: Comparison, plain: bool) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("left", safe_text(side_heading(comparison.left)))
    grid.add_row("right", safe_text(side_heading(comparison.right)))
    grid.add_row("alignment", safe_text(alignment_line(comparison)))
    grid.add_row("links", safe_text(_summary_line(comparison)))
    relations = " · ".join(f"{n} {name}" for name, n in relation_counts(comparison)) or "—"
    grid.add_row("relations", safe_text(relations))
    if any(row.diff is not None for row in comparison.rows):
        grid.add_row("legend", _legend(plain))
    return grid


def _obligations(comparison: Comparison) -> Text | None:
    """One line: how many links show each kind of obligation change, with their numbers."""
    if not any(row.obligation is not None for row in comparison.rows):
        return None
    line = Text("Obligations", style="bold")
    for index, (kind, numbers) in enumerate(obligation_counts(comparison)):
        line.append(" · " if index else "  ")
        line.append(f"{len(numbers)} {kind}")
        if kind != "unchanged":  # changes are listed by link number, the rest only counted
            line.append(f" ({', '.join(map(str, numbers))})", style="dim")
    line.append("  modal phrases in bold", style="dim")
    return line


def _summary_line(comparison: Comparison) -> str:
    counts = " · ".join(f"{count} {label}" for label, count in summary_counts(comparison.summary))
    return f"{len(comparison.rows)} — {counts}"


def _legend(plain: bool) -> Text:
    legend = Text()
    legend.append_text(_run(Segment("delete", "deleted"), plain))
    legend.append("  ")
    legend.append_text(_run(Segment("insert", "inserted"), plain))
    legend.append("  (words only in the left or only in the right text)", style="dim")
    return legend


def _link_table(comparison: Comparison, row: ComparedLink, number: int, plain: bool) -> Table:
    table = Table(
        title=_title(row, number),
        title_justify="left",
        caption=_caption(row),
        caption_justify="left",
        box=box.ROUNDED,
        expand=True,
        show_lines=False,
    )
    for which in ("left", "right"):
        table.add_column(_column_head(comparison, row, which), ratio=1, overflow="fold")
    table.add_row(_column_text(row, "left", plain), _column_text(row, "right", plain))
    return table


def _title(row: ComparedLink, number: int) -> Text:
    title = safe_text(f"{number} · " + " · ".join(row_facts(row)), "bold")
    badge = obligation_badge(row)
    if badge:
        title.append(visible(f"\nobligations {badge}", lines=True), style="bold magenta")
    return title


def _column_head(comparison: Comparison, row: ComparedLink, which: Which) -> Text:
    ids = citations(comparison, row, which)
    provisions = row.left if which == "left" else row.right
    head = Text()
    if not ids:
        side = comparison.left if which == "left" else comparison.right
        head.append(visible(f"{side.meta.id}: no provision"), style="dim italic")
    for cite, provision in zip(ids, provisions, strict=True):
        if head:
            head.append("\n")
        head.append(visible(cite), style="bold cyan")
        head.append(visible(f"  {provision_caption(provision)}"), style="dim")
    return head


def _column_text(row: ComparedLink, which: Which, plain: bool) -> Text:
    shown = marked_passages(row, which)
    if not shown:
        return Text("—", style="dim")
    text = Text()
    for index, (passage, runs) in enumerate(shown):  # one paragraph per line, with its own marker
        if index:
            text.append("\n")
        if passage.marker:
            text.append(passage.marker + " ", style="dim")
        for number, (op, parts) in enumerate(runs):
            text.append(" " if number else "")
            run = _run(Segment("plain" if row.diff is None else op.op, op.text), plain)
            _bold_modals(run, parts, len(_MARKS[op.op][0]) if plain and op.op in _MARKS else 0)
            text.append_text(run)
    return text


def _bold_modals(run: Text, parts: list[Piece], offset: int) -> None:
    """Modal phrases ("shall", "shall not") in bold, over the run's own style; offsets are
    counted in the text as shown, where control characters are spelled out (``visible``)."""
    for piece, modality in parts:
        length = len(visible(piece, lines=True))
        if modality:
            run.stylize("bold", offset, offset + length)
        offset += length


def _run(run: Segment, plain: bool) -> Text:
    """One run, styled, and marked with wdiff's brackets when there is no colour."""
    opening, closing = _MARKS.get(run.kind, ("", "")) if plain else ("", "")
    return Text(f"{opening}{visible(run.text, lines=True)}{closing}", style=_STYLES[run.kind])


def _caption(row: ComparedLink) -> Text | None:
    link = row.link
    caption = Text()
    if link.note:
        caption.append(visible(link.note, lines=True))
    extras = []
    if link.evidence:
        extras.append("evidence: " + ", ".join(link.evidence))
    if link.confidence:
        extras.append(f"confidence: {link.confidence}")
    if extras:
        caption.append(("\n" if caption else "") + visible("; ".join(extras)), style="dim")
    return caption or None


def _unlinked(key: str, provisions: tuple[Provision, ...]) -> Table:
    table = Table(
        title=safe_text(f"Not linked in {key} ({len(provisions)})", "bold"),
        title_justify="left",
        box=box.SIMPLE,
        show_header=False,
    )
    table.add_column(style="cyan", no_wrap=True)
    table.add_column()
    for provision in provisions:
        table.add_row(safe_text(f"{key}:{provision.id}"), safe_text(provision_caption(provision)))
    return table


def _footer(comparison: Comparison) -> Text:
    footer = Text(style="dim")
    for side in (comparison.left, comparison.right):
        meta = side.meta
        credit = "; ".join(part for part in (meta.licence, meta.attribution) if part)
        footer.append(visible(f"{meta.id}: {credit or 'licence not recorded'}") + "\n")
    stamp = f"treatydiff {comparison.tool_version or '?'}, {comparison.generated_at or 'undated'}"
    footer.append(visible(stamp))
    return footer
