"""Bytes to text: encoding detection, rejection of non-text input, mojibake repair."""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import Any

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


@cache
def _ftfy_config() -> Any:
    """Only the encoding steps of ftfy: quotes, ligatures, widths, line breaks and Unicode
    normalisation of a legal text stay exactly as published. (ftfy is imported on first
    use: most commands never repair a text.)"""
    import ftfy

    return ftfy.TextFixerConfig(
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

# The pre-filter that runs before ftfy is imported. Every sequence ftfy's badness counts
# holds a character of _ALONE, or a character of _SUSPECT beside one of _SUSPECT or
# _NEIGHBOUR (tests/test_decode.py proves it from ftfy's own pattern). _ALONE: C1
# controls and the letters that open mojibake on their own ("Ã ", "Â ", "œ;", "Ђ" of
# "вЂ", "Ø"/"Ù"/"Î"/"Ð" before a no-break space or a dash, "√" before an acute). _SUSPECT: Latin-1 and Latin
# Extended-A, modifier accents, typographic quotes, currency, letterlike and maths
# signs, box drawing. _NEIGHBOUR: Greek and Cyrillic. Plain text, English quotes (’),
# dashes, ellipses and no-break spaces pass without ftfy ever being imported.
_ALONE = "\x80-\x9f\u00c2\u00c3\u00ce\u00d0\u00d8\u00d9\u0152\u0153\u0402\u221a"
_SUSPECT = (
    "\x80-\x9f\u00a1-\u00ac\u00ae-\u00b3\u00b5\u00b6\u00b8-\u017f\u0192\u02c6-\u02dd\u0384\u0385"
    "\u0490\u0491\u2018\u201a-\u2022\u2030-\u2044\u20a0-\u20cf\u2100-\u2122\u2200-\u22ff\u2310"
    "\u2500-\u25ff\uf8ff\ufb01\ufb02\ufffd"
)
_NEIGHBOUR = "\u0370-\u045f"


def _chars(ranges: str) -> frozenset[str]:
    """The characters of a class written as in a regex: "a-cx" → {a, b, c, x}."""
    found = re.findall(r"(.)-(.)|(.)", ranges, re.DOTALL)
    return frozenset(chr(c) for low, high, one in found for c in range(ord(low or one), ord(high or one) + 1))


_SCAN = re.compile("[" + _SUSPECT + _ALONE + "]")
_ALONE_CHARS = _chars(_ALONE)
_NEAR_CHARS = _chars(_SUSPECT + _NEIGHBOUR)


def _suspect(text: str) -> bool:
    """Whether ftfy's badness of ``text`` can be above zero, by the pre-filter above."""
    for found in _SCAN.finditer(text):
        at = found.start()
        if text[at] in _ALONE_CHARS:
            return True
        if text[at - 1 : at] in _NEAR_CHARS or text[at + 1 : at + 2] in _NEAR_CHARS:
            return True
    return False


# Every sequence ftfy's badness counts holds a "trigger": a character of its mojibake
# categories or its pattern, other than ASCII, the basic Cyrillic letters (U+0410-U+044F)
# and the 'common' punctuation (’ – … no-break space), which it counts only beside
# another trigger. No sequence is longer than 7 characters with its context, so the
# pattern is tried only around runs of triggers (tests/test_decode.py checks the premise).
_CONTEXT = 8


@cache
def _suspect_run() -> re.Pattern[str]:
    """Runs of trigger characters, each within 16 characters of the next (ftfy imported on first use)."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    ranges = re.compile(r"(.)-(.)", re.DOTALL)
    chars: set[str] = set()
    sources = [v for k, v in MOJIBAKE_CATEGORIES.items() if k != "common"] + [BADNESS_RE.pattern]
    for source in sources:
        chars.update(ranges.sub(lambda m: "".join(map(chr, range(ord(m[1]), ord(m[2]) + 1))), source))
    common = set(MOJIBAKE_CATEGORIES["common"])
    kept = sorted(c for c in chars if not c.isascii() and not "\u0410" <= c <= "\u044f" and c not in common)
    trigger = "[" + "".join(re.escape(c) for c in kept) + "]"
    return re.compile(trigger + r"(?:.{0,16}" + trigger + ")*", re.DOTALL)


def _may_be_mojibake(text: str) -> bool:
    """Whether ftfy's badness can be above zero: its pattern, tried only around suspect characters.

    Exact for a zero score (a window never hides a match, at worst it finds one the
    whole text would not), and many times faster than scanning the whole text.
    """
    from ftfy.badness import is_bad

    # Joined by NUL, which no class of the pattern holds: a join can add a match, never hide one.
    windows = "\x00".join(
        text[max(0, run.start() - _CONTEXT) : run.end() + _CONTEXT] for run in _suspect_run().finditer(text)
    )
    return is_bad(windows) if windows else False


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
    badness score; Cyrillic bytes that were lost as ``?`` become U+FFFD. Text
    that cannot score above zero is left alone before ftfy is even imported.

    Returns:
        The text (repaired or unchanged) and whether it was repaired.
    """
    if text.isascii() or not _suspect(text) or not _may_be_mojibake(text):
        return text, False
    return _ftfy_repair(text)


def _ftfy_repair(text: str) -> tuple[str, bool]:
    """:func:`repair_mojibake` without its pre-filters: ftfy asked about every text."""
    import ftfy
    from ftfy.badness import badness

    before = badness(text)
    if before == 0:
        return text, False
    fixed = ftfy.fix_text(text, _ftfy_config())
    fixed = _LOST_CYRILLIC.sub("\ufffd", fixed)
    if fixed == text or badness(fixed) >= before:
        return text, False
    return fixed, True
