"""Count the structural invariants that segmentation defects break, over the reference corpus.

Parses all ToTA files and the six UN Charter raw texts and counts, per defect class,
the units that break an invariant and the files affected, with a few examples
(ids only, never treaty text). docs/segmentation.md records the table before and
after the fixes; ``--ceilings FILE`` fails (exit 1) when a class exceeds its ceiling,
which is how CI keeps the fixes from regressing (tests/test_structure_check.py).

Usage: python benchmark/structure_check.py [--corpus DIR] [--examples N] [--ceilings FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from treatydiff.ingest import parse_text, parse_tota
from treatydiff.ingest.numbers import roman_to_int
from treatydiff.model import Body, Provision

HERE = Path(__file__).resolve().parent
CHARTER_LANGS = ("ar", "en", "es", "fr", "ru", "zh")
CEILINGS = HERE / "structure_ceilings.json"

# A unit that ends like this may be followed by anything (a sentence, an item, a lead-in);
# a footnote number may follow the punctuation ("… legislations;4"), and U+037E is a semicolon;
# Spanish "ni" (nor) ends a list's item as "o" does ("… por más de un año, ni", pta_71).
_UNIT_END = re.compile(
    r"(?:[.;\u037e:,!?…)\]»\"”'’。；：，、！？）؛،؟*\-–—](?:[0-9]{1,3}(?:-[0-9]{1,3})?)?"
    r"|\b(?:and|or|et|ou|y|o|e|ni|и|или|либо)|[;\u037e]\s*u)\s*$",
    re.IGNORECASE,
)
_STARTS_LOWER = re.compile(r"^[\"“'‘]?[a-zà-ÿа-я]")
_LETTER = re.compile(r"[^\W\d_]")
_DUP_SUFFIX = re.compile(r"_[0-9]+$")
_MOJIBAKE = re.compile("[ÐÑ][\u00a0-\u00bf\u2013-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u02c6\u2122]")
_LONE_DASH = re.compile(r"^\s*[-–—•]\s*$")
_DASH_NO_SPACE = re.compile(r"^[ \t]*[-–—](?=[^\W\d_])", re.MULTILINE)
_MARKER_NO_SPACE = re.compile(r"^[ \t]*\(?[0-9]{1,2}[.)](?=[A-ZА-Я])", re.MULTILINE)
# At the start of a line: "… hecho en Marrakech el 15 de abril de 1994" inside a definition
# names another instrument, not this one's signature.
_SIGNATURE = re.compile(
    r"^\s*(?=(?-i:[A-ZÀ-ÞА-Я]))(?:in witness whereof|done (?:at|in)\b|executed (?:at|in)\b|udfærdiget"
    r"|совершено в|hecho en|fait à|signed (?:at|in)\b)",
    re.IGNORECASE | re.MULTILINE,
)
_CONTAINER_LINE = re.compile(
    r"^[ \t]*(?:ANNEX|Annex|PROTOCOL|Protocol|APPENDIX|Appendix|ANEXO|PROTOCOLO|ANNEXE"
    r"|ПРОТОКОЛ|ПРИЛОЖЕНИЕ|RECORD OF UNDERSTANDINGS)\b",
    re.MULTILINE,
)
# A caption: a short line of capitalised words without end punctuation ("Global safeguard measures").
_CAPTION = re.compile(r"^[ \t]*[A-ZÀ-ÞА-Я][^\n.;:,!?]{2,60}$")
# A number followed by words in lower case is the sentence's ("… ciento veinte\n(120) días").
_MARKER_LINE = re.compile(r"^[ \t]*(?:\(?[0-9]{1,3}[.)]\s(?![ \t]*[a-zà-ÿ])|\([a-z]{1,4}\)\s)", re.MULTILINE)
# A preamble that opens with its title or the word "Preamble" run into the recitals.
_PREAMBLE_WORD = re.compile(r"\b(?:PREAMBLE|Preamble|PREÁMBULO|Preámbulo|PRÉAMBULE|PREAMBULE|Préambule)\b")
_MAX_GAP = 3
"""A gap in the source's numbering is one or two numbers: a larger jump is a number read wrongly,
unless the paragraphs around it end and open sentences (:func:`_source_gap`)."""
_SENTENCE_AFTER_WORD = re.compile(r"[^\W\d_)][.!?][\"”’)]*\s*$")
_OPENS_SENTENCE = re.compile(r"[A-ZÀ-ÞА-Я][a-zà-ÿа-я]")
_FIGURE = re.compile(r"(?=.*[0-9%])[0-9IO.,%\s-]+")
_TITLE_LINES = 3
_TITLE_WORDS = 6
"""A title's treaty word is among the first words of one of the first lines of the preamble."""
_TITLE_WORD = re.compile(
    r"\W*(?:agreement|treaty|convention|protocol|decision|acuerdo|tratado|convenio|accord|traité|traite"
    r"|соглашение|договор|sporazum)",
    re.IGNORECASE,
)
_GLUED_TITLE_WORD = re.compile(r"(?:AGREEMENT|TREATY|PROTOCOL)")  # "translationTREATYon"
_CAPS_TITLE = re.compile(
    r"^\W*(?:[A-Z][A-Z’'\-–,()]*\s+){0,12}?(?:FREE TRADE )?(?:AGREEMENT|TREATY|CONVENTION|PROTOCOL"
    r"|ACUERDO|TRATADO|CONVENIO|ACCORD|TRAITÉ|TRAITE)\b"
)


