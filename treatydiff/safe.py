"""Text from data, made safe to show in a terminal.

Titles, parties, headings, treaty text, map notes and file names come from files
treatydiff did not write. In a terminal, an escape sequence among them could clear
the screen, retitle the window, hide text or plant a hyperlink, and a bidirectional
override could reorder what a reader sees. :func:`visible` is the one function that
stands between such data and a terminal: it spells every C0 and C1 control
character and every bidi embedding, override or isolate as a visible escape
(``\\x1b``, ``\\u202e``). Data reaches rich only as :class:`rich.text.Text` built by
:func:`safe_text`, never as a string rich would read as markup (``[link=…]``) or
emoji codes (``:warning:``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["safe_json", "safe_text", "visible"]

# C0 controls, DEL, C1 controls; bidi embeddings and overrides (U+202A-U+202E) and
# isolates (U+2066-U+2069). Marks such as U+200E/U+200F and the joiners U+200C/U+200D
# stay: Arabic and Persian texts use them, and they reorder nothing on their own.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_UNSAFE_BLOCK = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # keeps tab and line feed
_UNSAFE_JSON = re.compile(f"[\x7f-\x9f{_BIDI}]")


def _spelled(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str, *, lines: bool = False, same_length: bool = False) -> str:
    """``text`` with control characters and bidi controls spelled out (``\\x1b``, ``\\u202e``).

    With ``lines``, line breaks and tabs stay as they are (treaty text, reports);
    without it a title or file name stays on one line (``\\x0a``). With
    ``same_length`` each one becomes a single stand-in instead (a control picture such
    as ``␛`` for C0, U+FFFD for the rest), so that spans into the text stay valid.
    """
    pattern = _UNSAFE_BLOCK if lines else _UNSAFE_LINE
    if same_length:
        return pattern.sub(_stand_in, text)
    return pattern.sub(_spelled, text.replace("\r\n", "\n") if lines else text)


def safe_text(text: str, style: str = "", *, lines: bool = False) -> Text:
    """A rich ``Text`` of ``visible(text)``: shown literally, never read as markup."""
    from rich.text import Text

    return Text(visible(text, lines=lines), style=style)


def safe_json(document: str) -> str:
    """A JSON document with C1 and bidi controls escaped as ``\\uXXXX``: the same data, inert.

    ``json.dumps`` already escapes C0 controls; these are the ones it leaves raw with
    ``ensure_ascii=False``. They can only occur inside strings, where ``\\uXXXX`` means
    the same character.
    """
    return _UNSAFE_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", document)
