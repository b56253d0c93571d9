"""Languages as data: one module per language, each holding one frozen :class:`Language` record.

Adding a language means adding its module here and its tests; the parsers and the
labels read only these records (docs/ids.md rule 8).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from treatydiff.languages import ar, en, es, fa, fr, ko, ru, zh
from treatydiff.languages.base import ContainerKind, Counted, Labels, Language, Script

__all__ = ["LANGUAGES", "ContainerKind", "Counted", "Labels", "Language", "Script", "language", "records"]

_MODULES = (en, ru, es, fr, zh, ar, fa, ko)
LANGUAGES: Mapping[str, Language] = MappingProxyType({m.LANGUAGE.code: m.LANGUAGE for m in _MODULES})
"""Every language the parsers read, by code."""


def language(code: str) -> Language:
    """The record of ``code``; English for a language without a record of its own."""
    return LANGUAGES.get(code) or LANGUAGES["en"]


def records() -> tuple[Language, ...]:
    """Every record, English first."""
    return tuple(LANGUAGES.values())
