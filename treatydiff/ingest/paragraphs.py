"""The paragraph splitter: an article's body becomes paragraphs, points and dash items.

Spans are exact: ``source_text[p.span.start:p.span.end] == p.text`` for every
provision it returns. Markers of every language are read (``1.`` ``(a)`` ``а)``
``一、`` ``(子)``); the language records hold their letters and forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from treatydiff.ingest.conventions import (
    ANNEX,
    ARTICLE_PATTERNS,
    CONTAINER_PATTERNS,
    DEFINITION_VERB_END,
    FULL_STOP,
    GLUED_DEFINITION,
    ITEM_END,
    LIST_BOUNDARY,
    PARAGRAPH_MARKERS,
    POINT_LETTER_CLASSES,
    POINT_MARKERS,
    REFERENCE,
    TERMINAL,
    ends_in_reference_word,
)
from treatydiff.ingest.ids import IdRegistry, point_segment
from treatydiff.ingest.labels import LabelMaker, LabelUnit, label_maker
from treatydiff.ingest.lines import Line, last_lines, split_blocks, split_lines, trimmed_span
from treatydiff.ingest.numbers import int_to_roman, number_slug, roman_to_int
from treatydiff.model import Kind, Provision, Span

__all__ = ["split_paragraphs", "split_recitals"]

# --- paragraph markers ---------------------------------------------------------------

MarkerKind = Literal["number", "letter", "roman", "dash", "none"]

# Checked in this order at the start of a line (after indentation).
_NUMBER_MARKER = re.compile(
    r"(?:\((?P<p>[0-9]{1,3})\)|(?P<d>[0-9]{1,3}(?:\.[0-9]{1,3}){0,2})\.|(?P<r>[0-9]{1,3})\))"
    r"(?=\s|$|(?<=\.)[A-ZА-ЯЁ])"  # "1.The": a capital after the dot, the space lost
)
_LATIN, _CYRILLIC = POINT_LETTER_CLASSES
_POINT_MARKER = re.compile(
    r"(?:\((?P<p>" + _LATIN + r"{1,2}|[ivxl]{1,6}|[IVXL]{1,6}|" + _CYRILLIC + r"{1,2}|[A-Z])\)"
    r"|(?P<r>" + _LATIN + r"|[ivxl]{1,6}|[IVXL]{1,6}|" + _CYRILLIC + r")\)"
    r"|(?P<t>[a-z]|[ivx]{1,6})\.(?=\s))(?=\s|$)"  # "a. estimular …": lower case only ("A. Name" signs)
)
_DASH_MARKER = re.compile(r"[-–—•](?=\s|[^\W\d_])")  # "- item", and "-item" with its space lost
_LONE_DASH = re.compile(r"[-–—•]")
_LETTER = re.compile(r"[^\W\d_]")
_PAGE_NUMBER = re.compile(r"[-–—]\s*[0-9]{1,4}\s*[-–—]?")
# A caption has at most this many lines, words and characters a line.
_CAPTION_LINES = 3
_PAGE_MARKS = "⊥"
"""Marks that ToTA's conversion left around headings at page breaks ("⊥Article 36 ⊥")."""
_HEADING_JUNK = re.compile(r"^[0-9]{1,2}(?=[^\W\d_])")  # "1Article 192": a footnote number glued before
_CAPTION_WORDS = 10
_CAPTION_CHARS = 70
_CAPITALS_LETTERS = 12
"""A line in capitals has at least this many letters (shorter ones may be an abbreviation)."""
_SHORT_ITEM = 60
"""A dash item's line at most this long is a whole item, not a hard-wrapped line."""
_TAIL = 40  # longer than any conjunction the end-of-line patterns name, with its punctuation
_PARAGRAPH_LINE = 100
"""Lines at least this wide are not hard-wrapped prose."""
_WIDE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _width(line: str) -> int:
    """Columns a line takes, Chinese, Japanese and Korean characters counting two."""
    return len(line) + len(_WIDE.findall(line))


def _wide(line: str) -> bool:
    """Whether ``line`` is at least :data:`_PARAGRAPH_LINE` columns wide (see :func:`_width`)."""
    if len(line) >= _PARAGRAPH_LINE:
        return True
    return 2 * len(line) >= _PARAGRAPH_LINE and _width(line) >= _PARAGRAPH_LINE


class _Marker(NamedTuple):
    kind: MarkerKind
    printed: str  # as written: "3", "b", "б", "iv", "2.1"
    end: int  # length of the marker in the line's stripped text
    form: str = ""  # "()" for "(1)" "(a)", ")" for "1)" "a)", "." for "1." "a."; "" for the others


_FORMS = {"p": "()", "r": ")", "d": ".", "t": "."}
"""The shape of a marker by the group it matched: "()" for "(1)", ")" for "1)", "." for "1." and "a."."""
_ROMAN = re.compile(r"[ivxl]+|[IVXL]+")


_NO_MARKER = _Marker("none", "", 0)
_LONE_DASH_MARKER = _Marker("dash", "-", 1)
_OPENS_MARKER = frozenset("0123456789(-–—•")
_OWN_MARKERS = frozenset(
    code for table in (PARAGRAPH_MARKERS, POINT_MARKERS) for code, patterns in table.items() if patterns
)


def _marker(stripped: str, lang: str) -> _Marker:
    """The marker opening a line (its stripped text), or :data:`_NO_MARKER`."""
    # Most lines open with a word: no marker of the shared forms starts so ("a)" and "iv."
    # have their bracket or dot within 7 characters), and most languages have no forms of their own.
    # They are told apart before the cache, which would only keep them.
    head = stripped[:8]
    if stripped[:1] not in _OPENS_MARKER and ")" not in head and "." not in head and lang not in _OWN_MARKERS:
        return _NO_MARKER
    return _read_marker(stripped, lang)


def _line_marker(line: Line, lang: str) -> _Marker:
    """The marker opening ``line`` (:func:`_marker` of its stripped text), read once per line."""
    found = line.marker
    if not isinstance(found, _Marker):
        found = line.marker = _marker(line.stripped, lang)
    return found


@lru_cache(maxsize=1024)  # a block's first line is asked for three times: as first, in turn and as next
def _read_marker(stripped: str, lang: str) -> _Marker:
    # The language's own markers first: in Korean "1)" is a point, not a paragraph.
    for pattern in PARAGRAPH_MARKERS.get(lang, ()):
        found = pattern.match(stripped)
        if found:
            return _Marker("number", found.group("z"), found.end())
    for pattern in POINT_MARKERS.get(lang, ()):
        found = pattern.match(stripped)
        if found:
            return _Marker("letter", found.group("z"), found.end())
    # The groups are alternatives, so the last one matched is the one that holds the marker.
    number = _NUMBER_MARKER.match(stripped)
    if number:
        group = number.lastgroup or ""
        return _Marker("number", number.group(group), number.end(), _FORMS[group])
    point = _POINT_MARKER.match(stripped)
    if point:
        group = point.lastgroup or ""
        printed = point.group(group)
        roman = _ROMAN.fullmatch(printed) is not None and roman_to_int(printed) is not None
        return _Marker("roman" if roman else "letter", printed, point.end(), _FORMS[group])
    if _DASH_MARKER.match(stripped):
        return _Marker("dash", stripped[0], 1)
    return _NO_MARKER


def _continues_letters(printed: str, last_letter: str | None, following: str | None) -> bool:
    """Whether a roman-looking marker is the next letter of a list (docs/ids.md rule 1).

    "(i)" after "(h)" is the letter i, and so are "(v)" after "(u)", "(x)" after "(w)"
    and "(l)" after "(k)"; but "(i)" followed by "(ii)" opens a roman list (under
    "(h)"), and "(i)" opening a list is roman.
    """
    lowered = printed.lower()
    if last_letter is None or len(lowered) != 1 or len(last_letter) != 1:
        return False
    if ord(lowered) - ord(last_letter.lower()) != 1:
        return False
    value = roman_to_int(lowered)
    successor = int_to_roman(value + 1).lower() if value else None
    return following is None or following.lower() != successor


def _tail(text: str) -> str:
    """The end of ``text`` that the end-of-line patterns look at: searching a whole
    paragraph for a ``$``-anchored pattern costs a try at every character.

    A footnote number glued after the punctuation ("… in the same market.22") is left
    out, so that the punctuation ends the line.
    """
    # The end only is stripped (``text.rstrip()`` would copy a whole paragraph), unless it is
    # whitespace nearly all through.
    end = text[-_TAIL - 8 :]
    tail = end.rstrip()
    if len(tail) < _TAIL and len(end) < len(text):
        tail = text.rstrip()
    tail = tail[-_TAIL:]
    if tail[-1:].isdigit():
        footnote = _FOOTNOTE.search(tail)
        if footnote is not None:
            return tail[: footnote.start()]
    return tail


def _last_mark(text: str, end: int, start: int = 0) -> str:
    """The last character of ``text[start:end]`` that is not whitespace, or "" (as
    ``text[start:end].rstrip()[-1:]``, without copying the text before it)."""
    at = end - 1
    while at >= start and text[at].isspace():
        at -= 1
    return text[at] if at >= start else ""


def _final_marks(pattern: re.Pattern[str]) -> frozenset[str]:
    """The punctuation marks that end a match of an end-of-line ``pattern`` on their own.

    A line ending in one of them matches without a search: what stands before a mark
    never counts (only the conjunction alternatives look back, and they end in letters).
    """
    return frozenset(c for c in pattern.pattern if not (c.isalnum() or c == "_") and pattern.search(c))


_LIST_BOUNDARY_MARKS = _final_marks(LIST_BOUNDARY)
_ITEM_END_MARKS = _final_marks(ITEM_END)


@lru_cache(maxsize=4096)
def _may_precede_marker(text: str) -> bool:
    tail = _tail(text)
    return tail[-1:] in _LIST_BOUNDARY_MARKS or LIST_BOUNDARY.search(tail) is not None


