"""Compiling a vocabulary's regular expressions so that a scan over 40,000 articles stays quick.

Every helper here keeps a pattern's matches exactly what they would be as written:

- a case-insensitive pattern runs without the flag on the lower-cased sentence wherever
  lower-casing is faithful to the flag (:class:`Folded`); ``re`` tests the first letter of
  a branch in C then, instead of stepping into each;
- a pattern is tried only at a character it can start with (:func:`compile_hinted`): a
  look-ahead on the set of its first characters, read from the parsed pattern, turns away
  most positions before any branch is entered;
- :class:`KeyFinder` tells in one pass which of a vocabulary's keys a sentence contains.

Each pattern is compiled on its first use, so a run compiles only the rules its texts need.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from re import Pattern
from typing import Any, NamedTuple

__all__ = [
    "CASE_TRAPS",
    "Folded",
    "KeyFinder",
    "Lazy",
    "Text",
    "compile_hinted",
    "faithful",
    "first_chars",
    "trie_pattern",
]

# Characters that re.IGNORECASE takes for a case variant of a letter they do not lower-case
# to (dotless ı for i, long ſ for s, the narrow Cyrillic ᲀ for в, Greek ς and ϐ …), İ, which
# lower-cases to two characters, and Σ, which lower-cases by context. Derived from
# re._casefix (tests/test_obligations_patterns.py checks it): in a text without any of them,
# a pattern of lower-case letters matches the lower-cased text exactly where it matches the
# text with the flag.
CASE_TRAPS = re.compile(
    "[\u00b5\u0130\u0131\u017f\u0345\u0390\u03a3\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
    "\u03f5\u1c80-\u1c88\u1e9b\u1fbe\u1fd3\u1fe3\ufb05\ufb06]"
)
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
_ESCAPES_AND_NAMES = re.compile(r"\\.|\(\?P[<=]\w+>?")
_MAX_HINT = 80  # a first-character set larger than this turns away too few positions


class Text(NamedTuple):
    """A sentence and, when lower-casing it is faithful to re.IGNORECASE, its lower-case form."""

    text: str
    low: str | None


def faithful(sentence: str, low: str) -> Text:
    """``sentence`` with ``low`` (its ``lower()``) kept only when it can stand in for the flag."""
    return Text(sentence, low if sentence.isascii() or CASE_TRAPS.search(sentence) is None else None)


def lowerable(source: str) -> bool:
    """True when a pattern holds no capital, trap character or inline flag outside its escapes."""
    if _INLINE_FLAGS.search(source):
        return False
    bare = _ESCAPES_AND_NAMES.sub("", source)
    return bare == bare.lower() and CASE_TRAPS.search(bare) is None


def _parser() -> tuple[Any, Any] | None:
    try:  # CPython's own parser (re._parser since 3.11); without it patterns go unhinted
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - another Python
        return None


def _first(items: Iterable[tuple[Any, Any]], c: Any) -> set[str] | None:
    """Characters a sequence of parsed items can start with; None when any may (or none)."""
    out: set[str] = set()
    for op, av in items:
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            continue  # zero-width: \b and look-arounds only narrow where a match starts
        if op is c.LITERAL:
            return out | {chr(av)}
        if op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL:
                    out.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] <= _MAX_HINT:
                    out.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None  # a negated set, \w, \s …
            return out
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            found = None if add_flags or del_flags else _first(sub.data, c)
            return None if found is None else out | found
        if op is c.BRANCH:
            for branch in av[1]:
                found = _first(branch.data, c)
                if found is None:
                    return None
                out |= found
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, item = av
            found = _first(item.data, c)
            if found is None:
                return None
            out |= found
            if low >= 1:
                return out
            continue  # optional: the next item may start the match as well
        return None
    return None  # the pattern can match the empty string


def first_chars(source: str) -> str | None:
    """The characters a match of ``source`` (compiled without flags) can start with, if few."""
    parser = _parser()
    if parser is None:
        return None
    module, constants = parser
    found = _first(module.parse(source).data, constants)
    return "".join(sorted(found)) if found and len(found) <= _MAX_HINT else None


def compile_hinted(source: str, flags: int = 0) -> Pattern[str]:
    """``source`` compiled behind a look-ahead on its first characters: the same matches."""
    chars = first_chars(source)
    if chars is None:
        return re.compile(source, flags)
    return re.compile(f"(?=[{''.join(map(re.escape, chars))}])(?:{source})", flags)


HINT_AFTER = 400
"""Uses after which a pattern is compiled again behind its first-character hint.

Finding the hint parses the pattern a second time, which costs more than it saves on
a short run (one comparison); a pass over a corpus soon earns it back."""


class _Compiled:
    """One pattern with its flags: plain at first, hinted once it has been used enough."""

    __slots__ = ("_pattern", "_uses", "flags", "source")

    def __init__(self, source: str, flags: int) -> None:
        self.source = source
        self.flags = flags
        self._pattern: Pattern[str] | None = None
        self._uses = 0

    def get(self) -> Pattern[str]:
        self._uses += 1
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        elif self._uses == HINT_AFTER:
            self._pattern = compile_hinted(self.source, self.flags)
        return self._pattern


class Lazy:
    """A case-sensitive pattern, compiled on first use (hinted after :data:`HINT_AFTER` uses)."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled = _Compiled(source, 0)

    @property
    def pattern(self) -> Pattern[str]:
        return self._compiled.get()


class Folded:
    """A case-insensitive pattern, run without the flag on lower-cased text where it can be."""

    __slots__ = ("_flagged", "_plain", "lowerable", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self.lowerable = lowerable(source)
        self._plain = _Compiled(source, 0)
        self._flagged = _Compiled(source, re.IGNORECASE)

    def on(self, sentence: Text) -> tuple[Pattern[str], str]:
        """The compiled pattern to use on ``sentence`` and the string to run it on (same offsets)."""
        if self.lowerable and sentence.low is not None:
            return self._plain.get(), sentence.low
        # a rule written with case in it, or a sentence with a trap
        return self._flagged.get(), sentence.text


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching the longest of ``words`` that starts where it is tried."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


class KeyFinder:
    """Which keys a lower-cased text contains as substrings, found in one regex pass.

    Exactly ``{k for k in keys if k in text}``: at each position the regex finds the longest
    key starting there, and every key inside a found key is present too.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        wanted = {key for key in keys if key}
        self.always = frozenset(key for key in keys if not key)
        self.pattern = re.compile("(?=(" + trie_pattern(wanted) + "))") if wanted else None
        self.inside = {key: frozenset(k for k in wanted if k in key) for key in wanted}

    def present(self, low: str) -> frozenset[str]:
        if self.pattern is None:
            return self.always
        inside = self.inside
        return self.always.union(*map(inside.__getitem__, set(self.pattern.findall(low))))
