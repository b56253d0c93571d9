"""Shared building blocks of the parsers: numbers, ids, labels and the paragraph splitter.

Ids follow ``docs/ids.md``. The splitter turns an article's body (a span of the
source text) into paragraphs, points and dash items whose spans are exact:
``source_text[p.span.start:p.span.end] == p.text`` for every provision it returns.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

from treatydiff.model import MAX_ID_LENGTH, Kind, Provision, Span

__all__ = [
    "ARABIC_ORDINALS",
    "CLOSING_START",
    "IdRegistry",
    "LabelMaker",
    "Line",
    "arabic_ordinal",
    "article_segment",
    "chinese_number",
    "container_unit",
    "fit_id",
    "int_to_roman",
    "label_maker",
    "normalize_newlines",
    "number_slug",
    "roman_to_int",
    "split_lines",
    "split_paragraphs",
    "split_recitals",
    "translit_point",
    "trimmed_span",
]

# Signature blocks: "Done at …", "IN WITNESS WHEREOF", "Совершено в …", "СОСТАВЛЕНО в …".
CLOSING_START = re.compile(
    r"(?:done|signed|made)\s+(?:at|in|on)\b|in\s+(?:witness|faith|confirmation)\s+(?:whereof|thereof|of\s+which)"
    r"|(?:совершено|составлено|подписано)\s+(?:в|во)\b|совершено\s+[0-9]"
    r"|в\s+(?:удостоверение|подтверждение|свидетельство)\s+чего"
    r"|hech[oa]\s+en\b|firmad[oa]\s+en\b|en\s+(?:fe|testimonio)\s+de\s+lo\s+cual"
    r"|fait\s+[àa]\b|en\s+foi\s+de\s+quoi"
    # zh: "为此……签字于本宪章" (in faith whereof … have signed), "下列签字人", "……签订于……" (done at).
    r"|为此[^。\n]{0,80}?签[字署]|下列签[字署]人|[^。\n]{0,40}?签订于"
    # ar: "ومصادقا لما تقدم" / "وإثباتاً لذلك" (in faith whereof), "حرر في" / "حررت ب" (done at).
    r"|و?(?:مصادق|إثبات|اثبات|تصديق|شهاد)[اةً]{1,2}\s+(?:لما|لذلك|على\s+ذلك)|حرر(?:ت)?\s+(?:في|ب)",
    re.IGNORECASE,
)

# --- numbers -----------------------------------------------------------------------

_ROMAN_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
# Strict classical form only, so that words such as "DID" or "MIX" are never numbers.
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)


def roman_to_int(text: str) -> int | None:
    """The value of a roman numeral (``"XIV"`` → 14), or ``None`` if it is not one."""
    if not text or _ROMAN.fullmatch(text) is None:
        return None
    upper = text.upper()
    total = 0
    index = 0
    for value, symbol in _ROMAN_VALUES:
        while upper.startswith(symbol, index):
            total += value
            index += len(symbol)
    return total or None


def int_to_roman(number: int) -> str:
    """Upper-case roman numeral for 1 ≤ ``number`` < 4000 (``9`` → ``"IX"``)."""
    if not 0 < number < 4000:
        raise ValueError(f"{number} has no roman numeral")
    parts = []
    for value, symbol in _ROMAN_VALUES:
        count, number = divmod(number, value)
        parts.append(symbol * count)
    return "".join(parts)


# Cyrillic point letters in ids (docs/ids.md rule 1), plus the Spanish "ñ)" point:
# a simple transliteration that keeps ids ASCII.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ñ": "ny",
}  # fmt: skip


# Chinese drafting letters its points with the earthly branches "(子)" "(丑)" … or the
# heavenly stems "(甲)" "(乙)" …: ordinal signs, not letters of an alphabet, so (like
# roman numerals) they become the Latin letter of the same rank: 子 → a, 丑 → b.
_CYCLIC_SIGNS = {
    **{sign: chr(ord("a") + n) for n, sign in enumerate("子丑寅卯辰巳午未申酉戌亥")},
    **{sign: chr(ord("a") + n) for n, sign in enumerate("甲乙丙丁戊己庚辛壬癸")},
}

_POINT_LETTERS = {**_CYRILLIC, **_CYCLIC_SIGNS}


def translit_point(text: str) -> str:
    """ASCII form of a point letter: ``"б"`` → ``"b"``, ``"ж"`` → ``"zh"``, ``"丑"`` → ``"b"``."""
    return "".join(_POINT_LETTERS.get(ch, ch) for ch in text.lower())


# --- Chinese and Arabic numbers ---------------------------------------------------------

_ZH_DIGITS = {"零": 0, "〇": 0, "两": 2, **{d: n for n, d in enumerate("一二三四五六七八九", start=1)}}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL = "〇零一二两三四五六七八九十百千"


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral: ``"五十一"`` → 51, ``"一百零一"`` → 101, ``"一百十一"`` → 111.

    Digits written one by one ("一九四五") read as a decimal number. Returns ``None``
    when ``text`` is not a Chinese numeral.
    """
    if not text or any(ch not in _ZH_DIGITS and ch not in _ZH_UNITS for ch in text):
        return None
    total = 0
    current = 0
    after_digit = False
    for ch in text:
        if ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current, after_digit = 0, False
        else:
            current = current * 10 + _ZH_DIGITS[ch] if after_digit else _ZH_DIGITS[ch]
            after_digit = True
    return total + current