@lru_cache(maxsize=4096)
def _ends_item(text: str) -> bool:
    """Whether a line ends a sentence or a list item for certain (hard-wrapped prose
    also breaks lines after commas and "and", so those do not count)."""
    tail = _tail(text)
    last = tail[-1:]
    if last in _ITEM_END_MARKS:
        return True
    # A line ending in a letter or digit ends an item only by a word after a ";" or "," ("; and").
    if last.isalnum() and ";" not in tail and "," not in tail and "\u037e" not in tail:
        return False
    return ITEM_END.search(tail) is not None


# A line that certainly ends a sentence (not a list item ending in ";" or ",").


def _starts_sentence(stripped: str) -> bool:
    """Whether a line begins like a sentence: a capital, or a letter of a script without case."""
    first = stripped[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _capitals(line: Line) -> bool:
    """Whether a line is set in capitals: a formula or heading line, which ends its sentence."""
    letters = [ch for ch in line.stripped if ch.isalpha()]
    return len(letters) >= _CAPITALS_LETTERS and all(ch.isupper() for ch in letters)


def _indentation(text: str, line: Line) -> int | None:
    """How far ``line`` is indented in the source, or ``None`` if it starts mid-line."""
    if line.start == 0 or text[line.start - 1] == "\n":
        return line.content_start - line.start
    line_start = text.rfind("\n", 0, line.start) + 1
    lead = text[line_start : line.content_start]
    return len(lead) if not lead.strip() else None


def _noise(line: Line, lang: str) -> bool:
    """A line without a letter that is no marker either ("12", "* * *", "0101.10", a page's "- 18 -")."""
    if line.stripped[:1].isalpha():
        return False  # most lines: no need to look further
    stripped = line.stripped
    if _LETTER.search(stripped) is not None:
        return False
    return _line_marker(line, lang).kind == "none" or _PAGE_NUMBER.fullmatch(stripped) is not None


# Footnote digits after punctuation that follows a word or a bracket ("Party.13",
# "Commitments).17", "legislations;4"), never the last digits of "Article 2.17".
# A line a page break cannot end: a word with no clause's end before it ("… vehículos, ni"),
# not "…; and".
_PAGE_GOES_ON = re.compile(r"(?<![.;\u037e:!?…])(?<![.;\u037e:!?…]\s)\b[^\W\d_]+[ \t]*$")
_FOOTNOTE = re.compile(r"(?:(?<=[^\W\d_][.;\u037e:,])|(?<=[)\]”\"’][.;\u037e:,])|(?<=[;\u037e]))[0-9]{1,3}$")
_CLAUSE_END = re.compile(r"[.;\u037e:!?…。；：！？؛؟][)\]»\"”'’）]*[\s\u200e\u200f]*$")
"""A line that ends a sentence or a clause by its punctuation ("… 10.4, or" does not)."""
_OPENING_QUOTES = "\"“”'‘’«„"


def _opens_lower(stripped: str) -> bool:
    """Whether a line opens in lower case, after any opening quotes ("“or equivalent”")."""
    return stripped.lstrip(_OPENING_QUOTES)[:1].islower()


def _cut_reference(stripped: str, marker: _Marker, before: str, expected: int | None = None) -> bool:
    """A number cut from its sentence onto a line of its own: "… under Article\n\n13.",
    "… 10.4, or\n10.5.", "… twelve\n\n(12) months": a number marker after words whose
    line ends no clause, with no words after it or words in lower case.

    The next paragraph's number (``expected``) is a marker all the same: "Resale\n\n3.\n\n(a) …"
    after a caption.
    """
    if marker.kind != "number" or marker.printed == str(expected):
        return False
    if _CLAUSE_END.search(_tail(before)) is not None:
        return False
    words = stripped[marker.end :].strip()
    if not words or _LETTER.search(words) is None:
        return True
    # "twelve\n\n(12) months": the figure after a number in words, never a list's "(1)" or
    # an item after "…; and".
    return (
        marker.form == "()"
        and marker.printed != "1"
        and words[:1].islower()
        and not _may_precede_marker(before)
    )


# "(a) and (b); or", "(h) above;": the words after a point marker that make it a reference.
_POINT_REFERENCE = re.compile(
    r"(?:(?:and|or|y|o|e|et|ou|и|или)\s+\(?[a-z0-9]{1,4}\)|(?:above|below|supra)\b)", re.IGNORECASE
)


def _cut_point_reference(stripped: str, marker: _Marker, before: str) -> bool:
    """A point reference cut from its sentence onto a block of its own: "… subparagraphs\n\n(a)
    and (b); or", "… in subparagraph\n\n(h) above;" — after words whose line ends no clause —
    or after a reference it goes on ("… Article 4.1(a) and\n\n(b) of …", "… in subparagraph\n(g) …")."""
    if marker.kind not in ("letter", "roman") or _CLAUSE_END.search(_tail(before)) is not None:
        return False
    return _POINT_REFERENCE.match(stripped[marker.end :].lstrip()) is not None or _reference_goes_on(before)


def _reference_goes_on(before: str) -> bool:
    """Whether a line ends in a reference that a point marker goes on: "… Article 4.1(a) and",
    "… subparagraphs (a), (b) or", "… referred to in subparagraph"."""
    tail = _tail(before)
    return (
        _REFERENCE_GOES_ON.search(tail) is not None
        or ends_in_reference_word(tail)
        or _numbered_reference_end(tail)
    )


# "… Artículo 12.18 (4)": a reference whose paragraph number ends the line; "(a)" after it is its point.
_NUMBERED_REFERENCE_END = re.compile(r"[0-9]\s*\([0-9]{1,3}\)\s*$")
_REFERENCE_REACH = 30  # how far before the paragraph number the reference's word may stand


def _numbered_reference_end(tail: str) -> bool:
    """Whether a line ends in a reference to a numbered paragraph, "… Article 12.18 (4)" (pta_410):
    a point marker opening the next line is the rest of that reference ("12.18(4)(a)")."""
    found = _NUMBERED_REFERENCE_END.search(tail)
    if found is None:
        return False
    return REFERENCE.search(tail, max(0, found.start() - _REFERENCE_REACH), found.end()) is not None


# "… Article 4.1(a) and", "… subparagraphs (a), (b) or": a point reference that the next marker goes on.
_REFERENCE_GOES_ON = re.compile(r"\([a-z0-9]{1,4}\)(?:\s*(?:,|and|or|y|o|e|et|ou|и|или))\s*$", re.IGNORECASE)


def _cut_number(marker: _Marker, rest: str, before: str, expected: int | None) -> bool:
    """A number opening a block that goes on the sentence before it, not the next paragraph.

    "… within ninety\n\n(90) days …", "… pursuant to Article 47 or\n\n48. …": the
    number is not the next paragraph's (``expected``), the words before end no item, and
    the words after it (``rest``) go on in lower case, or it is far ahead after a word
    that a number follows ("Article", "or"), or behind the one before it.
    """
    if expected is None or marker.kind != "number" or not marker.printed.isdecimal():
        return False
    if int(marker.printed) == expected or _ends_item(before) or _list_after_comma(marker, before):
        return False
    last_line = before.rstrip().rsplit("\n", 1)[-1].strip()
    # After a caption ("Resale") or a tariff code, a number that is not the next one is a
    # lost paragraph's, or a list's.
    if _caption_like(last_line, first=True) or _LETTER.search(last_line[-12:]) is None:
        return False
    # "… paragraphs 6, 7 and\n\n8. The replacement …" after paragraph 9, "… 18.01(4) y\n(5)
    # (Comisión …)" in paragraph 5: a number behind the next paragraph's goes on a reference
    # as one far ahead does.
    far = not expected <= int(marker.printed) <= expected + 1
    return rest[:1].islower() or (far and _REFERENCE_END.search(last_line) is not None)


def _list_after_comma(marker: _Marker, before: str) -> bool:
    """Whether a number marker "(1)" or "1." opens a list after a lead-in ending in ","
    ("(i) with respect to Malaysia, / (1) the territories …", pta_334), not a figure cut
    from its sentence ("within one / (1) year" ends in a word)."""
    return marker.printed == "1" and _tail(before).rstrip()[-1:] == ","


def _numbered_under_point(
    marker: _Marker,
    paragraph_form: str,
    current: tuple[_Node | None, str, _Node | None],
    after_point: bool,
    lead_in: bool,
) -> bool:
    """Whether a number marker "(1)" or "1)" is a point of the point before it in an article
    whose paragraphs are not numbered "1." (which :func:`_numbered_point` reads): the list opens
    at 1 right after a point whose words end in ":" or "," (``after_point``, ``lead_in``:
    "(i) with respect to Malaysia, / (1) …", pta_334) and goes on while the numbers follow.
    ``current`` is the last numbered point, its form and the point it is under."""
    numbered, numbered_form, owner = current
    if paragraph_form == "." or marker.form not in ("()", ")") or not marker.printed.isdecimal():
        return False
    if numbered is None:
        return marker.printed == "1" and after_point and lead_in
    return (
        owner is not None
        and marker.form == numbered_form
        and int(marker.printed) == int(numbered.number or 0) + 1
    )


def _point_lead_in(text: str, end: int) -> bool:
    """Whether the point before a numbered list "(1)", ending at ``end``, is its lead-in: its words
    end in ":" or, a point's words ending in a comma ("(i) with respect to Malaysia,", pta_334), in ","."""
    return _last_mark(text, end) in ":：,"


# Words that a number may follow in the sentence: "… pursuant to Article\n\n178.".
_REFERENCE_END = re.compile(
    r"\b(?:articles?|paragraphs?|art[ií]culos?|p[aá]rrafos?|or|and|to|y|o|e|et|ou)\s*$", re.IGNORECASE
)


# "… the other Party. 2. Such certificate …": the next paragraph's marker, run into the line.
_INLINE_NUMBER = re.compile(
    r"(?:(?<=[.;])|(?<=[.;][\"”’]))[ \t\u00a0]{1,4}(?P<n>[0-9]{1,3})\.[ \t\u00a0]+"
    r"(?=[A-ZÀ-ÞА-Я]|\([a-z0-9]{1,4}\)\s)"
)
# "2 Each Party …": a paragraph number that lost its dot.
_BARE_NUMBER = re.compile(
    r"(?P<n>[0-9]{1,3})(?:[ \t\u00a0]+\.[ \t]*|[ \t\u00a0]+)(?=[A-ZÀ-ÞА-Я][a-zà-ÿа-я]|\([a-z]\)\s)"
)  # "2 Each …", "2 .La Comisión …", "2 (a) As regards …", "2\u00a0 Asimismo …"
_DOTTED_LINE = re.compile(r"\n[ \t]*(?P<n>[0-9]{1,3})\.(?=\s)")  # a line "2." and the newline before it


def _inline_split(line: Line, expected: int | None) -> tuple[Line, Line] | None:
    """``line`` cut before a run-in marker of the next paragraph (``expected``), if it has one."""
    # The number and its dot are in the line ("05." holds "5." too): a search far dearer not tried.
    if expected is None or expected < 2 or f"{expected}." not in line.text:
        return None
    for found in _INLINE_NUMBER.finditer(line.text):
        if int(found["n"]) == expected:
            cut = found.start() + len(found.group()) - len(found.group().lstrip())
            return (
                Line(line.start, line.start + cut, line.text[:cut]),
                Line(line.start + cut, line.end, line.text[cut:]),
            )
    return None


# "Advantages Subject to Performance Requirements 2. Neither Party …": the next paragraph's
# caption run into its marker's line, at the line's start or after a sentence's end on it.
_CAPTION_RUN_IN = re.compile(
    r"(?:^[ \t]*|(?<=[.;])[ \t\u00a0]{1,4})(?P<caption>[A-ZÀ-ÞА-Я][^.;:!?\n]{2,68}?)[ \t\u00a0]{1,4}"
    r"(?P<n>[0-9]{1,3})\.[ \t\u00a0]+(?=[A-ZÀ-ÞА-Я]|\([a-z0-9]{1,4}\)\s)"
)


def _caption_split(line: Line, expected: int | None) -> tuple[Line, Line, bool] | None:
    """``line`` cut where a caption run into the next paragraph's (``expected``) marker line
    begins or ends: before the caption when a sentence ends before it on the line, else after
    it (``True``: the first part is the caption, which is no unit)."""
    if expected is None or expected < 2 or f"{expected}." not in line.text:
        return None
    for found in _CAPTION_RUN_IN.finditer(line.text):
        if int(found["n"]) != expected or not _caption_like(found["caption"], first=True):
            continue
        opening = not line.text[: found.start("caption")].strip()
        cut = found.start("n") if opening else found.start("caption")
        return (
            Line(line.start, line.start + cut, line.text[:cut]),
            Line(line.start + cut, line.end, line.text[cut:]),
            opening,
        )
    return None


_BULLETS = "•·"


def _bulleted_number(stripped: str, lang: str, expected: int, before: str) -> _Marker | None:
    """The marker of "• 3. A disputing party …" when 3 is the next paragraph's number, a sentence
    follows it and one ends before it: a bullet the conversion left before the paragraph ("• 3.
    procurement …; or" is an item of a bulleted list numbered in its own right)."""
    inner = stripped[1:].lstrip()
    found = _marker(inner, lang)
    if found.kind != "number" or found.printed != str(expected) or inner == stripped[1:]:
        return None
    if not _starts_sentence(inner[found.end :].lstrip()) or FULL_STOP.search(_tail(before)) is None:
        return None
    return found._replace(end=found.end + len(stripped) - len(inner))


def _dotted_numbers(text: str, start: int, end: int) -> frozenset[int]:
    """The numbers of the lines "2." in ``text[start:end]`` (see :func:`_bare_number`)."""
    # The "\n" before ``start`` opens the search (a pattern opening with a character is looked for
    # fast; "^" would be tried at every position): a line "2." at ``start`` counts as "^" finds it.
    found_lines = (
        _DOTTED_LINE.finditer(text, start - 1, end) if start else _DOTTED_LINE.finditer("\n" + text[:end])
    )
    return frozenset(int(found["n"]) for found in found_lines)


def _bare_number(stripped: str, before: str, expected: int | None, dotted: frozenset[int]) -> _Marker | None:
    """The marker of "2 Each Party …" when 2 is the next paragraph's number, after a full stop
    (or an item's ";"), and no line "2." follows (a footnote "2 See …" would have one elsewhere)."""
    if expected is None or expected < 2 or expected in dotted:
        return None
    found = _BARE_NUMBER.match(stripped)
    if found is None or int(found["n"]) != expected:
        return None
    tail = _tail(before)
    if FULL_STOP.search(tail) is None and not tail.rstrip().endswith((";", "\u037e")):
        return None
    return _Marker("number", found["n"], len(found.group().rstrip()), ".")


# A sentence's end with a footnote number after it: "… of any non-Party.13", "… originarios. 123";
# a footnote number glued to the last word ("… cubierta3"); a word broken at its hyphen whose
# rest the source lost ("… growth and employ-").
_FOOTNOTED_END = re.compile(r"(?:[.;:][\"”’)]?[ \t]?|[^\W\d_])[0-9]{1,3}\s*$|[^\W\d_]-\s*$")


def _next_paragraph(marker: _Marker, stripped: str, before: str, expected: int | None) -> bool:
    """Whether a marker line after words that end no item is the next paragraph all the same.

    It carries the number expected next, words in capitals follow it, and the line before
    ends a sentence with a footnote number ("… non-Party.13\n2. Each Party …") or ends in
    a word that no number goes on (not "Article", "paragraph", "and" …): the source lost a
    full stop, or a caption stands before it. A footnote number after a space or glued to the
    last word, and a word broken at a hyphen, count as a sentence's end (``_FOOTNOTED_END``).
    """
    if expected is None or expected < 2 or marker.kind != "number" or marker.printed != str(expected):
        return False
    rest = stripped[marker.end :].lstrip()
    if not (rest[:1].isupper() or rest[:1] == "("):
        return False
    tail = _tail(before)
    return _FOOTNOTED_END.search(tail) is not None or (
        _REFERENCE_END.search(tail) is None and _LETTER.search(tail[-1:]) is not None
    )


def _next_in_list(printed: str, last: str | None) -> bool:
    """Whether a marker "a." or "i." opens a list, or follows ``last`` in it ("b." after "a.")."""
    if printed in ("a", "i"):
        return True
    if last is None:
        return False
    if len(printed) == 1 and len(last) == 1 and ord(printed) - ord(last) == 1:
        return True
    value, previous = roman_to_int(printed), roman_to_int(last)
    return value is not None and previous is not None and value == previous + 1


def _sentence_tail(block: list[Line]) -> bool:
    """Whether a block's last line, without letters, ends the sentence of the line before it:
    the tariff code of "… 8704.21 u\n8704.31;" (a page number "12" or "- 18 -" does not)."""
    last = block[-1].stripped
    if len(block) < 2 or last[-1:] not in ".;," or _PAGE_NUMBER.fullmatch(last):
        return False
    return not _ends_item(block[-2].text)


def _caption_like(stripped: str, *, first: bool) -> bool:
    """A line of a caption ("Service of Documents", "Entrega de la solicitud de arbitraje"):
    short, no end punctuation, no marker; its first line opens with a capital."""
    return _caption_shaped(stripped) and (_starts_sentence(stripped) if first else not stripped[:1].isdigit())


# A table's figure: "80", "87,5%", and OCR's "IOO%" (I and O for 1 and 0).
_TABLE_FIGURE = re.compile(r"(?=[^%]*[0-9%])[0-9IO.,%\s-]+")


def _table_figure(stripped: str) -> bool:
    """Whether a line is a table's figure, never a caption ("… 87,5% / IOO% / Sub-section A2.2 /
    Fish and fisheries products", pta_29 Article 66)."""
    return _TABLE_FIGURE.fullmatch(stripped) is not None  # its lookahead wants a digit or "%"


def _table_end(lines: list[Line], at: int) -> bool:
    """Whether the two lines before line ``at`` are a table's figures: its last row ends there
    as a sentence does at a full stop (one figure alone may be a page or footnote number)."""
    return at >= 2 and all(_table_figure(line.stripped) for line in lines[at - 2 : at])


def _caption_shaped(stripped: str) -> bool:
    """What every line of a caption is: short, no end punctuation, a letter, no marker."""
    return (
        not _table_figure(stripped)
        and 0 < len(stripped) <= _CAPTION_CHARS
        and stripped[-1] not in TERMINAL
        and len(stripped.split()) <= _CAPTION_WORDS
        and _LETTER.search(stripped) is not None
        and not _NUMBER_MARKER.match(stripped)
        and not _POINT_MARKER.match(stripped)
        # "Autoridad Investigadora significa" / "(a) …": a definition's lead-in (pta_339).
        and DEFINITION_VERB_END.search(stripped) is None
    )


def _caption_lines(lines: list[Line]) -> int:
    """How many of the last lines of ``lines`` form a caption (0 when they do not)."""
    # The last line is in every caption tried: most units end in a sentence, so in none.
    if not lines or not _caption_shaped(lines[-1].stripped):
        return 0
    for count in range(min(_CAPTION_LINES, len(lines)), 0, -1):
        tail = lines[-count:]
        if all(_caption_like(line.stripped, first=i == 0) for i, line in enumerate(tail)):
            return count
    return 0


def _before_caption(lines: list[Line], *, at_boundary: bool) -> int | None:
    """How many lines of a unit to keep when its last lines are a caption before a marker line.

    "… this Section.\nService of Documents\n2. Notices …": the caption stands after a
    sentence's end (or opens the unit after one) and is no unit; ``None`` when the lines
    before the marker are no caption, and the marker is then a word of the sentence.
    """
    count = _caption_lines(lines)
    if count == 0:
        return None
    keep = len(lines) - count
    if keep == 0:
        return 0 if at_boundary else None
    return keep if FULL_STOP.search(_tail(lines[keep - 1].text)) is not None else None


def _heading_line(stripped: str) -> bool:
    """A heading line standing in an article's tail: "SECTION B", "Section C: Additional …",
    "Anexo 3.16:", "⊥Article 36 ⊥" (a page mark around it, a footnote number before it)."""
    cleaned = _HEADING_JUNK.sub("", stripped.strip(_PAGE_MARKS + " "))
    for pattern in (*CONTAINER_PATTERNS, *ARTICLE_PATTERNS, ANNEX):
        found = pattern.match(cleaned)
        if found is not None:
            rest = found.group("rest").strip(" :.-–—")
            return not rest or (_starts_sentence(rest) and rest[-1] not in TERMINAL)
    return False


_TRAILING_LINES = 12
"""An article's trailing captions, heading lines and page numbers are found in this many last lines."""


def _caption_run(lines: list[Line]) -> int:
    """Where the run of caption lines (at most _CAPTION_LINES), heading lines and page numbers
    ending ``lines`` begins: ``len(lines)`` when there is none."""
    at, captions = len(lines), 0
    while at > 0:
        stripped = lines[at - 1].stripped
        page_number = stripped.isdigit() or _PAGE_NUMBER.fullmatch(stripped) is not None
        if _heading_line(stripped) or (at < len(lines) and page_number):
            at -= 1
        elif captions < _CAPTION_LINES and _caption_like(stripped, first=False):
            at, captions = at - 1, captions + 1
        else:
            break
    return at


def _trailing_caption_start(text: str, start: int, end: int) -> int:
    """Where the caption lines at the end of an article begin (``end`` when there are none).

    ToTA often ends an article with the caption of the next article or section
    ("… in Article 215.\n\nEmergency aid and aid for refugees"): short lines after a
    full stop, which are the next unit's heading, not this article's last paragraph.
    Heading lines among them ("SECTION B", "Sub-section A", "Anexo X:") and page
    numbers count for nothing, and a heading glued to the full stop ("… infractores.Sección
    B") opens them.
    """
    # Read from the end; more lines only when every line read is a caption or heading (the run
    # found in the last lines is the one the whole text has, and most articles end in a sentence).
    lines = last_lines(text, start, end, 2)
    at = _caption_run(lines)
    if at == 0 and len(lines) == 2:
        lines = last_lines(text, start, end, _TRAILING_LINES)
        at = _caption_run(lines)
    if at == 0 and len(lines) == _TRAILING_LINES:
        lines = [line for line in split_lines(text, start, end) if not line.blank]
        at = _caption_run(lines)
    if at == len(lines) or at == 0:
        return end
    # Continuation lines may open in lower case ("Settlement of Investment Disputes / between …").
    while at < len(lines) and not (_heading_line(lines[at].stripped) or _starts_sentence(lines[at].stripped)):
        at += 1
    if at == len(lines):
        return end
    before = lines[at - 1]
    if FULL_STOP.search(_tail(before.text)) is not None or _table_end(lines, at):
        return lines[at].content_start
    # "… bienes infractores.Sección B": the heading glued to the sentence before it.
    stop = max(before.stripped.rfind(mark) for mark in ".!?")
    glued = before.stripped[stop + 1 :].strip()
    if stop > 0 and glued and _heading_line(glued):
        return before.content_start + before.stripped.index(glued, stop)
    return end


def _dash_run(piece: _Marker, text: str, start: int | None, lines: list[Line], stripped: str) -> bool:
    """Whether a dash line opens the next item of a list of short dash items, one a line
    ("-to 80 per cent on entry into force\n-to 60 per cent on 1.1.1998;"), though the line
    before ends without punctuation: a line that short is no hard-wrapped sentence."""
    if piece.kind != "dash" or start is None or len(lines) != 1:
        return False
    return text[start] == stripped[0] and len(lines[0].stripped) <= _SHORT_ITEM


def _lone_point(line: Line, following: list[Line] | None, lang: str) -> tuple[Line, _Marker] | None:
    """A point marker "(b)" or "b)" alone on the last line of a block, with the item's words in the
    next block (which opens with no marker of its own): the marker opens that item."""
    marker = _line_marker(line, lang)
    if marker.kind not in ("letter", "roman") or marker.form not in ("()", ")") or not following:
        return None
    if marker.end < len(line.stripped) or _line_marker(following[0], lang).kind != "none":
        return None
    return line, marker


@dataclass(slots=True)
class _Unit:
    """A paragraph-sized run of lines with the marker of its first line."""

    start: int
    end: int
    marker: _Marker


def _units(text: str, start: int, end: int, lang: str, *, recitals: bool = False) -> list[_Unit]:
    """Cut ``text[start:end]`` into paragraph units.

    A unit starts at a line with a paragraph marker, after a blank line, and at a
    line break that ends a sentence when the lines of the block are not hard-wrapped
    (text with one paragraph per line, like the UN Charter's published text).

    In hard-wrapped text a new sentence after a point list starts a unit only when
    the layout shows that it leaves the list: it stands at the indentation of the
    paragraph that introduced the points, and every point of the list is indented
    deeper. Without that difference, words after the last point stay in it, since
    they may as well continue that point.

    In a preamble (``recitals``) a long last line that is a whole sentence is a
    recital of its own after a line without punctuation: the Charter's "… these
    aims" / "Accordingly, …", where some language versions lost the full stop.
    """
    blocks = split_blocks(text, start, end)

    units: list[_Unit] = []
    # Indentation of the line that began the current paragraph-level unit, and the
    # smallest indentation of the point lines since (None: no point yet).
    base_indent: int | None = None
    point_indent: int | None = None
    dash_line: Line | None = None  # a dash alone on its line: it opens the next block's item
    marked: tuple[Line, _Marker] | None = None  # a point marker alone ending a block: it opens the next
    caption_cut = -1  # where a marker line cut after a caption run into it starts (_caption_split)
    last_dotted: str | None = None  # the last "a." / "i." marker taken: "b." must follow it
    # The next paragraph's number, once a paragraph of the first numbered form ("1." or "(1)")
    # is taken: numbers that do not follow are read in context (_cut_number, _inline_split).
    expected: int | None = None
    numbered_form: str | None = None
    dotted: frozenset[int] | None = None  # the numbers of lines "2.", found when a line needs them

    def taken(marker: _Marker) -> None:
        nonlocal expected, numbered_form
        if recitals or marker.kind != "number" or not marker.printed.isdecimal():
            return
        if numbered_form is None and marker.form in (".", "()"):
            numbered_form = marker.form
        if marker.form == numbered_form:
            expected = int(marker.printed) + 1

    paged = False  # whether a block of noise only (a page number) stood before this one
    for at, block in enumerate(blocks):
        if len(block) == 1 and _LONE_DASH.fullmatch(block[0].stripped):
            dash_line = block[0]
            continue
        after_page, paged = paged, False
        trailing_dash = block[-1] if len(block) > 1 and _LONE_DASH.fullmatch(block[-1].stripped) else None
        # Page numbers, footnote markers, tariff codes at a block's edges are no units.
        while block and _noise(block[-1], lang) and not _sentence_tail(block):
            block = block[:-1]
        while block and _noise(block[0], lang):
            block = block[1:]
        if not block:
            dash_line = trailing_dash or dash_line
            paged = True
            continue
        opened_by, marked = (
            marked,
            _lone_point(block[-1], blocks[at + 1] if at + 1 < len(blocks) else None, lang),
        )
        if marked is not None:
            # "… one another's businesses;\n(b)\n\nthey are legally recognized partners …"
            block = block[:-1]
            if not block:
                continue
        breaks = len(block) - 1  # the line breaks inside the block, after each line but the last
        hard = sum(map(_ends_item, [line.text for line in block[:-1]])) if breaks else 0
        # Hard-wrapped prose breaks lines mid-sentence; one-paragraph-per-line text does not.
        per_line = breaks > 0 and hard * 2 > breaks
        # Lines this long are whole paragraphs, even where the source lost a full stop.
        long_lines = breaks > 0 and all(_wide(line.stripped) for line in block[:-1])
        piece_start: int | None = None
        piece_marker = _NO_MARKER
        piece_lines: list[Line] = []  # the lines of the current unit in this block
        at_boundary = False  # whether the current unit began at a blank line or a sentence's end
        prev: Line | None = None
        first = block[0].stripped
        first_marker = _line_marker(block[0], lang)
        before = text[units[-1].start : units[-1].end] if units else ""
        if (
            units
            and dash_line is None
            and opened_by is None
            and (
                (
                    first_marker.kind == "none"
                    and _opens_lower(first)
                    # "… vehículos, ni / 2 / empaque.": across a page break only a clause's end ends it
                    and (
                        not _may_precede_marker(before)
                        or (after_page and _PAGE_GOES_ON.search(_tail(before)) is not None)
                    )
                )
                or (
                    first_marker.kind == "number"
                    and (
                        _cut_reference(first, first_marker, before, expected)
                        or _cut_number(first_marker, first[first_marker.end :].lstrip(), before, expected)
                    )
                )
                or (
                    first_marker.kind in ("letter", "roman")
                    and _cut_point_reference(first, first_marker, before)
                )
            )
        ):
            # A sentence cut at a blank line (or a page break): it goes on in the last unit.
            last = units.pop()
            piece_start, piece_marker = last.start, last.marker
            prev = block[0]
            piece_lines = [prev]
            block = block[1:]
            if not block:
                units.append(_Unit(piece_start, prev.content_end, piece_marker))
                continue
        pending = list(reversed(block))
        while pending:
            line = pending.pop()
            stripped = line.stripped
            noise = prev is not None and not stripped[:1].isalpha() and _noise(line, lang)
            tail = noise and not pending and _sentence_tail(block)
            if noise and not tail:
                continue  # a footnote number or page number inside a paragraph
            marker = _line_marker(line, lang)
            if expected is not None and stripped[:1] in _BULLETS:
                marker = _bulleted_number(stripped, lang, expected, prev.text if prev else before) or marker
            if marker.kind == "none" and not recitals and stripped[:1].isdigit():
                if dotted is None:
                    dotted = _dotted_numbers(text, start, end)
                bare = _bare_number(stripped, prev.text if prev is not None else before, expected, dotted)
                marker = bare or marker
            form = numbered_form or (marker.form if marker.form in (".", "()") else None)
            own = int(marker.printed) + 1 if marker.form == form and marker.printed.isdecimal() else None
            wanted = own or expected
            # Both cuts need the wanted number and its dot in the line: most lines are not tried.
            run_in = not recitals and wanted is not None and wanted >= 2 and f"{wanted}." in line.text
            split = _inline_split(line, wanted) if run_in else None
            captioned = _caption_split(line, wanted) if run_in and not split else None
            if (
                captioned is not None
                and captioned[2]
                and not _ends_item(prev.text if prev is not None else before)
            ):
                captioned = None  # a caption opens its line only after a sentence's end
            if captioned is not None:
                split, caption_cut = captioned[:2], captioned[1].start if captioned[2] else caption_cut
            if split is not None:
                line, rest = split
                stripped = line.stripped
                pending.append(rest)
            if marker.form == "." and marker.kind in ("letter", "roman"):
                if _next_in_list(marker.printed, last_dotted):
                    last_dotted = marker.printed
                else:
                    marker = _NO_MARKER
            keep: int | None = None  # lines of the unit kept before a caption that is dropped
            demoted = tail  # a marker that is a word of the sentence before it, or its tail
            if (
                marker.kind == "number"
                and prev is not None
                and _cut_number(marker, stripped[marker.end :].lstrip(), prev.text, expected)
            ):
                # "… completen\nlos procedimientos correspondientes\n(120) días": no caption before it.
                marker, demoted = _NO_MARKER, True
            if marker.kind == "dash" and _dash_run(piece_marker, text, piece_start, piece_lines, stripped):
                pass
            elif (
                marker.kind != "none"
                and prev is not None
                and (line.start == caption_cut or not _may_precede_marker(prev.text))
                and (line.start == caption_cut or not _next_paragraph(marker, stripped, prev.text, expected))
            ):
                keep = _before_caption(piece_lines, at_boundary=at_boundary and piece_marker.kind == "none")
                if keep is None:
                    marker, demoted = _NO_MARKER, True
            elif (
                marker.kind == "number"
                and prev is not None
                and _cut_reference(stripped, marker, prev.text, expected)
            ) or (marker.kind in ("letter", "roman") and prev is not None and _reference_goes_on(prev.text)):
                marker, demoted = _NO_MARKER, True
            opens_dash = prev is None and dash_line is not None and marker.kind == "none"
            if opens_dash:
                marker = _LONE_DASH_MARKER
            opens_marked = prev is None and opened_by is not None and marker.kind == "none"
            if opened_by is not None and opens_marked:
                marker = opened_by[1]
            starts = prev is None or marker.kind != "none"
            if not demoted and not starts and prev is not None:
                # In one-paragraph-per-line text a new sentence starts a unit even where the
                # source lost the full stop before it (the Charter's Arabic Article 13).
                starts = (per_line and (_ends_item(prev.text) or _starts_sentence(stripped))) or (
                    long_lines and not _opens_lower(stripped)
                )
            # A line in lower case goes on the sentence, unless that sentence is set in
            # capitals (the French Charter's "… RÉALISER CES DESSEINS" / "en conséquence, …").
            if (
                recitals
                and not starts
                and prev is not None
                and not pending
                and (not _opens_lower(stripped) or _capitals(prev))
            ):
                whole = _width(stripped) >= _PARAGRAPH_LINE and FULL_STOP.search(_tail(line.text)) is not None
                starts = whole and not _may_precede_marker(prev.text)
            if (
                not starts
                and prev is not None
                and point_indent is not None
                and _starts_sentence(stripped)
                and FULL_STOP.search(_tail(prev.text)) is not None
            ):
                indent = _indentation(text, line)
                # The paragraph's own words after its point list.
                starts = indent is not None and indent == base_indent and indent < point_indent
            if starts:
                indent = _indentation(text, line)
                if marker.kind in ("letter", "roman", "dash"):
                    if indent is None:
                        point_indent = 0  # unknown: never outdented below it
                    else:
                        point_indent = indent if point_indent is None else min(point_indent, indent)
                else:
                    base_indent, point_indent = indent, None
            if starts and piece_start is not None and prev is not None:
                if keep is None:
                    units.append(_Unit(piece_start, prev.content_end, piece_marker))
                elif keep > 0:
                    units.append(_Unit(piece_start, piece_lines[keep - 1].content_end, piece_marker))
            if starts:
                taken(marker)
                start_line = dash_line if opens_dash and dash_line is not None else line
                start_line = opened_by[0] if opened_by is not None and opens_marked else start_line
                piece_start, piece_marker = start_line.content_start, marker
                at_boundary = prev is None or _ends_item(prev.text)
                piece_lines = []
            piece_lines.append(line)
            prev = line
        dash_line = trailing_dash
        if piece_start is not None and prev is not None:
            keep = None
            following = _line_marker(blocks[at + 1][0], lang) if at + 1 < len(blocks) else _NO_MARKER
            # A caption before a list restarting at 1 heads a section of its own ("B. Term of
            # protection / 1. …", see _sublist_item); it stays a unit.
            restarts = following.printed == "1" and expected is not None and expected > 1
            if following.kind in ("number", "letter") and not restarts:
                # "… when necessary.\nConsultations\n\n13. …": the caption of the next paragraph.
                keep = _before_caption(piece_lines, at_boundary=at_boundary and piece_marker.kind == "none")
            if keep is None:
                units.append(_Unit(piece_start, prev.content_end, piece_marker))
            elif keep > 0:
                units.append(_Unit(piece_start, piece_lines[keep - 1].content_end, piece_marker))
    return units


# --- building provisions --------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    """A provision under construction (mutable until the tree is complete).

    Ids and labels are given once the tree is final (:meth:`freeze`), so that point
    lists can still be moved under the paragraph that introduces them.
    """

    segment: str
    kind: Kind
    start: int
    end: int
    number: str | None
    unit: LabelUnit
    shown: str = ""
    children: list[_Node] = field(default_factory=list)
    # Ordinal counters for this node's children.
    unnumbered: int = 0
    dashes: int = 0
    has_lead: bool = False
    marker_end: int | None = None
    """Where a marked paragraph's or point's marker ends: its lead-in words follow."""
    form: str = ""
    """Its marker's shape: "()" for "(a)", ")" for "a)", "." for "a."."""

    def freeze(
        self, text: str, parent_id: str, parent_label: str, ids: IdRegistry, labels: LabelMaker
    ) -> Provision:
        """The provision, spanning its own text and every descendant's, with its id and label.

        Ids are claimed in document order: this node's before its descendants'.
        """
        pid = ids.claim(f"{parent_id}.{self.segment}")
        label = labels.child(parent_label, self.unit, self.shown)
        end = self.end
        children: tuple[Provision, ...] = ()
        if self.children:
            children = tuple([child.freeze(text, pid, label, ids, labels) for child in self.children])
            end = max(end, *[child.span.end for child in children])
        return Provision(
            pid, self.kind, label, text[self.start : end], Span(self.start, end), self.number, None, children
        )


# A lead-in needs a word: "2." alone, or "(a) —", is only a marker.


def _lead_words(text: str, start: int, end: int) -> Span | None:
    """The span of the words in ``text[start:end]`` (after a marker), if it has any."""
    span = trimmed_span(text, start, end)
    if span is None or _LETTER.search(text, span.start, span.end) is None:
        return None
    return span


def split_paragraphs(
    text: str,
    span: Span,
    *,
    parent_id: str,
    parent_label: str,
    lang: str,
    ids: IdRegistry,
    trailing_caption: bool = False,
    notes: list[str] | None = None,
) -> tuple[Provision, ...]:
    """Split an article body into paragraphs, points and dash items.

    Numbered paragraphs ("1." "(1)" "1)") start a paragraph; points ("(a)" "a)"
    "а)" "(i)") nest inside the preceding numbered paragraph, roman points inside
    the preceding letter point; dash items ("–" "—" "-") nest inside the preceding
    paragraph or point. Unmarked paragraphs inside a numbered paragraph continue it
    (``art-1.2.p2``, its lead text being paragraph 1); elsewhere they are numbered
    by position among the paragraphs of their parent (``art-2.p4``). A body that
    is a single unmarked paragraph has no children.

    The lead-in of a marked paragraph or point that has children (its words after
    the marker, up to the first child) is a child of its own, so that a map can
    link it: ``art-1.2.p1`` when unmarked paragraphs follow it, ``art-1.1.intro``
    when points or dash items do. A lead-in that is only the marker has no id.

    Args:
        text: the body's whole ``source_text``.
        span: the part of ``text`` to split (the article without its heading).
        parent_id: id of the article (or annex, chapter) the children belong to.
        parent_label: its display label.
        lang: language code for the labels.
        ids: the body's id registry, so that ids stay unique.
        trailing_caption: whether short caption lines after the last full stop are the
            next unit's heading (ToTA articles), and so no paragraph of this one.
        notes: where to say which paragraph numbers stand without their text (see below).

    A paragraph number alone, followed by the next paragraph's number or by the end of
    the article, lost its text in the source (pta_12 Article 44 "1. … / 2. / 3. …"): it
    is no provision, since an empty one would be cited and compared as if it were the
    treaty's paragraph, and a line naming it is added to ``notes``. Its number stays in
    the article's text.

    Returns:
        The top-level children in document order; spans are exact.
    """
    end = _trailing_caption_start(text, span.start, span.end) if trailing_caption else span.end
    units = _glued_definitions(text, _units(text, span.start, end, lang))
    if len(units) <= 1 and all(u.marker.kind == "none" for u in units):
        return ()
    root = _Node("", "article", span.start, span.start, None, "article")
    top: list[_Node] = []
    paragraph: _Node | None = None  # current numbered paragraph
    paragraph_form = ""  # its marker's shape: "." for "1."
    numbered: _Node | None = None  # current numbered point ("1)" or "(1)" under "1.")
    numbered_form = ""
    resumable: _Node | None = None  # the paragraph's last numbered point, kept over unmarked units
    letter: _Node | None = None  # current letter point
    roman: _Node | None = None  # current roman point
    upper: _Node | None = None  # current capital letter point "(A)" under "(a)" or "(i)"
    sublist = False  # whether ``numbered`` is a list "1." … under a lead-in ending in ":"
    sublist_owner: _Node | None = None  # that lead-in's node
    sublist_kind: Kind = "point"  # "paragraph" for a section's own paragraphs after its caption
    dotted = any(u.marker.kind == "number" and u.marker.form == "." for u in units)
    last_node: _Node | None = None  # the node of the unit before
    # The point lists open before unmarked units interrupted them, and those units (_resumed).
    suspended: _Open | None = None
    interrupted: list[_Node] = []
    numbered_in: _Node | None = None  # the point whose lead-in ends in ":" that ``numbered``'s list is under
    sub_in: _Node | None = None  # the point whose list is printed with its own list's markers
    sub_kind: MarkerKind = (
        "none"  # that list's kind: "letter" for "(a)" under "(b)", "roman" for "(i)" under "(i)"
    )
    outer = _NO_POINTS  # the points open at ``numbered_in`` or ``sub_in``: their lists may go on after it

    def add_lead(owner: _Node, marker_end: int, before: LabelUnit) -> None:
        # The lead-in IS paragraph 1 when paragraphs follow it (docs/ids.md rule 5);
        # before points it is their chapeau. A marker alone has no lead-in.
        lead = _lead_words(text, marker_end, owner.end)
        if lead is None:
            return
        if before == "unnumbered":
            owner.children.append(_Node("p1", "paragraph", lead.start, lead.end, None, "unnumbered", "1"))
        else:
            owner.children.append(_Node("intro", "paragraph", lead.start, lead.end, None, "intro"))

    def add(
        parent: _Node | None,
        node_kind: Kind,
        unit: LabelUnit,
        printed: str,
        u: _Unit,
        *,
        lettered: bool = False,
    ) -> _Node:
        owner = parent if parent is not None else root
        if owner.marker_end is not None and not owner.children:
            add_lead(owner, owner.marker_end, unit)
        if unit == "unnumbered":
            owner.unnumbered += 1
            position = owner.unnumbered + (1 if owner.has_lead else 0)
            segment, shown, number = f"p{position}", str(position), None
        elif unit == "dash":
            owner.dashes += 1
            segment, shown, number = f"dash-{owner.dashes}", str(owner.dashes), None
        else:
            ordinal = point_segment(printed, lang, numbered=node_kind == "point") if lettered else None
            segment = ordinal or number_slug(printed, roman=False) or f"p{owner.unnumbered + 1}"
            shown, number = printed, printed
        node = _Node(
            segment=segment,
            kind=node_kind,
            shown=shown,
            start=u.start,
            end=u.end,
            number=number,
            unit=unit,
            has_lead=unit in ("paragraph", "point"),
            marker_end=u.start + u.marker.end if unit in ("paragraph", "point", "dash") else None,
            form=u.marker.form,
        )
        (parent.children if parent is not None else top).append(node)
        return node

    for index, u in enumerate(units):
        kind = u.marker.kind
        if kind == "number" and _text_lost(text, u, units[index + 1] if index + 1 < len(units) else None):
            if notes is not None:
                printed = u.marker.printed
                notes.append(
                    f"{parent_id}: number {printed} stands without its text in the source; no provision"
                )
            continue
        if kind == "number" and _ocr_letter_l(
            u.marker, letter, units[index + 1] if index + 1 < len(units) else None
        ):
            # "(k) … (1) … (m)": the letter l that OCR read as the digit 1 (pta_426).
            u = _Unit(u.start, u.end, u.marker._replace(kind="letter", printed="l"))
            kind = "letter"
        before = units[index - 1] if index else None
        points = (suspended.letter, suspended.roman, suspended.upper) if suspended is not None else ()
        in_list = (letter or roman or upper) is not None or any(points)
        if kind == "number" and _footnote_text(text, span.start, u, before, paragraph_form, in_list=in_list):
            kind = "none"  # "… organisation (1) and …" / "(1) The reference to …": a footnote's text
        following = units[index + 1].marker.printed if index + 1 < len(units) else None
        level = _resumed(u.marker, kind, suspended, following, lang) if suspended is not None else None
        if suspended is not None and level is not None:
            # "(b) … (i) … / Note: … / (ii) …": the list goes on at its level (docs/ids.md rule 6).
            numbered, numbered_in, letter, roman, upper = suspended[:5]
            outer = suspended.outer or _NO_POINTS
            roman = None if level == "letter" else roman
            upper = upper if level in ("upper", "number", "dash") else None
            kind = "letter" if level == "upper" else level
            owner = {
                "upper": roman or letter,
                "roman": letter or numbered or paragraph,
                "letter": paragraph if numbered_in is not None else numbered or paragraph,
                "number": numbered_in or paragraph,
                "dash": suspended.dashed,
            }[level]
            _move_unnumbered(interrupted, paragraph, root, top, owner)
        if (
            suspended is not None
            and level is None
            and suspended.letter is not None
            and _second_lead_in_of_letter(text, u, kind, before, suspended.letter, units[index + 1 :])
        ):
            # "(e) … means: (i) (ii) / Such measures include: / (i) (ii) (iii) / (f) …": the
            # lead-in and its list are (e)'s, as (f) goes on (e)'s list (docs/ids.md rule 6).
            numbered, numbered_in, letter, roman, upper = suspended[:5]
            if letter is not None and letter.marker_end is not None and not letter.children:
                add_lead(letter, letter.marker_end, "point")  # "(e) … as a result of:" / a footnote / "(i)"
            _move_unnumbered(interrupted, paragraph, root, top, letter)
            suspended, interrupted = None, []
            roman = add(letter, "point", "point", u.marker.printed, u)
            upper, last_node = None, roman
            continue
        if kind in ("letter", "roman", "number", "dash"):
            suspended, interrupted = None, []
        nested = numbered_in is not None or sub_in is not None
        back = _resumed(u.marker, kind, outer, following, lang) if nested else None
        inner = _Open(None, None, letter, roman, upper, None, "", None)
        if back in ("upper", "roman", "letter") and _resumed(u.marker, kind, inner, following, lang) is None:
            # "(ii) … categories: / (1) … (2) …", then "(b)": the list around the numbered one goes on.
            numbered, numbered_in, sub_in = outer.numbered if sub_in is not None else None, None, None
            letter, roman, upper = outer.letter, outer.roman if back != "letter" else None, outer.upper
            upper = upper if back == "upper" else None
            kind, level = "letter" if back == "upper" else "roman" if back == "roman" else "letter", back
        if kind == "roman" and level is None:
            cased = upper if upper is not None and u.marker.printed.isupper() else letter
            if _continues_letters(u.marker.printed, cased.number if cased else None, following):
                kind = "letter"
        if (
            kind == "number"
            and not sublist
            and _interrupts_run(u.marker, paragraph, paragraph_form, units[index + 1 :])
        ):
            # "(4) … / (1) For greater certainty, … / (5) …": a footnote's text between two
            # paragraphs that follow each other stays in the paragraph before (pta_428).
            kind = "none"
        if (
            kind == "number"
            and not sublist
            and (
                _numbered_point(u.marker, paragraph_form, numbered, numbered_form)
                or _resumes_numbered_points(u.marker, paragraph_form, resumable, numbered_form)
                or _numbered_under_point(
                    u.marker,
                    paragraph_form,
                    (numbered, numbered_form, numbered_in),
                    last_node is not None and last_node is (upper or roman or letter),
                    before is not None and _point_lead_in(text, before.end),
                )
            )
        ):
            # "1. … 1) … 2)": points numbered under a numbered paragraph (docs/ids.md rule 1),
            # or under the point before when its lead-in ends in ":" ("(ii) … categories: / (1) …").
            if numbered is None:
                lead_in = last_node is not None and last_node is (upper or roman or letter)
                lead_in = lead_in and before is not None and _point_lead_in(text, before.end)
                numbered_in = last_node if lead_in else None
                outer = _Open(None, None, letter, roman, upper, None, "", None)
            numbered = add(numbered_in or paragraph, "point", "point", u.marker.printed, u, lettered=True)
            resumable = numbered
            numbered_form = u.marker.form
            letter = roman = upper = None
        elif kind == "number" and (
            opens := _sublist_item(
                text, u, before, paragraph, paragraph_form, numbered if sublist else None, dotted
            )
        ):
            # "2. … the following areas:" / "1. trade; 2. training;" then "3. …": the list
            # restarting at 1 after a lead-in is that lead-in's points (docs/ids.md rule 1).
            if not sublist or u.marker.printed == "1":
                sublist_owner, sublist_kind = last_node, "paragraph" if opens == "section" else "point"
            if sublist_kind == "paragraph":
                # "B. Term of protection / 1. …": the section's own paragraphs, under its caption.
                numbered = add(sublist_owner, "paragraph", "paragraph", u.marker.printed, u)
            else:
                numbered = add(sublist_owner, "point", "point", u.marker.printed, u, lettered=True)
            numbered_form, sublist, numbered_in = u.marker.form, True, None
            letter = roman = upper = None
            last_node = numbered
            continue
        elif kind == "number":
            paragraph = add(None, "paragraph", "paragraph", u.marker.printed, u)
            paragraph_form = u.marker.form
            numbered = resumable = letter = roman = upper = numbered_in = sub_in = None
            sublist = False
            last_node = paragraph
            continue
        elif _restarts_under(text, u, kind, last_node, letter, roman, before, lang):
            # "(b) … provided that:" / "(a) …": a list printed with the markers of the list it is
            # under is the last point's own (docs/ids.md rule 1); the outer list may go on after it.
            outer = _Open(numbered, None, letter, roman, upper, None, "", None)
            sub_in, sub_kind = last_node, kind
            node = add(last_node, "point", "point", u.marker.printed, u, lettered=kind == "letter")
            letter, roman = (node, None) if kind == "letter" else (last_node, node)
            upper, last_node = None, node
            continue
        elif kind == "letter" and _doubled_letter_point(
            text, u.marker.printed, letter or roman, upper, before
        ):
            # "(i) … arising from:" / "(aa) … (bb) …": doubled letters under a point are a level below it.
            upper = add(roman or letter, "point", "point", u.marker.printed, u, lettered=True)
            last_node = upper
            continue
        elif kind == "letter" and _capital_point(u.marker.printed, letter or roman, upper):
            # "(a) … (i) … (A) (B)": capitals under lower-case points are a level of their own.
            upper = add(roman or letter, "point", "point", u.marker.printed, u, lettered=True)
            last_node = upper
            continue
        elif kind == "letter":
            owner = sub_in if sub_in is not None and sub_kind == "letter" else numbered or paragraph
            letter = add(owner, "point", "point", u.marker.printed, u, lettered=True)
            roman = upper = None
            last_node = letter
            continue
        elif kind == "roman":
            roman = add(letter or numbered or paragraph, "point", "point", u.marker.printed, u)
            upper = None
            last_node = roman
            continue
        elif kind == "dash":
            if sub_in is not None and sub_in.unit == "dash":
                # "- … means:" / "(a) …" / "- …": the next dash item goes on the list of the first.
                numbered, letter, roman, upper, sub_in = (
                    outer.numbered,
                    outer.letter,
                    outer.roman,
                    outer.upper,
                    None,
                )
            last_node = add(upper or roman or letter or numbered or paragraph, "point", "dash", "", u)
            continue
        else:
            nested_list, sub_in = sub_in is not None, None
            if suspended is None and (letter or roman or upper or numbered) and not (sublist or nested_list):
                dashed = last_node is not None and last_node.unit == "dash"
                owner = (upper or roman or letter or numbered) if dashed else None
                suspended = _Open(numbered, numbered_in, letter, roman, upper, outer, numbered_form, owner)
            last_node = add(paragraph, "paragraph", "unnumbered", "", u)
            if suspended is not None:
                interrupted.append(last_node)
            numbered = letter = roman = upper = numbered_in = None
            sublist = False
            continue
        last_node = numbered
    _nest_lists(text, top)
    labels = label_maker(lang)
    return tuple(node.freeze(text, parent_id, parent_label, ids, labels) for node in top)


class _Open(NamedTuple):
    """The point lists open at an unmarked unit: the last point of each level."""

    numbered: _Node | None
    numbered_in: _Node | None
    letter: _Node | None
    roman: _Node | None
    upper: _Node | None
    outer: _Open | None
    """With ``numbered_in``: the points open where that list began."""
    numbered_form: str
    dashed: _Node | None
    """The point or paragraph whose dash item came last before the unit, if one did."""


_NO_POINTS = _Open(None, None, None, None, None, None, "", None)


_Level = Literal["upper", "letter", "roman", "number", "dash"]


def _resumed(  # noqa: PLR0911 - one answer per level
    marker: _Marker, kind: MarkerKind, open_: _Open, following: str | None, lang: str
) -> _Level | None:
    """The level whose list a point goes on after unmarked units interrupted it, if any.

    "(b) … (i) … (iii) …" / a note or a footnote's text / "(iv) …": a point whose marker is
    the next one of a list open before the interruption goes on that list, the deepest
    first ("upper" for "(B)" after "(A)", "roman" for "(iv)" after "(iii)", "letter" for
    "(c)" after "(b)", or "(i)" after "(h)" unless "(ii)" follows it; "number" for "(2)"
    after a point "(1)"; "dash" for a dash item after one).
    """
    printed = marker.printed
    if kind == "dash":
        return "dash" if open_.dashed is not None else None
    if kind == "number":
        point = open_.numbered
        if point is None or marker.form != open_.numbered_form or not printed.isdecimal():
            return None
        return "number" if int(printed) == int(point.number or 0) + 1 else None
    if kind not in ("letter", "roman"):
        return None
    level = _resumed_point(marker, kind, open_, following, lang)
    node = {"upper": open_.upper, "roman": open_.roman, "letter": open_.letter}.get(level or "")
    return level if node is None or not node.form or node.form == marker.form else None


def _resumed_point(
    marker: _Marker, kind: MarkerKind, open_: _Open, following: str | None, lang: str
) -> _Level | None:
    """The point level of :func:`_resumed`, whatever the marker's form."""
    printed = marker.printed
    upper = open_.upper
    last_upper = upper.number or "" if upper is not None else ""
    if len(printed) == len(last_upper) == 1 and printed.isupper() and ord(printed) == ord(last_upper) + 1:
        return "upper"
    roman = open_.roman
    if roman is not None and kind == "roman" and printed.islower() == (roman.number or "").islower():
        value, before = roman_to_int(printed), roman_to_int(roman.number or "")
        if value is not None and before is not None and value == before + 1:
            return "roman"
    letter = open_.letter
    if letter is None or printed.isupper() != (letter.number or "").isupper():
        return None
    if kind == "roman":
        return "letter" if _continues_letters(printed, letter.number, following) else None
    segment = point_segment(printed, lang, numbered=False) or ""
    if len(segment) == 1 and len(letter.segment) == 1 and ord(segment) == ord(letter.segment) + 1:
        return "letter"
    return None


def _second_lead_in_of_letter(  # noqa: PLR0913 - the unit, the one before it, the open letter, the rest
    text: str, u: _Unit, kind: MarkerKind, before: _Unit | None, letter: _Node, after: list[_Unit]
) -> bool:
    """Whether a roman list opening after unmarked words that end in ":" belongs to the letter
    point open before those words: "(e) … means: (i) … (ii) …" / "Such measures include
    measures affecting:" / "(i) … (iii) …" / "(f) …" (pta_334), or after a footnote's text when
    the letter's own words end in ":" and no list is under it yet. It does when the next letter
    after the list, in the letter's form, is the one after that letter; a definition of its own
    ("territory means:" / "(i) …") is followed by no letter going on the list before it.
    """
    if kind != "roman" or u.marker.printed.lower() != "i" or before is None or before.marker.kind != "none":
        return False
    # The words before the list end in ":", or the letter's own do and a footnote's text came
    # between ("(e) … as a result of:" / "1 For the avoidance of doubt, …" / "(i) …", pta_54).
    own = "" if letter.children else _last_mark(text, letter.end, letter.start)
    if _last_mark(text, before.end, before.start) not in ":：" and own not in (":", "："):
        return False
    for later in after:
        if later.marker.kind in ("roman", "none"):
            continue
        if later.marker.kind != "letter" or later.marker.form != letter.form:
            return False
        return len(later.marker.printed) == len(letter.number or "") == 1 and (
            ord(later.marker.printed) == ord(letter.number or " ") + 1
        )
    return False


def _move_unnumbered(
    nodes: list[_Node], paragraph: _Node | None, root: _Node, top: list[_Node], owner: _Node | None
) -> None:
    """Move the unmarked ``nodes`` from the paragraph (or the article: ``root``, ``top``) into
    ``owner``, the parent of the list that goes on after them, renumbering them among its
    unnumbered paragraphs."""
    if owner is None or owner is paragraph or not nodes:
        return
    old_owner, siblings = (paragraph, paragraph.children) if paragraph is not None else (root, top)
    for node in nodes:
        siblings.remove(node)
        old_owner.unnumbered -= 1
    for node in nodes:
        owner.unnumbered += 1
        position = owner.unnumbered + (1 if owner.has_lead else 0)
        node.segment, node.shown = f"p{position}", str(position)
        owner.children.append(node)


_CLOSING_QUOTES = "’”'\""


def _restarts_under(  # noqa: PLR0913 - the unit, the one before it, and the lists' state
    text: str,
    u: _Unit,
    kind: MarkerKind,
    last: _Node | None,
    letter: _Node | None,
    roman: _Node | None,
    before: _Unit | None,
    lang: str,
) -> bool:
    """Whether a list opening at "(a)" (or "(i)") while a list of its kind is open, right after a
    point whose words end in ":", is that point's own list: "(b) … in calculating the value, /
    provided that:" / "(a) …"; "(i) claims to money that arise solely from:" / "(i) commercial
    contracts …"; "(iii) … as follows:" / "a. …" under "(a)". A list after a dash item ending in
    ":" is that item's, open list or not ("- "public entity" means:" / "(a) …")."""
    if last is None or before is None or last.unit not in ("point", "dash"):
        return False
    if last.unit == "point" and (letter if kind == "letter" else roman) is None:
        return False
    if kind == "letter":
        # "(A)" under "(a)" is a level of its own (_capital_point), not the same list restarting.
        same_case = letter is None or u.marker.printed.isupper() == (letter.number or "").isupper()
        opening = same_case and point_segment(u.marker.printed, lang, numbered=False) == "a"
    else:
        opening = kind == "roman" and u.marker.printed == "i"
    return opening and _last_mark(text, before.end) in ":："


def _footnote_text(  # noqa: PLR0913 - the unit, the one before it, and the article's state
    text: str, start: int, u: _Unit, before: _Unit | None, paragraph_form: str, *, in_list: bool
) -> bool:
    """Whether a unit marked "(1)" is the text of a footnote that ToTA printed among the body.

    It opens a sentence ("(1) The reference to …", "(1) For greater certainty, …") after a
    unit that is no lead-in (not ending in ":"), the article's paragraphs are not numbered
    "(1)" themselves, and either it comes while lettered points are open (``in_list``: a
    paragraph's numbered points would come before its letters, a new paragraph "(1)" not
    among them) or the article's words before it carry the footnote's mark, "(1)" after a
    word that names no unit ("… a non-profit organisation (1) and who …", not "… paragraph (1)").
    """
    if u.marker.form != "()" or paragraph_form == "()" or not u.marker.printed.isdecimal():
        return False
    words = text[u.start + u.marker.end : u.end].lstrip()
    if not words[:1].isupper() or before is None or text[before.start : before.end].rstrip().endswith(":"):
        return False
    if in_list:
        return True
    mark = "(" + u.marker.printed + ")"
    at = text.find(mark, start, u.start)
    while at != -1:
        ahead = text[max(start, at - 60) : at]
        word_end = ahead.rstrip()[-1:]
        after_word = ahead[-1:] in (" ", "\t") and (word_end.isalpha() or word_end in _CLOSING_QUOTES)
        if after_word and not ends_in_reference_word(ahead):
            return True
        at = text.find(mark, at + 1, u.start)
    return False


def _glued_definitions(text: str, units: list[_Unit]) -> list[_Unit]:
    """``units`` with each definition run into the point before it made a unit of its own.

    "(b) for Korea, the Government of Korea; sub-national government means:" then "(a) …":
    the words after the point's last ";" (or "; and", ".") that define a term and end in ":"
    are the next definition, whose points follow (pta_146); left in the point, its list
    would restart beside the list it ends (``.a_2``). Only before a list that restarts at
    the point's level or above: "(d) … Forms of investment include:" / "(i) …" is (d)'s list.
    """
    split: list[_Unit] = []
    for index, u in enumerate(units):
        following = units[index + 1].marker if index + 1 < len(units) else _NO_MARKER
        found = None
        if (
            u.marker.kind in ("letter", "roman")
            # "(d) … include:" / "(i)" is (d)'s own list; "(ii) …" / "(a)" restarts the level above
            and (following.kind == u.marker.kind or following.kind == "letter")
            and following.printed in _LIST_OPENINGS
            and following.printed != u.marker.printed
        ):
            found = GLUED_DEFINITION.search(text, u.start + u.marker.end, u.end)
        if found is None:
            split.append(u)
            continue
        split.append(_Unit(u.start, found.start() + len(found.group().rstrip()), u.marker))
        split.append(_Unit(found.end(), u.end, _NO_MARKER))
    return split


def _capital_point(printed: str, letter: _Node | None, upper: _Node | None) -> bool:
    """Whether a capital letter point ("(A)") is a level below the lower-case points before it.

    A list "(A) (B) …" that opens at "A" after a lower-case point "(a)" (or its roman
    point "(i)") is that point's points, a third level (docs/ids.md rule 1); it goes on
    while the letters follow.
    """
    if len(printed) != 1 or not printed.isupper() or letter is None or not (letter.number or "").islower():
        return False
    if printed == "A":
        return True
    return upper is not None and ord(printed) - ord((upper.number or " ")[0]) == 1


_LIST_OPENINGS = frozenset({"a", "i"})
_DOUBLED_OPENING = "aa"
"""A list of doubled letters "(aa) (bb)" opens at "aa" (_doubled_letter_point, _nest_lists)."""


def _doubled_letter_point(
    text: str, printed: str, above: _Node | None, upper: _Node | None, before: _Unit | None
) -> bool:
    """Whether a doubled-letter point ("(aa)", "(bb)") is a level below the point before it.

    A list "(aa) (bb) …" that opens right after a lettered or roman point whose words end in
    ":" ("(ii) … owned or controlled by:" / "(aa) …", pta_434) is that point's points, as
    capitals are (docs/ids.md rule 1); it goes on while the letters follow. "(aa)" after "(z)"
    with no lead-in goes on the letters.
    """
    if len(printed) != 2 or printed[0] != printed[1] or not printed.islower() or above is None:
        return False
    if printed == _DOUBLED_OPENING:
        return before is not None and _last_mark(text, before.end) in ":："
    shown = (upper.number or "") if upper is not None else ""
    doubled = len(shown) == 2 and shown[0] == shown[1] and shown.islower()
    return doubled and ord(printed[0]) - ord(shown[0]) == 1


def _nest_lists(text: str, siblings: list[_Node]) -> None:
    """Move point lists under the unnumbered paragraph introducing them, where lists restart.

    A definitions article ("'goods' means: (a) … (b) …" / "'territory' means: (a) …")
    holds one list per unmarked paragraph; left side by side their ids would collide
    (``art-4-01.a_2``). When the points of ``siblings`` repeat a segment, each list that
    opens at "a" (or "i") right after an unnumbered paragraph becomes that paragraph's
    points, its words their lead-in (``art-4-01.p3.intro``, ``art-4-01.p3.a``; docs/ids.md
    rule 5). Applied to every level of the tree.
    """
    for node in siblings:
        if node.children:
            _nest_lists(text, node.children)
    segments = [node.segment for node in siblings if node.unit == "point"]
    if len(segments) == len(set(segments)):
        return
    kept: list[_Node] = []
    owner: _Node | None = None  # the unnumbered paragraph whose list is being moved
    for node in siblings:
        if node.unit != "point":
            owner = None
        elif owner is not None:
            owner.children.append(node)
            continue
        elif (
            (node.segment in _LIST_OPENINGS or node.segment == _DOUBLED_OPENING)
            and kept
            and _bare_unnumbered(kept[-1])
        ):
            owner = kept[-1]
            lead = _lead_words(text, owner.start, owner.end)
            if lead is not None:
                owner.children.append(_Node("intro", "paragraph", lead.start, lead.end, None, "intro"))
            owner.children.append(node)
            continue
        kept.append(node)
    siblings[:] = kept


def _bare_unnumbered(node: _Node) -> bool:
    return node.unit == "unnumbered" and not node.children


def _text_lost(text: str, unit: _Unit, following: _Unit | None) -> bool:
    """Whether a number marker stands without words, before another number of its form or at the end."""
    if _LETTER.search(text, unit.start + unit.marker.end, unit.end) is not None:
        return False
    return following is None or (
        following.marker.kind == "number" and following.marker.form == unit.marker.form
    )


def _numbered_point(marker: _Marker, paragraph_form: str, numbered: _Node | None, numbered_form: str) -> bool:
    """Whether a number marker is a point of the numbered paragraph before it.

    Under a paragraph "1." a list "1)" (or "(1)") that starts at 1 is its points, as in
    the common Russian layout "1. … 1) … 2) …"; the list goes on while the numbers follow.
    """
    if paragraph_form != "." or marker.form not in ("()", ")") or not marker.printed.isdigit():
        return False
    if numbered is None:
        return marker.printed == "1"
    return marker.form == numbered_form and int(marker.printed) == int(numbered.number or 0) + 1


def _ocr_letter_l(marker: _Marker, letter: _Node | None, following: _Unit | None) -> bool:
    """Whether a marker "(1)" is the letter "(l)" read as a digit: it stands between the
    points "(k)" and "(m)" of its form (pta_426 Article 8)."""
    if marker.kind != "number" or marker.printed != "1" or letter is None or letter.number != "k":
        return False
    return following is not None and following.marker.printed == "m" and following.marker.form == marker.form


def _interrupts_run(
    marker: _Marker, paragraph: _Node | None, paragraph_form: str, after: list[_Unit]
) -> bool:
    """Whether a number marker stands inside a run of paragraphs, not in it: a number behind
    the current paragraph's, in its form, where the next number marker is that paragraph's
    successor (a footnote's text "(1) …" printed between "(4)" and "(5)")."""
    if paragraph is None or marker.form != paragraph_form or not marker.printed.isdecimal():
        return False
    current = paragraph.number or ""
    if not current.isdecimal() or int(marker.printed) >= int(current):
        return False
    following = next((u.marker for u in after if u.marker.kind == "number"), None)
    return (
        following is not None
        and following.form == paragraph_form
        and following.printed == str(int(current) + 1)
    )


_RESUME_GAP = 3
"""A numbered point list resumes at most this far after its last number (its items between lost them)."""


def _resumes_numbered_points(
    marker: _Marker, paragraph_form: str, last: _Node | None, last_form: str
) -> bool:
    """Whether a number marker resumes the numbered points of the paragraph "1." before it
    after unmarked units: items whose markers the source lost ("2. … includes: / 1) … /
    … ; / … ; / 4) …", pta_440 Article 68). It has the points' form, not the paragraph's,
    and a number one to three above the last point's."""
    if last is None or paragraph_form != "." or marker.form != last_form or not marker.printed.isdecimal():
        return False
    return 0 < int(marker.printed) - int(last.number or 0) <= _RESUME_GAP


_ITEM_GOES_ON = re.compile(r"(?:[;,]|\b(?:and|or|et|ou|y|o|e|и|или))\s*$", re.IGNORECASE)


def _sublist_item(  # noqa: PLR0913 - the unit, the one before it, and the list's state
    text: str,
    u: _Unit,
    before: _Unit | None,
    paragraph: _Node | None,
    paragraph_form: str,
    item: _Node | None,
    dotted: bool,
) -> Literal["list", "section", ""]:
    """Whether a number marker is an item of a list under a lead-in, not the next paragraph.

    A list that restarts at 1 right after a unit ending in ":" opens it — in the
    paragraphs' own form, or "1)" / "(1)" in an article numbered "1." (``dotted``); so
    does a "1." in the paragraphs' form after a caption line ("B. Term of protection",
    "Section III: …"), which opens the section's own paragraphs (``"section"``). It goes
    on while the numbers follow (``item`` is the last one), and a number that is also
    the next paragraph's goes on only when the item before ended in ";" or "," (or
    "and", "or").
    """
    if before is None or not u.marker.printed.isdecimal():
        return ""
    if item is not None and int(u.marker.printed) != int(item.number or 0) + 1:
        item = None  # the list ended: a new one may open
    if item is None:
        if u.marker.printed != "1":
            return ""
        lead = text[before.start : before.end].rstrip()
        same_form = paragraph is not None and u.marker.form == paragraph_form
        if lead.endswith((":", "：")):
            return "list" if same_form or (dotted and u.marker.form in (")", "()")) else ""
        caption = "\n" not in lead and _caption_like(lead[before.marker.end :].strip() or lead, first=True)
        return "section" if same_form and caption and len(lead) <= _CAPTION_CHARS else ""
    if paragraph is None or not (paragraph.number or "").isdecimal():
        return "list"
    if int(u.marker.printed) != int(paragraph.number or 0) + 1:
        return "list"
    return "list" if _ITEM_GOES_ON.search(text[before.start : before.end]) is not None else ""


def split_recitals(
    text: str, span: Span, *, parent_id: str, parent_label: str, lang: str, ids: IdRegistry
) -> tuple[Provision, ...]:
    """Split a preamble into recitals ``preamble.1`` … by position (markers ignored)."""
    labels = label_maker(lang)
    recitals = []
    for n, u in enumerate(_units(text, span.start, span.end, lang, recitals=True), start=1):
        recitals.append(
            Provision(
                id=ids.claim(f"{parent_id}.{n}"),
                kind="recital",
                label=labels.child(parent_label, "recital", str(n)),
                text=text[u.start : u.end],
                span=Span(u.start, u.end),
                number=None,
            )
        )
    return tuple(recitals)
