"""The patterns the parsers match, compiled from every language record.

A treaty text is read with the conventions of all languages at once (a Russian
treaty may quote "Article 5"), so each pattern is the union over
:func:`treatydiff.languages.records`. Nothing here names a word of any language:
the words are in ``treatydiff/languages/``; punctuation and digit classes are
those of the scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from treatydiff.languages import Language, records
from treatydiff.model import Kind

__all__ = [
    "ANNEX",
    "ANNEX_LINE_START",
    "ARTICLE_PATTERNS",
    "CLOSING_START",
    "CONTAINERS",
    "CONTAINER_PATTERNS",
    "CONTAINER_RANKS",
    "COUNTED_PATTERNS",
    "DEFINITION_VERB_END",
    "ENDS_WITH_FULL_STOP",
    "FULL_STOP",
    "GLUED_DEFINITION",
    "ITEM_END",
    "LINE_ENDS_SENTENCE",
    "LIST_BOUNDARY",
    "MARKER_LINE",
    "NUMERALS",
    "PARAGRAPH_MARKERS",
    "POINT_LETTER_CLASSES",
    "POINT_MARKERS",
    "PREAMBLE_WORD",
    "PROTOCOL",
    "REFERENCE",
    "REFERENCE_AFTER_NUMBER",
    "REFERENCE_WORD_END",
    "SCRIPT_LETTERS",
    "STOPWORDS",
    "TERMINAL",
    "TREATY_START",
    "DECISION_WORD",
    "TREATY_WORD",
    "TREATY_WORD_GLUED",
    "ends_in_reference_word",
]

_RECORDS = records()


def _all(field: str, *, script: str | None = None) -> list[str]:
    """Every value of a tuple field over the records (of one script), each once, in order."""
    values: list[str] = []
    for record in _RECORDS:
        if script is None or record.script == script:
            for value in getattr(record, field):
                if value not in values:
                    values.append(value)
    return values


def words(*forms: str) -> str:
    """An alternation of each word as written and in capitals ("Article", "ARTICLE")."""
    out: list[str] = []
    for word in forms:
        for form in (word, word.upper()):
            if re.escape(form) not in out:
                out.append(re.escape(form))
    return "|".join(sorted(out, key=len, reverse=True))


def _exact(forms: Iterable[str]) -> str:
    return "|".join(sorted({re.escape(form) for form in forms}, key=len, reverse=True))


def arabic_script(word: str) -> str:
    """A pattern for a word of the Arabic script as typeset: tatweel may stretch it, hamza may be dropped."""
    chars = [r"\s+" if ch == " " else "[أاإ]" if ch in "أإ" else re.escape(ch) for ch in word]
    return "\u0640*".join(chars)


_CASED = [r for r in _RECORDS if r.script in ("latin", "cyrillic")]
# Hangul has no case either, but Korean counts its units like Chinese ("제1조").
_UNCASED_WORDS = [r for r in _RECORDS if r.script == "arabic"]
_COUNTED = [r for r in _RECORDS if r.counted is not None]

# --- numbers in headings -----------------------------------------------------------------

_SUFFIX = r"(?:\s?-?\s?(?:" + words(*_all("number_suffixes")) + r")\b)"
_NUMBER_WORD = words(*_all("heading_number_words"))
# Article numbers: 5, 2.3, 4-01, 5 bis, 5A, G-1, V, XII, "premier".
NUMBER = (
    r"(?P<num>"
    r"[0-9]{1,6}(?:\s?[.\-–]\s?[0-9]{1,4}){0,3}(?:[A-Za-z](?![A-Za-zА-Яа-я]))?" + _SUFFIX + "?"
    r"|[A-Z](?:\s?[.\-–]\s?[0-9]{1,4}){1,2}"  # G-1, A.2
    r"|[IVXLC]{1,8}(?![A-Za-zА-Яа-я0-9])" + _SUFFIX + "?"
    r"|[A-Z](?![A-Za-zА-Яа-я0-9])"
    r"|1er(?![A-Za-z])"
    r"|(?:" + _NUMBER_WORD + r")(?![A-Za-zА-Яа-яё])"
    r")"
)
NUMERALS = "".join(dict.fromkeys(ch for r in _COUNTED for ch in (*r.counted.digits, *r.counted.units)))  # type: ignore[union-attr]
"""Numeral characters of counted headings ("〇零一二两三四五六七八九十百千")."""
_OTHER_DIGITS = "".join(dict.fromkeys(ch for r in _UNCASED_WORDS for ch in r.digits))
_ORDINALS = [word for r in _UNCASED_WORDS for word in r.ordinal_words]
_UNCASED_NUMBER = (
    r"(?P<num>[0-9" + _OTHER_DIGITS + r"]{1,6}(?![0-9" + _OTHER_DIGITS + r"])|(?:"
    + "|".join(arabic_script(word) for word in sorted(_ORDINALS, key=len, reverse=True))
    + r")(?![\u0621-\u064a]))"
)  # fmt: skip

# --- headings ----------------------------------------------------------------------------

_ARTICLE = re.compile(
    r"(?P<word>" + words(*(w for r in _CASED for w in r.article_words))
    + "|" + _exact(w for r in _CASED for w in r.article_abbreviations) + r")"
    r"\s*" + NUMBER + r"(?P<rest>.*)$"
)  # fmt: skip


def _counted_number(record: Language) -> str:
    assert record.counted is not None
    numerals = "".join(dict.fromkeys((*record.counted.digits, *record.counted.units)))
    return r"(?P<num>[" + numerals + r"0-9" + record.digits + r"]{1,8})"


_ARTICLES_COUNTED = [
    re.compile(
        r"(?P<word>" + re.escape(r.counted.prefix) + r")\s*" + _counted_number(r)  # type: ignore[union-attr]
        + r"\s*" + re.escape(r.counted.article) + r"(?P<rest>.*)$"  # type: ignore[union-attr]
    )
    for r in _COUNTED
]  # fmt: skip
_CONTAINERS_COUNTED = [
    re.compile(
        re.escape(r.counted.prefix) + r"\s*" + _counted_number(r)  # type: ignore[union-attr]
        + r"\s*(?P<word>" + _exact(r.counted.containers) + r")(?P<rest>.*)$"  # type: ignore[union-attr]
    )
    for r in _COUNTED
]  # fmt: skip
_ARTICLE_UNCASED = re.compile(
    r"(?P<word>" + "|".join(arabic_script(w) for r in _UNCASED_WORDS for w in r.article_words) + r")\s*"
    + _UNCASED_NUMBER + r"(?P<rest>.*)$"
)  # fmt: skip
_CONTAINER_UNCASED = re.compile(
    r"(?P<word>" + "|".join(arabic_script(w) for r in _UNCASED_WORDS for w in r.containers) + r")\s+"
    + _UNCASED_NUMBER + r"(?P<rest>.*)$"
)  # fmt: skip

_PREFIXES: dict[str, str] = {"part": "part", "title": "title", "chapter": "ch", "section": "sec"}
CONTAINERS: dict[str, tuple[Kind, str]] = {}
"""Container words, lower case, with their kind and id prefix ("глава" → chapter, ``ch``)."""
CONTAINER_RANKS: dict[str, int] = {}
"""Container words whose rank differs from their kind's ("раздел")."""
for _record in _RECORDS:
    _words = dict(_record.containers)
    if _record.counted is not None:
        _words.update(_record.counted.containers)
    for _name, _kind in _words.items():
        CONTAINERS.setdefault(_name.lower(), (_kind, _PREFIXES[_kind]))
    CONTAINER_RANKS.update(_record.container_ranks)

