"""Plain-text and Markdown treaties: headings, preamble, articles, containers, closing.

The parser reads English, Russian, Spanish, French, Chinese and Arabic drafting
conventions. A heading is a line that consists of the heading alone ("Article 5",
"ГЛАВА IX", "Chapter I: Purposes and Principles", "## Art. 5 — Scope", "第五十一条",
"第一章：总则", "المادة 51", "الفصل الأول: …"), optionally followed by its title
on the next line; a cross-reference inside a sentence ("under Article 51", "see
Chapter VII") never starts a unit. A short caption standing alone right before an
article heading ("FUNCTIONS AND POWERS") opens an unnumbered section, ``sec-u1`` ….
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from treatydiff.errors import IngestError
from treatydiff.ingest.conventions import (
    ANNEX,
    ANNEX_LINE_START,
    ARTICLE_PATTERNS,
    CLOSING_START,
    CONTAINER_PATTERNS,
    CONTAINER_RANKS,
    CONTAINERS,
    COUNTED_PATTERNS,
    DECISION_WORD,
    ENDS_WITH_FULL_STOP,
    LINE_ENDS_SENTENCE,
    MARKER_LINE,
    PREAMBLE_WORD,
    PROTOCOL,
    REFERENCE,
    REFERENCE_AFTER_NUMBER,
    SCRIPT_LETTERS,
    STOPWORDS,
    TERMINAL,
    TREATY_START,
    TREATY_WORD,
    TREATY_WORD_GLUED,
)
from treatydiff.ingest.ids import IdRegistry, article_segment, container_segment, nested_label
from treatydiff.ingest.labels import container_unit, label_maker
from treatydiff.ingest.lines import Line, normalize_newlines, split_lines, trimmed_span
from treatydiff.ingest.numbers import number_slug
from treatydiff.ingest.paragraphs import split_paragraphs, split_recitals
from treatydiff.languages import Script, records
from treatydiff.languages.base import PROTOCOL_UNIT
from treatydiff.model import Body, Kind, Provision, Span

__all__ = ["chapter_annex_start", "detect_lang", "parse_text", "split_annexes", "split_title"]

_MARKDOWN = re.compile(r"^\s{0,3}(?:#{1,6}\s*)?(?:\*\*|__)?")
_EMPHASIS_END = re.compile(r"(?:\*\*|__)\s*$")
_PARENTHESISED = re.compile(r"\s*[(（]([^()（）]{1,150})[)）]\s*")
_SEPARATOR = re.compile(r"\s*(?:(?:\*\*|__)\s*)?(?:[.:：)\-–—]+\s*)?")
# Direction marks that Arabic texts carry at the ends of lines.
_BIDI = "\u200e\u200f\u061c\ufeff"
# Container ranks: a heading closes every open container of the same or a lower rank.
_RANK = {"annex": 0, "part": 1, "title": 2, "section": 4, "chapter": 3}
# An unnumbered caption ("FUNCTIONS AND POWERS") divides whatever container it stands
# in, so it nests inside all of them and only the next caption or any heading closes it.
_CAPTION_RANK = 5

# Captions are short lines: the UN Charter's longest is "وظائف الجمعية وسلطاتها".
CAPTION_MAX_WORDS = 8
CAPTION_MAX_CHARS = 60

HeadingKind = Literal["article", "container", "annex", "closing", "caption"]


@dataclass
class _Heading:
    """A heading line found in the text."""

    line: int
    kind: HeadingKind
    unit: Kind
    prefix: str
    printed: str | None
    title: str | None
    body_start: int
    """Offset where the unit's own text begins (after the heading and its title line)."""
    rank: int = 0


@dataclass
class _Open:
    """A container or article under construction."""

    id: str
    kind: Kind
    label: str
    start: int
    body_start: int
    printed: str | None
    heading: str | None
    rank: int
    children: list[Provision] = field(default_factory=list)
    end: int = 0
    captioned: bool = False
    """An unnumbered section opened by a caption line (``sec-u1``)."""


# --- language ------------------------------------------------------------------------


# Where the letters of each script lie; the first record of a script is its default language.
_SCRIPT_RANGES: tuple[tuple[Script, str, str], ...] = (
    ("cyrillic", "\u0400", "\u04ff"),
    ("han", "\u4e00", "\u9fff"),
    ("arabic", "\u0600", "\u06ff"),
    ("hangul", "\uac00", "\ud7af"),
)
_BY_SCRIPT: dict[str, str] = {}
for _record in records():
    _BY_SCRIPT.setdefault(_record.script, _record.code)
# Share of a script's letters that must be one language's own for that language ("پ" for Persian).
SCRIPT_LETTER_SHARE = 0.02


def detect_lang(text: str) -> str:
    """Guess the language from the script, then from letters or common words (en, ru, zh, ar, fa, ko …)."""
    sample = text[:20000]
    counts: dict[str, int] = {
        script: sum(1 for ch in sample if low <= ch <= high) for script, low, high in _SCRIPT_RANGES
    }
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    best = max([*counts.values(), latin])
    if best == 0:
        return "en"
    script = next((s for s, count in counts.items() if count == best), "latin")
    if script != "latin":
        for code, (own_script, letters) in SCRIPT_LETTERS.items():
            own = sum(1 for ch in sample if ch in letters)
            if own_script == script and own >= SCRIPT_LETTER_SHARE * best:
                return code
        return _BY_SCRIPT[script]
    words = re.findall(r"[^\W\d_]+", sample.lower())
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in STOPWORDS.items()}
    return max(scores, key=lambda lang: (scores[lang], lang == "en"))


# --- heading detection -------------------------------------------------------------------


def _strip_markdown(text: str) -> tuple[str, int]:
    """Text without a Markdown heading prefix or bold markers, and how many chars were cut."""
    cut = _MARKDOWN.match(text)
    offset = cut.end() if cut else 0
    inner = _EMPHASIS_END.sub("", text[offset:])
    return inner.rstrip(), offset


