"""Frozen data model: treaties, provisions, citations, links, diffs, comparisons.

This module is a leaf: it imports nothing from the package except ``errors``.
The id scheme implemented by :func:`is_provision_id` and :class:`Citation` is
documented in ``docs/ids.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cached_property
from typing import Any, Literal, get_args

from treatydiff.errors import TreatydiffError, UnknownProvision

__all__ = [
    "RELATIONS",
    "Body",
    "Citation",
    "ClauseMap",
    "Comparison",
    "ComparedLink",
    "Kind",
    "Link",
    "LinkStatus",
    "ModalMark",
    "ObligationNote",
    "Passage",
    "ORIGINS",
    "Origin",
    "Provenance",
    "Provision",
    "ProvisionDiff",
    "Relation",
    "Side",
    "Source",
    "Span",
    "Summary",
    "Treaty",
    "TreatyMeta",
    "WordOp",
    "is_provision_id",
    "is_treaty_id",
    "normalize_treaty_id",
]

Kind = Literal[
    "preamble",
    "recital",
    "part",
    "title",
    "chapter",
    "section",
    "article",
    "paragraph",
    "point",
    "annex",
    "closing",
]

# Kinds whose text may open with their own heading line ("Article 1", "Chapter I: …").
_HEADED = {"preamble", "part", "title", "chapter", "section", "article", "annex"}
# A treaty id is a lowercase slug; ToTA agreements are written ``tota:N`` by users
# and stored as ``tota-N`` so that the citation separator ':' stays unambiguous.
_TREATY_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOTA_REF = re.compile(r"tota[:-](\d{1,4})")
# A provision id is dot-separated segments of [a-z0-9] joined by '-' or '_':
# ASCII, no ':' (reserved for citations), safe in a URL fragment.
_SEGMENT = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"
_PROVISION_ID = re.compile(rf"{_SEGMENT}(?:\.{_SEGMENT})*")
MAX_ID_LENGTH = 120  # generous for nested annex points, small enough for a file name


def is_treaty_id(text: str) -> bool:
    """True when ``text`` is a canonical treaty id such as ``ir-ru-2025``."""
    return len(text) <= 64 and _TREATY_ID.fullmatch(text) is not None


def is_provision_id(text: str) -> bool:
    """True when ``text`` is a well-formed provision id such as ``art-3.3.a``."""
    return len(text) <= MAX_ID_LENGTH and _PROVISION_ID.fullmatch(text) is not None


def normalize_treaty_id(text: str) -> str:
    """Return the canonical id for a user's treaty reference (``tota:420`` → ``tota-420``).

    Raises:
        TreatydiffError: when the text cannot be a treaty id (path characters, spaces …).
    """
    candidate = text.strip().lower()
    tota = _TOTA_REF.fullmatch(candidate)
    if tota:
        return f"tota-{int(tota.group(1))}"
    if not is_treaty_id(candidate):
        raise TreatydiffError(
            f"{text!r} is not a treaty id",
            hint="ids are lowercase letters, digits and single hyphens, e.g. ir-ru-2025 or tota:420",
        )
    return candidate


@dataclass(frozen=True, order=True)
class Citation:
    """A citable reference ``TREATY:ID`` such as ``ir-ru-2025:art-3.3``.

    ``provision`` is ``None`` when the reference names the whole treaty.
    """

    treaty: str
    provision: str | None = None

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Parse ``TREATY``, ``TREATY:ID``, ``tota:N`` or ``tota:N:ID``.

        Raises:
            TreatydiffError: when either part is malformed.
        """
        raw = text.strip()
        parts = raw.split(":")
        if len(parts) >= 2 and parts[0].lower() == "tota":
            parts = [f"tota-{parts[1]}", *parts[2:]]
        if len(parts) > 2 or not parts[0]:
            raise TreatydiffError(
                f"{text!r} is not a citation", hint="write TREATY or TREATY:ID, e.g. ir-ru-2025:art-3.3"
            )
        treaty = normalize_treaty_id(parts[0])
        if len(parts) == 1:
            return cls(treaty)
        provision = parts[1].strip()
        if not is_provision_id(provision):
            raise TreatydiffError(
                f"{provision!r} is not a provision id",
                ref=raw,
                hint="ids look like art-3, art-3.3.a or preamble.4; see docs/ids.md",
            )
        return cls(treaty, provision)

    def __str__(self) -> str:
        return self.treaty if self.provision is None else f"{self.treaty}:{self.provision}"


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into a body's ``source_text``."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # As the frozen dataclass's own, through the slots' setters (see _FAST_SETTERS).
        _span_start(self, start)
        _span_end(self, end)


