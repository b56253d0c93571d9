"""PDF to the plain text that :func:`~treatydiff.ingest.text.parse_text` reads.

Characters and their positions come from pdfminer.six (imported on first use). Lines
are rebuilt from baselines; running headers, footers and page numbers, superscript
footnote markers and small-print footnotes are left out; a word hyphenated at a line
end is rejoined; a paragraph ends where the line gap widens or the line stops short
(the next word would have fitted). Two-column pages are read column by column; when
the columns are in different languages (bilingual pages), the one asked for is kept.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from treatydiff.errors import InputError
from treatydiff.ingest.text import detect_lang
from treatydiff.languages import language

__all__ = ["pdf_to_text"]

_OCR_HINT = "run OCR first, e.g. ocrmypdf IN.pdf OUT.pdf, and ingest OUT.pdf"
# A line that is only a page number: "7", "- 7 -", "Page 7 of 30", "стр. 7", "vii".
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:page|p\.|pag\.|página|стр\.|страница|seite)\s*)?"
    r"(?:\d+|[ivxlc]+)(?:\s*(?:of|/|из|de|sur)\s*\d+)?[\W_]*$",
    re.IGNORECASE,
)
_SCRIPTS = (
    ("cyrillic", "\u0400", "\u04ff"),
    ("arabic", "\u0600", "\u06ff"),
    ("han", "\u4e00", "\u9fff"),
    ("hangul", "\uac00", "\ud7af"),
)
# Typesetting ligatures (U+FB00-FB06: "ﬁ", "ﬀ" …) are glyphs, not the text's letters.
_LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
SUPERSCRIPT_SIZE = 0.8
"""Characters smaller than this share of the line's size and raised are footnote markers."""
SMALL_PRINT = 0.85
"""Lines at a page's foot smaller than this share of the body size are footnotes."""
REPEAT_SHARE = 0.4
"""A top or bottom line repeated (digits aside) on this share of pages is a running header."""
MAX_PAGES = 5000


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    base: float
    size: float


@dataclass
class _Line:
    chars: list[_Char]
    base: float
    size: float
    page: int
    column: int = 0  # 0 full width, 1 left, 2 right
    text: str = ""

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1


def _read_pages(data: bytes, origin: str) -> list[list[_Char]]:
    """The characters of every page, via pdfminer.six; any failure of the library is bad input."""
    try:
        from pdfminer.pdfdevice import PDFTextDevice
        from pdfminer.pdffont import PDFUnicodeNotDefined
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
    except ImportError as err:  # pragma: no cover - a broken install
        raise InputError(f"cannot read PDF: {err}", file=origin, hint="pip install pdfminer.six") from None

    pages: list[list[_Char]] = []
    glyphs: dict[tuple[int, int], tuple[str, float]] = {}
    fonts: list[object] = []

    class Collector(PDFTextDevice):
        """Records each glyph's text, extent, baseline and size (no layout objects: faster)."""

        chars: list[_Char]

        def begin_page(self, page: object, ctm: object) -> None:
            self.chars = []

        def end_page(self, page: object) -> None:
            pages.append(self.chars)

        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float,
                        cid: int, ncs: object, graphicstate: object) -> float:  # fmt: skip
            key = (id(font), cid)
            glyph = glyphs.get(key)
            if glyph is None:
                try:
                    text = font.to_unichr(cid)
                except PDFUnicodeNotDefined:
                    text = f"(cid:{cid})"
                glyph = glyphs[key] = (text, float(font.char_width(cid)))
                fonts.append(font)  # keeps id(font) unique while the cache lives
            adv = glyph[1] * fontsize * scaling
            a, b, _c, d, e, f = matrix
            if abs(b) < 1e-6 and a > 0 and d > 0:  # upright text only
                self.chars.append(_Char(glyph[0], e, e + a * adv, f + d * rise, fontsize * d))
            return adv

    try:
        manager = PDFResourceManager(caching=True)
        device = Collector(manager)
        interpreter = PDFPageInterpreter(manager, device)
        for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data), check_extractable=False)):
            if number >= MAX_PAGES:
                raise InputError(f"more than {MAX_PAGES} pages", file=origin)
            interpreter.process_page(page)
    except InputError:
        raise
    except Exception as err:  # pdfminer raises many kinds on damaged files: all are bad input
        kind = type(err).__name__
        if "Password" in kind or "Encryption" in kind:
            raise InputError("the PDF is encrypted", file=origin, hint="save an unprotected copy") from None
        detail = " ".join(str(err).split())[:120]
        raise InputError(
            f"not a readable PDF ({kind}{': ' + detail if detail else ''})",
            file=origin,
            hint="check that the file is complete, or export the PDF again",
        ) from None
    return pages