_CONTAINER = re.compile(
    r"(?P<word>" + words(*(name.title() for r in _CASED for name in r.containers)) + r")\s+"
    + NUMBER + r"(?P<rest>.*)$"
)  # fmt: skip
ARTICLE_PATTERNS = (_ARTICLE, *_ARTICLES_COUNTED, _ARTICLE_UNCASED)
COUNTED_PATTERNS = frozenset((*_ARTICLES_COUNTED, *_CONTAINERS_COUNTED))
"""Headings that count their unit ("第一条", "제1조"), which may carry a caption in parentheses."""
CONTAINER_PATTERNS = (_CONTAINER, *_CONTAINERS_COUNTED, _CONTAINER_UNCASED)
_ANNEX_NUMBER = NUMBER.replace("(?P<num>", "(?P<num>[0-9]{1,3}-[A-Z]|")  # also "Annex 2-A"
ANNEX = re.compile(
    r"(?P<word>" + words(*_all("annex_words")) + r")"
    r"(?:\s*(?:" + _exact(_all("number_signs")) + r")?\s*" + _ANNEX_NUMBER + r")?(?P<rest>.*)$"
)
ANNEX_LINE_START = re.compile(r"^(?:[^\w\n]|_)*(?:" + words(*_all("annex_words")) + r")", re.MULTILINE)
"""An annex word opening a line after spaces, marks or markdown only: a text without one holds
no line that :data:`ANNEX` matches once cleaned."""
PROTOCOL = re.compile(
    r"(?P<word>" + words(*_all("protocol_words")) + r")"
    r"(?:\s*(?:" + _exact(_all("number_signs")) + r")?\s*" + _ANNEX_NUMBER + r")?(?P<rest>.*)$"
)
"""A protocol's heading ("PROTOCOL No 1", "Protocol 2", "ПРОТОКОЛ"), a container like an annex."""
PREAMBLE_WORD = re.compile(r"(?:" + words(*_all("preamble_words")) + r")\s*[:：]?\s*")
TREATY_WORD = re.compile(r"\b(?:" + "|".join(_all("treaty_words")) + r")\b", re.IGNORECASE)
# "AGREEMENTBETWEEN THE …", "TREATYon the Accession …": a title whose words lost their spaces
# in conversion.
TREATY_START = re.compile(r"(?:" + "|".join(_all("treaty_start_words")) + r")[A-ZА-Яa-zа-я]")
DECISION_WORD = re.compile(r"\b(?:" + "|".join(_all("decision_words")) + r")\b")
"""A word naming an organ's decision ("Council Decision of …", "Decision of the Council No. 17")."""
TREATY_WORD_GLUED = re.compile(
    r"\b(?:" + "|".join(w.title() for w in _all("treaty_words")) + r")"
    r"(?!s\b|al|ing|ed\b|ance|ly\b)[a-zа-я]{2,}"
)
"""A treaty word in title case run into the next word ("Free Trade Agreementbetween …", pta_362);
not a word it begins ("Agreements", "According", "Conventional")."""
# "المادة 5 من هذا الاتفاق …": a script without capitals cannot tell a cross-reference at
# the start of a line from a heading with its title; a particle after the number does.
REFERENCE_AFTER_NUMBER = re.compile(r"\s*(?:" + "|".join(_all("reference_particles")) + r")\s")
# A line that names an article, chapter or paragraph by number is a reference, never a caption.


