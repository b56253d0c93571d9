"""Saved web pages: the main text is extracted, then parsed as plain text.

trafilatura finds the treaty among the page's navigation, header and footer and
returns one line per block element (heading, paragraph, list item). Those lines
are joined by blank lines, so that every block is a paragraph for the plain-text
parser, and that text becomes the body's ``source_text``. On small pages
trafilatura breaks lines at inline elements (``<b>``, ``<a>``); lines that lie
side by side in one block element of the page are joined again. When trafilatura
finds nothing, every block element of the page (without script, style,
navigation, header, footer and aside) is used instead.
"""

from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

from treatydiff.errors import IngestError
from treatydiff.ingest.decode import decode_bytes, repair_mojibake
from treatydiff.ingest.lines import normalize_newlines
from treatydiff.ingest.text import parse_text
from treatydiff.model import Body

__all__ = ["extract_text", "parse_html"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:]+)""", re.IGNORECASE)
# trafilatura writes list items as "- item"; an item that carries its own marker
# ("- (a) …", "- 1. …") keeps only that marker.
_LIST_BULLET = re.compile(r"^- (?=\(?[0-9a-zа-я]{1,4}[.)]\s|\([ivxl]{1,6}\)\s)", re.IGNORECASE)
_BOILERPLATE = (
    "head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "iframe",
)  # fmt: skip
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "td", "th", "br", "pre",
    "blockquote", "section", "article", "main", "table", "ul", "ol",
})  # fmt: skip


def _decode(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Decode with the page's declared charset when it is not UTF-8, else like a text file."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "utf-16", "utf-32") and b"\x00" not in data:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                if text.strip():
                    return normalize_newlines(text), []
    return decode_bytes(data, origin)


def _blocks(html: str) -> list[str]:
    """Text of every block element, whitespace collapsed, without the page's boilerplate (lxml only).

    The tree is walked rather than rewritten, so text lxml would refuse to store
    (control characters such as ``&#27;``) passes through unchanged.
    """
    try:
        root = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(root, *_BOILERPLATE, with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(element.tag, str) and element.tag.lower() in _BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            if isinstance(element.tag, str) and element.text:
                parts.append(element.text)
        else:
            if block:
                parts.append("\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


# How many blocks ahead a fragment of trafilatura's output is looked for.
_LOOKAHEAD = 50


def _rejoin(lines: list[str], blocks: list[str]) -> list[str]:
    """Lines as trafilatura gave them, with fragments of one block joined again.

    On small pages trafilatura breaks a line at every inline element ("The",
    "Parties" for ``The <b>Parties</b>``); two lines found next to each other in the
    same block element of the page are one line.
    """
    out: list[str] = []
    block, pos = 0, 0
    joinable = False
    for line in lines:
        normal = " ".join(line.split())
        found: tuple[int, int] | None = None
        for index in range(block, min(block + _LOOKAHEAD, len(blocks))):
            at = blocks[index].find(normal, pos if index == block else 0)
            if at >= 0:
                found = (index, at)
                break
        if found is None:
            out.append(line)
            joinable = False
            continue
        index, at = found
        between = blocks[index][pos:at] if index == block else None
        if joinable and out and between is not None and not between.strip():
            out[-1] += between + normal
        else:
            out.append(line)
        block, pos, joinable = index, at + len(normal), True
    return out


def extract_text(html: str) -> str:
    """The page's main text: one block per paragraph, blocks separated by a blank line."""
    # Imported here, not at the top: trafilatura and its dependencies take about 65 ms
    # to load, and only ingesting a saved web page needs them (docs/benchmarks.md).
    import trafilatura

    try:
        extracted = trafilatura.extract(
            html,
            include_formatting=False,
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            favor_recall=True,
            deduplicate=False,
        )
    except ValueError:  # lxml refuses some control characters; the fallback reads them
        extracted = None
    lines = extracted.split("\n") if extracted else []
    lines = [_LIST_BULLET.sub("", line.strip()) for line in lines]
    blocks = _blocks(html)
    lines = _rejoin(lines, blocks) if any(lines) else blocks
    return "\n\n".join(line for line in lines if line)


def parse_html(data: bytes, *, lang: str | None = None, origin: str = "<html>") -> Body:
    """Parse a saved web page holding a treaty.

    Args:
        data: the page's bytes.
        lang: language of the text; detected when omitted.
        origin: the file name, for messages.

    Returns:
        The body; its ``source_text`` is the extracted text.

    Raises:
        InputError: empty, binary or undecodable input.
        IngestError: no text found on the page, or no article in it.
    """
    html, warnings = _decode(data, origin)
    text = extract_text(html)
    if not text.strip():
        raise IngestError("no text found in the HTML page", file=origin, hint="is this the treaty's page?")
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(f"{origin}: repaired mojibake (UTF-8 text read as CP1252/CP1251)")
    body = parse_text(text, lang=lang, origin=origin)
    if warnings:
        body = Body(body.lang, body.source_text, body.provisions, body.title, (*warnings, *body.warnings))
    return body