def _lines(chars: list[_Char], page: int) -> list[_Line]:
    """Group a page's characters into lines by baseline, top to bottom; superscripts join their line."""
    glyphs = [c for c in chars if c.size > 0 and not c.text.isspace() and c.text]
    if not glyphs:
        return []
    common = Counter(round(c.size, 1) for c in glyphs).most_common(1)[0][0]
    small = [c for c in glyphs if c.size < SUPERSCRIPT_SIZE * common]
    by_base: dict[float, list[_Char]] = {}
    for char in glyphs:  # full-size characters first, so that a raised marker finds its line
        if char.size >= SUPERSCRIPT_SIZE * common:
            by_base.setdefault(round(char.base, 1), []).append(char)
    lines: list[_Line] = []
    for base in sorted(by_base, reverse=True):
        group = by_base[base]
        size = max(c.size for c in group)
        if lines and lines[-1].base - base <= 0.2 * max(size, lines[-1].size):
            lines[-1].chars += group
            lines[-1].size = max(lines[-1].size, size)
        else:
            lines.append(_Line(group, base, size, page))
    for char in small:
        owner = next(
            (
                line
                for line in lines
                if char.size < SUPERSCRIPT_SIZE * line.size
                and 0 < char.base - line.base <= 0.5 * line.size
                and line.chars[0].x0 - line.size <= char.x0
            ),
            None,
        )
        if owner is not None:
            owner.chars.append(char)
        else:
            _place(char, lines, page)
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
    lines.sort(key=lambda line: -line.base)
    return lines


def _place(char: _Char, lines: list[_Line], page: int) -> None:
    """Add ``char`` to a line on its baseline, or open one."""
    for line in reversed(lines[-6:]):
        if abs(line.base - char.base) <= 0.2 * max(line.size, char.size):
            line.chars.append(char)
            if char.size > line.size:
                line.size = char.size
            return
    lines.append(_Line([char], char.base, char.size, page))


def _is_marker(char: _Char, line: _Line) -> bool:
    return char.size < SUPERSCRIPT_SIZE * line.size and char.base > line.base + 0.15 * line.size


def _render(line: _Line, chars: list[_Char] | None = None) -> str:
    """A line's text: footnote markers dropped, spaces where the glyphs stand apart."""
    out: list[str] = []
    prev: _Char | None = None
    for char in chars if chars is not None else line.chars:
        if _is_marker(char, line):
            continue
        if prev is not None and char.x0 - prev.x1 > 0.15 * line.size:
            out.append(" ")
        out.append(_LIGATURES.get(char.text, char.text))
        prev = char
    return "".join(out).strip()


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[list[_Line]], body: float) -> int:
    """Remove running headers, footers and page numbers; returns how many lines went.

    A header or footer stands apart from the text (more than two lines' gap) and is
    repeated (digits aside) at the same height on many pages, or is a page number, or (at the top) is in
    small print.
    """
    counts: Counter[tuple[str, int]] = Counter()  # text (digits aside) and height on the page
    for lines in pages:
        seen = {(_key(line.text), round(line.base / 3)) for line in lines[:2] + lines[-2:]}
        counts.update(seen)
    needed = max(2, REPEAT_SHARE * len(pages))
    dropped = 0
    for lines in pages:
        for edge in (0, -1):
            for _ in range(2):
                if not lines:
                    break
                line = lines[edge]
                neighbour = lines[1 if edge == 0 else -2] if len(lines) > 1 else None
                apart = neighbour is None or abs(line.base - neighbour.base) > 2 * body
                if apart and (
                    _PAGE_NUMBER.match(line.text)
                    or (
                        len(pages) > 1
                        and counts[_key(line.text), round(line.base / 3)] >= needed
                        and (edge == 0 or line.size >= SMALL_PRINT * body)  # else a footnote
                    )
                    or (edge == 0 and line.size < SMALL_PRINT * body)
                ):
                    lines.pop(edge)
                    dropped += 1
                else:
                    break
    return dropped