@dataclass(frozen=True, slots=True)
class Provision:
    """One node of a treaty's provision tree."""

    id: str
    """Stable, citable id within the treaty (``art-3.3.a``); see docs/ids.md."""
    kind: Kind
    label: str
    """Display label in the text's language: "Article 3(3)", "Статья 3 п. 3"."""
    text: str
    """Exact text: ``source_text[span.start:span.end]`` of the body it belongs to."""
    span: Span
    number: str | None = None
    """The number as printed in the text ("3", "V", "2.3", "б"), if any."""
    heading: str | None = None
    """An article's or chapter's own title line, if it has one."""
    children: tuple[Provision, ...] = ()

    def __init__(  # noqa: PLR0913 - the fields, as the dataclass's own __init__ takes them
        self,
        id: str,  # noqa: A002 - the field's name
        kind: Kind,
        label: str,
        text: str,
        span: Span,
        number: str | None = None,
        heading: str | None = None,
        children: tuple[Provision, ...] = (),
    ) -> None:
        # As the frozen dataclass's own, through the slots' setters (see _FAST_SETTERS).
        _provision_id(self, id)
        _provision_kind(self, kind)
        _provision_label(self, label)
        _provision_text(self, text)
        _provision_span(self, span)
        _provision_number(self, number)
        _provision_heading(self, heading)
        _provision_children(self, children)

    def walk(self) -> Iterator[Provision]:
        """Yield this provision and all its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def heading_line(self) -> str | None:
        """The first line of the text when it is this provision's own heading, as printed
        ("Article 1", "Статья 5", "第五条", "Chapter I: Purposes and Principles").

        Plain-text parsers keep that line in the text; ToTA keeps article numbers outside
        it. A line that starts with the number is a paragraph number, not a heading.
        """
        first, newline, rest = self.text.strip().partition("\n")
        if self.kind not in _HEADED or not newline or not rest.strip():
            return None
        first = " ".join(first.split())
        folded, label = first.casefold(), self.label.casefold()
        if folded == label or (folded.startswith(label) and not folded[len(label)].isalnum()):
            return first
        number = self.number
        if number and len(first) <= 40 and not folded.startswith(number.casefold()):
            shape = rf"\W*\w*\W*{re.escape(number)}\W*\w*\W*"
            if re.fullmatch(shape, first, re.IGNORECASE):
                return first
        return None

    def body_text(self) -> str:
        """The text without its heading line: what reports show under the provision's caption
        and what the diff compares, so that a renumbered article is not a changed one. The
        provision's title (``heading``) stays, as a paragraph of its own."""
        line = self.heading_line()
        if line is None:
            return self.text
        rest = self.text.strip().partition("\n")[2]
        title = self.heading
        if title is None:
            return rest
        first, _, after = rest.lstrip().partition("\n")
        if " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
            return f"{first}\n\n{after}"
        return f"{title}\n\n{rest}" if title.casefold() in line.casefold() else rest

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: id, kind, label, number, heading, span, text, children."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "number": self.number,
            "heading": self.heading,
            "span": [self.span.start, self.span.end],
            "text": self.text,
        }
        if self.children:
            data["children"] = [child.to_dict() for child in self.children]
        return data


# _FAST_SETTERS: a parse makes hundreds of thousands of spans and provisions. The frozen
# dataclass's generated __init__ sets each field with object.__setattr__, looked up on every
# call; the slots' own setters, bound once here, do the same in about half the time.
_span_start, _span_end = (Span.__dict__[name].__set__ for name in ("start", "end"))
(
    _provision_id,
    _provision_kind,
    _provision_label,
    _provision_text,
    _provision_span,
    _provision_number,
    _provision_heading,
    _provision_children,
) = (
    Provision.__dict__[name].__set__
    for name in ("id", "kind", "label", "text", "span", "number", "heading", "children")
)


@dataclass(frozen=True)
class Source:
    """Where a text is published."""

    publisher: str
    url: str | None = None
    date: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class TreatyMeta:
    """What the registry knows of a treaty, independent of any text."""

    id: str
    titles: dict[str, str]
    """Official title per language code."""
    parties: tuple[str, ...] = ()
    """ISO 3166-1 alpha-3 codes."""
    signed_date: str | None = None
    signed_place: str | None = None
    in_force_date: str | None = None
    languages: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    expected_articles: int | None = None
    expected_chapters: int | None = None
    licence: str | None = None
    attribution: str | None = None
    manifest: str | None = None
    """Path of the manifest this came from (registry file or local store)."""

    def title(self, lang: str | None = None) -> str:
        """The title in ``lang`` if known, else English, else any, else the id."""
        for key in (lang, "en"):
            if key and key in self.titles:
                return self.titles[key]
        return next(iter(self.titles.values()), self.id)


