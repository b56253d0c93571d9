"""A link's table drawn as rich draws it, at a fraction of the cost.

rich's ``Table`` measures every cell, then renders each through a padding that renders it
again, and the print crops every line once more: on a report of thousands of links, most
of the terminal report's time. :class:`FastTable` draws the same segments for the shape
the terminal report uses (a header, one row of two equal ratio columns, left-justified,
folded text) with each cell wrapped once; any other shape, or a width too narrow for the
columns' minimum, is left to rich. tests/test_render_terminal.py compares the two.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

__all__ = ["FastTable"]

_EDGES = 3  # the left and right edges and the divider between the two columns
_MINIMUM = 3  # rich's least column width: one cell and its padding of one on each side
_PAD = Segment(" ")  # a cell's padding on each side


class FastTable:
    """``table`` drawn with the segments rich would draw for it (see the module's docstring)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def fits(self, width: int) -> bool:
        """Whether the fast drawing applies at ``width`` (else rich draws the table)."""
        table = self.table
        if table.width is not None or table.box is None or len(table.columns) != 2 or len(table.rows) != 1:
            return False
        if not (table.show_header and table.show_edge and table.expand and table.pad_edge):
            return False
        if table.padding != (0, 1, 0, 1) or table.collapse_padding or table.row_styles or table.rows[0].style:
            return False
        if not isinstance(table.title, Text | None) or not isinstance(table.caption, Text | None):
            return False
        for column in table.columns:
            cell = column._cells[0]
            if not isinstance(cell, Text) or cell.justify or cell.overflow or cell.no_wrap is not None:
                return False
            if column.ratio != 1 or column.width is not None:
                return False
            if column.justify != "left" or column.overflow != "fold" or column.vertical != "top":
                return False
            if column.no_wrap or column.style or column.min_width or column.max_width:
                return False
        return width - _EDGES >= 2 * _MINIMUM

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        if not self.fits(options.max_width):
            yield table
            return
        total = options.max_width - _EDGES
        widths = [(total + 1) // 2, total // 2]  # rich's ratio_distribute of two ratio-1 columns
        render_options = options.update(width=total + _EDGES, highlight=table.highlight, height=None)
        if table.title:
            yield from console.render(table.title, render_options.update(justify=table.title_justify))
        yield from self._rows(console, render_options, widths)
        if table.caption:
            yield from console.render(table.caption, render_options.update(justify=table.caption_justify))

    def _rows(self, console: Console, options: ConsoleOptions, widths: list[int]) -> Iterator[Segment]:
        table = self.table
        assert table.box is not None
        box = table.box.substitute(
            options, safe=console.safe_box if table.safe_box is None else table.safe_box
        )
        border = console.get_style(table.style or "") + console.get_style(table.border_style or "")
        new_line = Segment.line()
        yield Segment(box.get_top(widths), border)
        yield new_line
        heads = [self._head(console, options, index, width) for index, width in enumerate(widths)]
        height = max(len(lines) for lines, _ in heads)
        shaped = [
            Segment.set_shape(Segment.align_bottom(lines, width, height, style), width, height)
            for (lines, style), width in zip(heads, widths, strict=True)
        ]
        yield from _joined(shaped, box.head_left, box.head_vertical, box.head_right, border)
        yield Segment(box.get_row(widths, "head", edge=True), border)
        yield new_line
        texts = [column._cells[0] for column in table.columns]
        cells = [
            self._cell(console, text, width)
            for text, width in zip(texts, widths, strict=True)
            if isinstance(text, Text)
        ]
        height = max(len(cell) for cell in cells)
        for cell, width in zip(cells, widths, strict=True):
            cell.extend([Segment(" " * width)] for _ in range(height - len(cell)))
        yield from _joined(cells, box.foot_left, box.foot_vertical, box.foot_right, border)
        yield Segment(box.get_bottom(widths), border)
        yield new_line

    def _head(
        self, console: Console, options: ConsoleOptions, index: int, width: int
    ) -> tuple[list[list[Segment]], Style]:
        """A column's head and its style, as rich's table renders it (it is short: rich's calls)."""
        table, column = self.table, self.table.columns[index]
        style = console.get_style(table.header_style or "") + console.get_style(column.header_style)
        cell_options = options.update(
            width=width, justify=column.justify, no_wrap=column.no_wrap, overflow=column.overflow,
            height=None, highlight=column.highlight,
        )  # fmt: skip
        padded = Padding(column.header, (0, 1, 0, 1))
        return console.render_lines(padded, cell_options, style=style + Style.null()), style

    def _cell(self, console: Console, text: Text, width: int) -> list[list[Segment]]:
        """The row's cell in ``width`` columns: the text wrapped once, rendered once, split into
        lines that wrapping has padded to the width; a space of padding on each side."""
        tab_size = console.tab_size if text.tab_size is None else text.tab_size
        wrapped = text.wrap(console, width - 2, justify="left", overflow="fold", tab_size=tab_size or 8)
        rendered = Text("\n").join(wrapped).render(console, end="\n")
        return [[_PAD, *line, _PAD] for line in Segment.split_lines(rendered)]


def _joined(
    cells: list[list[list[Segment]]], left: str, divider: str, right: str, border: Style
) -> Iterator[Segment]:
    """The lines of two cells side by side between the box's edges."""
    left_edge, middle, right_edge = Segment(left, border), Segment(divider, border), Segment(right, border)
    new_line = Segment.line()
    for first, second in zip(*cells, strict=True):
        yield left_edge
        yield from first
        yield middle
        yield from second
        yield right_edge
        yield new_line