@dataclass
class Tally:
    """One defect class: units counted, files affected, a few example ids."""

    name: str
    what: str
    units: int = 0
    files: set[str] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)

    def add(self, file: str, where: str, limit: int, *, one_per_file: bool = True) -> None:
        self.units += 1
        self.files.add(file)
        repeat = one_per_file and any(e.startswith(file + " ") for e in self.examples)
        if len(self.examples) < limit and not repeat:
            self.examples.append(f"{file} {where}")


CLASSES = (
    ("mid_sentence_cut", "a unit ends without punctuation and the next starts in lower case"),
    ("mid_sentence_recital", "the same between two recitals"),
    ("noise_only", "a unit without a letter (page number, footnote marker, tariff code)"),
    ("dup_suffix", "an id made unique with `_2` …"),
    (
        "marker_repeated_in_source",
        "the same, but the source prints the point's marker twice in a row: the point before, in the"
        " same form, ends an item, and the next point follows the marker or the one it stands for"
        " (its own slip; not a defect)",
    ),
    (
        "lead_in_after_list_in_source",
        "the same, but the source prints a definition's list before its lead-in: the list restarts at"
        ' (a) with no lead-in, and the unit right after it is unmarked, ends in ":" and has no list'
        " after it (its own order; not a defect)",
    ),
    ("second_preamble", "a second preamble (`preamble_2`)"),
    ("closing_missing", "a signature formula in an article, and no closing"),
    ("annex_in_closing", "an annex or protocol heading inside the closing"),
    ("lone_dash", "a unit that is only a dash (split from its item)"),
    ("dash_no_space", "a line opening `-word` inside a unit (not its first)"),
    ("marker_no_space", "a line opening `1.The` inside a unit (not its first)"),
    ("caption_last", "an article's last unit is a caption line (the next article's heading)"),
    (
        "table_cell_last",
        "the same, but figures follow it in the article: a cell of a table the source flattened into"
        " lines (not a caption; not a segmentation defect)",
    ),
    ("caption_glued", "a unit opening with a caption line, with a marker line after it"),
    ("number_out_of_order", "a numbered paragraph not one more than the previous one"),
    (
        "number_gap_in_source",
        "the same, but the source prints no paragraph numbered in between (its own gap; not a defect)",
    ),
    (
        "number_repeated_in_source",
        "the same, but the source prints the previous paragraph's number again, in its form, for a new"
        " sentence, and no lower number in between (its own slip; not a defect)",
    ),
    (
        "number_misprinted_in_source",
        "the same, but it stands between the paragraphs one below and one above the number it"
        " should have, in their form, and opens a sentence: the source misprints it (not a defect)",
    ),
    ("no_title", "no title split off the preamble, though one of its first lines reads as a title"),
    (
        "no_title_in_source",
        "no title, and the preamble opens with the parties or a recital: the source prints none"
        " (not a defect)",
    ),
    ("title_glued", "no title, and the preamble opens with a title in capitals or the word Preamble"),
    ("garbled_head", "U+FFFD or mojibake in the title or preamble"),
    ("charter_count_mismatch", "a Charter article whose count of units differs between languages"),
)