def _title_like(text: str, *, limit: int = 200) -> bool:
    """A heading's title: short, starts with a capital or digit, not a sentence."""
    stripped = text.strip()
    if not stripped or len(stripped) > limit:
        return False
    first = stripped[0]
    if not (_capital(first) or first.isdigit() or first in "\"'«“(["):
        return False
    return stripped[-1] not in ",;，；،؛"


def _capital(first: str) -> bool:
    """A capital letter, or a letter of a script without case (Chinese, Arabic)."""
    return first.isupper() or (first.isalpha() and not first.islower())


def _uppercase_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if ch.isupper()) / len(letters) if letters else 0.0


def _ends_sentence(text: str) -> bool:
    return LINE_ENDS_SENTENCE.search(text) is not None


class _Scanner:
    """Finds headings line by line; keeps the context rules in one place."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.lines: list[Line] = split_lines(text)
        self.cleaned: list[str] = [_strip_markdown(line.text.strip(_BIDI).strip())[0] for line in self.lines]

    def _prev_nonblank(self, index: int) -> int | None:
        for i in range(index - 1, -1, -1):
            if self.cleaned[i]:
                return i
        return None

    def _next_nonblank(self, index: int, *, max_gap: int = 1) -> int | None:
        """The next non-blank line, if at most ``max_gap`` blank lines come first."""
        for i in range(index + 1, min(index + 2 + max_gap, len(self.lines))):
            if self.cleaned[i]:
                return i
        return None

    def _match(self, index: int) -> tuple[HeadingKind, re.Match[str]] | None:
        cleaned = self.cleaned[index]
        if not cleaned:
            return None
        for pattern in ARTICLE_PATTERNS:
            match = pattern.match(cleaned)
            if match:
                return "article", match
        for pattern in CONTAINER_PATTERNS:
            match = pattern.match(cleaned)
            if match:
                return "container", match
        match = ANNEX.match(cleaned)
        return ("annex", match) if match else None

    def heading(self, index: int, *, seen_article: bool) -> _Heading | None:
        """The heading on line ``index``, if the line is one."""
        line = self.lines[index]
        cleaned = self.cleaned[index]
        if not cleaned:
            return None
        if seen_article and CLOSING_START.match(cleaned):
            return _Heading(index, "closing", "closing", "closing", None, None, line.content_start)
        found = self._match(index)
        if found is None:
            return None
        kind, match = found
        rest = match.group("rest")
        printed = (match.group("num") or "").strip() or None
        if kind != "annex" and printed is None:
            return None
        title: str | None = None
        inline_body: int | None = None
        caption = _PARENTHESISED.fullmatch(rest) if match.re in COUNTED_PATTERNS else None
        if caption is not None:
            # "제1조(목적)", "第一条（目的）": the caption in parentheses right after the counter.
            title = caption.group(1).strip()
        elif rest.strip():
            if REFERENCE_AFTER_NUMBER.match(rest):
                return None
            separator = _SEPARATOR.match(rest)
            if separator and separator.end() > 0 and rest[: separator.end()].strip():
                candidate = rest[separator.end() :].strip()
                candidate = _EMPHASIS_END.sub("", candidate).strip()
                if candidate and not _title_like(candidate, limit=150) or candidate.endswith("."):
                    if kind != "article" or not candidate:
                        return None
                    inline_body = self._offset_of(index, candidate)
                elif candidate:
                    title = candidate
            elif rest[0].isspace() and _title_like(rest) and not _ends_sentence(rest):
                title = _EMPHASIS_END.sub("", rest).strip()
            elif kind == "article" and rest[0].isspace() and _capital(rest.lstrip()[:1]):
                # "Article 5 The Parties shall …": the heading with its text on the same line.
                inline_body = self._offset_of(index, rest.strip())
            else:
                return None
            # "…as provided in\nArticle 7. The Parties…" is a sentence, not a heading.
            if self._mid_sentence(index):
                return None
        else:
            nxt = self._next_nonblank(index, max_gap=0)
            if self._mid_sentence(index) and nxt is not None and self.cleaned[nxt][:1].islower():
                return None
        body_start = line.end
        if inline_body is not None:
            body_start = inline_body
        elif title is None:
            nxt = self._next_nonblank(index)
            if nxt is not None and self._is_title_line(nxt):
                title = self.cleaned[nxt].strip()
                body_start = self.lines[nxt].end
        unit: Kind
        if kind == "article":
            unit, prefix, rank = "article", "art", 99
        elif kind == "annex":
            unit, prefix, rank = "annex", "annex", _RANK["annex"]
        else:
            unit, prefix = CONTAINERS[match.group("word").lower().replace("\u0640", "")]
            rank = _RANK[unit]
            rank = CONTAINER_RANKS.get(match.group("word").lower().replace("\u0640", ""), rank)
        return _Heading(index, kind, unit, prefix, printed, title, body_start, rank)

    def caption_before(self, index: int, *, consumed: int, after_container: bool) -> _Heading | None:
        """The unnumbered section caption standing just before the article heading on line ``index``.

        A caption is a short line of its own ("FUNCTIONS AND POWERS", "Voting", "职权")
        that is not a sentence, a paragraph or point, a cross-reference or a signature
        block, followed by the article heading with only blank lines between. It must
        stand apart from the text before it (a full stop, the heading of the container
        it opens, or a blank line after a paragraph that is neither a lead-in nor
        another short line), so that the last words of a hard-wrapped sentence or the
        last item of an unpunctuated list never pass for one.

        Args:
            index: the line of an article heading.
            consumed: the last line that belongs to the heading before it (its title line).
            after_container: whether that heading opens a chapter, part, annex or the like.
        """
        line = self._prev_nonblank(index)
        if line is None or line <= consumed or not self._caption_like(line):
            return None
        before = self._prev_nonblank(line)
        if before is None:
            return None
        previous = self.cleaned[before]
        apart = (
            (after_container and before <= consumed)
            or ENDS_WITH_FULL_STOP.search(previous) is not None
            # After a blank line, unless the line before is a lead-in ("… are:") or
            # another short line: then both are items of an unpunctuated list.
            or (before < line - 1 and previous[-1] not in TERMINAL and not self._caption_like(before))
        )
        if not apart:
            return None
        caption = self.cleaned[line]
        return _Heading(line, "caption", "section", "sec", None, caption, self.lines[line].end, _CAPTION_RANK)

    def _caption_like(self, index: int) -> bool:
        text = self.cleaned[index]
        return (
            0 < len(text) <= CAPTION_MAX_CHARS
            and len(text.split()) <= CAPTION_MAX_WORDS
            and _capital(text[0])
            and text[-1] not in TERMINAL
            and not _ends_sentence(text)
            and not MARKER_LINE.match(text)
            and not REFERENCE.search(text)
            and not CLOSING_START.match(text)
            and self._match(index) is None
        )

    def _mid_sentence(self, index: int) -> bool:
        """Whether line ``index`` continues a sentence begun on the line before it."""
        prev = index - 1
        if prev < 0 or not self.cleaned[prev] or _ends_sentence(self.cleaned[prev]) or self._match(prev):
            return False
        # A short stand-alone caption ("Contents", "PREAMBLE") ends no sentence either.
        caption = len(self.cleaned[prev]) <= 40 and _title_like(self.cleaned[prev])
        return not (caption and (prev == 0 or not self.cleaned[prev - 1]))

    def _offset_of(self, index: int, fragment: str) -> int:
        line = self.lines[index]
        found = line.text.find(fragment)
        return line.start + found if found >= 0 else line.end

    def _is_title_line(self, index: int) -> bool:
        cleaned = self.cleaned[index]
        if not _title_like(cleaned, limit=150) or MARKER_LINE.match(cleaned):
            return False
        return not (cleaned.rstrip()[-1] in TERMINAL or self._match(index) or CLOSING_START.match(cleaned))


# --- annexes and protocols after the signature block ----------------------------------------


def _annex_heading(scanner: _Scanner, index: int) -> tuple[str, re.Match[str]] | None:
    """The id prefix and match of an annex or protocol heading on line ``index``, if it is one.

    "PROTOCOL No 1", "ANNEX A relating to …", "Annex IV (a):", "Protocol on Exclusion …";
    never a sentence that names one ("Protocol 1 shall apply", "… listed in\nAnnex XVII.").
    """
    cleaned = scanner.cleaned[index]
    for prefix, pattern in ((PROTOCOL_UNIT, PROTOCOL), ("annex", ANNEX)):
        match = pattern.match(cleaned)
        if match is None:
            continue
        rest = match.group("rest").strip()
        capitals = match.group("word").isupper() and len(match.group("word")) > 1
        sentence = rest.endswith(".") and len(rest.split()) > 3
        opens = not rest or rest[0] in ":.-–—(" or _capital(rest[0]) or match.group("num") is not None
        # "Protocol on Exclusion from Free Trade Regime" standing apart after a full stop (pta_75).
        whole_word = not match.group("rest")[:1].isalpha()  # "Annexure" is no "Annex"
        opens = opens or (whole_word and _stands_apart(scanner, index) and cleaned[-1] not in TERMINAL)
        if sentence or not (capitals or opens) or (scanner._mid_sentence(index) and not rest.endswith(":")):
            return None
        return prefix, match
    return None


def _stands_apart(scanner: _Scanner, index: int) -> bool:
    """Whether line ``index`` follows a blank line after a sentence's end."""
    before = scanner._prev_nonblank(index)
    return (
        before is not None
        and before < index - 1
        and ENDS_WITH_FULL_STOP.search(scanner.cleaned[before]) is not None
    )


