"""The record that holds one language's drafting conventions.

Every word, abbreviation, formula and alphabet that the parsers and labels read
for a language lives in one :class:`Language` record, in the language's own
module (``treatydiff.languages.en`` …). Patterns are compiled from the records in
``treatydiff.ingest.conventions``; nothing here is a regex over the whole text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

__all__ = ["PROTOCOL_UNIT", "ContainerKind", "Counted", "Labels", "Language", "Script", "frozen_map"]

PROTOCOL_UNIT = "protocol"
"""The label unit and id prefix of a protocol annexed to a treaty (``protocol-2``)."""

Script = Literal["latin", "cyrillic", "arabic", "han", "hangul"]
ContainerKind = Literal["part", "title", "chapter", "section"]


def frozen_map(items: Mapping[str, Any] | None = None, **kwargs: Any) -> Mapping[str, Any]:
    """A read-only mapping, so that a record cannot be changed after import."""
    return MappingProxyType({**(items or {}), **kwargs})


@dataclass(frozen=True)
class Counted:
    """Headings that count a unit around its number: "第五十一条", "第一章", "제1조", "제1장"."""

    prefix: str
    """The ordinal sign before the number ("第", "제")."""
    article: str
    """The counter after an article number ("条", "조")."""
    containers: Mapping[str, ContainerKind]
    """Counters of containers and their kind ("章" → chapter, "编" → part)."""
    subunits: str = ""
    """Counters of paragraphs and points, which mark a cross-reference ("款项", "항호")."""
    digits: Mapping[str, int] = field(default_factory=frozen_map)
    """The language's numeral digits ("一" → 1, "〇" → 0); empty: Western digits only."""
    units: Mapping[str, int] = field(default_factory=frozen_map)
    """Numeral units ("十" → 10, "百" → 100)."""


@dataclass(frozen=True)
class Labels:
    """How labels are written: the display words and the few shapes that differ by language.

    Templates use ``{parent}``, ``{word}`` (the unit's display word) and ``{n}`` (its number).
    """

    words: Mapping[str, str]
    """Display word per unit ("article" → "Article", "point" → "подп."); missing ones are English.

    The word of an ordinal unit ("unnumbered", "dash", "recital") must not read like the
    treaty's own numbering: "unnumbered paragraph 5", never "paragraph 5" (docs/ids.md rule 4)."""
    top: str = "{word} {n}"
    """A top-level unit with a number: "Article 5" ("第{n}{word}": "第51条")."""
    top_uncounted: str = "{word} {n}"
    """A top-level unit outside ``counted_units`` ("附件{n}")."""
    counted_units: frozenset[str] = frozenset()
    paragraph: str = "{parent}({n})"
    point: str = "{parent}({n})"
    intro: str = "{parent}, {word}"
    recital: str = "{parent}, {word} {n}"
    other: str = "{parent}, {word} {n}"
    """Every other child (unnumbered paragraph, dash item)."""
    captioned: str = "{word}: {caption}"
    """An unnumbered section named by its caption."""
    western_digits: bool = False
    """Counted labels show numbers in Western digits ("五十一" → "51") instead of as printed."""
    title_case: bool = False
    """Captions set in capitals are shown in title case ("Functions and Powers"), else sentence case."""
    minor_words: frozenset[str] = frozenset()
    """Words that title case leaves in lower case."""


