"""Parsers: bytes of a treaty file become a :class:`~treatydiff.model.Body` with stable ids.

One module per job, importing downwards only (the import contract in pyproject.toml):
``html`` (saved web pages), ``tota`` (ToTA XML), ``text`` (plain text and Markdown),
``paragraphs`` (the paragraph and point splitter), ``ids`` (the id rules of
docs/ids.md) and ``labels``, ``conventions`` (patterns compiled from the language
records in ``treatydiff.languages``), ``numbers``, and ``lines`` and ``decode``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from treatydiff.files import MAX_INPUT_BYTES, read_regular
from treatydiff.ingest.decode import decode_bytes, repair_mojibake
from treatydiff.ingest.html import parse_html
from treatydiff.ingest.text import parse_text
from treatydiff.ingest.tota import parse_tota
from treatydiff.model import Body, TreatyMeta

__all__ = [
    "Format",
    "decode_bytes",
    "load_file",
    "parse_bytes",
    "parse_html",
    "parse_text",
    "parse_tota",
    "read_file",
    "sniff_format",
]

Format = Literal["auto", "text", "html", "tota"]
_TREATY_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<treaty[\s>]", re.DOTALL)
_HTML = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


def sniff_format(path: Path, data: bytes) -> Literal["text", "html", "tota"]:
    """Guess the format: ``<treaty>`` XML is ToTA, ``.html``/``.htm`` or ``<html`` is HTML, else text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _TREATY_ROOT.match(head):
        return "tota"
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or _HTML.search(head):
        return "html"
    return "text"


def read_file(path: Path) -> bytes:
    """The bytes of a treaty file, at most :data:`~treatydiff.files.MAX_INPUT_BYTES`.

    Raises:
        InputError: the file is missing, a directory, unreadable, not a regular file
            (a FIFO or a device) or too large (one line naming it).
    """
    return read_regular(path, limit=MAX_INPUT_BYTES, what="a treaty file")


def load_file(path: Path, *, lang: str | None = None, fmt: Format = "auto") -> tuple[TreatyMeta | None, Body]:
    """Read and parse a treaty file (see :func:`parse_bytes`).

    Raises:
        InputError: the file is missing, a directory, unreadable, empty, binary or undecodable.
        IngestError: the text cannot be parsed into provisions.
    """
    meta, body, _kind = parse_bytes(read_file(path), origin=path, lang=lang, fmt=fmt)
    return meta, body


def parse_bytes(
    data: bytes, *, origin: Path, lang: str | None = None, fmt: Format = "auto"
) -> tuple[TreatyMeta | None, Body, Literal["text", "html", "tota"]]:
    """Parse the bytes of a treaty file.

    Args:
        data: the file's bytes.
        origin: the file's path, for messages and format sniffing.
        lang: language of the text; detected when omitted (ToTA files declare theirs).
        fmt: ``auto`` sniffs the format from the name and the first bytes.

    Returns:
        The metadata (ToTA files only, else ``None``), the body, and the format parsed.

    Raises:
        InputError: the bytes are empty, binary or undecodable.
        IngestError: the text cannot be parsed into provisions.
    """
    name = str(origin)
    kind = sniff_format(origin, data) if fmt == "auto" else fmt
    if kind == "tota":
        meta, body = parse_tota(data, origin=name)
        return meta, body, kind
    if kind == "html":
        return None, parse_html(data, lang=lang, origin=name), kind
    text, warnings = decode_bytes(data, name)
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(f"{name}: repaired mojibake (UTF-8 text read as CP1252/CP1251)")
    body = parse_text(text, lang=lang, origin=name)
    if warnings:
        body = Body(body.lang, body.source_text, body.provisions, body.title, tuple(warnings) + body.warnings)
    return None, body, kind
