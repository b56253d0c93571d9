"""Word (.docx) to the plain text that :func:`~treatydiff.ingest.text.parse_text` reads.

Each paragraph becomes a line and an empty paragraph a blank line; tables are read row
by row. Word's automatic numbering is not in a paragraph's text: it is rebuilt from the
numbering definitions (``word/numbering.xml``: each list level's format, start and
``lvlText`` such as ``"Article %1"``, ``"%1."`` or ``"(%2)"``), so an auto-numbered
"Article 1 / 1. / (a)" comes out as written. python-docx is imported on first use.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from treatydiff.errors import InputError

__all__ = ["docx_to_text", "format_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"  # Word's russianLower: the letters lists use
MAX_BYTES = 200 * 1024 * 1024
"""Uncompressed size above which a .docx is refused (a zip bomb, not a treaty)."""


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letters(number: int, alphabet: str) -> str:
    """Word's letter numbering: a … z, then aa … zz, then aaa …"""
    if number <= 0:
        return str(number)
    index, repeat = (number - 1) % len(alphabet), (number - 1) // len(alphabet) + 1
    return alphabet[index] * repeat


def format_number(number: int, fmt: str) -> str:
    """A counter in one of Word's number formats (``w:numFmt``); unknown formats are decimal."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(number, "abcdefghijklmnopqrstuvwxyz")
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(number) if 0 < number < 4000 else str(number)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("russianLower", "russianUpper"):
        text = _letters(number, _RUSSIAN)
        return text.upper() if fmt == "russianUpper" else text
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    suffix: str = "tab"
    legal: bool = False


@dataclass
class _Numbering:
    """Word's list definitions and the counters of each list while the document is read."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # by abstractNumId
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) → start override
    counters: dict[str, list[int]] = field(default_factory=dict)  # by abstractNumId

    def marker(self, num_id: str, ilvl: int) -> str:
        """The marker Word shows for the next item of list ``num_id`` at level ``ilvl``."""
        abstract = self.nums.get(num_id)
        levels = self.levels.get(abstract or "")
        if abstract is None or levels is None or ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        counts = self.counters.setdefault(abstract, [0] * 9)
        level = levels[ilvl]
        start = self.starts.pop((num_id, ilvl), None)
        counts[ilvl] = start if start is not None else (counts[ilvl] + 1 if counts[ilvl] else level.start)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = level.text
        for index in range(ilvl, -1, -1):  # %10 is not a placeholder: Word has nine levels
            shown = levels.get(index, _Level())
            value = counts[index] or shown.start
            fmt = "decimal" if level.legal and index < ilvl else shown.fmt
            text = text.replace(f"%{index + 1}", format_number(value, fmt))
        if level.fmt == "bullet":
            text = "•" if not text or not text.isprintable() or "\uf000" <= text[:1] <= "\uf8ff" else text
        return text + {"tab": " ", "space": " "}.get(level.suffix, "") if text else ""


def _attr(element: Any, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(f"{_W}val")


def _read_numbering(document: Any) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    for abstract in root.iter(f"{_W}abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(f"{_W}lvl"):
            try:
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                start = int(_attr(lvl, f"{_W}start") or 1)
            except ValueError:
                continue
            levels[ilvl] = _Level(
                fmt=_attr(lvl, f"{_W}numFmt") or "decimal",
                text=_attr(lvl, f"{_W}lvlText") or "",
                start=start,
                suffix=_attr(lvl, f"{_W}suff") or "tab",
                legal=lvl.find(f"{_W}isLgl") is not None,
            )
        numbering.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
    for num in root.iter(f"{_W}num"):
        num_id = num.get(f"{_W}numId", "")
        numbering.nums[num_id] = _attr(num, f"{_W}abstractNumId") or ""
        for override in num.iter(f"{_W}lvlOverride"):
            value = _attr(override, f"{_W}startOverride")
            level = override.get(f"{_W}ilvl", "0")
            if value is not None and value.isdigit() and level.isdigit():
                numbering.starts[(num_id, int(level))] = int(value)
    return numbering


def _style_numbering(document: Any) -> dict[str, tuple[str | None, str | None]]:
    """Numbering that paragraph styles carry (``w:numPr`` in a style, through ``basedOn``)."""
    found: dict[str, tuple[str | None, str | None]] = {}
    based: dict[str, str] = {}
    try:
        styles = document.styles.element
    except (KeyError, AttributeError, NotImplementedError):
        return found
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId", "")
        parent = _attr(style, f"{_W}basedOn")
        if parent:
            based[style_id] = parent
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            found[style_id] = (_attr(num_pr, f"{_W}numId"), _attr(num_pr, f"{_W}ilvl"))
    for style_id in list(based):
        chain: list[str] = []
        current = style_id
        while current in based and current not in found and current not in chain and len(chain) < 20:
            chain.append(current)
            current = based[current]
        if current in found and style_id not in found:
            found[style_id] = found[current]
    return found


def _paragraph_text(element: Any) -> str:
    """A paragraph's visible text: runs, tabs and breaks; footnote references left out."""
    out: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}delText"):
        tag = node.tag
        if tag == f"{_W}t":
            out.append(node.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
    return "".join(out)


def _blocks(body: Any) -> Iterator[Any]:
    """Paragraphs in reading order, with the paragraphs of table cells row by row."""
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            yield child
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                for cell in row.iter(f"{_W}tc"):
                    yield from _blocks(cell)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _open(data: bytes, origin: str) -> Any:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_BYTES:
                raise InputError("the .docx unpacks to more than 200 MB", file=origin)
        from docx import Document

        return Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as err:  # python-docx, zipfile and lxml raise many kinds on damaged files
        kind = type(err).__name__
        detail = " ".join(str(err).split())[:120]
        raise InputError(
            f"not a readable Word .docx file ({kind}{': ' + detail if detail else ''})",
            file=origin,
            hint="save it again from Word or LibreOffice as .docx",
        ) from None


def docx_to_text(data: bytes, *, origin: str) -> tuple[str, list[str]]:
    """The plain text of a Word document, its automatic numbering written out.

    Raises:
        InputError: a damaged or oversized file, or one that is not a Word document.
    """
    document = _open(data, origin)
    try:  # python-docx parses the numbering and style parts on first use
        numbering = _read_numbering(document)
        by_style = _style_numbering(document)
    except Exception as err:
        raise InputError(
            f"not a readable Word .docx file ({type(err).__name__} in its numbering or styles)",
            file=origin,
            hint="save it again from Word or LibreOffice as .docx",
        ) from None
    lines: list[str] = []
    for paragraph in _blocks(document.element.body):
        text = _paragraph_text(paragraph)
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = (None, None)
        if num_pr is not None:
            num_id, ilvl = _attr(num_pr, f"{_W}numId"), _attr(num_pr, f"{_W}ilvl")
        else:
            style = _attr(paragraph, f"{_W}pPr/{_W}pStyle")
            num_id, ilvl = by_style.get(style or "", (None, None))
        marker = ""
        if num_id and num_id != "0":
            level = int(ilvl) if ilvl and ilvl.isdigit() else 0
            marker = numbering.marker(num_id, level)
        lines.append((marker + text).rstrip() if text.strip() or marker.strip() else "")
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise InputError("the Word document holds no text", file=origin, hint="expected a treaty text")
    return text + "\n", []