@dataclass(frozen=True)
class Provenance:
    """Where a body came from and when it was ingested."""

    file: str
    sha256: str
    ingested_at: str
    parser: str
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: file, sha256, ingested_at, parser, warnings."""
        return {
            "file": self.file,
            "sha256": self.sha256,
            "ingested_at": self.ingested_at,
            "parser": self.parser,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Body:
    """One language version of a treaty, parsed into a provision tree."""

    lang: str
    source_text: str
    """The text the spans point into (decoded, mojibake repaired, newlines normalised)."""
    provisions: tuple[Provision, ...]
    """Top-level provisions in document order."""
    title: str | None = None
    """A title found in the text itself, if any."""
    warnings: tuple[str, ...] = ()

    def walk(self) -> Iterator[Provision]:
        """Every provision in document order."""
        for top in self.provisions:
            yield from top.walk()

    @cached_property
    def index(self) -> dict[str, Provision]:
        """Provisions by id."""
        return {p.id: p for p in self.walk()}

    def articles(self) -> list[Provision]:
        """All provisions of kind ``article``, in order."""
        return [p for p in self.walk() if p.kind == "article"]

    def get(self, provision_id: str) -> Provision:
        """The provision with this id.

        Raises:
            UnknownProvision: when there is none.
        """
        try:
            return self.index[provision_id]
        except KeyError:
            raise UnknownProvision(f"no provision {provision_id!r}", ref=provision_id) from None


@dataclass(frozen=True)
class Treaty:
    """A treaty's metadata with one ingested language version."""

    meta: TreatyMeta
    body: Body
    provenance: Provenance

    @property
    def lang(self) -> str:
        return self.body.lang

    def cite(self, provision_id: str) -> Citation:
        """The citation of one of this treaty's provisions."""
        return Citation(self.meta.id, provision_id)

    def get(self, provision_id: str) -> Provision:
        """The provision with this id; the error names the treaty.

        Raises:
            UnknownProvision: when there is none.
        """
        try:
            return self.body.index[provision_id]
        except KeyError:
            listing = f"run `treatydiff show {self.meta.id} --lang {self.lang}` to list its ids"
            close = get_close_matches(provision_id, list(self.body.index), n=1, cutoff=0.6)
            raise UnknownProvision(
                f"unknown provision {provision_id!r} in {self.meta.id} ({self.lang})",
                ref=f"{self.meta.id}:{provision_id}",
                hint=f"did you mean {close[0]!r}? {listing}" if close else listing,
            ) from None


# --- clause maps and comparisons -------------------------------------------------

Relation = Literal[
    "same",
    "reworded",
    "modified",
    "expanded",
    "narrowed",
    "split",
    "merged",
    "moved",
    "added",
    "dropped",
    "parallel",
    "contrasting",
    "changed",
]
RELATIONS: tuple[str, ...] = get_args(Relation)
"""The closed relation vocabulary of clause maps, in documentation order."""

ObligationChangeKind = Literal[
    "added",
    "dropped",
    "reversed",
    "strengthened",
    "weakened",
    "bearer-changed",
    "condition-added",
    "condition-removed",
    "condition-changed",
    "unchanged",
]
OBLIGATION_CHANGE_KINDS: tuple[str, ...] = get_args(ObligationChangeKind)
"""How a link's obligations changed (docs/obligations.md), most important first:
a link's ``kind`` is the first of its kinds in this order."""


Origin = Literal["curated", "suggested", "article-number"]
"""Who made a link: a scholar's clause map, an automatic aligner, or equal article numbers."""
ORIGINS: tuple[str, ...] = get_args(Origin)


@dataclass(frozen=True)
class Link:
    """A correspondence between provisions of two treaties: curated, suggested or by number.

    ``left`` and ``right`` hold provision refs as written in the map: ids
    (``art-3.3``) or ranges (``art-18..art-27``), expanded against a body by
    ``mapping.expand_refs``. One side is empty for ``added`` (left empty) and
    ``dropped`` (right empty).
    """

    left: tuple[str, ...]
    right: tuple[str, ...]
    relation: Relation | None
    """The judgement of a map (or of an aligner's suggestion); ``None`` when nobody judged
    the link: the tool only paired the provisions (``compare`` writes ``same`` when the
    texts are identical after normalisation)."""
    note: str | None = None
    evidence: tuple[str, ...] = ()
    confidence: str | None = None
    line: int | None = None
    """Line of the link in its map file, for error messages."""
    origin: Origin = "curated"
    between: tuple[str, str] | None = None
    """The (left, right) treaty ids this link joins; ``load_map`` always sets it.
    ``None`` (links not read from a map) means the comparison's two treaties."""
    score: float | None = None
    """An aligner's score for the pairing, 0..1 (suggested links); ``None`` otherwise."""
    reasons: tuple[str, ...] = ()
    """Why an aligner proposed the link, in a few words each ("same article number")."""