def _leaves(provision: Provision) -> Iterator[Provision]:
    if not provision.children:
        yield provision
    for child in provision.children:
        yield from _leaves(child)


def _walk(provisions: Sequence[Provision]) -> Iterator[Provision]:
    for p in provisions:
        yield p
        yield from _walk(p.children)


def _source_gap(previous: int, number: int, between: str, following: str = "") -> bool:
    """Whether the source itself skips the one or two numbers before ``number``: none of them is
    printed as a paragraph number anywhere in the text ``between`` the two paragraphs (at a
    line's start or after a sentence's end, with or without its dot; or anywhere as "2. The").

    A larger jump is the source's too when the paragraph before ends a sentence after a word
    and the one after (``following``) opens one: the text lost paragraphs ("2. … proceedings."
    / "21. The Parties …"); after "… Article 47 or" a far number is a reference read wrongly.
    """
    if number <= previous + 1:
        return False
    if number > previous + _MAX_GAP:
        ends = _SENTENCE_AFTER_WORD.search(between) is not None
        opens = _OPENS_SENTENCE.match(following.lstrip().lstrip("(0123456789.)").lstrip()) is not None
        if not (ends and opens):
            return False
    return not any(
        re.search(r"(?m)(?:^|[.;:][\"”’)]?\s)[ \t•·]*\(?" + str(k) + r"\s*[.)]?\s+\S", between)
        # anywhere as "2. Neither …" or "(2) The …" (after a caption on its line, say)
        or re.search(r"(?<![\w.,/-])\(?" + str(k) + r"[.)]\s+[A-ZÀ-ÞА-Я(]", between)
        for k in range(previous + 1, number)
    )


def _form(text: str) -> str:
    """The shape of a paragraph's number as printed: "()" for "(2)", ")" for "2)", "." for "2."."""
    head = text.lstrip()
    if head.startswith("("):
        return "()"
    return head.lstrip("0123456789")[:1]


def _source_repeat(prev: Provision, nxt: Provision, between: str) -> bool:
    """Whether the source prints the previous paragraph's number again ("2. … / 2. …"): the
    same number in the same form, opening a sentence, with no lower number of that form
    printed at a line's start in ``between`` (which would be a list restarting, read wrongly)."""
    number = int(nxt.number or 0)
    if number != int(prev.number or 0) or _form(prev.text) != _form(nxt.text):
        return False
    words = nxt.text.lstrip().lstrip("(0123456789.)").lstrip()
    if not words[:1].isupper():
        return False
    form = _form(nxt.text)
    return not any(re.search(r"(?m)^[ \t]*" + _printed(k, form), between) for k in range(1, number))


def _source_misprint(prev: Provision, nxt: Provision, after: Provision | None) -> bool:
    """Whether the source misprints one paragraph's number ("2. … / 5. … / 4. …", pta_274
    Article 8; "2. … / 1. … / 4. …", pta_63 Article 17): it stands between the paragraphs
    numbered one below and one above the number it should have, all three in one form, and
    opens a sentence (a sub-list or a footnote would not sit between two such neighbours)."""
    if after is None or int(after.number or 0) != int(prev.number or 0) + 2 or nxt.number == after.number:
        return False
    if not _form(prev.text) == _form(nxt.text) == _form(after.text):
        return False
    words = nxt.text.lstrip().lstrip("(0123456789.)").lstrip()
    return words[:1].isupper()


def _printed(number: int, form: str) -> str:
    """The pattern of ``number`` printed in ``form`` ("(2)", "2)", "2.")."""
    return r"\(" + str(number) + r"\)" if form == "()" else str(number) + re.escape(form)