def _arabic_ordinals() -> dict[str, int]:
    masculine = [
        "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    ]  # fmt: skip
    feminine = [
        "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
    ]  # fmt: skip
    words = {word: n for forms in (masculine, feminine) for n, word in enumerate(forms, start=1)}
    words.update({"العاشر": 10, "العاشرة": 10, "العشرون": 20, "العشرين": 20})
    for n in range(1, 10):
        # 11 is "الحادي عشر" / "الحادية عشرة"; 12 to 19 pair the unit with عشر / عشرة.
        words["الحادي عشر" if n == 1 else f"{masculine[n - 1]} عشر"] = 10 + n
        words["الحادية عشرة" if n == 1 else f"{feminine[n - 1]} عشرة"] = 10 + n
    return words


ARABIC_ORDINALS: dict[str, int] = _arabic_ordinals()
"""Arabic ordinal words of chapter and article headings ("الفصل الأول", "المادة الأولى"), 1 to 20."""
_ARABIC_NOISE = re.compile("[\u0640\u064b-\u0652\u200e\u200f]")  # tatweel, vowel marks, direction marks
_ALEF = str.maketrans("أإآ", "ااا")


def _arabic_key(text: str) -> str:
    """An Arabic word as looked up: no tatweel or marks, plain alef, single spaces."""
    return " ".join(_ARABIC_NOISE.sub("", text).translate(_ALEF).split())


_ORDINAL_VALUES = {_arabic_key(word): value for word, value in ARABIC_ORDINALS.items()}


def arabic_ordinal(text: str) -> int | None:
    """The value of an Arabic ordinal word: ``"الثامـن"`` → 8, ``"الحادي عشر"`` → 11."""
    return _ORDINAL_VALUES.get(_arabic_key(text))


# Arabic-Indic, extended Arabic-Indic and full-width digits, read as ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)


# Words that join the number they follow in an id: "5 bis" → "5bis".
_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "first": 1,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "premier": 1, "première": 1, "1er": 1,
    "primero": 1, "único": 1, "unique": 1, "первая": 1, "вторая": 2, "третья": 3,
    "четвертая": 4, "четвёртая": 4, "пятая": 5, "шестая": 6, "седьмая": 7,
    "восьмая": 8, "девятая": 9, "десятая": 10, "первый": 1, "второй": 2, "третий": 3,
}  # fmt: skip