@dataclass(frozen=True)
class ClauseMap:
    """A clause alignment map (``mappings/*.yaml``)."""

    path: str
    treaties: tuple[str, ...]
    title: str
    authors: tuple[str, ...]
    date: str | None
    status: Literal["draft", "reviewed"]
    links: tuple[Link, ...]
    sources: tuple[str, ...] = ()
    langs: dict[str, str] = field(default_factory=dict)
    """Language of the body each treaty is compared in, when the map fixes it."""


WordOpKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class WordOp:
    """One run of a word-level diff: equal, inserted (right only) or deleted (left only)."""

    op: WordOpKind
    text: str


@dataclass(frozen=True)
class Passage:
    """One paragraph of one side as shown: the number or letter printed before it
    ("2.", "(a)", "б)"), which the diff ignores, and its runs of words."""

    marker: str | None
    ops: tuple[WordOp, ...]
    """Equal and deleted runs on the left side, equal and inserted runs on the right."""


@dataclass(frozen=True)
class ProvisionDiff:
    """The word-level diff of one link's left and right texts."""

    ops: tuple[WordOp, ...]
    similarity: float
    """0..1: 2·shared / (left words + right words), where shared words are those the
    minimal word diff keeps (counted before semantic clean-up, which merges short common
    words into larger edits for readability and would understate rewordings)."""
    words_added: int
    words_removed: int
    left: tuple[Passage, ...] = ()
    """The left text as shown, paragraph by paragraph, with its markers."""
    right: tuple[Passage, ...] = ()
    """The right text as shown, paragraph by paragraph, with its markers."""


@dataclass(frozen=True)
class ModalMark:
    """A modal phrase ("shall not", "обязуются") inside one column as shown, for highlighting:
    run ``op`` of passage ``passage``, characters ``[start, end)`` of that run's text. A
    phrase that crosses runs (kept "shall", inserted "endeavour") is one mark per run."""

    passage: int
    op: int
    start: int
    end: int
    modality: str
    """obligation, prohibition, permission, aspiration or declaration (docs/obligations.md)."""


@dataclass(frozen=True)
class ObligationNote:
    """How a link's obligations changed (docs/obligations.md), as the reports show it."""

    kinds: tuple[str, ...]
    """Every change found, most important first; ``("unchanged",)`` when there is none."""
    summary: str
    """One line: "weakened: shall → shall endeavour"."""
    left_modality: str | None = None
    """The primary modality of the left side, ``None`` when it has no obligation statement."""
    right_modality: str | None = None

    @property
    def kind(self) -> str:
        """The most important change."""
        return self.kinds[0]

    @property
    def changed(self) -> bool:
        return self.kinds != ("unchanged",)


LinkStatus = Literal["added", "dropped", "changed", "unchanged", "parallel"]
"""``parallel``: texts in different languages that no curated relation judges; shown side
by side, neither diffed nor counted as a change."""


@dataclass(frozen=True)
class ComparedLink:
    """A link with the provisions it joins and their diff."""

    link: Link
    left: tuple[Provision, ...]
    right: tuple[Provision, ...]
    diff: ProvisionDiff | None
    """None when the two sides are in different languages: shown in parallel, not diffed."""
    status: LinkStatus
    left_passages: tuple[Passage, ...] = ()
    """The left side as shown, paragraph by paragraph with its markers: the diff's equal and
    deleted runs, or the plain text (as equal runs) when not diffed."""
    right_passages: tuple[Passage, ...] = ()
    """The right side as shown: the diff's equal and inserted runs, or the plain text."""
    obligation: ObligationNote | None = None
    """The link's obligation change; ``None`` when not analysed (a language without vocabulary)."""
    left_marks: tuple[ModalMark, ...] = ()
    """The modal phrases inside ``left_passages``, in reading order."""
    right_marks: tuple[ModalMark, ...] = ()


@dataclass(frozen=True)
class Side:
    """One treaty of a comparison: its metadata, language and provenance."""

    meta: TreatyMeta
    lang: str
    provenance: Provenance


@dataclass(frozen=True)
class Summary:
    """Counts over a comparison's links."""

    added: int
    dropped: int
    changed: int
    unchanged: int
    unlinked_left: int
    unlinked_right: int
    parallel: int = 0


@dataclass(frozen=True)
class Comparison:
    """Everything a renderer needs: pure data, no I/O."""

    left: Side
    right: Side
    rows: tuple[ComparedLink, ...]
    summary: Summary
    alignment: Origin
    """How the links were made: a curated map, an aligner's suggestions, or article numbers."""
    clause_map: ClauseMap | None = None
    unlinked_left: tuple[Provision, ...] = ()
    unlinked_right: tuple[Provision, ...] = ()
    generated_at: str = ""
    tool_version: str = ""
