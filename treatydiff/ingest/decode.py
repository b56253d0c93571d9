"""Bytes to text: encoding detection, rejection of non-text input, mojibake repair."""

from __future__ import annotations

import codecs
import re

import ftfy
from ftfy.badness import badness

from treatydiff.errors import InputError
from treatydiff.ingest.lines import normalize_newlines

__all__ = ["decode_bytes", "repair_mojibake"]

# Share of control bytes above which a file is treated as binary rather than text.
MAX_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Only the encoding steps of ftfy: quotes, ligatures, widths, line breaks and Unicode
# normalisation of a legal text stay exactly as published.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
# A UTF-8 lead byte of Cyrillic (Ð, Ñ) followed by '?': the continuation byte was one
# that CP1252 cannot show (0x81 0x8D 0x8F 0x90 0x9D) and was lost when the text was saved.
_LOST_CYRILLIC = re.compile(r"[ÐÑ]\?(?=[\u0400-\u04ff\ufffdÐÑ])|(?<=[\u0400-\u04ff\ufffd])[ÐÑ]\?")
_HINT = "save the file as UTF-8 text"


def _is_cyrillic_text(text: str) -> bool:
    """True when ``text`` reads as Russian: most letters Cyrillic, other non-ASCII rare.

    A Latin-1 French or Spanish file also decodes as CP1251 (``é`` becomes ``й``),
    but then Cyrillic letters are a sprinkle among Latin ones.
    """
    letters = [ch for ch in text if ch.isalpha()]
    non_ascii = [ch for ch in text if not ch.isascii()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return bool(letters) and cyrillic >= 0.5 * len(letters) and cyrillic >= 0.9 * len(non_ascii)


def _check_controls(text: str, origin: str) -> None:
    if "\x00" in text:
        raise InputError("binary file (contains NUL bytes), not a text", file=origin, hint=_HINT)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(f"binary file ({controls} control characters), not a text", file=origin, hint=_HINT)


def decode_bytes(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Decode a treaty file to text with ``\\n`` newlines.

    Accepts UTF-8 (with or without a BOM), UTF-16 and UTF-32 with a BOM, and
    Russian text in CP1251 (Windows Cyrillic), which earns a warning.

    Args:
        data: the file's bytes.
        origin: the file name, for messages.

    Returns:
        The text and a list of warnings.

    Raises:
        InputError: for empty, whitespace-only, binary or undecodable input.
    """
    if not data:
        raise InputError("empty file", file=origin, hint="expected a treaty text")
    warnings: list[str] = []
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        if b"\x00" in data:
            raise InputError("binary file (contains NUL bytes), not a text", file=origin, hint=_HINT)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            candidate = data.decode("cp1251", errors="replace")
            if "\ufffd" in candidate or not _is_cyrillic_text(candidate):
                raise InputError(
                    f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})",
                    file=origin,
                    hint=f"{_HINT}; UTF-16 with a BOM and Russian CP1251 are also read",
                ) from None
            text = candidate
            warnings.append(f"{origin}: decoded as CP1251 (Windows Cyrillic); {_HINT} to be sure")
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise InputError(
                f"invalid {encoding.upper()} text (byte offset {err.start})", file=origin, hint=_HINT
            ) from None
    text = normalize_newlines(text.lstrip("\ufeff"))
    _check_controls(text, origin)
    if not text.strip():
        raise InputError("file holds only whitespace", file=origin, hint="expected a treaty text")
    return text, warnings


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 read as CP1252 or CP1251 ("Ð¡Ð¾Ð³" → "Сог") when that clearly helps.

    Uses ftfy's encoding fixes only. The repair is kept when it lowers ftfy's
    badness score; Cyrillic bytes that were lost as ``?`` become U+FFFD.

    Returns:
        The text (repaired or unchanged) and whether it was repaired.
    """
    if text.isascii():
        return text, False
    before = badness(text)
    if before == 0:
        return text, False
    fixed = ftfy.fix_text(text, _FTFY)
    fixed = _LOST_CYRILLIC.sub("\ufffd", fixed)
    if fixed == text or badness(fixed) >= before:
        return text, False
    return fixed, True