@dataclass(frozen=True)
class Language:
    """One language's drafting conventions, as data (docs/ids.md rule 8)."""

    code: str
    name: str
    script: Script
    labels: Labels
    # -- headings ----------------------------------------------------------------------------
    article_words: tuple[str, ...] = ()
    """Words that head an article, followed by its number ("Article", "Статья", "المادة")."""
    article_abbreviations: tuple[str, ...] = ()
    """Abbreviated forms, matched exactly as written ("Art.", "Ст.")."""
    containers: Mapping[str, ContainerKind] = field(default_factory=frozen_map)
    """Words that head a container and its kind ("Chapter" → chapter, "Глава" → chapter)."""
    container_ranks: Mapping[str, int] = field(default_factory=frozen_map)
    """Container words whose rank differs from their kind's (Russian "раздел" above "глава")."""
    counted: Counted | None = None
    annex_words: tuple[str, ...] = ()
    protocol_words: tuple[str, ...] = ()
    """Words that head a protocol annexed to the treaty ("PROTOCOL No 1", "ПРОТОКОЛ", "의정서")."""
    preamble_words: tuple[str, ...] = ()
    number_words: Mapping[str, int] = field(default_factory=frozen_map)
    """Spelled-out numbers read in ids ("first" → 1, "twenty" → 20)."""
    heading_number_words: tuple[str, ...] = ()
    """Spelled-out numbers that may stand in an article heading ("Article One", "Статья первая")."""
    ordinal_words: Mapping[str, int] = field(default_factory=frozen_map)
    """Ordinal words of a script without case that number headings ("الفصل الأول")."""
    number_suffixes: tuple[str, ...] = ()
    """Words that join the number they follow ("5 bis" → ``5bis``)."""
    script_letters: str = ""
    """Letters only this language uses among the languages of its script ("پچژگکی")."""
    numbered_signs: str = ""
    """Signs that stand for a number, the n-th for n ("①②③…")."""
    digits: str = ""
    """The language's own digits, ten per set in the order 0–9 ("٠١٢٣٤٥٦٧٨٩")."""
    number_signs: tuple[str, ...] = ()
    """Abbreviations of "number" before an annex number ("No.", "№")."""
    # -- title, references, closing ---------------------------------------------------------
    treaty_words: tuple[str, ...] = ()
    """Words naming an instrument, which make the first line a title ("agreement", "договор")."""
    decision_words: tuple[str, ...] = ()
    """Words naming an organ's decision, which may open a title in sentence case ("Decision")."""
    treaty_start_words: tuple[str, ...] = ()
    """Capitalised words that may open a title glued to the next word ("AGREEMENTBETWEEN")."""
    reference_words: tuple[str, ...] = ()
    """Regex fragments: words that name a unit by number in a sentence ("articles?", "стать[яиеёй]")."""
    reference_particles: tuple[str, ...] = ()
    """Words that follow a number in a reference, never in a heading ("من", "에")."""
    closing_formulas: tuple[str, ...] = ()
    """Regex fragments that open the signature block ("done at", "совершено в")."""
    # -- paragraphs and points --------------------------------------------------------------
    list_conjunctions: tuple[str, ...] = ()
    """Words that may end a list item before the next marker ("and", "или")."""
    item_conjunctions: tuple[str, ...] = ()
    """Words after ";" or "," that end an item for certain ("; and")."""
    definition_verbs: tuple[str, ...] = ()
    """Verbs that define a term ("territory means:"): such a definition run into the point
    before it ("…; and territory means:") is a unit of its own (docs/ids.md rule 5)."""
    point_alphabets: tuple[Sequence[str], ...] = ()
    """Letters that mark points, each alphabet in its order ("абвгдежзи…"; "子丑寅…", "甲乙丙…";
    ("الف", "ب", "ج", …)): the point lettered with the n-th is the n-th point (docs/ids.md rule 1)."""
    numbered_points: bool = False
    """Points may be numbered ("1)" under "1." in Korean): their id is the letter of that rank."""
    point_letters: str = ""
    """Every letter that may mark a point, also those outside the ordinal alphabet ("ё")."""
    transliteration: Mapping[str, str] = field(default_factory=frozen_map)
    """ASCII forms of letters in numbers ("б" → "b", "ñ" → "ny")."""
    paragraph_markers: tuple[str, ...] = ()
    """Regex patterns of paragraph markers beyond "1." "(1)" "1)"; group ``z`` is the number."""
    point_markers: tuple[str, ...] = ()
    """Regex patterns of point markers beyond "(a)" "a)"; group ``z`` is the letter."""
    stopwords: frozenset[str] = frozenset()
    """Common words that tell this language from others of its script."""
    quotes: str = ""
    """Quotation marks of this language's typography (the diff folds them into '"')."""
    single_quotes: str = ""