def _drop_footnotes(pages: list[list[_Line]], body: float) -> int:
    """Remove small print at the foot of each page (footnote texts)."""
    dropped = 0
    for lines in pages:
        while (
            lines
            and lines[-1].size < SMALL_PRINT * body
            and any(line.size >= SMALL_PRINT * body for line in lines)
        ):
            lines.pop()
            dropped += 1
    return dropped


def _gutter(lines: list[_Line], body: float) -> tuple[float, float] | None:
    """The x-range of a blank strip down the middle of a page's text, if there is one."""
    if len(lines) < 6:
        return None
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = right - left
    if width <= 0:
        return None
    steps = [0] * (int(width) + 3)
    for line in lines:
        for char in line.chars:
            steps[max(0, int(char.x0 - left))] += 1
            steps[min(len(steps) - 1, int(char.x1 - left) + 1)] -= 1
    bins = list(itertools.accumulate(steps))
    quiet = max(1, len(lines) // 10)
    best: tuple[int, int] | None = None
    start = None
    for x in range(int(0.25 * width), int(0.75 * width) + 1):
        low = bins[x] <= quiet
        if low and start is None:
            start = x
        if (not low or x == int(0.75 * width)) and start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    if best is None or best[1] - best[0] < body:
        return None
    lo, hi = left + best[0], left + best[1]
    both = sum(
        1 for line in lines if any(c.x1 <= lo for c in line.chars) and any(c.x0 >= hi for c in line.chars)
    )
    sides = sum(1 for line in lines if line.x0 >= hi or line.x1 <= lo)
    return (lo, hi) if both + sides >= 0.6 * len(lines) and both >= 3 else None


def _split_columns(lines: list[_Line], gutter: tuple[float, float]) -> list[_Line]:
    """Read order of a two-column page: full-width lines in place, columns left then right."""
    mid = sum(gutter) / 2
    out: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:
        west = [c for c in line.chars if (c.x0 + c.x1) / 2 < mid]
        east = [c for c in line.chars if (c.x0 + c.x1) / 2 >= mid]
        spans = any(c.x0 < mid < c.x1 for c in line.chars)
        if spans or (west and east and east[0].x0 - west[-1].x1 < 0.8 * line.size):
            out += left + right + [line]
            left, right = [], []
            continue
        for side, chars, bucket in ((1, west, left), (2, east, right)):
            if chars:
                size = max(c.size for c in chars)
                base = Counter(round(c.base, 1) for c in chars if c.size >= SUPERSCRIPT_SIZE * size)
                part = _Line(chars, base.most_common(1)[0][0], size, line.page, side)
                part.text = _render(part)
                if part.text:
                    bucket.append(part)
    return out + left + right


def _script(text: str) -> str:
    counts = {name: sum(1 for ch in text if low <= ch <= high) for name, low, high in _SCRIPTS}
    counts["latin"] = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return max(counts, key=lambda name: counts[name])


def _pick_language(lines: list[_Line], lang: str | None, origin: str) -> list[_Line]:
    """Keep one column of bilingual two-column pages; flowing columns stay as they are."""
    sides = {side: " ".join(line.text for line in lines if line.column == side) for side in (1, 2)}
    if min(len(text) for text in sides.values()) < 200:
        return lines
    scripts = {side: _script(text) for side, text in sides.items()}
    langs = {side: detect_lang(text) for side, text in sides.items()}
    if scripts[1] == scripts[2] and langs[1] == langs[2]:
        return lines
    if lang is None:
        raise InputError(
            f"two-column bilingual PDF ({langs[1]} | {langs[2]}): cannot tell which column to read",
            file=origin,
            hint=f"give --lang {langs[1]} or --lang {langs[2]}",
        )
    wanted = language(lang).script
    for side in (1, 2):
        if langs[side] == lang or (scripts[side] == wanted and scripts[3 - side] != wanted):
            return [line for line in lines if line.column in (0, side)]
    raise InputError(
        f"two-column bilingual PDF ({langs[1]} | {langs[2]}) has no {lang} column",
        file=origin,
        hint=f"give --lang {langs[1]} or --lang {langs[2]}",
    )


_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


_SENTENCE_END = re.compile(r"[.;:!?\u3002\uff1b\uff1a][\"'\u00bb\u201d)]?$")


def _opens_paragraph(text: str) -> bool:
    """Whether a line starts like a paragraph: its first letter or digit is a capital or a digit."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isdigit() or first.isupper() or (first.isalpha() and not first.islower())


def _compound(head: str, tail: str, words: Counter[str]) -> bool:
    """Whether ``head`` (ending in a hyphen) and ``tail`` form a hyphenated compound.

    Decided by the document's own words: the form written more often elsewhere wins;
    else a compound of two words the document uses on their own ("twenty-" "sixth").
    A compound of a word and an unknown one ("good-" "neighbourliness") is rejoined.
    """
    head = head.lower().lstrip("(\"'«“")
    tail = tail.lower().rstrip(".,;:)\"'»”")
    joined, kept = words[head[:-1] + tail], words[head + tail]
    if joined > 0 or kept > 0:
        return kept > joined
    return len(head) > 4 and len(tail) > 3 and words[head[:-1]] > 0 and words[tail] > 0


def _join(lines: list[_Line]) -> str:
    """Lines to text: paragraphs on lines of their own, blank lines kept, hyphenation undone."""
    if not lines:
        return ""
    gaps = Counter(
        round(a.base - b.base)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.column == b.column and a.base > b.base
    )
    size = Counter(round(line.size) for line in lines).most_common(1)[0][0]
    # The line pitch: the smallest gap seen often (paragraph gaps are wider), else 1.2 x size.
    frequent = [gap for gap, count in gaps.items() if count >= 2 and 0.9 * size <= gap <= 2.5 * size]
    pitch = float(min(frequent)) if frequent else 1.2 * size
    right: dict[tuple[int, int], float] = {}
    left: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.column)
        right[key] = max(right.get(key, 0.0), line.x1)
        left[key] = min(left.get(key, line.x0), line.x0)
    tops: Counter[int] = Counter()
    firsts: set[int] = set()
    for index, line in enumerate(lines):
        if index == 0 or (lines[index - 1].page, lines[index - 1].column) != (line.page, line.column):
            firsts.add(index)
            tops[round(line.base)] += 1
    top = float(max(tops)) if tops else 0.0
    # Does this document indent the first line of its paragraphs? Then an indent, not a
    # full stop, tells a new paragraph at the head of a page.
    starts = [
        b.x0 > left[(b.page, b.column)] + 0.8 * b.size
        for index, (a, b) in enumerate(zip(lines, lines[1:], strict=False), start=1)
        if index not in firsts and 1.15 * pitch < a.base - b.base < 1.75 * pitch
    ]
    indents = len(starts) >= 3 and sum(starts) >= 0.5 * len(starts)
    words = Counter(re.findall(r"\w+(?:-\w+)*", " ".join(line.text for line in lines).lower()))
    for a, b in zip(lines, lines[1:], strict=False):  # the halves of a broken word are no words
        if a.text.endswith(("-", "\u00ad")):
            for fragment in re.findall(r"\w+$", a.text[:-1].lower())[-1:] + re.findall(
                r"^\w+", b.text.lower()
            ):
                words[fragment] -= 1
    out = [lines[0].text]
    for index in range(1, len(lines)):
        a, b = lines[index - 1], lines[index]
        # At the head of a new page or column, the gap is the space left above the line.
        gap = pitch + (top - b.base) if index in firsts else a.base - b.base
        if gap > 1.75 * pitch:
            out.append("\n\n" + b.text)
            continue
        if gap > 1.15 * pitch:
            out.append("\n" + b.text)
            continue
        head, _, _rest = b.text.partition(" ")
        if re.search(r"\w[-\u00ad]$", a.text) and b.text[:1].isalpha():
            if a.text.endswith("-") and _compound(a.text.rsplit(" ", 1)[-1], head, words):
                out.append(b.text)  # a hyphenated compound broken at its own hyphen
            else:
                out[-1] = out[-1][:-1]
                out.append(b.text)
            continue
        first_word = [c for c in b.chars if c.x0 <= b.x0 + (len(head) + 0.5) * b.size][: len(head)]
        head_width = (first_word[-1].x1 - b.x0) if first_word else 0.0
        limit = right[(a.page, a.column)] - 0.5 * a.size
        if a.x1 + 0.3 * a.size + head_width < limit:
            out.append("\n" + b.text)  # the line stopped short: the paragraph ended
        elif index in firsts and (
            b.x0 > left[(b.page, b.column)] + 0.8 * b.size
            if indents
            else _SENTENCE_END.search(a.text) and _opens_paragraph(b.text)
        ):
            out.append("\n" + b.text)  # at the head of a page: an indent, or a full stop then a capital
        elif _CJK.match(b.text[:1]) and _CJK.match(a.text[-1:]):
            out.append(b.text)
        else:
            out.append(" " + b.text)
    return "".join(out)


def pdf_to_text(data: bytes, *, origin: str, lang: str | None = None) -> tuple[str, list[str]]:
    """The plain text of a PDF and warnings about what was left out.

    Raises:
        InputError: a damaged or encrypted PDF, one without a text layer (scans need OCR),
            or a bilingual two-column PDF without a ``lang`` that picks one column.
    """
    raw = _read_pages(data, origin)
    if not raw:
        raise InputError("the PDF has no pages", file=origin)
    if not any(c.text.strip() for chars in raw for c in chars):
        raise InputError(
            f"the PDF has no text layer (its {len(raw)} page(s) are images)", file=origin, hint=_OCR_HINT
        )
    pages = [_lines(chars, number) for number, chars in enumerate(raw)]
    for lines in pages:
        for line in lines:
            line.text = _render(line)
            line.chars = [c for c in line.chars if not _is_marker(c, line)] or line.chars
    pages = [[line for line in lines if line.text] for lines in pages]
    if sum(line.text.count("(cid:") for lines in pages for line in lines) > 20:
        raise InputError("the PDF's fonts map no glyphs to letters", file=origin, hint=_OCR_HINT)
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.chars)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    warnings: list[str] = []
    _drop_furniture(pages, body)
    notes = _drop_footnotes(pages, body)
    if notes:
        warnings.append(f"{origin}: left out {notes} line(s) in small print at the foot of pages (footnotes)")
    gutters = [_gutter([line for line in lines if line.size >= SMALL_PRINT * body], body) for lines in pages]
    found = Counter((round(g[0]), round(g[1])) for g in gutters if g is not None)
    if found:  # a page whose second column is short still has the document's gutter
        usual = found.most_common(1)[0][0]
        mid = sum(usual) / 2
        for number, lines in enumerate(pages):
            crossing = sum(1 for line in lines if any(c.x0 < mid < c.x1 for c in line.chars))
            if gutters[number] is None and crossing <= 0.1 * len(lines):
                gutters[number] = (float(usual[0]), float(usual[1]))
    ordered: list[_Line] = []
    for lines, gutter in zip(pages, gutters, strict=True):
        ordered += lines if gutter is None else _split_columns(lines, gutter)
    if found:
        ordered = _pick_language(ordered, lang, origin)
    text = _join(ordered)
    if not text.strip():
        raise InputError("the PDF holds no text besides page furniture", file=origin, hint=_OCR_HINT)
    return text + "\n", warnings
