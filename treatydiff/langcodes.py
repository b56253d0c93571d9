"""Language codes as data: which codes exist, which scripts each is written in.

A language code names a stored body's file and a column of every report, so only
ISO 639-1 codes (two lowercase letters) are accepted, and a text whose letters are
almost all in a script its language does not use (a Russian text under ``--lang en``)
is caught before it is stored.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

from treatydiff.errors import TreatydiffError

__all__ = ["KNOWN_LANGS", "check_lang", "script_mismatch", "scripts_of"]

# Every ISO 639-1 code. Languages written in Latin script need no entry in _SCRIPTS.
_ISO_639_1 = """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
    la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
    oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
    st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
    za zh zu
"""
KNOWN_LANGS = frozenset(_ISO_639_1.split())

# Scripts by the first word of their letters' Unicode names. Latin when not listed.
_SCRIPTS: dict[str, tuple[str, ...]] = {
    "ab": ("CYRILLIC",), "am": ("ETHIOPIC",), "ar": ("ARABIC",), "as": ("BENGALI",),
    "av": ("CYRILLIC",), "az": ("LATIN", "CYRILLIC", "ARABIC"), "ba": ("CYRILLIC",),
    "be": ("CYRILLIC", "LATIN"), "bg": ("CYRILLIC",), "bn": ("BENGALI",), "bo": ("TIBETAN",),
    "bs": ("LATIN", "CYRILLIC"), "ce": ("CYRILLIC",), "cu": ("CYRILLIC", "GLAGOLITIC"),
    "cv": ("CYRILLIC",), "dv": ("THAANA",), "dz": ("TIBETAN",), "el": ("GREEK",),
    "fa": ("ARABIC",), "gu": ("GUJARATI",), "he": ("HEBREW",), "hi": ("DEVANAGARI",),
    "hy": ("ARMENIAN",), "ii": ("YI",), "iu": ("CANADIAN", "LATIN"),
    "ja": ("CJK", "HIRAGANA", "KATAKANA"), "ka": ("GEORGIAN",), "kk": ("CYRILLIC", "LATIN"),
    "km": ("KHMER",), "kn": ("KANNADA",), "ko": ("HANGUL", "CJK"), "ks": ("ARABIC", "DEVANAGARI"),
    "ku": ("LATIN", "ARABIC"), "kv": ("CYRILLIC",), "ky": ("CYRILLIC",), "lo": ("LAO",),
    "mk": ("CYRILLIC",), "ml": ("MALAYALAM",), "mn": ("CYRILLIC", "MONGOLIAN"),
    "mr": ("DEVANAGARI",), "my": ("MYANMAR",), "ne": ("DEVANAGARI",), "or": ("ORIYA",),
    "os": ("CYRILLIC",), "pa": ("GURMUKHI", "ARABIC"), "pi": ("DEVANAGARI", "LATIN"),
    "ps": ("ARABIC",), "ru": ("CYRILLIC",), "sa": ("DEVANAGARI",), "sd": ("ARABIC", "DEVANAGARI"),
    "si": ("SINHALA",), "sr": ("CYRILLIC", "LATIN"), "ta": ("TAMIL",), "te": ("TELUGU",),
    "tg": ("CYRILLIC",), "th": ("THAI",), "ti": ("ETHIOPIC",), "tt": ("CYRILLIC",),
    "ug": ("ARABIC",), "uk": ("CYRILLIC",), "ur": ("ARABIC",), "uz": ("LATIN", "CYRILLIC"),
    "yi": ("HEBREW",), "zh": ("CJK",),
}  # fmt: skip

# A text is refused under a language only when it has enough letters to judge and
# almost none of them are in that language's scripts (bilingual texts pass).
_MIN_LETTERS = 40
_MIN_SHARE = 0.2
_SAMPLE = 50_000


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a known ISO 639-1 code such as ``en``, ``ru`` or ``fa``.

    Raises:
        TreatydiffError: otherwise, with the code to use when one is evident (``EN``, ``en-US``).
    """
    if lang in KNOWN_LANGS:
        return lang
    base = lang.strip().lower().replace("_", "-").split("-")[0]
    if base in KNOWN_LANGS:
        hint = f"write {base}: codes are two lowercase letters, without a region"
    else:
        hint = "use an ISO 639-1 code such as en, ru, fr, es, zh, ar, fa or ko"
    if len(lang) <= 3 and lang.isascii() and lang.isalpha() and lang.islower():
        raise TreatydiffError(f"unknown language code {lang!r}", hint=hint)
    raise TreatydiffError(f"{lang[:40]!r} is not a language code", hint=hint)


@cache
def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def scripts_of(text: str) -> Counter[str]:
    """Letters of ``text`` (its first 50,000 characters) counted by script."""
    return Counter(_script(ch) for ch in text[:_SAMPLE] if ch.isalpha())


def script_mismatch(lang: str, text: str) -> str | None:
    """Why ``text`` cannot be in ``lang`` (its letters are in another script), or None."""
    letters = scripts_of(text)
    total = sum(letters.values())
    if total < _MIN_LETTERS:
        return None
    allowed = _SCRIPTS.get(lang, ("LATIN",))
    share = sum(letters[script] for script in allowed) / total
    if share >= _MIN_SHARE:
        return None
    script, count = letters.most_common(1)[0]
    return (
        f"the text is {round(100 * count / total)}% {_shown(script)} script, "
        f"which {lang} is not written in (it uses {' or '.join(_shown(s) for s in allowed)})"
    )


def _shown(script: str) -> str:
    return "Han" if script == "CJK" else script.title()