_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TEENS = {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip


def number_word(text: str) -> int | None:
    """The value of a spelled-out number used in headings ("ONE", "TWENTY-ONE", "ПЕРВАЯ")."""
    words = [w for w in re.split(r"[\s\-]+", text.lower()) if w]
    if len(words) == 1:
        word = words[0]
        return _NUMBER_WORDS.get(word) or _TEENS.get(word) or _TENS.get(word)
    if len(words) == 2 and words[0] in _TENS:
        unit = _NUMBER_WORDS.get(words[1])
        if unit is not None and unit < 10:
            return _TENS[words[0]] + unit
    return None


def number_slug(printed: str, *, roman: bool = True) -> str:
    """The id form of a printed number: ``"V"`` → ``"5"``, ``"2.3"`` → ``"2-3"``, ``"5 BIS"`` → ``"5bis"``.

    Parts separated by dots, hyphens, slashes or spaces are joined by ``-``; roman
    parts become arabic when ``roman`` is true; Cyrillic letters are transliterated;
    anything else that is not ASCII alphanumeric is dropped. Returns ``""`` when
    nothing usable is left.
    """
    printed = printed.strip()
    other_script = not printed.isascii()
    if other_script:
        printed = printed.translate(_DIGITS)
    whole = number_word(printed)
    if whole is None and other_script:
        whole = chinese_number(printed) or arabic_ordinal(printed)
    if whole is not None:
        return str(whole)
    parts: list[str] = []
    for raw in re.split(r"[\s.\-–—/_:()]+", printed):
        if not raw:
            continue
        lowered = raw.lower()
        word = number_word(lowered) or (chinese_number(raw) if other_script else None)
        if word is not None:
            parts.append(str(word))
            continue
        if lowered in _SUFFIXES and parts:
            parts[-1] += lowered
            continue
        value = roman_to_int(raw) if roman and not raw.isdigit() else None
        if value is not None and (len(raw) > 1 or raw.upper() in "IVX"):
            parts.append(str(value))
            continue
        ascii_part = re.sub(r"[^a-z0-9]", "", translit_point(lowered))
        if ascii_part:
            parts.append(ascii_part)
    return "-".join(parts)


def article_segment(printed: str | None, unnumbered_position: int) -> str:
    """The article segment of an id: ``art-5``, ``art-2-3``, or ``art-u2`` when unnumbered."""
    slug = number_slug(printed) if printed else ""
    return f"art-{slug}" if slug else f"art-u{unnumbered_position}"


# --- ids ---------------------------------------------------------------------------

_HASH_CHARS = 10
MAX_SEGMENT_LENGTH = 40
"""A segment (the part of an id between dots) longer than this is shortened."""


def _shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters: its head, ``-h`` and 10 hex digits of its SHA-256."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_CHARS]
    head = text[: limit - _HASH_CHARS - 2].rstrip(".-_")
    return f"{head}-h{digest}"


def fit_id(wanted: str) -> str:
    """``wanted`` within the id limits, shortened the same way every time (docs/ids.md rule 10).

    A segment longer than 40 characters (``art-7-7-7-…`` from a garbled number) keeps
    its first 28 and gains ``-h`` and a hash of the whole segment, so the path of the
    id stays readable (``art-7-7-…-h1a2b3c4d5e.2.a``); an id still longer than 120
    characters is cut the same way as a whole. The id stays citable.
    """
    if len(wanted) <= MAX_SEGMENT_LENGTH:
        return wanted
    segments = [
        _shortened(segment, MAX_SEGMENT_LENGTH) if len(segment) > MAX_SEGMENT_LENGTH else segment
        for segment in wanted.split(".")
    ]
    fitted = ".".join(segments)
    return fitted if len(fitted) <= MAX_ID_LENGTH else _shortened(fitted, MAX_ID_LENGTH)


@dataclass
class IdRegistry:
    """Hands out ids unique within one body (docs/ids.md rule 3)."""

    used: set[str] = field(default_factory=set)
    _next: dict[str, int] = field(default_factory=dict)
    """The smallest suffix not yet tried per base, so a thousand repeats stay linear."""

    def claim(self, wanted: str, *, container: str | None = None) -> str:
        """Reserve ``wanted``; on a repeat try ``CONTAINER.wanted``, then append ``_2``, ``_3`` …"""
        candidates = [wanted]
        if container:
            candidates.append(f"{container}.{wanted}")
        for candidate in map(fit_id, candidates):
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        base = candidates[-1]
        n = self._next.get(base, 2)
        while fit_id(f"{base}_{n}") in self.used:
            n += 1
        self._next[base] = n + 1
        claimed = fit_id(f"{base}_{n}")
        self.used.add(claimed)
        return claimed


# --- labels ------------------------------------------------------------------------

LabelUnit = Literal[
    "preamble",
    "recital",
    "article",
    "paragraph",
    "point",
    "unnumbered",
    "dash",
    "chapter",
    "part",
    "title",
    "section",
    "annex",
    "closing",
    "intro",
]

# Display words per language; units missing from a language fall back to English.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "preamble": "Preamble", "recital": "recital", "article": "Article", "chapter": "Chapter",
        "part": "Part", "title": "Title", "section": "Section", "annex": "Annex",
        "closing": "Closing", "unnumbered": "paragraph", "dash": "indent",
        "intro": "introductory words",
    },
    "ru": {
        "preamble": "Преамбула", "recital": "абз.", "article": "Статья", "chapter": "Глава",
        "part": "Часть", "title": "Титул", "section": "Раздел", "annex": "Приложение",
        "closing": "Заключительная часть", "unnumbered": "абз.", "dash": "абз.",
        "paragraph": "п.", "point": "подп.", "intro": "вводная часть",
    },
    "es": {
        "preamble": "Preámbulo", "recital": "considerando", "article": "Artículo",
        "chapter": "Capítulo", "part": "Parte", "title": "Título", "section": "Sección",
        "annex": "Anexo", "closing": "Cláusula final", "unnumbered": "párrafo", "dash": "guion",
        "intro": "palabras introductorias",
    },
    "fr": {
        "preamble": "Préambule", "recital": "considérant", "article": "Article",
        "chapter": "Chapitre", "part": "Partie", "title": "Titre", "section": "Section",
        "annex": "Annexe", "closing": "Formule finale", "unnumbered": "alinéa", "dash": "tiret",
        "intro": "phrase introductive",
    },
    # Chinese counts units with 第…条/章/款 around the number (see LabelMaker).
    "zh": {
        "preamble": "序言", "recital": "段", "article": "条", "chapter": "章", "part": "编",
        "title": "编", "section": "节", "annex": "附件", "closing": "结尾部分", "unnumbered": "段",
        "dash": "段", "paragraph": "款", "point": "项", "intro": "引言",
    },
    "ar": {
        "preamble": "الديباجة", "recital": "الفقرة", "article": "المادة", "chapter": "الفصل",
        "part": "الجزء", "title": "الباب", "section": "الفرع", "annex": "المرفق", "closing": "الخاتمة",
        "unnumbered": "الفقرة", "dash": "المطة", "intro": "الجملة الاستهلالية",
    },
}  # fmt: skip
# Chinese labels number these units "第N…" with arabic digits: "第51条", "第2条第4款".
_ZH_COUNTED = frozenset(
    {"article", "chapter", "part", "title", "section", "paragraph", "unnumbered", "dash", "recital"}
)