def _counted_reference(record: Language) -> str:
    """ "第五条", "第2款": a counted unit named inside a sentence."""
    assert record.counted is not None
    counted = record.counted
    counters = {counted.article, *(c for c in counted.containers if len(c) == 1), *counted.subunits}
    return re.escape(counted.prefix) + r"\s*[" + NUMERALS + r"0-9]+\s*[" + "".join(sorted(counters)) + "]"


_CASED_REFERENCE = "|".join(w for r in _CASED for w in r.reference_words)
_UNCASED_REFERENCE = "|".join(w for r in _UNCASED_WORDS for w in r.reference_words)
REFERENCE = re.compile(
    r"(?i:\b(?:" + _CASED_REFERENCE + r")\s*)(?:[0-9]|[IVXLC]+\b)"
    + "".join("|" + _counted_reference(r) for r in _COUNTED)
    + r"|(?:" + _UNCASED_REFERENCE + r")\s+[0-9" + _OTHER_DIGITS[:10] + "]"
)  # fmt: skip
# A sentence ending in a word that names a unit ("… under subparagraph"): a number after it is a reference.
REFERENCE_WORD_END = re.compile(r"(?i:(?:" + _CASED_REFERENCE + r"))\s*$")
# The most characters a reference word takes: each character of a word's pattern matches one
# at most, unless it repeats ("*", "+", "{n,m}": no bound).
_REFERENCE_WIDTHS = [len(w) for r in _CASED for w in r.reference_words]
_REFERENCE_WORD_WIDTH = (
    None
    if any(c in w for r in _CASED for w in r.reference_words for c in "*+{")
    else max(_REFERENCE_WIDTHS, default=0)
)


def ends_in_reference_word(text: str) -> bool:
    """Whether :data:`REFERENCE_WORD_END` is found in ``text``, tried only where a match can begin.

    A match ends where the text's trailing whitespace begins, so it begins at most a word's
    width before: searched from there, the words are not tried at every character of the text
    (the search from the start costs microseconds a line).
    """
    if _REFERENCE_WORD_WIDTH is None:
        return REFERENCE_WORD_END.search(text) is not None
    start = max(0, len(text.rstrip()) - _REFERENCE_WORD_WIDTH)
    return REFERENCE_WORD_END.search(text, start) is not None


# Signature blocks: "Done at …", "IN WITNESS WHEREOF", "Совершено в …", "为此……签字", "حرر في".
CLOSING_START = re.compile("|".join(_all("closing_formulas")), re.IGNORECASE)

# --- punctuation (of the scripts, not of one language) -----------------------------------

