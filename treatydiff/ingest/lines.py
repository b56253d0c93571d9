"""Lines and spans of a source text: every offset is absolute, so spans stay exact."""

from __future__ import annotations

from treatydiff.model import Span

__all__ = ["Line", "last_lines", "normalize_newlines", "split_blocks", "split_lines", "trimmed_span"]


class Line:
    """One line of the source: ``[start, end)`` without its newline, and its text.

    What the parsers ask of every line is worked out once, when it is made: its
    ``stripped`` text and the offsets of its content.
    """

    # content_start: the first non-whitespace character (``end`` for a blank line);
    # content_end: just after the last one (``start`` for a blank line).
    # marker: what a parser read at the line's start, kept by it (the paragraph splitter asks
    # for a block's first line three times); ``None`` until it is read.
    __slots__ = ("blank", "content_end", "content_start", "end", "marker", "start", "stripped", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.marker: object = None
        self.stripped = stripped = text.strip()
        self.blank = not stripped
        if stripped:
            # Everything before the first character of ``stripped`` is whitespace.
            self.content_start = start + text.find(stripped[0])
            self.content_end = self.content_start + len(stripped)
        else:
            self.content_start = end
            self.content_end = start

    def __repr__(self) -> str:
        return f"Line({self.start}, {self.end}, {self.text!r})"


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` with absolute offsets (``\\n`` separated)."""
    stop = len(text) if end is None else end
    lines = []
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        if nl == -1:
            nl = stop
        lines.append(Line(pos, nl, text[pos:nl]))
        pos = nl + 1
    return lines


def last_lines(text: str, start: int, end: int, count: int) -> list[Line]:
    """The last ``count`` non-blank lines of ``text[start:end]`` (fewer if it has fewer), in
    order, as :func:`split_lines` cuts them: read from the end, without cutting the rest."""
    found: list[Line] = []
    stop = end
    while len(found) < count and stop >= start:
        nl = text.rfind("\n", start, stop)
        line_start = start if nl == -1 else nl + 1
        line = text[line_start:stop]
        if line and not line.isspace():
            found.append(Line(line_start, stop, line))
        stop = nl if nl != -1 else start - 1
    found.reverse()
    return found


def split_blocks(text: str, start: int = 0, end: int | None = None) -> list[list[Line]]:
    """The runs of non-blank lines of ``text[start:end]``, as :func:`split_lines` cuts them.

    Blank lines (empty or whitespace only) separate the runs and are not returned.
    """
    blocks: list[list[Line]] = []
    current: list[Line] = []
    pos = start
    for piece in text[start:end].split("\n"):
        if piece and not piece.isspace():
            current.append(Line(pos, pos + len(piece), piece))
        elif current:
            blocks.append(current)
            current = []
        pos += len(piece) + 1
    if current:
        blocks.append(current)
    return blocks


def trimmed_span(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or ``None`` if only whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None