_ANNEX_SUB_LETTER = re.compile(r"[ \t]*\((?P<letter>[a-zA-Z])\)(?=[\s:.–—-]|$)")


def _annex_sub_letter(printed: str | None, rest: str) -> tuple[str | None, str]:
    """The printed number of an annex lettered after it, and the heading's words after that.

    "Annex IV (a):" … "Annex IV (f):" are six annexes, ``annex-4-a`` … ``annex-4-f``
    (pta_60), not ``annex-4`` made unique with ``_2`` (docs/ids.md rule 2).
    """
    found = _ANNEX_SUB_LETTER.match(rest) if printed is not None else None
    if found is None:
        return printed, rest
    return f"{printed} ({found.group('letter')})", rest[found.end() :]


def split_annexes(
    text: str, span: Span, *, lang: str, ids: IdRegistry
) -> tuple[Span | None, tuple[Provision, ...]]:
    """Split the annexes and protocols off a signature block: the block's own span, and the containers.

    ToTA often puts every annex or protocol after the signatures into the last
    ``<article>`` (pta_318's "PROTOCOL No 1", pta_350's "PROTOCOL 1" and "PROTOCOL 2").
    Each becomes a container of kind ``annex`` (``annex-1``, ``protocol-2``, or the bare
    ``protocol``) holding its paragraphs; the block's span is ``None`` when the text
    opens with one.
    """
    scanner = _Scanner(text[span.start : span.end], lang)
    found = [(i, *hit) for i in range(len(scanner.lines)) if (hit := _annex_heading(scanner, i))]
    if not found:
        return span, ()
    labels = label_maker(lang)
    first = scanner.lines[found[0][0]].start + span.start
    head = trimmed_span(text, span.start, first)
    containers: list[Provision] = []
    for n, (index, prefix, match) in enumerate(found):
        start = scanner.lines[index].content_start + span.start
        end = scanner.lines[found[n + 1][0]].start + span.start if n + 1 < len(found) else span.end
        whole = trimmed_span(text, start, end) or Span(start, start)
        printed, rest = _annex_sub_letter((match.group("num") or "").strip() or None, match.group("rest"))
        pid = ids.claim(container_segment(prefix, printed))
        label = labels.top(prefix, printed)
        # A heading of several words is its own title ("RECORD OF UNDERSTANDINGS").
        word = match.group("word")
        title = _SEPARATOR.sub("", rest, count=1).strip() or (word if " " in word else None)
        body = trimmed_span(text, scanner.lines[index].end + span.start, whole.end)
        last_line = found[n + 1][0] if n + 1 < len(found) else len(scanner.lines)
        children = (
            _annex_children(text, scanner, span.start, (index + 1, last_line), body, pid, label, ids)
            if body
            else ()
        )
        containers.append(
            Provision(
                pid,
                "annex",
                label,
                text[whole.start : whole.end],
                whole,
                number=printed,
                heading=title,
                children=children,
            )  # fmt: skip
        )
    return head, tuple(containers)