def _zh_number(printed: str) -> str:
    """A printed number as Chinese labels show it: "五十一" → "51" (other forms as printed)."""
    slug = number_slug(printed)
    return slug if slug.isdigit() else printed


# Words that English title case leaves in lower case ("Functions and Powers").
_EN_MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"}
)


def _heading_case(text: str, lang: str) -> str:
    """``text`` in heading case when it is set in capitals; any other text as written."""
    letters = [ch for ch in text if ch.isalpha()]
    cased = [ch for ch in letters if ch.isupper() or ch.islower()]
    if not cased or sum(1 for ch in cased if ch.isupper()) < 0.8 * len(letters):
        return text
    if lang == "en":
        words = text.lower().split(" ")
        return " ".join(
            w if i and w in _EN_MINOR_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
        )
    return text[:1].upper() + text[1:].lower()


@dataclass(frozen=True)
class LabelMaker:
    """Builds display labels such as "Article 3(3)(a)" or "Статья 3 п. 3 подп. а"."""

    lang: str

    def word(self, unit: str) -> str:
        """The display word for a unit in this language (English when unknown)."""
        return _WORDS.get(self.lang, _WORDS["en"]).get(unit) or _WORDS["en"].get(unit, unit)

    def top(self, unit: LabelUnit, printed: str | None = None) -> str:
        """Label of a top-level unit: "Article 5", "Chapter VII", "第51条", "المادة 51", "Closing"."""
        word = self.word(unit)
        if self.lang == "zh" and printed:
            return f"第{_zh_number(printed)}{word}" if unit in _ZH_COUNTED else f"{word}{printed}"
        return f"{word} {printed}" if printed else word

    def captioned(self, unit: LabelUnit, caption: str) -> str:
        """Label of an unnumbered unit named by its caption: "Section: Functions and Powers".

        A caption set in capitals ("FUNCTIONS AND POWERS", "ФУНКЦИИ и ПОЛНОМОЧИЯ") is
        shown in the language's usual heading case (English title case, sentence case
        elsewhere); the printed caption stays in the provision's ``heading``.
        """
        shown = _heading_case(" ".join(caption.replace("\u0640", "").split()), self.lang)
        word = self.word(unit)
        if self.lang == "zh":
            return f"{word}：{shown}"
        if self.lang == "fr":
            return f"{word} : {shown}"
        return f"{word}: {shown}"

    def child(self, parent: str, unit: LabelUnit, printed: str = "") -> str:
        """Label of a child: ``(3)``, ``(a)``, ", paragraph 4", ", indent 2", ", recital 4".

        The lead-in of a paragraph or point (``unit="intro"``) has no number:
        "Article 3(1), introductory words", "Статья 3 п. 1, вводная часть".
        """
        if self.lang == "zh":
            if unit == "point":
                return f"{parent}({printed}){self.word(unit)}"
            counted = f"第{_zh_number(printed)}" if printed else ""
            return f"{parent}{counted}{self.word(unit)}"
        if self.lang == "ar" and unit not in ("paragraph", "point"):
            return f"{parent}، {self.word(unit)} {printed}".rstrip()
        if unit == "intro":
            return f"{parent}, {self.word(unit)}"
        if self.lang == "ru":
            if unit == "recital":
                return f"{parent}, абз. {printed}"
            word = {"paragraph": "п.", "point": "подп."}.get(unit) or self.word(unit)
            return f"{parent} {word} {printed}"
        if unit in ("paragraph", "point"):
            return f"{parent}({printed})"
        if unit in ("annex", "article", "chapter", "part", "title", "section"):
            return f"{parent}, {self.word(unit)} {printed}"
        return f"{parent}, {self.word(unit)} {printed}"


