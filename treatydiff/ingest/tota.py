"""ToTA XML (Texts of Trade Agreements): metadata and one provision per source article.

A ToTA file is ``<treaty>`` with ``<meta>`` and ``<body>``; the body holds
``<chapter>`` elements holding ``<article>`` elements. The body's ``source_text``
is the text of every article, mojibake repaired and stripped of surrounding
whitespace, joined in document order by :data:`ARTICLE_SEPARATOR` (a blank line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from treatydiff.errors import IngestError, InputError
from treatydiff.ingest.collector import collector_paused
from treatydiff.ingest.conventions import (
    ANNEX,
    ARTICLE_PATTERNS,
    CLOSING_START,
    CONTAINER_PATTERNS,
    CONTAINERS,
    FULL_STOP,
)
from treatydiff.ingest.decode import repair_mojibake
from treatydiff.ingest.ids import IdRegistry, article_segment, container_segment, nested_label
from treatydiff.ingest.labels import container_unit, label_maker
from treatydiff.ingest.lines import Line, normalize_newlines, split_lines, trimmed_span
from treatydiff.ingest.numbers import number_slug
from treatydiff.ingest.paragraphs import split_paragraphs, split_recitals
from treatydiff.ingest.text import chapter_annex_start, detect_lang, split_annexes, split_title
from treatydiff.languages import records
from treatydiff.model import Body, Kind, Provision, Source, Span, TreatyMeta

__all__ = ["ARTICLE_SEPARATOR", "TOTA_ATTRIBUTION", "TOTA_LICENCE", "parse_tota"]

ARTICLE_SEPARATOR = "\n\n"
TOTA_LICENCE = "CC BY-NC 4.0"
TOTA_ATTRIBUTION = "Texts of Trade Agreements (ToTA), Alschner, Seiermann & Skougarevskiy"
_TOTA_SOURCE = "Texts of Trade Agreements (ToTA) v0.5.0"

# "ARTICLE 2.3", "ARTÍCULO 4-01", "ARTICLE - 3", "ARTICLE: 1.2", OCR slips like "ARTIICLE".
_ARTICLE_WORD = re.compile(r"^\s*ART[A-ZÍÉ]*\.?\s*[:\-–]?\s*", re.IGNORECASE)
# A chapter's number attribute may open with the container's word ("CHAPTER 3",
# "CAPÍTULO II", "ANNEX 1"): the words of every language record, in any case.
_KINDS: dict[str, tuple[Kind, str]] = {
    **{word: kind for word, kind in CONTAINERS.items() if word.upper() != word},
    **{word.lower(): ("annex", "annex") for record in records() for word in record.annex_words},
}
_CHAPTER_WORD = re.compile(
    r"^\s*(?P<word>" + "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True)) + r")\b\.?\s*",
    re.IGNORECASE,
)
# ToTA's own wrappers of the preamble and the signature block are grouping, not chapters.
_GROUPING_NAMES = frozenset({"preamble", "conclusion"})
# docx metadata glued before the title of some ToTA texts converted from Russian and
# Ukrainian Word files: document title (Cyrillic, often twice), author, save date,
# company — e.g. "СОГЛАШЕНИЕСОГЛАШЕНИЕUser2016-06-14Минэкономразвития России".
# The Cyrillic may itself be mojibake, CP1251 bytes read as Latin-1 ("ÓÃÎÄÀ" for "УГОДА",
# pta_353), and the company name may end the line ("…2008-07-31MFERT\n").
_DOCX_JUNK = re.compile(
    r"^[\u0400-\u04ff\u00c0-\u00ff\ufffd ]{3,}[A-Za-z]{1,30}[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"[\u0400-\u04ff\u00c0-\u00ff\ufffd ]*"
    r"(?:[A-Z]{2,10}?(?=FREE TRADE|AGREEMENT|TREATY|CONVENTION)"
    r"|(?!FREE|AGREEMENT|TREATY|CONVENTION)[A-Z]{2,10}(?=[ \t]*\n))?"
)

# The same in Latin script, before the first article's text only: the document title (once or
# twice), the author glued to the save date, the company, a note ("HP2011-11-17*",
# "Nazira Sultanova2016-06-13WTOUnofficial translation", "…DTM2016-12-15BIM\n").
_DOCX_JUNK_LATIN = re.compile(
    r"^[^\n]{0,80}?[A-Za-z][0-9]{4}-[0-9]{2}-[0-9]{2}\*?"
    r"(?:[A-Z]{2,10}?(?=FREE TRADE|AGREEMENT|TREATY|CONVENTION|Unofficial)|[A-Z]{2,10}(?=[ \t]*\n))?"
    r"(?:Unofficial translation)?"
)


@dataclass
class _Group:
    """A ``<chapter>`` that becomes a container provision."""

    id: str
    kind: Kind
    label: str
    printed: str | None
    heading: str | None
    children: list[Provision] = field(default_factory=list)

    def freeze(self, source: str) -> Provision:
        """The container provision, spanning its first to its last article."""
        if self.children:
            span = Span(self.children[0].span.start, max(c.span.end for c in self.children))
        else:
            span = Span(0, 0)
        return Provision(
            self.id,
            self.kind,
            self.label,
            source[span.start : span.end],
            span,
            number=self.printed,
            heading=self.heading,
            children=tuple(self.children),
        )


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None


def _parse_xml(data: bytes, origin: str) -> etree._Element:
    if not data or data.isspace():  # as ``not data.strip()``, without copying the file
        raise InputError("empty file", file=origin, hint="expected a ToTA XML file")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line = err.lineno if isinstance(err.lineno, int) and err.lineno > 0 else None
        message = (err.msg or "syntax error").splitlines()[0]
        raise IngestError(f"malformed XML: {message}", file=origin, line=line) from None
    if root is None or root.tag != "treaty":
        tag = root.tag if root is not None else "nothing"
        raise IngestError(
            f"not a ToTA file: the root element is <{tag}>, expected <treaty>",
            file=origin,
            hint="use --format text or html for other files",
        )
    return root


def _meta(root: etree._Element, origin: str, lang: str, expected: int | None) -> TreatyMeta:
    meta = root.find("meta")
    identifier = _text(meta.find("treaty_identifier")) if meta is not None else None
    number = identifier if identifier and identifier.isdigit() else None
    if expected is not None:
        # The agreement asked for names the treaty; a file that says otherwise is the wrong file.
        if number is not None and int(number) != expected:
            raise IngestError(
                f"the file holds ToTA agreement {int(number)}, not {expected} (its treaty_identifier)",
                file=origin,
                hint="the file is misnamed or damaged; fetch it again or fix --tota-dir",
            )
        number = str(expected)
    if number is None:
        from_name = re.search(r"pta_([0-9]{1,4})\.xml$", origin)
        number = from_name.group(1) if from_name else None
    if number is None:
        raise IngestError("ToTA file without a treaty_identifier", file=origin)

    def find(tag: str) -> str | None:
        return _text(meta.find(tag)) if meta is not None else None

    name = find("name") or f"ToTA agreement {int(number)}"
    parties = tuple(
        code
        for code in (_text(e) for e in (meta.iterfind("parties/partyisocode") if meta is not None else ()))
        if code
    )
    notes = [f"pta_{int(number)}.xml"]
    for label, tag in (("type", "type"), ("WTO RTA id", "wto_rta_id")):
        value = find(tag)
        if value:
            notes.append(f"{label}: {value}")
    sources = [
        Source(
            publisher=f"{source.get('type') or 'text'} ({source.get('lang') or lang})",
            url=_text(source),
        )
        for source in (meta.iterfind("source") if meta is not None else ())
        if _text(source)
    ]
    sources.append(
        Source(publisher=_TOTA_SOURCE, url="https://github.com/mappingtreaties/tota", note="; ".join(notes))
    )
    return TreatyMeta(
        id=f"tota-{int(number)}",
        titles={lang: name},
        parties=parties,
        signed_date=find("date_signed"),
        in_force_date=find("date_into_force"),
        languages=(lang,),
        sources=tuple(sources),
        licence=TOTA_LICENCE,
        attribution=TOTA_ATTRIBUTION,
    )


@lru_cache(maxsize=4096)  # read twice for each article; "ARTICLE 1" … repeat from file to file
def _article_number(raw: str | None) -> str | None:
    """The printed number of a ToTA ``number`` attribute: "ARTICLE 2.3" → "2.3"."""
    if not raw:
        return None
    number = _ARTICLE_WORD.sub("", raw).strip(" .:-–")
    return number or None


# Containers' ranks: a repeated chapter number is told apart by the title or part around it.
_RANK: dict[str, int] = {"part": 1, "title": 2, "chapter": 3, "section": 4}
_HEADING_LINES = 6  # how many last lines of an article may hold the next title's heading
_HEADING_TAIL = 600  # … within this many characters


def _group(
    chapter: etree._Element, lang: str, ids: IdRegistry, unnumbered: int, outer: dict[str, tuple[str, str]]
) -> _Group | None:
    """The container of a ``<chapter>``; ``outer`` holds the last container (id, label) of each kind.

    A number that repeats (ToTA lists "TITLE IV" and its "CHAPTER 1" side by side,
    and every title's chapters start at 1 again) is prefixed with the id of the last
    container of a higher rank: ``title-4.ch-1`` (docs/ids.md rule 3).
    """
    number_attr = (chapter.get("number") or "").strip()
    name = (chapter.get("name") or "").strip() or None
    if not number_attr and (name is None or name.lower() in _GROUPING_NAMES):
        return None
    kind: Kind = "chapter"
    prefix = "ch"
    printed = number_attr or None
    word = _CHAPTER_WORD.match(number_attr)
    if word:
        kind, prefix = _KINDS.get(word.group("word").lower(), ("chapter", "ch"))
        printed = number_attr[word.end() :].strip() or None
    rank = _RANK.get(kind)
    # The nearest container of a higher rank: a chapter's title, else its part.
    higher = sorted((r, k) for k, r in _RANK.items() if rank and r < rank and k in outer)
    around = outer[higher[-1][1]] if higher else None
    pid = ids.claim(container_segment(prefix, printed, unnumbered), container=around[0] if around else None)
    label = label_maker(lang).top(container_unit(kind), printed)
    if around is not None:
        label = nested_label(pid, around[0], around[1], label)
    if rank is not None:
        outer[kind] = (pid, label)
        for lower in [k for k, r in _RANK.items() if r > rank]:
            outer.pop(lower, None)
    return _Group(pid, kind, label, printed, name)


_PREFIXES: dict[str, str] = dict(CONTAINERS.values())
_LOST_ABOVE: dict[str, Kind] = {"chapter": "title", "title": "part"}
"""The container whose heading ToTA lost when chapters (titles) restart under one (_restart_opens_lost)."""


def _chapter_rank(chapter: etree._Element) -> tuple[Kind, int] | None:
    """The kind and the value of a ``<chapter>``'s number ("TITLE IV" → title, 4), if it has both."""
    number_attr = (chapter.get("number") or "").strip()
    word = _CHAPTER_WORD.match(number_attr)
    if word is None:
        return None
    kind = _KINDS.get(word.group("word").lower(), ("chapter", "ch"))[0]
    slug = number_slug(number_attr[word.end() :].strip())
    return (kind, int(slug)) if kind in _RANK and slug.isdecimal() else None


def _lost_containers(chapters: list[etree._Element]) -> dict[int, tuple[Kind, int]]:
    """The titles (or parts) that ToTA lost, by the index of the first chapter of each.

    Between "TITLE I" and "TITLE IV" the chapters restart at 1 twice or three times
    ("CHAPTER 1 … CHAPTER 2 … CHAPTER 1 …"): each run of chapters is a title whose
    heading ToTA dropped. When the runs are as many as the titles missing between the
    two (or between the start and the first title), they are those titles, in order;
    when they are one more, the first run is the known title's own. Otherwise nothing
    is inferred (docs/ids.md rule 3).
    """
    lost: dict[int, tuple[Kind, int]] = {}
    known: tuple[Kind, int] | None = None  # the last title or part printed
    runs: list[int] = []  # the first chapter of each run since
    last_chapter: int | None = None
    for index, chapter in enumerate(chapters):
        rank = _chapter_rank(chapter)
        if rank is None:
            continue
        kind, value = rank
        if kind == "chapter":
            if last_chapter is None or value <= last_chapter:
                runs.append(index)
            last_chapter = value
            continue
        if kind not in ("part", "title"):
            continue
        if runs and (known is None or known[0] == kind):
            before = known[1] if known is not None else 0
            missing = value - before - 1
            if missing == len(runs) - 1 and before:
                runs = runs[1:]
            if 0 < missing == len(runs):
                lost.update((at, (kind, before + 1 + n)) for n, at in enumerate(runs))
        known, runs, last_chapter = rank, [], None
    return lost


def parse_tota(data: bytes, *, origin: str, number: int | None = None) -> tuple[TreatyMeta, Body]:
    """Parse a ToTA XML file into its metadata and a provision tree.

    Every ``<article>`` becomes one article-level provision: the preamble
    (unnumbered, before the first numbered article), an article (``art-2-3``;
    unnumbered ones ``art-u1`` …) or the closing (unnumbered, after the articles,
    in ToTA's "Conclusion" group or opening with "Done at …"/"In witness whereof").
    An ``<article>`` that holds two source articles (the second's heading a line of its
    text) becomes both, with a warning for each article found so.
    Chapters with a number or a name become containers; articles inside keep
    global ids unless their number repeats (``ch-2.art-1``).

    Args:
        data: the file's bytes.
        origin: the file name, for messages and warnings.
        number: the ToTA number asked for (``tota:N``); the metadata's id is then
            ``tota-N`` whatever the file is called, and a file whose
            ``treaty_identifier`` names another agreement is refused.

    Returns:
        The treaty's metadata (id ``tota-N``) and its body.

    Raises:
        InputError: when the file is empty.
        IngestError: when the XML is malformed, not a ToTA file, has no article with
            text, or holds another agreement than ``number``.
    """
    with collector_paused():
        return _parse_tota(data, origin, number)


def _parse_tota(data: bytes, origin: str, number: int | None) -> tuple[TreatyMeta, Body]:
    root = _parse_xml(data, origin)
    meta_lang = (_text(root.find("meta/language")) or "").lower()
    articles = list(root.iter("article"))
    raw_texts = [normalize_newlines("".join(a.itertext())) for a in articles]
    if not any(text.strip() for text in raw_texts):
        raise IngestError(
            "ToTA file without treaty text: no <article> with text in its <body>",
            file=origin,
            hint="the file is truncated or damaged; fetch it again",
        )
    lang = meta_lang if re.fullmatch(r"[a-z]{2}", meta_lang) else detect_lang("\n".join(raw_texts[:20]))
    meta = _meta(root, origin, lang, number)
    texts, warnings = _clean_texts(articles, raw_texts, lang, origin)
    # The source text comes first, so that every span points into the final string.
    source = ARTICLE_SEPARATOR.join(texts)
    spans: list[Span] = []
    pos = 0
    for text in texts:
        spans.append(Span(pos, pos + len(text)))
        pos += len(text) + len(ARTICLE_SEPARATOR)
    chapters = list(root.iter("chapter"))
    # lxml hands out one proxy per node while a reference to it lives (``chapters``
    # holds them), so a parent found with getparent() can be looked up here.
    position = {chapter: index for index, chapter in enumerate(chapters)}
    builder = _Builder(source, lang, origin)
    builder.lost = _lost_containers(chapters)
    printed = [_article_number(a.get("number")) for a in articles]
    following: list[str | None] = [None] * len(articles)  # the next printed number after each
    for at in range(len(articles) - 1, 0, -1):
        following[at - 1] = printed[at] if printed[at] is not None else following[at]
    for at, (article, span) in enumerate(zip(articles, spans, strict=True)):
        index = position.get(article.getparent())
        chapter = None if index is None else (index, chapters[index])
        builder.add(article, span, chapter, following[at], last=at == len(articles) - 1)
    provisions = tuple(item if isinstance(item, Provision) else item.freeze(source) for item in builder.top)
    warnings.extend(builder.warnings)
    warnings.extend(f"{origin}: {note}" for note in builder.notes)
    body = Body(
        lang=lang, source_text=source, provisions=provisions, title=builder.title, warnings=tuple(warnings)
    )
    return meta, body


def _clean_texts(
    articles: list[etree._Element], raw_texts: list[str], lang: str, origin: str
) -> tuple[list[str], list[str]]:
    """Each article's text with mojibake repaired and docx junk removed, and the warnings."""
    texts: list[str] = []
    warnings: list[str] = []
    for index, (article, raw) in enumerate(zip(articles, raw_texts, strict=True)):
        number = article.get("number")
        where = f"article {index + 1}" + (f" ({number})" if number else "")
        text, repaired = repair_mojibake(raw)
        if repaired:
            warnings.append(f"{origin}: {where}: repaired mojibake (UTF-8 text read as CP1252/CP1251)")
        junk = _DOCX_JUNK.match(text) if lang != "ru" else None
        if junk is None and index == 0:
            junk = _DOCX_JUNK_LATIN.match(text)
        if junk and junk.end() > 0:
            text = text[junk.end() :]
            warnings.append(
                f"{origin}: {where}: removed {junk.end()} characters of document metadata before the title"
            )
        texts.append(text.strip())
    return texts, warnings


class _Builder:
    """Turns articles, in document order, into article-level provisions and containers."""

    def __init__(self, source: str, lang: str, origin: str = "") -> None:
        self.source = source
        self.lang = lang
        self.origin = origin
        self.warnings: list[str] = []
        self.labels = label_maker(lang)
        self.ids = IdRegistry()
        self.top: list[Provision | _Group] = []
        self.title: str | None = None
        self.groups: dict[int, _Group | None] = {}
        self.seen_numbered = False
        self.unnumbered_articles = 0
        self.unnumbered_groups = 0
        self.outer: dict[str, tuple[str, str]] = {}
        self.last_span: Span | None = None
        self.preambles = 0
        self.notes: list[str] = []
        """Paragraph numbers that stand without their text (split_paragraphs)."""
        self.lost: dict[int, tuple[Kind, int]] = {}
        """Titles ToTA lost, by the chapter that opens each (_lost_containers)."""
        self.last_numbered: dict[Kind, tuple[tuple[str, ...], int]] = {}
        """The containers above and the number of the last chapter (title) seen (_restart_opens_lost)."""
        self.unnumbered_lost: dict[Kind, int] = {}
        """How many titles (parts) of unknown number a restart has opened so far."""

    def _group_of(self, chapter: tuple[int, etree._Element] | None) -> _Group | None:
        if chapter is None:
            return None
        key, element = chapter
        if key not in self.groups:
            found = dict(self.outer)
            self._heading_at_end()
            if key in self.lost and self.outer == found:
                self._lost_title(*self.lost[key])
            self._restart_opens_lost(element)
            if not (element.get("number") or "").strip() and (element.get("name") or "").strip():
                self.unnumbered_groups += 1
            group = _group(element, self.lang, self.ids, self.unnumbered_groups, self.outer)
            self.groups[key] = group
            if group is not None:
                self.top.append(group)
        return self.groups[key]

    def _lost_title(self, kind: Kind, number: int) -> None:
        """Open a title (or part) whose heading ToTA lost: ``title-3``, labelled "Title [3]"."""
        label = self.labels.top(container_unit(kind), f"[{number}]")
        self.outer[kind] = (f"{_PREFIXES[kind]}-{number}", label)
        for lower in [k for k, r in _RANK.items() if r > _RANK[kind]]:
            self.outer.pop(lower, None)

    def _containers_above(self, kind: Kind) -> tuple[str, ...]:
        """The ids of the open containers of a higher rank than ``kind``."""
        return tuple(sorted(pid for k, (pid, _label) in self.outer.items() if _RANK[k] < _RANK[kind]))

    def _restart_opens_lost(self, chapter: etree._Element) -> None:
        """Open a title (part) of unknown number when chapters (titles) restart under the same one.

        "CHAPTER 1 … CHAPTER 2 … CHAPTER 1" with no title printed or inferred between
        them: ToTA lost the heading of the title the second run is in, and nothing tells
        its number (docs/ids.md rule 3). It is ``title-u1``, ``title-u2`` … by position,
        labelled "Title [u1]"; titles restarting so open ``part-u1``.
        """
        rank = _chapter_rank(chapter)
        if rank is None or rank[0] not in _LOST_ABOVE:
            return
        kind, value = rank
        above = self._containers_above(kind)
        last = self.last_numbered.get(kind)
        if last is not None and last[0] == above and value <= last[1]:
            lost = _LOST_ABOVE[kind]
            position = self.unnumbered_lost[lost] = self.unnumbered_lost.get(lost, 0) + 1
            label = self.labels.top(container_unit(lost), f"[u{position}]")
            self.outer[lost] = (f"{_PREFIXES[lost]}-u{position}", label)
            for lower in [k for k, r in _RANK.items() if r > _RANK[lost]]:
                self.outer.pop(lower, None)
            above = self._containers_above(kind)
        self.last_numbered[kind] = (above, value)

    def _heading_at_end(self) -> None:
        """Note a title or part heading that ends the last article ("… Canary Islands.\n\nTITLE V").

        ToTA often drops a title that holds only chapters and leaves its heading at the
        end of the article before; it is the container of the chapters that follow.
        """
        if self.last_span is None:
            return
        start = max(self.last_span.start, self.last_span.end - _HEADING_TAIL)
        lines = [line.text.strip() for line in split_lines(self.source, start, self.last_span.end)]
        for line in [line for line in lines if line][-_HEADING_LINES:]:
            for pattern in CONTAINER_PATTERNS:
                found = pattern.match(line)
                if found is None:
                    continue
                kind, prefix = CONTAINERS.get(found.group("word").lower(), ("chapter", "ch"))
                slug = number_slug(found.group("num"))
                if kind in ("part", "title") and slug:
                    label = self.labels.top(container_unit(kind), found.group("num"))
                    self.outer[kind] = (f"{prefix}-{slug}", label)
                    for lower in [k for k, r in _RANK.items() if r > _RANK[kind]]:
                        self.outer.pop(lower, None)
                break

    def add(
        self,
        article: etree._Element,
        span: Span,
        chapter: tuple[int, etree._Element] | None,
        following: str | None = None,
        *,
        last: bool = False,
    ) -> None:
        """Add one ``<article>`` (its text at ``span``) found in ``chapter`` (index, element).

        ``following`` is the printed number of the next numbered article: an article
        printed as the bare word ("ARTICLE") before "ARTICLE 2" is article 1.
        """
        group = self._group_of(chapter)
        self.last_span = span
        printed = _article_number(article.get("number"))
        text = self.source[span.start : span.end]
        bare_word = printed is None and bool((article.get("number") or "").strip())
        if bare_word or (printed is None and not self.seen_numbered and self.preambles):
            # The source lost the article's number: inferred from the next one when it can be.
            inferred = _previous_number(following) if bare_word and not self.seen_numbered else None
            provision = self._article(
                inferred,
                (article.get("name") or "").strip() or None,
                span,
                group,
                inferred=inferred is not None,
            )
            self.seen_numbered = self.seen_numbered or bare_word
        elif printed is None and not self.seen_numbered:
            self.preambles += 1
            provision = self._preamble(span)
        elif printed is None and (
            _is_closing(chapter[1] if chapter else None, text)
            or (last and self.seen_numbered and ANNEX.match(text.lstrip()) is None)
        ):
            # Annexes and protocols after the signatures are containers of their own.
            closing, annexes = split_annexes(self.source, span, lang=self.lang, ids=self.ids)
            if closing is not None:
                pid = self.ids.claim("closing")
                text = self.source[closing.start : closing.end]
                (group.children if group is not None else self.top).append(
                    Provision(pid, "closing", self.labels.top("closing"), text, closing)
                )
            (group.children if group is not None else self.top).extend(annexes)
            return
        else:
            signed = _signature_start(self.source, span) if last and printed is not None else None
            article_span = trimmed_span(self.source, span.start, signed) if signed is not None else None
            whole = article_span or span
            annexed = chapter_annex_start(self.source, whole, lang=self.lang, article=printed or "")
            if annexed is not None:
                whole = trimmed_span(self.source, whole.start, annexed) or whole
            hidden = _hidden_articles(self.source, whole, printed, following) if printed else []
            own = trimmed_span(self.source, whole.start, hidden[0].cut) if hidden else whole
            provision = self._article(
                printed, (article.get("name") or "").strip() or None, own or whole, group
            )
            for n, part in enumerate(hidden):
                # Two source articles in one <article>: the second's heading is a line of the text.
                (group.children if group is not None else self.top).append(provision)
                end = hidden[n + 1].cut if n + 1 < len(hidden) else whole.end
                body = trimmed_span(self.source, part.body, end) or Span(part.body, part.body)
                provision = self._article(part.number, part.heading, body, group, inferred=part.inferred)
                shown, line = (f"[{part.number}]", "caption") if part.inferred else (part.number, "heading")
                self.warnings.append(
                    f"{self.origin}: article {printed}: article {shown} found inside it"
                    f" (its {line} is a line of the text): {provision.id}"
                )
            if annexed is not None:
                # A chapter's annex left inside the chapter's last article is a container of its own.
                provision = self._annexes_after(provision, Span(annexed, (article_span or span).end), group)
            if article_span is not None and signed is not None:
                # The last article ends with the signature block ("IN WITNESS WHEREOF …"):
                # the block is the closing, as an <article> of its own would be.
                (group.children if group is not None else self.top).append(provision)
                pid = self.ids.claim("closing")
                closing = Span(signed, span.end)
                text = self.source[closing.start : closing.end]
                provision = Provision(pid, "closing", self.labels.top("closing"), text, closing)
        (group.children if group is not None else self.top).append(provision)

    def _annexes_after(self, provision: Provision, span: Span, group: _Group | None) -> Provision:
        """Add ``provision`` and all but the last of the annexes at ``span``; the last, to add next."""
        _head, annexes = split_annexes(self.source, span, lang=self.lang, ids=self.ids)
        if not annexes:
            return provision
        for annex in annexes:
            self.warnings.append(
                f"{self.origin}: article {provision.number}: the chapter's annex {annex.number or ''}"
                f" is a container after it (its heading is a line of the article's text): {annex.id}"
            )
        (group.children if group is not None else self.top).extend((provision, *annexes[:-1]))
        return annexes[-1]

    def _preamble(self, span: Span) -> Provision:
        pid = self.ids.claim("preamble")
        label = self.labels.top("preamble")
        rest: Span | None = span
        if pid == "preamble":
            self.title, rest = split_title(self.source, span)
        rest = rest or Span(span.end, span.end)
        recitals = split_recitals(
            self.source, rest, parent_id=pid, parent_label=label, lang=self.lang, ids=self.ids
        )
        return Provision(pid, "preamble", label, self.source[rest.start : rest.end], rest, children=recitals)

    def _article(
        self,
        printed: str | None,
        heading: str | None,
        span: Span,
        group: _Group | None,
        *,
        inferred: bool = False,
    ) -> Provision:
        self.seen_numbered = self.seen_numbered or printed is not None
        if not number_slug(printed or ""):
            self.unnumbered_articles += 1
        pid = self.ids.claim(
            article_segment(printed, self.unnumbered_articles), container=group.id if group else None
        )
        # An unnumbered article is shown by its id's ordinal, never as if it were "Article 2".
        # An inferred number is shown in brackets: the source printed none.
        shown = f"[{printed}]" if inferred and printed else printed
        label = self.labels.top("article", shown or f"u{self.unnumbered_articles}")
        if group is not None:
            label = nested_label(pid, group.id, group.label, label)
        children = (
            split_paragraphs(
                self.source,
                span,
                parent_id=pid,
                parent_label=label,
                lang=self.lang,
                ids=self.ids,
                trailing_caption=True,
                notes=self.notes,
            )
            if span.end > span.start
            else ()
        )
        return Provision(
            pid,
            "article",
            label,
            self.source[span.start : span.end],
            span,
            number=None if inferred else printed,
            heading=heading,
            children=children,
        )


@dataclass(frozen=True)
class _Hidden:
    """A source article that ToTA left inside the ``<article>`` before it."""

    cut: int  # where the article before ends: its heading line, or its caption lines
    body: int  # where its paragraphs begin ("1.")
    number: str  # its printed number, or the one inferred from its neighbours
    heading: str | None
    inferred: bool


_FIRST_PARAGRAPH = re.compile(r"\(?1[.)]?\s")
_PARAGRAPH_LINE = re.compile(r"\(?(?P<n>[0-9]{1,3})[.)]\s")
# The lines _PARAGRAPH_LINE matches once stripped, found in the text after a newline put before it
# (a pattern opening with a character is looked for fast, "^" is tried at every position).
_PARAGRAPH_START = re.compile(r"\n[^\S\n]*\(?(?P<n>[0-9]{1,3})[.)][^\S\n]+\S")
_FIRST_PARAGRAPH_START = re.compile(r"\n[^\S\n]*\(?0{0,2}1[.)][^\S\n]+\S")  # those numbered 1
_RUN_IN_HEADING = re.compile(r"(?<=[.;])[ \t]+(?=(?:ARTICLE|Article|ARTÍCULO|Artículo)\s*[0-9])")


def _hidden_articles(source: str, span: Span, printed: str, following: str | None) -> list[_Hidden]:
    """The articles hidden in one ToTA ``<article>`` after its own (docs/ids.md rule 4).

    A second article shows itself by a paragraph "1." after the article's own paragraph
    1 or later, with its heading as a line ("ARTICLE 9.2: GENERAL PRINCIPLES",
    "… of the Agreement. Article 11.2: Procedures …") numbered between this article and
    the next; or after paragraph 2 or later, with only a caption after a full stop
    ("… of this Agreement.\nTechnical Barriers To Trade\n1. …") when the next
    ``<article>`` skips exactly one number — which is then this one's, shown in
    brackets as an inferred number is.
    """
    # Only a "1." after a paragraph line numbered 1 or more may open one: most articles have none.
    after_newline = span.start > 0 and source[span.start - 1] == "\n"
    text, pos = (source, span.start - 1) if after_newline else ("\n" + source[span.start : span.end], 0)
    end = span.end if after_newline else len(text)
    # Most articles have no line "1." but their first numbered one: two searches tell, without the list.
    ones = _FIRST_PARAGRAPH_START.finditer(text, pos, end)
    first_one, first_numbered = next(ones, None), _PARAGRAPH_START.search(text, pos, end)
    if first_one is None or (
        first_numbered is not None
        and first_one.start() == first_numbered.start()
        and next(ones, None) is None
    ):
        return []
    numbers = [int(found["n"]) for found in _PARAGRAPH_START.finditer(text, pos, end)]
    if not any(n == 1 and previous >= 1 for previous, n in zip(numbers, numbers[1:], strict=False)):
        return []
    lines = [line for line in split_lines(source, span.start, span.end) if not line.blank]
    hidden: list[_Hidden] = []
    last = 0  # the last paragraph number at a line's start
    for at, line in enumerate(lines):
        found = _PARAGRAPH_LINE.match(line.stripped)
        if found is None:
            continue
        number, previous = int(found["n"]), last
        last = number
        if number != 1 or previous < 1 or at == 0:
            continue
        # The heading: up to three lines before "1.", after a line that ends a sentence.
        for count in range(1, min(3, at) + 1):
            head = lines[at - count : at]
            before = lines[at - count - 1] if at - count - 1 >= 0 else None
            split = _heading_split(source, head, before, printed, following, bool(hidden) or previous < 2)
            if split is not None:
                cut, heading, inferred_number, inferred = split
                hidden.append(_Hidden(cut, line.content_start, inferred_number, heading, inferred))
                break
    return hidden


def _heading_split(
    source: str,
    head: list[Line],
    before: Line | None,
    printed: str,
    following: str | None,
    explicit_only: bool,
) -> tuple[int, str | None, str, bool] | None:
    """Where the hidden article's heading ``head`` begins, its caption, number and whether inferred.

    ``explicit_only``: a caption alone does not do (one was found already, or the
    article before has a single paragraph).
    """
    first = head[0]
    run_in = _RUN_IN_HEADING.search(first.text)
    start = first.start + run_in.end() if run_in else first.content_start
    heading_text = source[start : head[-1].content_end]
    found = ARTICLE_PATTERNS[0].match(heading_text.split("\n", 1)[0].strip())
    if found is not None and _between(found["num"], printed, following):
        caption = " ".join([found["rest"].strip(" :.-–"), *(line.stripped for line in head[1:])]).strip()
        return start, caption or None, found["num"], False
    if run_in is not None or explicit_only or before is None or FULL_STOP.search(before.text) is None:
        return None
    if not all(_caption_line(line.stripped) for line in head):
        return None
    missing = _next_number(printed)
    if (
        missing is None
        or following is None
        or number_slug(_next_number(missing) or "") != number_slug(following)
    ):
        return None
    return first.content_start, " ".join(line.stripped for line in head), missing, True


def _caption_line(stripped: str) -> bool:
    """A short line without end punctuation that opens with a capital: a heading's caption."""
    return (
        len(stripped) <= 80
        and len(stripped.split()) <= 12
        and stripped[-1:] not in ".:;,"
        and stripped[:1].isupper()
        and _FIRST_PARAGRAPH.match(stripped) is None
    )


def _between(number: str, printed: str, following: str | None) -> bool:
    """Whether a heading's ``number`` comes after ``printed`` and before ``following``."""
    key = _number_key(number)
    return (
        key is not None
        and key > (_number_key(printed) or ())
        and (following is None or key < (_number_key(following) or key + (1,)))
    )


def _number_key(number: str) -> tuple[int, ...] | None:
    parts = re.split(r"[.\-]", number)
    return tuple(int(p) for p in parts) if all(p.isdecimal() for p in parts) else None


def _next_number(printed: str) -> str | None:
    """The number after ``printed`` ("7" → "8", "9.1" → "9.2"), if it has one."""
    found = re.fullmatch(r"(?P<head>(?:[0-9]+[.\-])*)(?P<last>[0-9]+)", printed)
    return f"{found['head']}{int(found['last']) + 1}" if found else None


def _previous_number(following: str | None) -> str | None:
    """The number before ``following`` ("2" → "1", "1.2" → "1.1"), if it has one."""
    found = re.fullmatch(r"(?P<head>(?:[0-9]+[.\-])*)(?P<last>[0-9]+)", following or "")
    if found is None or int(found["last"]) < 2:
        return None
    return f"{found['head']}{int(found['last']) - 1}"


def _signature_start(source: str, span: Span) -> int | None:
    """Where a signature block begins inside an article: a line after a blank line that opens
    with a closing formula in capitals or title case ("IN WITNESS WHEREOF", "Done at …")."""
    lines = split_lines(source, span.start, span.end)
    for before, line in zip(lines, lines[1:], strict=False):
        stripped = line.text.strip()
        if before.blank and stripped[:1].isupper() and CLOSING_START.match(stripped):
            return line.content_start
    return None


def _is_closing(chapter: etree._Element | None, text: str) -> bool:
    name = (chapter.get("name") or "").strip().lower() if chapter is not None else ""
    return name == "conclusion" or CLOSING_START.match(text.lstrip("* \n\t")) is not None