# A line that ends a clause (not a heading's ":").
_CLAUSE_DONE = re.compile(r"[.;][)\]\"”’]*[ \t]*$", re.MULTILINE)


def chapter_annex_start(text: str, span: Span, *, lang: str, article: str) -> int | None:
    """Where a chapter's annex begins inside the text of article ``article``, if one does.

    ToTA often leaves a chapter's annex in the chapter's last ``<article>`` ("… antidumping
    duties. / ANNEX 8.3: ADMINISTRATION OF SAFEGUARD PROCEEDINGS / 1. …", pta_23). Its heading
    opens a line after a sentence's end and numbers the annex within the article's chapter
    ("8.3" in Article 8.8, "913.5" in Article 915, "4-09" in Article 4-11); an annex of no
    chapter or another one ("Annex A of the SPS Agreement") is named in a sentence.
    """
    own = _chapter_of(article)
    if own is None or ANNEX_LINE_START.search(text, span.start, span.end) is None:
        return None  # most articles: no line of theirs is scanned
    scanner = _Scanner(text[span.start : span.end], lang)
    for index in range(1, len(scanner.lines)):
        hit = _annex_heading(scanner, index)
        if hit is None or hit[0] != "annex" or _chapter_of(hit[1].group("num") or "") != own:
            continue
        before = scanner._prev_nonblank(index)
        ends = before is not None and ENDS_WITH_FULL_STOP.search(scanner.cleaned[before]) is not None
        # A list of the chapter's annexes by title alone ("Anexo 3.4 / Programa de Desgravación /
        # Anexo 3.11 …") holds no clause: the annexes are elsewhere, if at all.
        held = _CLAUSE_DONE.search(text, scanner.lines[index].end + span.start, span.end) is not None
        if ends and held and scanner.cleaned[index][-1:] not in ";,":
            return scanner.lines[index].content_start + span.start
    return None


_NUMBER_PARTS = re.compile(r"[.\-]")


def _chapter_of(number: str) -> str | None:
    """The chapter an article's or annex's number names: "8" of "8.3", "4" of "4-09", "9" of
    "915" and "913.5" (three or four digits: the chapter, then two of the article's own)."""
    parts = _NUMBER_PARTS.split(number.strip(), maxsplit=1)
    head = parts[0]
    if head.isdecimal() and len(head) in (3, 4):
        return head[:-2]
    return head if len(parts) == 2 and head else None


_CLAUSE_END = re.compile(r"[.;:][)\]\"”’]*[ \t]*$", re.MULTILINE)


def _annex_children(  # noqa: PLR0913 - the annex's lines, its span, id and label
    text: str,
    scanner: _Scanner,
    offset: int,
    lines: tuple[int, int],
    body: Span,
    pid: str,
    label: str,
    ids: IdRegistry,
) -> tuple[Provision, ...]:
    """The paragraphs of an annex, or its articles when it has two or more ("Article 3 / Bilateral
    cumulation of origin / 1. …", pta_409's annexes): ``annex-4.art-3`` where the number
    repeats one of the treaty's own (docs/ids.md rule 3)."""
    lang = scanner.lang
    heads = [
        heading
        for i in range(*lines)
        if (heading := scanner.heading(i, seen_article=False)) is not None
        and heading.kind == "article"
        and (heading.printed or "")[:1].isdecimal()
        # Not a table of contents: "Article 2 / Article 3 …" with no text between them.
        and not any(pattern.match(heading.title or "") for pattern in ARTICLE_PATTERNS)
    ]
    heads = [
        h
        for h, after in zip(heads, [*heads[1:], None], strict=False)
        if after is None or after.line > h.line + 2
    ]
    # Nor the last lines of one: a heading whose text holds no sentence ("Article 26 / Title V").
    ends = [scanner.lines[h.line].start + offset for h in heads[1:]] + [body.end]
    heads = [
        h for h, end in zip(heads, ends, strict=False) if _CLAUSE_END.search(text, h.body_start + offset, end)
    ]
    if len(heads) < 2:
        return split_paragraphs(text, body, parent_id=pid, parent_label=label, lang=lang, ids=ids)
    labels = label_maker(lang)
    children: list[Provision] = []
    lead = trimmed_span(text, body.start, scanner.lines[heads[0].line].start + offset)
    if lead is not None:
        children.extend(split_paragraphs(text, lead, parent_id=pid, parent_label=label, lang=lang, ids=ids))
    for n, heading in enumerate(heads):
        start = scanner.lines[heading.line].content_start + offset
        end = scanner.lines[heads[n + 1].line].start + offset if n + 1 < len(heads) else body.end
        whole = trimmed_span(text, start, end) or Span(start, start)
        aid = ids.claim(article_segment(heading.printed, 0), container=pid)
        own = nested_label(aid, pid, label, labels.top("article", heading.printed))
        inner = trimmed_span(text, heading.body_start + offset, whole.end)
        parts = (
            split_paragraphs(
                text, inner, parent_id=aid, parent_label=own, lang=lang, ids=ids, trailing_caption=True
            )
            if inner is not None
            else ()
        )
        children.append(
            Provision(
                aid,
                "article",
                own,
                text[whole.start : whole.end],
                whole,
                number=heading.printed,
                heading=heading.title,
                children=parts,
            )  # fmt: skip
        )
    return tuple(children)


