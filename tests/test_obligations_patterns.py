"""The pattern compilation behind the obligation rules matches exactly what the rules say.

All texts here are SYNTHETIC: words and letters put together for these tests.
"""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.obligations import LANGUAGES, extract, vocabulary
from treatydiff.obligations.patterns import (
    CASE_TRAPS,
    Folded,
    compile_hinted,
    faithful,
    first_chars,
    lowerable,
)


def _sources(lang: str) -> tuple[list[str], list[str]]:
    """(case-insensitive sources, case-sensitive sources) of a vocabulary."""
    vocab = vocabulary(lang)
    folded = [rule.pattern for rule in vocab.rules]
    folded += [m.pattern for m in (*vocab.conditions, *vocab.exceptions)]
    folded += [vocab.relative, vocab.passive, vocab.oblique_before, vocab.oblique_form]
    if vocab.legal_present is not None:
        folded.append(vocab.legal_present.subordinate)
    plain = [term.pattern for term in vocab.bearers] + [vocab.heads, vocab.lead]
    return folded, plain


FOLDED = [(lang, source) for lang in LANGUAGES for source in _sources(lang)[0]]
PLAIN = [(lang, source) for lang in LANGUAGES for source in _sources(lang)[1]]
_WORDS = (
    "Shall shall not NOT may May must will should Should the The Parties Party each other Contracting "
    "Member States Council Committee if If unless where when upon request provided nothing be construed "
    "entitled right rights undertake agree to refrain from prohibited enter into force established "
    "Стороны сторона Договаривающиеся обязуются должны не может вправе если случае Совет Безопасности "
    "принимает определяет воздерживаются Члены Организации по просьбе"
)
WORDS = _WORDS.split()
TRAPS = ["ı", "ſ", "İ", "Σ", "ᲀ", "ς", "K"]  # K is the Kelvin sign: lower-cases to k, no trap
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(TRAPS), st.sampled_from([" ", ", ", ". ", "; ", "-"])),
    max_size=40,
).map(" ".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_case_traps_are_those_of_this_python() -> None:
    try:
        casefix = importlib.import_module("re._casefix")
    except ImportError:  # pragma: no cover - another Python
        pytest.skip("re._casefix is CPython's own table")
    extra = {chr(c) for c in casefix._EXTRA_CASES} | {
        chr(c) for cs in casefix._EXTRA_CASES.values() for c in cs
    }
    traps = {c for c in extra if c.upper().lower() != c} | {"\u0130", "\u03a3"}
    assert {chr(c) for c in range(0x110000) if len(chr(c).lower()) != 1} <= traps  # İ only
    assert traps == {chr(c) for c in range(0x10000) if CASE_TRAPS.fullmatch(chr(c))}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?P<m>\bshall\b)", True),
        (r"\S+\s+\w", True),
        (r"(?P<m>\b(?-i:may)\b)", False),
        (r"\b[A-Z]\w+", False),
        (r"\bEFTA\b", False),
        (r"\bпо\s+просьбе\b", True),
        (r"\bς\b", False),
    ],
)
def test_lowerable(source: str, expected: bool) -> None:
    assert lowerable(source) is expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bshall|\bmust", "ms"),
        (r"(?P<m>\b(?:no|neither)\b)", "n"),
        (r"(?<!с\s)\b[Дд]руг", "Дд"),
        (r"\b(?:[A-C]\w*\s+){0,4}council", "ABCc"),
        (r"\w+", None),
        (r"a?", None),
        (r"(?:a|)b", None),
        (r"(?-i:may)", None),
        (r"[^,]+", None),
    ],
)
def test_first_chars(source: str, expected: str | None) -> None:
    assert first_chars(source) == expected


@pytest.mark.parametrize(("lang", "source"), PLAIN)
@settings(max_examples=40, deadline=None)
@given(text=texts)
def test_a_hinted_pattern_matches_as_written(lang: str, source: str, text: str) -> None:
    assert _spans(compile_hinted(source), text) == _spans(re.compile(source), text)


@pytest.mark.parametrize(("lang", "source"), FOLDED)
@settings(max_examples=40, deadline=None)
@given(text=texts)
def test_a_folded_pattern_matches_as_with_the_flag(lang: str, source: str, text: str) -> None:
    pattern, string = Folded(source).on(faithful(text, text.lower()))
    assert len(string) == len(text)
    assert _spans(pattern, string) == _spans(re.compile(source, re.IGNORECASE), text)


@pytest.mark.parametrize(
    ("text", "rules", "condition_rule"),
    [  # a trap character sends the sentence to the flagged patterns, which read it as written
        ("The Parties shall notify specific measures ıf a dispute arises.", ["en.shall"], "en.if"),
        ("The Parties shall notify specific measures if a dispute arises.", ["en.shall"], "en.if"),
        ("THE PARTIES SHALL NOTIFY SPECIFIC MEASURES IF A DISPUTE ARISES.", ["en.shall"], "en.if"),
        ("The Parties ſhall consult each other.", [], None),  # the keys are read lower-cased
    ],
)
def test_sentences_with_trap_characters(text: str, rules: list[str], condition_rule: str | None) -> None:
    statements = extract(text, "en")
    assert [s.rule for s in statements] == rules
    assert all(s.condition_rule == condition_rule for s in statements)


def test_a_trap_character_selects_the_flagged_pattern() -> None:
    folded = Folded(r"\bif\b")
    pattern, string = folded.on(faithful("ıf so", "ıf so"))
    assert (pattern.flags & re.IGNORECASE, string) == (re.IGNORECASE, "ıf so")
    pattern, string = folded.on(faithful("If so", "if so"))
    assert (pattern.flags & re.IGNORECASE, string) == (0, "if so")
