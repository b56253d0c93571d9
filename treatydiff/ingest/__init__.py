"""Parsers: bytes of a treaty file become a :class:`~treatydiff.model.Body` with stable ids.

One module per job, importing downwards only (the import contract in pyproject.toml):
``html`` (saved web pages), ``tota`` (ToTA XML), ``text`` (plain text and Markdown),
``paragraphs`` (the paragraph and point splitter), ``ids`` (the id rules of
docs/ids.md) and ``labels``, ``conventions`` (patterns compiled from the language
records in ``treatydiff.languages``), ``numbers``, and ``lines`` and ``decode``.
Every parser is imported on first use, so reading a stored body compiles none of them
and reading ToTA XML only the ToTA one.
``pdf`` and ``docx`` turn those files into the plain text that ``text`` reads; their
libraries are imported on first use.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from treatydiff.errors import InputError
from treatydiff.files import MAX_INPUT_BYTES, read_regular
from treatydiff.model import Body, TreatyMeta

if TYPE_CHECKING:
    from treatydiff.ingest.decode import decode_bytes, repair_mojibake
    from treatydiff.ingest.html import parse_html
    from treatydiff.ingest.text import parse_text
    from treatydiff.ingest.tota import parse_tota

__all__ = [
    "Format",
    "decode_bytes",
    "load_file",
    "parse_bytes",
    "parse_html",
    "parse_text",
    "parse_tota",
    "read_file",
    "repair_mojibake",
    "sniff_format",
]

_LAZY = {
    "decode_bytes": "treatydiff.ingest.decode",
    "repair_mojibake": "treatydiff.ingest.decode",
    "parse_html": "treatydiff.ingest.html",
    "parse_text": "treatydiff.ingest.text",
    "parse_tota": "treatydiff.ingest.tota",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'treatydiff.ingest' has no attribute {name!r}")
    return getattr(import_module(_LAZY[name]), name)


Format = Literal["auto", "text", "html", "tota", "pdf", "docx"]
Kind = Literal["text", "html", "tota", "pdf", "docx"]
_TREATY_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<treaty[\s>]", re.DOTALL)
_HTML = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_PDF = re.compile(rb"(?:^|[\r\n])%PDF-\d")  # the header may follow up to 1 KiB of junk
_CONVERT = "convert it first: libreoffice --headless --convert-to docx {name}"
# Formats that are refused with the conversion that makes them readable.
_LEGACY = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word .doc file (OLE2), which is not read"),
    (b"{\\rtf", "an RTF file, which is not read"),
)


def sniff_format(path: Path, data: bytes) -> Kind:
    """Guess the format from the first bytes, then the name.

    ``%PDF`` is PDF; a zip holding ``word/document.xml`` is Word; ``<treaty>`` XML is
    ToTA; ``.html``/``.htm`` or ``<html`` is HTML; else text.
    """
    suffix = path.suffix.lower()
    if _PDF.search(data[:1024]) or suffix == ".pdf":
        return "pdf"
    if (data.startswith(b"PK\x03\x04") and b"word/document.xml" in data) or suffix == ".docx":
        return "docx"
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
) -> tuple[TreatyMeta | None, Body, Kind]:
    """Parse the bytes of a treaty file.

    Args:
        data: the file's bytes.
        origin: the file's path, for messages and format sniffing.
        lang: language of the text; detected when omitted (ToTA files declare theirs).
        fmt: ``auto`` sniffs the format from the name and the first bytes.

    Returns:
        The metadata (ToTA files only, else ``None``), the body, and the format parsed.

    Raises:
        InputError: the bytes are empty, binary or undecodable; a damaged PDF or Word
            file, a PDF without a text layer; a legacy ``.doc`` or RTF file.
        IngestError: the text cannot be parsed into provisions.
    """
    name = str(origin)
    if fmt in ("auto", "text"):
        for magic, what in _LEGACY:
            if data[:64].lstrip().startswith(magic):
                raise InputError(what, file=name, hint=_CONVERT.format(name=origin.name))
    kind = sniff_format(origin, data) if fmt == "auto" else fmt
    if kind == "tota":
        from treatydiff.ingest.tota import parse_tota

        meta, body = parse_tota(data, origin=name)
        return meta, body, kind
    if kind == "html":
        from treatydiff.ingest.html import parse_html

        return None, parse_html(data, lang=lang, origin=name), kind
    if kind == "pdf":
        from treatydiff.ingest.pdf import pdf_to_text

        text, warnings = pdf_to_text(data, origin=name, lang=lang)
    elif kind == "docx":
        from treatydiff.ingest.docx import docx_to_text

        text, warnings = docx_to_text(data, origin=name)
    else:
        from treatydiff.ingest.decode import decode_bytes, repair_mojibake

        text, warnings = decode_bytes(data, name)
        text, repaired = repair_mojibake(text)
        if repaired:
            warnings.append(f"{name}: repaired mojibake (UTF-8 text read as CP1252/CP1251)")
    from treatydiff.ingest.text import parse_text

    body = parse_text(text, lang=lang, origin=name)
    if warnings:
        body = Body(body.lang, body.source_text, body.provisions, body.title, tuple(warnings) + body.warnings)
    return None, body, kind