_TITLE_LINES = 10
"""A title before a "PREAMBLE" line has fewer lines than this."""
_QUOTES = "'\"‘’“”"
# ToTA's own heading of some texts: "MERCOSUR FREE TRADE AGREEMENT _______________ SOUTHERN …".
_RULE = re.compile(r"\s_{5,}\s*")
# "… Among Arab StatesThe Governments of …": a title run into the recitals without a space.
# A title, two spaces or more, the parties' first word ("… countries  The government of …").
_SPACED = re.compile(r"[^\W\d_](?P<gap>[ \t\u00a0]{2,})(?=[A-ZÀ-ÞА-Я][a-zà-ÿа-я]+\s)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]+\s)")
_TITLE_CHARS = 250
_GLUED_PREAMBLE = re.compile(r"(?:^|(?<=\s))(?:" + PREAMBLE_WORD.pattern + r")(?=[^\W\d_])")


# --- preamble and title --------------------------------------------------------------------


def split_title(text: str, span: Span) -> tuple[str | None, Span | None]:
    """Split the text before the first article into a title and the preamble proper.

    The title is the leading line naming the instrument ("AGREEMENT BETWEEN …",
    "Соглашение о …", a Markdown ``#`` line) with its continuation lines in
    capitals or in parentheses; a bare "PREAMBLE" line is dropped as well.

    Returns:
        The title with whitespace collapsed (or ``None``) and the preamble's
        trimmed span (or ``None`` when nothing is left).
    """
    lines = list(split_lines(text, span.start, span.end))
    cleaned = [_strip_markdown(line.text.strip())[0] for line in lines]
    indices = [i for i, line_text in enumerate(cleaned) if line_text]
    if not indices:
        return None, None
    first = indices[0]
    title_lines: list[int] = []
    head = cleaned[first]
    glued = _GLUED_PREAMBLE.search(lines[first].text)
    if glued is not None and not PREAMBLE_WORD.fullmatch(head):
        # "AGREEMENT BETWEEN … PREAMBLE The Republic of …", "Preamble  Japan and …": the
        # title (if any) and the recitals on one line, the word "Preamble" between them.
        before = " ".join(lines[first].text[: glued.start()].split())
        title = before if before and TREATY_WORD.search(before) else None
        if title is not None or not before:
            return title, trimmed_span(text, lines[first].start + glued.end(), span.end)
    rule = _RULE.search(lines[first].text)
    if rule is not None:
        before = " ".join(lines[first].text[: rule.start()].split())
        if len(before) <= _TITLE_CHARS and TREATY_WORD.search(before):
            return before, trimmed_span(text, lines[first].start + rule.end(), span.end)
    word_line = next(
        (i for i in indices[:_TITLE_LINES] if PREAMBLE_WORD.fullmatch(cleaned[i].strip(_QUOTES + " "))), None
    )
    caps = [i for i in indices if word_line is not None and i < word_line]
    if caps and word_line is not None:
        # "TRANS-PACIFIC / STRATEGIC ECONOMIC PARTNERSHIP / AGREEMENT / PREAMBLE": a title in
        # capitals over several lines, the first of which need not name the instrument; or
        # lines naming it ("Free Trade Agreement between … / and … / Preamble").
        joined = " ".join(" ".join(cleaned[i] for i in caps).split())
        capitals = all(_uppercase_share(cleaned[i]) >= 0.7 for i in caps)
        named = all(len(cleaned[i]) <= _TITLE_CHARS and cleaned[i][-1] not in ".;:" for i in caps)
        if TREATY_WORD.search(joined) and (capitals or named):
            return joined, trimmed_span(text, lines[word_line].end, span.end)
    decision = _decision_title(cleaned, indices)
    if decision is not None:
        title_text, organ = decision
        return title_text, trimmed_span(text, lines[organ].start, span.end)
    glued_title = _glued_title(lines[first].text)
    if glued_title is not None:
        title_text, cut = glued_title
        return title_text, trimmed_span(text, lines[first].start + cut, span.end)
    is_h1 = lines[first].text.lstrip().startswith("# ")
    # "TEXT OF ARTICLES I TO XXVIII OF THE MULTILATERAL TREATY FOR / …": a line in capitals naming it.
    opening = " ".join(head.split()[:6])
    names_it = TREATY_WORD.search(opening) is not None or (
        _uppercase_share(head) >= 0.9 and TREATY_WORD.search(head) is not None
    )
    names_it = names_it or _glued_name(opening)
    word_end = next((i for i in indices[:_TITLE_LINES] if _PREAMBLE_GLUED_END.search(cleaned[i])), None)
    if word_end is not None:
        # "… of MontenegroPREAMBLE" / "The Government of Ukraine …": the title's last line with
        # the word "Preamble" glued to its end (pta_434, pta_445).
        joined = " ".join(cleaned[i] for i in indices if i <= word_end)
        before = " ".join(joined[: _PREAMBLE_GLUED_END.search(joined).start()].split())  # type: ignore[union-attr]
        if len(before) <= _TITLE_CHARS and (TREATY_WORD.search(before) or TREATY_START.search(before)):
            return before, trimmed_span(text, lines[word_end].end, span.end)
    if not (is_h1 or names_it or TREATY_START.match(head)):
        covered = _after_cover(cleaned, indices)
        if covered is not None:
            title_text, last = covered
            return title_text, trimmed_span(text, lines[last].end, span.end)
    if is_h1 or (
        (names_it or TREATY_START.match(head))
        and not PREAMBLE_WORD.fullmatch(head)
        and len(head) <= 250
        and head[-1] not in ",;:."
    ):
        title_lines.append(first)
        for i in indices[1:]:
            line_text = cleaned[i]
            gap = i - title_lines[-1] > 1
            continues = (
                len(line_text) <= 250
                and line_text[-1] not in ",;:"
                and (
                    _uppercase_share(line_text) >= 0.7
                    or line_text.startswith("(")
                    or (not gap and line_text[:1].islower())
                )
            )
            if not continues:
                break
            title_lines.append(i)
    title = " ".join(" ".join(cleaned[i] for i in title_lines).split()) or None
    start = lines[title_lines[-1]].end if title_lines else lines[first].start
    rest = [i for i in indices if not title_lines or i > title_lines[-1]]
    if len(rest) > 1 and PREAMBLE_WORD.fullmatch(cleaned[rest[0]].strip(_QUOTES + " ")):
        start = lines[rest[0]].end
    return title, trimmed_span(text, start, span.end)


