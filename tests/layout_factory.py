"""Lay out a plain text as a PDF the way printed treaties look. # synthetic layout

Used by the PDF tests and the benchmark: the texts come from the reference corpus at
run time and the files go to temporary folders only. Every line of the text becomes a
paragraph, wrapped and hyphenated to the column; a blank line stays a blank line. Each
page gets a running header and a page number; ``footnotes`` adds superscript markers
and small-print notes at the foot of the page (written here, synthetic).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
SIZE = 11.0
LEADING = 14.0
PARA_SPACE = 4.0
INDENT = 12.0  # first-line indent of a paragraph
PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 72.0
HEADER = "Layout test print"  # synthetic running header


def font_available() -> bool:
    return FONT.is_file()


def _register() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return "DejaVu"


def _width(text: str, size: float = SIZE) -> float:
    from reportlab.pdfbase import pdfmetrics

    return float(pdfmetrics.stringWidth(text, "DejaVu", size))


def wrap(line: str, width: float, *, indent: float = 0.0, hyphenate: bool = True) -> list[str]:
    """Break ``line`` into lines at most ``width`` wide (the first ``indent`` less), hyphenating."""
    out: list[str] = []
    current = ""
    for word in line.split():
        limit = width - (0.0 if out else indent)
        candidate = f"{current} {word}" if current else word
        if _width(candidate) <= limit:
            current = candidate
            continue
        room = limit - _width(f"{current} " if current else "")
        head = _hyphen_head(word, room) if hyphenate else None
        if head is not None:
            out.append(f"{current} {head}" if current else head)
            word = word[len(head) - 1 :]
        elif current:
            out.append(current)
        current = word
    if current:
        out.append(current)
    return out


def _hyphen_head(word: str, room: float) -> str | None:
    """The longest head of ``word`` (with a hyphen) that fits in ``room``.

    Words are broken between letters, leaving at least three letters on each side;
    a word that holds a hyphen of its own is not broken (where its own hyphen ends a
    line, no reader can tell it from a syllable break).
    """
    if len(word) < 7 or not word[:-1].isalpha():
        return None
    for cut in range(len(word) - 3, 2, -1):
        if _width(word[:cut] + "-") <= room:
            return word[:cut] + "-"
    return None


def _flow(text: str, width: float, *, hyphenate: bool) -> list[tuple[str, float, float]]:
    """Typeset lines: (text, extra space before it, indent). A blank line is extra space."""
    out: list[tuple[str, float, float]] = []
    gap = 0.0
    for source in text.split("\n"):
        if not source.strip():
            gap += LEADING
            continue
        for index, piece in enumerate(wrap(source, width, indent=INDENT, hyphenate=hyphenate)):
            first = index == 0
            out.append(
                (piece, (gap + PARA_SPACE if out else 0.0) if first else 0.0, INDENT if first else 0.0)
            )
        gap = 0.0
    return out


def text_to_pdf(
    path: Path,
    texts: Sequence[str],
    *,
    hyphenate: bool = True,
    header: str = HEADER,
    footnotes: bool = False,
    flowing_columns: bool = False,
) -> int:
    """Write ``texts`` to ``path``: one text in one column, two texts side by side in two
    columns (bilingual, each flowing on its own), or with ``flowing_columns`` one text in
    two columns read left then right. Returns the number of pages."""
    from reportlab.pdfgen.canvas import Canvas

    font = _register()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    body_w = PAGE_W - 2 * MARGIN
    two = len(texts) == 2 or flowing_columns
    col_w = (body_w - 24) / 2 if two else body_w
    xs = (MARGIN, MARGIN + col_w + 24) if two else (MARGIN,)
    streams = [_flow(t, col_w, hyphenate=hyphenate) for t in texts]
    top, bottom = PAGE_H - MARGIN, MARGIN + 30
    page = 0
    positions = [0] * len(streams)
    note = 0
    while any(pos < len(stream) for pos, stream in zip(positions, streams, strict=True)):
        page += 1
        canvas.setFont(font, 9)
        if page > 1:
            canvas.drawString(MARGIN, PAGE_H - 40, header)
        canvas.drawCentredString(PAGE_W / 2, 36, f"– {page} –")
        columns = range(2) if flowing_columns else range(len(streams))
        for column in columns:
            stream_no = 0 if flowing_columns else column
            stream = streams[stream_no]
            y = top
            first = True
            notes: list[str] = []
            while positions[stream_no] < len(stream):
                line, gap, indent = stream[positions[stream_no]]
                step = 0.0 if first else LEADING + gap
                if first and gap > PARA_SPACE:
                    step = gap - PARA_SPACE  # a blank line at the head of a page keeps its space
                if y - step < bottom + (12 if footnotes else 0):
                    break
                y -= step
                first = False
                canvas.setFont(font, SIZE)
                canvas.drawString(xs[column] + indent, y, line)
                positions[stream_no] += 1
                if footnotes and positions[stream_no] % 23 == 0 and len(notes) < 1:
                    note += 1
                    canvas.setFont(font, SIZE * 0.6)
                    canvas.drawString(xs[column] + indent + _width(line) + 0.5, y + 4, str(note))
                    notes.append(f"{note} A synthetic footnote about layout number {note}.")
            canvas.setFont(font, 8)
            for offset, text in enumerate(notes):
                canvas.drawString(xs[column], bottom - 2 - 9 * offset, text)
        canvas.showPage()
    canvas.save()
    return page


def image_only_pdf(path: Path) -> None:
    """A one-page PDF that holds a drawing and no text, like a scan."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for row in range(40):
        canvas.rect(MARGIN, PAGE_H - MARGIN - row * 16, 300 + row, 8, fill=1)
    canvas.showPage()
    canvas.save()