_POINT_MARK = re.compile(
    r"\s*(?P<m>\((?P<p>[a-z]{1,2}|[ivxl]{1,6}|[A-Z])\)|(?P<r>[a-z]{1,2}|[ivxl]{1,6})\))\s"
)
# An item ends: "…;", "… .", "…; and", "…; or" (not a lead-in's ":", nor a cut reference's "(a) or").
_ITEM_DONE = re.compile(r"(?:[.;]|;\s*(?:and|or|y|o|et|ou))[\"”’)]?\s*$")


def _rank(printed: str) -> int | None:
    """A point marker's place in its list: a letter's in the alphabet, a roman numeral's value."""
    if len(printed) > 1:
        return roman_to_int(printed)
    return ord(printed.lower()) - ord("a") + 1


def _opens_item(text: str, start: int) -> bool:
    """Whether the unit at ``start`` opens its line after a line that ends an item or a lead-in
    ("…;", "…; or", "… .", "…:"); after "… subparagraphs 2(a)," or "… Article 4.1(a) and" a
    marker is a cut reference's, even across a blank line."""
    before = text[:start].rstrip(" \t")
    if before and not before.endswith("\n"):
        return False
    last = before.rstrip().rsplit("\n", 1)[-1]
    return not last or last.rstrip().endswith(":") or _ITEM_DONE.search(last) is not None


_RUN_IN_POINT = re.compile(r"[;:][ \t]+\((?:[a-z]{1,2}|[ivxl]{1,6}|[A-Z])\)[ \t]")
_FOOTNOTE_OPENING = re.compile(r"[0-9]{1,3}\s+[A-ZÀ-Þ]")  # "155 A Party may comply …": a footnote's text


def _marker_repeat(
    text: str, parent: Provision, prev: Provision | None, point: Provision, following: Provision | None
) -> bool:
    """Whether the source prints ``point``'s marker twice in a row ("(b) adopt …; / (b) simplify …;
    / (d) establish …"): the sibling before is a point with the same marker in the same form that
    ends an item and has no point marker run into its lines ("…; (e) … means: (i) …"), both open
    their line after a line that ends one, the sibling after, if a point, follows the marker or
    the one it stands for, and the list is no footnote's (a parent whose text
    opens with the footnote's number: its points and the body's may alternate)."""
    if prev is None or point.kind != "point" or prev.kind != "point":
        return False
    if _RUN_IN_POINT.search(prev.text) is not None:
        return False  # "(ii) … office; (e) “sector” means: (i) …": the markers between are printed
    if _FOOTNOTE_OPENING.match(parent.text.lstrip()) or not all(
        _opens_item(text, p.span.start) for p in (prev, point)
    ):
        return False
    mark, before = _POINT_MARK.match(point.text), _POINT_MARK.match(prev.text)
    if mark is None or before is None or mark.group("m") != before.group("m"):
        return False
    if _ITEM_DONE.search(prev.text.rstrip().rsplit("\n", 1)[-1]) is None:
        return False
    if following is None or following.kind != "point":
        return True
    after = _POINT_MARK.match(following.text)
    rank = _rank(mark.group("p") or mark.group("r"))
    next_rank = _rank(after.group("p") or after.group("r")) if after is not None else None
    return rank is not None and next_rank is not None and next_rank - rank in (1, 2)