def _decision_title(cleaned: list[str], indices: list[int]) -> tuple[str, int] | None:
    """The title of an organ's decision, and the index of the line naming the organ after it.

    "Council Decision / of 27 November 2001 / on the association … / (2001/822/EC) / THE COUNCIL
    OF THE EUROPEAN UNION," (pta_134): the first line names a decision after capitalised words
    only, and within a few lines comes the organ in capitals, ending in a comma. The title is
    the lines before it, up to the first that repeats the title's first line (pta_135 prints it
    twice, the second time with a footnote number).
    """
    head = cleaned[indices[0]]
    found = DECISION_WORD.search(" ".join(head.split()[:3]))
    if found is None or any(w[:1].islower() for w in head[: found.start()].split()):
        return None
    for at, i in enumerate(indices[1:_TITLE_LINES], start=1):
        line = cleaned[i]
        if line.endswith(",") and _uppercase_share(line) >= _CAPITALS_SHARE:
            title_lines = indices[:at]
            again = next((n for n, j in enumerate(title_lines) if n and cleaned[j].startswith(head)), None)
            joined = " ".join(cleaned[j] for j in title_lines[:again])
            return " ".join(joined.split()), i
        if line[-1] in ".;:":
            return None
    return None


def _glued_name(opening: str) -> bool:
    """Whether a line's first words name the instrument with its treaty word run into the next
    word, after capitalised words only ("Free Trade Agreementbetween and …", pta_362)."""
    found = TREATY_WORD_GLUED.search(opening)
    return found is not None and all(w[:1].isupper() for w in opening[: found.start()].split())


_PREAMBLE_GLUED_END = re.compile(r"(?<=[^\W\d_])(?:" + PREAMBLE_WORD.pattern + r")$")
"""The word "Preamble" glued to the end of the title's last line ("… MOLDOVAPREAMBLE")."""
_COVER_LINES = 16
"""A title after a cover page or document header opens within this many lines of the text."""
_COVER_CHARS = 200
"""No line of a cover page or a title after one is longer."""
_CAPITALS_SHARE = 0.7
"""A line with at least this share of capitals is set in capitals (a comma in it ends no clause)."""


def _after_cover(cleaned: list[str], indices: list[int]) -> tuple[str, int] | None:
    """A title after a cover page or document header, and the index of its last line.

    "ORGANIZACIÓN MUNDIAL / TRAITÉ INSTITUANT …" (pta_86), "RESTRICTED / GENERAL AGREEMENT ON
    L/1766 … / GHANA-UPPER VOLTA TRADE AGREEMENT" (pta_266), "REVISED INDO-NEPAL / TREATY OF
    TRADE / MINISTRY OF COMMERCE … / REVISED TREATY OF TRADE BETWEEN / …" (pta_324): the
    leading blocks of short lines that end no clause, up to the first line that does (the
    parties, "The Parties to this Agreement:") or holds a comma in sentence case (a sentence
    hard-wrapped: "The Government of Ghana has furnished the text, reproduced below, of the").
    The title is the last block naming the instrument, with the blocks after it that open in
    lower case or with "(", or that follow
    a block that is only a treaty word ("PROTOCOL / Regarding …", pta_263); the blocks before
    it are the cover. ``None`` when no block names it, or no such line ends the run.
    """
    blocks: list[list[int]] = []
    for i in indices[:_COVER_LINES]:
        line = cleaned[i]
        sentence = line[-1] in ",;:." or (", " in line and _uppercase_share(line) < _CAPITALS_SHARE)
        if len(line) > _COVER_CHARS or sentence or PREAMBLE_WORD.fullmatch(line.strip(_QUOTES + " ")):
            break
        if blocks and i - blocks[-1][-1] == 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    else:
        return None  # the run never ends: no parties or recitals after it to tell it by
    joined = [" ".join(" ".join(cleaned[i] for i in block).split()) for block in blocks]
    naming = [at for at, words in enumerate(joined) if TREATY_WORD.search(words) or TREATY_START.match(words)]
    if not naming or naming[-1] == 0:
        return None  # no cover before it: the title rules above have their say
    opening = naming[-1]
    if opening > 0 and TREATY_WORD.fullmatch(joined[opening - 1]):
        opening -= 1  # "PROTOCOL / Regarding Temporary Arrangements …"
    chosen = [opening]
    for at in range(opening + 1, len(blocks)):
        goes_on = joined[at][:1].islower() or joined[at][:1] == "(" or TREATY_WORD.fullmatch(joined[at - 1])
        if not goes_on:
            break
        chosen.append(at)
    title = " ".join(joined[at] for at in chosen)
    if len(title) > _TITLE_CHARS:
        return None
    return title, blocks[chosen[-1]][-1]