_CLOSERS = r"[)\]»\"”'’）]*"
LINE_ENDS_SENTENCE = re.compile(r"[.;\u037e:!?)\]»\"”'’…。；：！？）؛؟][\s\u200e\u200f]*$")
"""A heading line that ends like a sentence or a lead-in (so its words are no title)."""
FULL_STOP = re.compile(r"[.!?。！？؟]" + _CLOSERS + r"[\s\u200e\u200f]*$")
"""A line that certainly ends a sentence (not a list item ending in ";" or ",")."""
ENDS_WITH_FULL_STOP = re.compile(r"[.!?…。！？؟]" + _CLOSERS + r"\s*$")
"""A line before a caption that ends a sentence for certain (an ellipsis counts)."""
TERMINAL = ".:;\u037e,!?。：；，！？،؛؟"
"""Lines ending in these are sentences (or lead-ins), never titles or captions.

U+037E, the Greek question mark, is a semicolon in some ToTA texts (pta_378)."""

# --- paragraphs and points ----------------------------------------------------------------

_LIST_WORDS = "|".join(_all("list_conjunctions"))
_ITEM_WORDS = "|".join(_all("item_conjunctions"))
LIST_BOUNDARY = re.compile(
    r"(?:[.;\u037e:,!?)\]»\"”'’…。；：，、！？）؛،؟]|\b(?:" + _LIST_WORDS + r"))[\s\u200e\u200f]*$",
    re.IGNORECASE,
)
"""A line that may be followed by a marker line; any other ending is a hard-wrapped sentence."""
ITEM_END = re.compile(
    r"(?:[.;\u037e:!?…。；：！？؛؟][)\]»\"”'’）]*|[;\u037e,]\s*(?:" + _ITEM_WORDS + r"))[\s\u200e\u200f]*$",
    re.IGNORECASE,
)
"""A line that ends a sentence or a list item for certain (not after a bare comma)."""
_DEFINING = "|".join(_all("definition_verbs"))
GLUED_DEFINITION = re.compile(
    r"(?:[;\u037e,][ \t]*(?:" + _ITEM_WORDS + r")|[.;\u037e])[ \t]+"
    r"(?=[\"“'‘]?[^\W\d_][^.;\u037e:\n]{0,80}?\b(?:" + _DEFINING + r")\b[^.;\u037e\n]{0,200}[:：][ \t]*$)",
    re.IGNORECASE,
)
"""The end of a point with the next definition run into it ("…; and territory means:"):
the match is the point's last punctuation (and conjunction), the definition follows it."""
DEFINITION_VERB_END = re.compile(r"^(?!.*\b(?:of|by)\b).*\b(?:" + _DEFINING + r")\s*$")
"""A line ending in a definition's verb in lower case ("Autoridad Investigadora significa"): a
lead-in, no caption. "Use of Electronic Means" and "Use of electronic means" are captions: the
noun follows "of"."""


def _letter_class(script: str) -> str:
    letters = "".join(dict.fromkeys(ch for r in _RECORDS if r.script == script for ch in r.point_letters))
    return "[" + letters + "]"


POINT_LETTER_CLASSES = tuple(_letter_class(script) for script in ("latin", "cyrillic"))
"""One character class per alphabetic script of the point letters ("[a…zñ]", "[а…я]")."""
PARAGRAPH_MARKERS = {r.code: tuple(map(re.compile, r.paragraph_markers)) for r in _RECORDS}
"""A language's own paragraph markers ("一、", "①", "۱-"), read in texts of that language only."""
POINT_MARKERS = {r.code: tuple(map(re.compile, r.point_markers)) for r in _RECORDS}
"""A language's own point markers ("(子)", "가.", "الف)"), read in texts of that language only."""
SCRIPT_LETTERS = {r.code: (r.script, r.script_letters) for r in _RECORDS if r.script_letters}
"""Letters that tell a language from the others of its script (Persian "پ" among Arabic letters)."""
_SIGNS = "".join("".join(a) for r in _COUNTED for a in r.point_alphabets)
MARKER_LINE = re.compile(
    r"\s*(?:\(?[0-9]{1,3}[.)]|\(?[a-zа-я][)]|\([a-zа-я]{1,4}\)|[-–—•]\s"
    r"|[" + NUMERALS + r"]{1,6}、"
    r"|[(（][" + _SIGNS + NUMERALS + r"]{1,3}[)）])"
)
"""A line that opens with a paragraph or point marker (never a title or a caption)."""

STOPWORDS = {r.code: r.stopwords for r in _RECORDS if r.stopwords}