def _lead_in_after_list(parent: Provision, leaves: list[Provision]) -> set[str]:
    """The suffixed points of ``parent`` in lists whose lead-in the source prints after them.

    "(b) … identified under subparagraph (a);" / "(a) is a national of that Party; or" / "(b) has
    the right of permanent residence …;" / "natural person of a Party means … under the law of
    that Party:" / "person of a Party means …" (pta_24): a list restarting at "(a)" or "(i)" as a
    suffixed id, and right after its last unit an unmarked one ending in ":" that no list follows.
    """
    found: set[str] = set()
    children = parent.children
    at = 0
    while at < len(children):
        start = children[at]
        segment = start.id.rsplit(".", 1)[-1]
        if (
            start.kind != "point"
            or not _DUP_SUFFIX.search(segment)
            or segment.split("_")[0] not in ("a", "i")
        ):
            at += 1
            continue
        end = at
        while end + 1 < len(children) and children[end + 1].kind == "point":
            end += 1
        last = list(_leaves(children[end]))[-1]
        where = next((n for n, leaf in enumerate(leaves) if leaf is last), None)
        after = leaves[where + 1] if where is not None and where + 1 < len(leaves) else None
        beyond = leaves[where + 2] if where is not None and where + 2 < len(leaves) else None
        if (
            after is not None
            and after.kind != "point"
            and after.number is None
            and after.text.rstrip().endswith(":")
            and (beyond is None or beyond.kind != "point")
        ):
            found.update(c.id for c in children[at : end + 1] if _DUP_SUFFIX.search(c.id.rsplit(".", 1)[-1]))
        at = end + 1
    return found


def _figures_only(text: str) -> bool:
    """Whether ``text`` has lines and each is a table's figure ("80", "87,5%", OCR's "IOO%")."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return bool(lines) and all(_FIGURE.fullmatch(line) for line in lines)


def _title_line(text: str) -> bool:
    """Whether one of the first lines of ``text`` reads as a title: it opens with capitalised
    words and a treaty word ("TREATY OF TRADE", "Council Decision", "Agreement setting up …",
    "No. 814. GENERAL AGREEMENT …"), not with the parties' names ("Japan and … in this
    Agreement") or a sentence ("The States parties to this Agreement"), nor a sentence's next
    line ("Having regard to the Economic Partnership, … and / Cooperation Agreement …")."""
    lines = [line for line in text.split("\n") if line.strip()][:_TITLE_LINES]
    for at, line in enumerate(lines):
        if at and any(w[:1].islower() for w in lines[at - 1].split()):
            break
        words = line.split()[:_TITLE_WORDS]
        for n, word in enumerate(words):
            if _TITLE_WORD.match(word) or _GLUED_TITLE_WORD.search(word):
                if all(not w[:1].islower() for w in words[:n]):
                    return True
                break
    return False


def _after_break(text: str, start: int) -> bool:
    """Whether the line at ``start`` follows a blank line or a line that ends like an item
    may ("…;", "…:", "… and"); after any other line it is a hard-wrapped sentence's."""
    before = text[:start].rstrip(" \t")
    if before.endswith("\n\n") or not before.strip():
        return True
    last = before.rstrip().rsplit("\n", 1)[-1]
    return _UNIT_END.search(last) is not None


def _caption_glued(text: str) -> bool:
    """Whether a unit opens with one to three caption lines right before a marker line
    ("Service of Documents / 2. Notices …"), the marker's words not continuing a sentence."""
    lines = [line for line in text.split("\n") if line.strip()]
    for count in range(1, min(3, len(lines) - 1) + 1):
        head = lines[:count]
        if not all(_CAPTION.match(line) and len(line.split()) <= 8 for line in head):
            return False
        marker = _MARKER_LINE.match(lines[count])
        if marker is not None and not lines[count][marker.end() :].lstrip()[:1].islower():
            return True
    return False