def _glued_title(line: str) -> tuple[str, int] | None:
    """A title run into the recitals on one long line, and where the recitals begin.

    "AGREEMENT ON TRADE IN GOODS … REPUBLIC OF KOREA The Governments of …": the words in
    capitals naming the instrument, up to the first word that is not in capitals; the words
    before two spaces and a capitalised word ("Agreement setting up … countries  The government of …");
    "Agreement To Facilitate … Among Arab StatesThe Governments …": the words before a
    capital glued to a small letter. ``None`` when the line may be a title as it stands
    (short, and not ending like a sentence).
    """
    if len(line.strip()) <= _TITLE_CHARS and line.rstrip()[-1:] not in ",;:.":
        return None
    words = list(re.finditer(r"\S+", line))
    run = 0  # words in capitals (or without letters) from the start
    while run < len(words) and _uppercase_share(words[run].group()) in (0.0, 1.0):
        run += 1
    # An opening bracket left unclosed is the recitals' ("… AREA (OJ No L 1 …").
    while run > 0 and words[run - 1].group().count("(") > words[run - 1].group().count(")"):
        run -= 1
    caps = [w for w in words[:run] if any(ch.isalpha() for ch in w.group())]
    if len(caps) >= 3 and run < len(words) and words[run].group().lstrip("([" + _QUOTES)[:1].isupper():
        title = " ".join(w.group() for w in words[:run])
        if TREATY_WORD.search(title) and len(title) <= _TITLE_CHARS:
            return title, words[run].start()
    spaced = _SPACED.search(line, 0, _TITLE_CHARS)
    if spaced is not None:
        # "Agreement setting up a free trade area between … countries  The government of …"
        title = " ".join(line[: spaced.start("gap")].split())
        if TREATY_WORD.search(" ".join(title.split()[:6])):
            return title, spaced.end("gap")
    glue = _CAMEL.search(line, 0, _TITLE_CHARS)
    if glue is not None:
        title = " ".join(line[: glue.start()].split())
        if TREATY_WORD.search(" ".join(title.split()[:6])):
            return title, glue.start()
    return None


# --- the parser ----------------------------------------------------------------------------


def parse_text(text: str, *, lang: str | None = None, origin: str = "<text>") -> Body:
    """Parse a plain-text or Markdown treaty into a provision tree.

    Args:
        text: the decoded text; ``\\r\\n`` is normalised to ``\\n`` first.
        lang: language code; detected from the script and common words when omitted.
        origin: file name used in error messages.

    Returns:
        A :class:`Body` whose ``source_text`` is the normalised text.

    Raises:
        IngestError: when the text has no article heading at all.
    """
    source = normalize_newlines(text)
    language = lang or detect_lang(source)
    scanner = _Scanner(source, language)
    headings = _find_headings(scanner)
    if not any(h.kind == "article" for h in headings):
        raise IngestError(
            "no article found: no line reads like 'Article 1', 'ARTICLE V', 'Статья 1', '第一条'"
            " or 'المادة 1'",
            file=origin,
            hint="is this a treaty text? headings must stand on a line of their own",
        )
    builder = _Builder(source, language)
    first = scanner.lines[headings[0].line].start
    title, preamble = split_title(source, Span(0, first)) if first > 0 else (None, None)
    if preamble is not None:
        builder.add_preamble(preamble)
    for i, heading in enumerate(headings):
        end_line = headings[i + 1].line if i + 1 < len(headings) else len(scanner.lines)
        end = scanner.lines[end_line - 1].end if end_line > 0 else 0
        builder.add(heading, scanner.lines[heading.line].content_start, end)
    return Body(
        lang=language,
        source_text=source,
        provisions=builder.finish(),
        title=title,
        warnings=tuple(f"{origin}: {note}" for note in builder.notes),
    )


def _find_headings(scanner: _Scanner) -> list[_Heading]:
    headings: list[_Heading] = []
    seen_article = False
    skip_until = -1
    starts = [line.start for line in scanner.lines]
    for index in range(len(scanner.lines)):
        if index <= skip_until:
            continue
        heading = scanner.heading(index, seen_article=seen_article)
        if heading is None:
            continue
        if heading.kind == "closing" and headings and headings[-1].kind == "closing":
            continue  # "IN WITNESS WHEREOF … DONE at …" is one closing block
        if heading.kind == "article" and headings and headings[-1].kind != "closing":
            # Before the first heading a short line is the treaty's title, not a caption.
            caption = scanner.caption_before(
                index, consumed=skip_until, after_container=headings[-1].kind in ("container", "annex")
            )
            if caption is not None:
                headings.append(caption)
        headings.append(heading)
        seen_article = seen_article or heading.kind == "article"
        # A title on the next line belongs to the heading; never read it as a heading.
        skip_until = max(skip_until, bisect.bisect_right(starts, heading.body_start) - 1)
    return _without_contents_table(scanner, headings)


# A run of headings without text between them, with at least this many articles, is a
# table of contents when the same articles come back later in the text.
MIN_CONTENTS_RUN = 3