def container_unit(kind: Kind) -> LabelUnit:
    """The label unit of a container kind (anything unexpected is shown as a chapter)."""
    units: dict[str, LabelUnit] = {"part": "part", "title": "title", "section": "section", "annex": "annex"}
    return units.get(kind, "chapter")


def label_maker(lang: str) -> LabelMaker:
    """A :class:`LabelMaker` for ``lang`` (any code; unknown languages get English words)."""
    return LabelMaker(lang)


# --- lines and spans -----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the source: ``[start, end)`` without its newline, and its text."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content_start(self) -> int:
        """Offset of the first non-whitespace character (``end`` for a blank line)."""
        return self.start + (len(self.text) - len(self.text.lstrip())) if not self.blank else self.end

    @property
    def content_end(self) -> int:
        """Offset just after the last non-whitespace character."""
        return self.start + len(self.text.rstrip())


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` with absolute offsets (``\\n`` separated)."""
    stop = len(text) if end is None else end
    lines = []
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        if nl == -1:
            nl = stop
        lines.append(Line(pos, nl, text[pos:nl]))
        pos = nl + 1
    return lines


def trimmed_span(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or ``None`` if only whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


# --- paragraph markers ---------------------------------------------------------------

MarkerKind = Literal["number", "letter", "roman", "dash", "none"]

# Checked in this order at the start of a line (after indentation).
_NUMBER_MARKER = re.compile(
    r"(?:\((?P<p>[0-9]{1,3})\)|(?P<d>[0-9]{1,3}(?:\.[0-9]{1,3}){0,2})\.|(?P<r>[0-9]{1,3})\))(?=\s|$)"
)
_POINT_MARKER = re.compile(
    r"(?:\((?P<p>[a-zñ]{1,2}|[ivxl]{1,6}|[IVXL]{1,6}|[а-яё]{1,2}|[A-Z])\)"
    r"|(?P<r>[a-zñ]|[ivxl]{1,6}|[IVXL]{1,6}|[а-яё])\))(?=\s|$)"
)
_DASH_MARKER = re.compile(r"[-–—•](?=\s)")
# Chinese drafting: paragraphs "一、" "二、", points "(子)" "（丑）" "（一）"; no space need follow.
_ZH_NUMBER_MARKER = re.compile(r"(?P<z>[一二三四五六七八九十百零〇]{1,6})、")
_ZH_POINT_MARKER = re.compile(
    r"[(（](?P<z>[子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬癸]|[一二三四五六七八九十]{1,3})[)）]\s?"
)
# A line that ends like this may be followed by a marker line; any other ending is a
# sentence broken by hard wrapping, and "(a) of paragraph 2" on the next line is not a point.
_LIST_BOUNDARY = re.compile(
    r"(?:[.;:,!?)\]»\"”'’…。；：，、！？）؛،؟]|\b(?:and|or|и|или|либо|y|e|o|u|et|ou|ni))[\s\u200e\u200f]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Marker:
    kind: MarkerKind
    printed: str  # as written: "3", "b", "б", "iv", "2.1"
    end: int  # length of the marker in the line's stripped text


def _marker(stripped: str) -> _Marker:
    number = _NUMBER_MARKER.match(stripped)
    if number:
        printed = number.group("p") or number.group("d") or number.group("r") or ""
        return _Marker("number", printed, number.end())
    point = _POINT_MARKER.match(stripped)
    if point:
        printed = point.group("p") or point.group("r") or ""
        roman = re.fullmatch(r"[ivxl]+|[IVXL]+", printed) is not None and roman_to_int(printed) is not None
        return _Marker("roman" if roman else "letter", printed, point.end())
    zh_number = _ZH_NUMBER_MARKER.match(stripped)
    if zh_number:
        return _Marker("number", zh_number.group("z"), zh_number.end())
    zh_point = _ZH_POINT_MARKER.match(stripped)
    if zh_point:
        return _Marker("letter", zh_point.group("z"), zh_point.end())
    if _DASH_MARKER.match(stripped):
        return _Marker("dash", stripped[0], 1)
    return _Marker("none", "", 0)


# A line that ends a sentence or a list item for certain: hard-wrapped prose also
# breaks lines after commas and "and", so those do not count here.
_SENTENCE_END = re.compile(
    r"(?:[.;:!?…。；：！？؛؟][)\]»\"”'’）]*|[;,]\s*(?:and|or|и|или|либо|y|o|et|ou))[\s\u200e\u200f]*$",
    re.IGNORECASE,
)


def _may_precede_marker(text: str) -> bool:
    return _LIST_BOUNDARY.search(text) is not None


def _ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


# A line that certainly ends a sentence (not a list item ending in ";" or ",").
_FULL_STOP = re.compile(r"[.!?。！？؟][)\]»\"”'’）]*[\s\u200e\u200f]*$")


def _starts_sentence(stripped: str) -> bool:
    """Whether a line begins like a sentence: a capital, or a letter of a script without case."""
    first = stripped[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _indentation(text: str, line: Line) -> int | None:
    """How far ``line`` is indented in the source, or ``None`` if it starts mid-line."""
    if line.start == 0 or text[line.start - 1] == "\n":
        return line.content_start - line.start
    line_start = text.rfind("\n", 0, line.start) + 1
    lead = text[line_start : line.content_start]
    return len(lead) if not lead.strip() else None


@dataclass
class _Unit:
    """A paragraph-sized run of lines with the marker of its first line."""

    start: int
    end: int
    marker: _Marker


def _units(text: str, start: int, end: int) -> list[_Unit]:
    """Cut ``text[start:end]`` into paragraph units.

    A unit starts at a line with a paragraph marker, after a blank line, and at a
    line break that ends a sentence when the lines of the block are not hard-wrapped
    (text with one paragraph per line, like the UN Charter's published text).

    In hard-wrapped text a new sentence after a point list starts a unit only when
    the layout shows that it leaves the list: it stands at the indentation of the
    paragraph that introduced the points, and every point of the list is indented
    deeper. Without that difference, words after the last point stay in it, since
    they may as well continue that point.
    """
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in split_lines(text, start, end):
        if line.blank:
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)

    units: list[_Unit] = []
    # Indentation of the line that began the current paragraph-level unit, and the
    # smallest indentation of the point lines since (None: no point yet).
    base_indent: int | None = None
    point_indent: int | None = None
    for block in blocks:
        breaks = list(zip(block, block[1:], strict=False))
        hard = sum(1 for prev, _ in breaks if _ends_sentence(prev.text))
        # Hard-wrapped prose breaks lines mid-sentence; one-paragraph-per-line text does not.
        per_line = bool(breaks) and hard * 2 > len(breaks)
        piece_start: Line | None = None
        piece_marker = _Marker("none", "", 0)
        prev: Line | None = None
        for line in block:
            stripped = line.text.strip()
            marker = _marker(stripped)
            if marker.kind != "none" and prev is not None and not _may_precede_marker(prev.text):
                marker = _Marker("none", "", 0)
            boundary = prev is None or _ends_sentence(prev.text)
            starts = prev is None or marker.kind != "none" or (per_line and boundary)
            if (
                not starts
                and prev is not None
                and point_indent is not None
                and _starts_sentence(stripped)
                and _FULL_STOP.search(prev.text) is not None
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
                units.append(_Unit(piece_start.content_start, prev.content_end, piece_marker))
            if starts:
                piece_start, piece_marker = line, marker
            prev = line
        if piece_start is not None and prev is not None:
            units.append(_Unit(piece_start.content_start, prev.content_end, piece_marker))
    return units


# --- building provisions --------------------------------------------------------------


@dataclass
class _Node:
    """A provision under construction (mutable until the tree is complete)."""

    id: str
    kind: Kind
    label: str
    start: int
    end: int
    number: str | None
    unit: LabelUnit
    children: list[_Node] = field(default_factory=list)
    # Ordinal counters for this node's children.
    unnumbered: int = 0
    dashes: int = 0
    has_lead: bool = False
    marker_end: int | None = None
    """Where a marked paragraph's or point's marker ends: its lead-in words follow."""

    def freeze(self, text: str) -> Provision:
        end = max([self.end, *(child.freeze_end() for child in self.children)])
        return Provision(
            id=self.id,
            kind=self.kind,
            label=self.label,
            text=text[self.start : end],
            span=Span(self.start, end),
            number=self.number,
            children=tuple(child.freeze(text) for child in self.children),
        )

    def freeze_end(self) -> int:
        return max([self.end, *(child.freeze_end() for child in self.children)])


# A lead-in needs a word: "2." alone, or "(a) —", is only a marker.
_LETTER = re.compile(r"[^\W\d_]")


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

    Returns:
        The top-level children in document order; spans are exact.
    """
    units = _units(text, span.start, span.end)
    if len(units) <= 1 and all(u.marker.kind == "none" for u in units):
        return ()
    labels = label_maker(lang)
    root = _Node(parent_id, "article", parent_label, span.start, span.start, None, "article")
    top: list[_Node] = []
    paragraph: _Node | None = None  # current numbered paragraph
    letter: _Node | None = None  # current letter point
    roman: _Node | None = None  # current roman point

    def add_lead(owner: _Node, marker_end: int, before: LabelUnit) -> None:
        # The lead-in IS paragraph 1 when paragraphs follow it (docs/ids.md rule 5);
        # before points it is their chapeau. A marker alone has no lead-in.
        lead = _lead_words(text, marker_end, owner.end)
        if lead is None:
            return
        if before == "unnumbered":
            segment, label = "p1", labels.child(owner.label, "unnumbered", "1")
        else:
            segment, label = "intro", labels.child(owner.label, "intro")
        owner.children.append(
            _Node(ids.claim(f"{owner.id}.{segment}"), "paragraph", label, lead.start, lead.end, None, "intro")
        )

    def add(parent: _Node | None, node_kind: Kind, unit: LabelUnit, printed: str, u: _Unit) -> _Node:
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
            segment = number_slug(printed, roman=False) or f"p{owner.unnumbered + 1}"
            shown, number = printed, printed
        node = _Node(
            id=ids.claim(f"{owner.id}.{segment}"),
            kind=node_kind,
            label=labels.child(owner.label, unit, shown),
            start=u.start,
            end=u.end,
            number=number,
            unit=unit,
            has_lead=unit in ("paragraph", "point"),
            marker_end=u.start + u.marker.end if unit in ("paragraph", "point") else None,
        )
        (parent.children if parent is not None else top).append(node)
        return node

    for u in units:
        kind = u.marker.kind
        if kind == "roman" and u.marker.printed.lower() in ("i", "v", "x", "l"):
            # "(i)" after "(h)" is the letter i, not the roman one (and so on for v, x, l).
            last = letter.number.lower() if letter is not None and letter.number else None
            if last is not None and len(last) == 1 and ord(u.marker.printed.lower()) - ord(last) == 1:
                kind = "letter"
        if kind == "number":
            paragraph = add(None, "paragraph", "paragraph", u.marker.printed, u)
            letter = roman = None
        elif kind == "letter":
            letter = add(paragraph, "point", "point", u.marker.printed, u)
            roman = None
        elif kind == "roman":
            roman = add(letter or paragraph, "point", "point", u.marker.printed, u)
        elif kind == "dash":
            add(roman or letter or paragraph, "point", "dash", "", u)
        else:
            add(paragraph, "paragraph", "unnumbered", "", u)
            letter = roman = None
    return tuple(node.freeze(text) for node in top)


def split_recitals(
    text: str, span: Span, *, parent_id: str, parent_label: str, lang: str, ids: IdRegistry
) -> tuple[Provision, ...]:
    """Split a preamble into recitals ``preamble.1`` … by position (markers ignored)."""
    labels = label_maker(lang)
    recitals = []
    for n, u in enumerate(_units(text, span.start, span.end), start=1):
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
