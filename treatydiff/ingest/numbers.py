"""Numbers as treaties print them: roman, Chinese, Arabic ordinal words, spelled out, in other digits.

The words and numerals come from the language records (``treatydiff.languages``);
this module only reads them.
"""

from __future__ import annotations

import re

from treatydiff.languages import records

__all__ = [
    "arabic_ordinal",
    "chinese_number",
    "int_to_roman",
    "number_slug",
    "number_word",
    "roman_to_int",
    "to_ascii_digits",
    "translit_point",
]

_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
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


# --- letters ---------------------------------------------------------------------------


def _point_letters() -> dict[str, str]:
    """ASCII forms of point letters: transliterations, and the ordinal signs by rank (子 → a)."""
    letters: dict[str, str] = {}
    for record in records():
        letters.update(record.transliteration)
        if record.script in ("han",):
            # Ordinal signs, not letters of an alphabet: like roman numerals, they
            # become the Latin letter of the same rank: 子 → a, 丑 → b; 甲 → a.
            for alphabet in record.point_alphabets:
                letters.update({sign: chr(ord("a") + n) for n, sign in enumerate(alphabet)})
    return letters


_POINT_LETTERS = _point_letters()


def translit_point(text: str) -> str:
    """ASCII form of a point letter: ``"б"`` → ``"b"``, ``"ж"`` → ``"zh"``, ``"丑"`` → ``"b"``."""
    return "".join(_POINT_LETTERS.get(ch, ch) for ch in text.lower())


# --- numerals of other scripts -----------------------------------------------------------

_ZH_DIGITS: dict[str, int] = {}
_ZH_UNITS: dict[str, int] = {}
for _record in records():
    if _record.counted is not None:
        _ZH_DIGITS.update(_record.counted.digits)
        _ZH_UNITS.update(_record.counted.units)


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


_ARABIC_NOISE = re.compile("[\u0640\u064b-\u0652\u200e\u200f]")  # tatweel, vowel marks, direction marks
_ALEF = str.maketrans("أإآ", "ااا")


def arabic_key(text: str) -> str:
    """An Arabic-script word as looked up: no tatweel or marks, plain alef, single spaces."""
    return " ".join(_ARABIC_NOISE.sub("", text).translate(_ALEF).split())


_ORDINAL_VALUES = {arabic_key(word): value for r in records() for word, value in r.ordinal_words.items()}


def arabic_ordinal(text: str) -> int | None:
    """The value of an Arabic ordinal word: ``"الثامـن"`` → 8, ``"الحادي عشر"`` → 11."""
    return _ORDINAL_VALUES.get(arabic_key(text))


def _digit_table() -> dict[int, int | str]:
    table: dict[int, int | str] = {}
    for record in records():
        for start in range(0, len(record.digits), 10):
            table.update(str.maketrans(record.digits[start : start + 10], "0123456789"))
        table.update({ord(sign): str(n) for n, sign in enumerate(record.numbered_signs, start=1)})
    return table


_DIGITS = _digit_table()


def to_ascii_digits(text: str) -> str:
    """``text`` with every language's own digits as ASCII digits ("٥١" → "51", "③" → "3")."""
    return text.translate(_DIGITS)


# --- spelled-out numbers ----------------------------------------------------------------

_NUMBER_WORDS = {word: value for r in records() for word, value in r.number_words.items()}
_TENS = {word: value for word, value in _NUMBER_WORDS.items() if value >= 20 and value % 10 == 0}
_SUFFIXES = frozenset(suffix for r in records() for suffix in r.number_suffixes)


def number_word(text: str) -> int | None:
    """The value of a spelled-out number used in headings ("ONE", "TWENTY-ONE", "ПЕРВАЯ")."""
    words = [w for w in re.split(r"[\s\-]+", text.lower()) if w]
    if len(words) == 1:
        return _NUMBER_WORDS.get(words[0])
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
        printed = to_ascii_digits(printed)
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