def _without_contents_table(scanner: _Scanner, headings: list[_Heading]) -> list[_Heading]:
    """Drop a table of contents ("Article 1 Definitions / Article 2 Scope / …") before the text."""
    if len(headings) < 2 * MIN_CONTENTS_RUN:
        return headings

    keys = [(h.unit, number_slug(h.printed or "")) for h in headings]
    # Where each key occurs last, so "does it come back after i" is one lookup (linear overall).
    last = {key: i for i, key in enumerate(keys)}
    ends = [scanner.lines[h.line].start for h in headings[1:]] + [len(scanner.text)]
    empty = [not scanner.text[h.body_start : end].strip() for h, end in zip(headings, ends, strict=True)]
    dropped: set[int] = set()
    start = 0
    while start < len(headings):
        stop = start
        while stop < len(headings) and empty[stop] and headings[stop].kind != "closing":
            stop += 1
        run = list(range(start, stop))
        # The last entry is followed by the preamble, not by another entry.
        if run and stop < len(headings) and last[keys[stop]] > stop:
            run.append(stop)
        articles = [i for i in run if headings[i].kind == "article"]
        if len(articles) >= MIN_CONTENTS_RUN:
            end = run[-1]
            if sum(1 for i in articles if last[keys[i]] > end) * 2 >= len(articles):
                dropped.update(run)
        start = stop + 1
    return [h for i, h in enumerate(headings) if i not in dropped]


class _Builder:
    """Assembles the provision tree from headings in document order."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.labels = label_maker(lang)
        self.ids = IdRegistry()
        self.top: list[Provision] = []
        self.stack: list[_Open] = []  # open containers, outermost first
        self.unnumbered_articles = 0
        self.captions = 0
        self.notes: list[str] = []
        """Paragraph numbers that stand without their text (split_paragraphs)."""

    def add_preamble(self, span: Span) -> None:
        label = self.labels.top("preamble")
        pid = self.ids.claim("preamble")
        recitals = split_recitals(
            self.text, span, parent_id=pid, parent_label=label, lang=self.lang, ids=self.ids
        )
        self.top.append(
            Provision(pid, "preamble", label, self.text[span.start : span.end], span, children=recitals)
        )

    def add(self, heading: _Heading, start: int, end: int) -> None:
        if heading.kind == "closing":
            self._close(0)
            span = trimmed_span(self.text, start, end) or Span(start, start)
            pid = self.ids.claim("closing")
            self.top.append(
                Provision(pid, "closing", self.labels.top("closing"), self.text[span.start : span.end], span)
            )
            return
        if heading.kind == "article":
            self._add_article(heading, start, end)
            return
        self._close(heading.rank)
        parent = self.stack[-1] if self.stack else None
        if heading.kind == "caption":
            # Unnumbered sections count across the treaty: sec-u1, sec-u2 … (docs/ids.md rule 9).
            self.captions += 1
            wanted = f"{heading.prefix}-u{self.captions}"
            label = self.labels.captioned(container_unit(heading.unit), heading.title or "")
        else:
            wanted = container_segment(heading.prefix, heading.printed)
            label = self.labels.top(container_unit(heading.unit), heading.printed)
        pid = self.ids.claim(wanted, container=parent.id if parent else None)
        opened = _Open(
            pid, heading.unit, label, start, heading.body_start, heading.printed, heading.title, heading.rank,
            captioned=heading.kind == "caption",
        )  # fmt: skip
        opened.end = self._lead(opened, end)
        self.stack.append(opened)

    def _lead(self, opened: _Open, end: int) -> int:
        """Split a container's own text before its first child; return where the text ends."""
        span = trimmed_span(self.text, opened.body_start, end)
        if span is None:
            return opened.start + len(self.text[opened.start : end].rstrip())
        opened.children.extend(
            split_paragraphs(
                self.text,
                span,
                parent_id=opened.id,
                parent_label=opened.label,
                lang=self.lang,
                ids=self.ids,
                notes=self.notes,
            )
            or self._single(opened, span)
        )
        return span.end

    def _single(self, opened: _Open, span: Span) -> tuple[Provision, ...]:
        pid = self.ids.claim(f"{opened.id}.p1")
        label = self.labels.child(opened.label, "unnumbered", "1")
        return (Provision(pid, "paragraph", label, self.text[span.start : span.end], span),)

    def _add_article(self, heading: _Heading, start: int, end: int) -> None:
        container = self.stack[-1] if self.stack else None
        # A repeated article number is told apart by its numbered container (annex-1.art-1),
        # never by an ordinal caption section, whose id depends on the layout.
        numbered = next((o for o in reversed(self.stack) if not o.captioned), None)
        if not number_slug(heading.printed or ""):
            self.unnumbered_articles += 1
        segment = article_segment(heading.printed, self.unnumbered_articles)
        pid = self.ids.claim(segment, container=numbered.id if numbered else None)
        label = self.labels.top("article", heading.printed)
        if numbered is not None:
            label = nested_label(pid, numbered.id, numbered.label, label)
        body = trimmed_span(self.text, heading.body_start, end)
        article_end = body.end if body else start + len(self.text[start:end].rstrip())
        children = (
            split_paragraphs(
                self.text,
                body,
                parent_id=pid,
                parent_label=label,
                lang=self.lang,
                ids=self.ids,
                notes=self.notes,
            )
            if body
            else ()
        )
        span = Span(start, article_end)
        article = Provision(
            pid,
            "article",
            label,
            self.text[span.start : span.end],
            span,
            number=heading.printed,
            heading=heading.title,
            children=children,
        )
        (container.children if container else self.top).append(article)
        if container is not None:
            container.end = max(container.end, article_end)

    def _close(self, rank: int) -> None:
        """Close every open container whose rank is ``rank`` or deeper."""
        while self.stack and self.stack[-1].rank >= rank:
            done = self.stack.pop()
            span = Span(done.start, max(done.end, done.start))
            provision = Provision(
                done.id,
                done.kind,
                done.label,
                self.text[span.start : span.end],
                span,
                number=done.printed,
                heading=done.heading,
                children=tuple(done.children),
            )
            if self.stack:
                self.stack[-1].children.append(provision)
                self.stack[-1].end = max(self.stack[-1].end, span.end)
            else:
                self.top.append(provision)

    def finish(self) -> tuple[Provision, ...]:
        self._close(0)
        return tuple(self.top)