def _opens_line(text: str, start: int) -> bool:
    """Whether the unit at ``start`` opens its line (only blanks before it on the line)."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _in_capitals(text: str) -> bool:
    """Whether the unit's last line is set in capitals, a formula that ends its sentence
    (the Charter's "HAVE RESOLVED TO COMBINE OUR EFFORTS …" before "Accordingly, …")."""
    letters = [ch for ch in text.rstrip().rsplit("\n", 1)[-1] if ch.isalpha()]
    return len(letters) >= 12 and all(ch.isupper() for ch in letters)


def _check_body(file: str, body: Body, tallies: dict[str, Tally], limit: int) -> None:
    def add(name: str, where: str) -> None:
        tallies[name].add(file, where, limit)

    has_closing = any(p.kind == "closing" for p in body.provisions)
    for top in _walk(body.provisions):
        if top.kind in ("article", "preamble", "closing", "annex") and top.children:
            leaves = [leaf for leaf in _leaves(top) if leaf is not top]
            for prev, nxt in zip(leaves, leaves[1:], strict=False):
                unmarked = nxt.number is None and nxt.id.rsplit(".", 1)[-1][:4] not in ("dash", "intr")
                # A lead-in ("24. telecommunications … means") follows its marker on its line.
                opens_line = _opens_line(body.source_text, nxt.span.start)
                ended = _UNIT_END.search(prev.text) is not None or _in_capitals(prev.text)
                if unmarked and opens_line and not ended and _STARTS_LOWER.match(nxt.text):
                    add("mid_sentence_recital" if top.kind == "preamble" else "mid_sentence_cut", nxt.id)
            numbered = [c for c in top.children if c.kind == "paragraph" and c.number and c.number.isdigit()]
            # The numbers as read; a misprinted one counts as the number it stands for.
            numbers = [int(c.number or 0) for c in numbered]
            highest = 0
            for at, (prev, nxt) in enumerate(zip(numbered, numbered[1:], strict=False)):
                previous = numbers[at]
                highest = max(highest, previous)
                if numbers[at + 1] != previous + 1:
                    between = body.source_text[prev.span.start + len(prev.number or "") + 1 : nxt.span.start]
                    in_order = highest == previous
                    gap = in_order and _source_gap(previous, numbers[at + 1], between, nxt.text)
                    after = numbered[at + 2] if at + 2 < len(numbered) else None
                    if in_order and _source_misprint(prev, nxt, after):
                        add("number_misprinted_in_source", nxt.id)
                        numbers[at + 1] = previous + 1
                    elif gap:
                        add("number_gap_in_source", nxt.id)
                    elif _source_repeat(prev, nxt, between):
                        add("number_repeated_in_source", nxt.id)
                    else:
                        add("number_out_of_order", nxt.id)
        if top.kind == "article" and top.children:
            last_leaf = [leaf for leaf in _leaves(top) if leaf is not top][-1]
            short = len(last_leaf.text.split()) <= 8
            # A table's last figure ("IOO%", OCR for 100%) is no caption.
            figure = _FIGURE.fullmatch(last_leaf.text.strip()) is not None
            if last_leaf.number is None and short and _CAPTION.match(last_leaf.text) and not figure:
                rest = body.source_text[last_leaf.span.end : top.span.end]
                add("table_cell_last" if _figures_only(rest) else "caption_last", last_leaf.id)
        if top.kind == "article" and not has_closing and _SIGNATURE.search(top.text):
            add("closing_missing", top.id)
        if top.kind == "closing" and any(
            _after_break(top.text, m.start()) for m in _CONTAINER_LINE.finditer(top.text)
        ):
            add("annex_in_closing", top.id)
    repeats = {
        point.id
        for parent in _walk(body.provisions)
        for at, point in enumerate(parent.children)
        if at
        and _marker_repeat(
            body.source_text, parent, parent.children[at - 1], point, (parent.children[at + 1 :] or [None])[0]
        )
    }
    all_leaves = [leaf for top in body.provisions for leaf in _leaves(top)]
    suffixed = [p for p in _walk(body.provisions) if p.kind == "point" and _DUP_SUFFIX.search(p.id)]
    parents = {p.id.rsplit(".", 1)[0] for p in suffixed}
    lead_after = {
        pid
        for parent in _walk(body.provisions)
        if parent.id in parents
        for pid in _lead_in_after_list(parent, all_leaves)
    }
    for p in _walk(body.provisions):
        last = p.id.rsplit(".", 1)[-1]
        if p.kind == "preamble" and _DUP_SUFFIX.search(last):
            add("second_preamble", p.id)
        elif _DUP_SUFFIX.search(last) and p.id in lead_after:
            add("lead_in_after_list_in_source", p.id)
        elif _DUP_SUFFIX.search(last):
            add("marker_repeated_in_source" if p.id in repeats else "dup_suffix", p.id)
        if p.children:
            continue
        if p.kind in ("paragraph", "point", "recital"):
            if _LONE_DASH.match(p.text):
                add("lone_dash", p.id)
            elif not _LETTER.search(p.text):
                add("noise_only", p.id)
        if any(_after_break(p.text, m.start()) for m in _DASH_NO_SPACE.finditer(p.text, 1)):
            add("dash_no_space", p.id)
        if p.number is None and _caption_glued(p.text):
            add("caption_glued", p.id)
        if any(_after_break(p.text, m.start()) for m in _MARKER_NO_SPACE.finditer(p.text, 1)):
            add("marker_no_space", p.id)
    preamble = next((p for p in body.provisions if p.kind == "preamble"), None)
    if preamble is not None and body.title is None:
        add("no_title" if _title_line(preamble.text) else "no_title_in_source", preamble.id)
        first_line = preamble.text.lstrip().split("\n", 1)[0]
        if _PREAMBLE_WORD.search(preamble.text[:400]) or _CAPS_TITLE.match(first_line):
            add("title_glued", preamble.id)
    head = (body.title or "") + (preamble.text[:2000] if preamble else "")
    if "\ufffd" in head or _MOJIBAKE.search(head):
        add("garbled_head", "title/preamble")


def _charter_counts(bodies: dict[str, Body], tallies: dict[str, Tally], limit: int) -> None:
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for lang, body in bodies.items():
        for p in _walk(body.provisions):
            if p.kind in ("article", "preamble"):
                # Units, not direct children: "1. … (a) (b)" in one language is a lead-in
                # and two items in another that lost the numbers.
                counts[p.id][lang] = sum(1 for leaf in _leaves(p) if leaf is not p)
    for pid, per_lang in counts.items():
        if len(set(per_lang.values())) > 1 or len(per_lang) != len(bodies):
            shown = ",".join(f"{lang}={n}" for lang, n in sorted(per_lang.items()))
            mismatch = tallies["charter_count_mismatch"]
            mismatch.add("un-charter", f"{pid} ({shown})", limit * 4, one_per_file=False)


def run(corpus: Path, limit: int = 3) -> tuple[dict[str, Tally], int]:
    """All tallies over the corpus, and the number of files checked."""
    tallies = {name: Tally(name, what) for name, what in CLASSES}
    files = sorted((corpus / "tota" / "xml").glob("pta_*.xml"), key=lambda p: int(p.stem[4:]))
    for path in files:
        _meta, body = parse_tota(path.read_bytes(), origin=path.name)
        _check_body(path.stem, body, tallies, limit)
    charters: dict[str, Body] = {}
    for lang in CHARTER_LANGS:
        path = corpus / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt"
        charters[lang] = parse_text(path.read_text(encoding="utf-8"), lang=lang, origin=path.name)
        _check_body(f"charter-{lang}", charters[lang], tallies, limit)
    _charter_counts(charters, tallies, limit)
    return tallies, len(files) + len(charters)


def table(tallies: dict[str, Tally]) -> str:
    """The Markdown table of the tallies."""
    rows = ["| class | what it counts | units | files | examples |", "|---|---|---:|---:|---|"]
    for t in tallies.values():
        examples = "; ".join(f"`{e}`" for e in t.examples) or "–"
        rows.append(f"| {t.name} | {t.what} | {t.units} | {len(t.files)} | {examples} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--examples", type=int, default=3, help="example ids per class (default 3)")
    parser.add_argument("--ceilings", type=Path, help="JSON {class: max units}; exit 1 when one is exceeded")
    parser.add_argument("--json", action="store_true", help="print {class: [units, files]} as JSON")
    args = parser.parse_args(argv)
    tallies, checked = run(args.corpus, args.examples)
    if args.json:
        print(json.dumps({t.name: [t.units, len(t.files)] for t in tallies.values()}, indent=1))
    else:
        print(f"{checked} files checked\n")
        print(table(tallies))
    if args.ceilings:
        ceilings: dict[str, int] = json.loads(args.ceilings.read_text(encoding="utf-8"))
        over = [f"{n}: {tallies[n].units} > {c}" for n, c in ceilings.items() if tallies[n].units > c]
        for line in over:
            print(f"above its ceiling: {line}", file=sys.stderr)
        return 1 if over else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
