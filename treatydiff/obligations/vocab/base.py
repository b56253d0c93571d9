"""The shape of a language's obligation vocabulary: frozen records that rules read.

A language module (``en.py``, ``ru.py`` …) builds one :class:`Vocabulary`. Patterns are
regular-expression sources, matched case-insensitively unless a record says otherwise;
adding a language means writing one module, its tests and one line in ``__init__``. Like the
language records of :mod:`treatydiff.languages`, a vocabulary is data: frozen records and
read-only mappings, compiled by the rules that read them (import-linter keeps it so).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from treatydiff.obligations.types import Bearer, Modality


@dataclass(frozen=True)
class PhraseRule:
    """A modal phrase: where it matches, the statement gets this modality."""

    name: str
    """Stable rule id, ``LANG.NAME`` (recorded with every statement)."""
    modality: Modality
    pattern: str
    """Regex source; the group ``m``, when present, is the highlighted modal phrase."""
    note: str
    """One line for docs/obligations.md: what the rule is for."""
    weak: bool = False
    """A weak modal ("may", "will"): skipped right after a relative word (``which may``)."""
    keys: tuple[str, ...] = ()
    """Lowercase fragments one of which the sentence must contain before the pattern is
    tried (a cheap filter that keeps the scan fast; empty: always try)."""
    bearer_after: bool = False
    """The bearer follows the phrase ("nothing … shall prevent *a Party* from")."""


@dataclass(frozen=True)
class Marker:
    """A trigger, condition or exception marker ("if", "unless", "в случае")."""

    name: str
    pattern: str
    keys: tuple[str, ...] = ()
    """Lowercase fragments one of which the sentence must contain (a cheap filter)."""


@dataclass(frozen=True)
class BearerTerm:
    """Words that name an actor of a given bearer class."""

    name: str
    bearer: Bearer
    pattern: str
    """Regex source, matched case-sensitively (capitals tell organs from common nouns)."""
    keys: tuple[str, ...] = ()
    """Lowercase fragments one of which the sentence must contain (a cheap filter)."""


@dataclass(frozen=True)
class LegalPresent:
    """Legal drafting that states a duty in the present tense ("Совет определяет")."""

    verb: str
    """Regex for a finite third-person present verb (the whole word)."""
    passive: str
    """Regex for a reflexive-passive present verb ("принимаются")."""
    stop: frozenset[str]
    """Words that look like such verbs but are nouns, numerals or verbs of state."""
    negator: str
    """The negation particle that turns the duty into a prohibition."""
    subordinate: str = r"(?!)"
    """Words opening a clause whose verbs state no duty ("пока", "чтобы", "какие"); condition
    markers count too."""
    window: int = 6
    """At most this many words between the bearer and its verb."""


@dataclass(frozen=True)
class Vocabulary:
    """Everything the obligation rules need to know about one language."""

    lang: str
    rules: tuple[PhraseRule, ...]
    """Modal phrases in priority order: an earlier rule claims its words first."""
    conditions: tuple[Marker, ...]
    """Trigger and condition markers."""
    exceptions: tuple[Marker, ...]
    """Exception markers; they win over conditions they overlap."""
    bearers: tuple[BearerTerm, ...]
    pronouns: Mapping[str, Bearer]
    """Subject pronouns (lowercase), with the bearer they stand for when no antecedent is found."""
    relative: str
    """Regex for the word before a weak modal that makes it a relative clause ("which")."""
    passive: str
    """Regex, anchored after the modal phrase, for a passive verb ("be abolished")."""
    agent: str
    """Regex, anchored after a passive verb, that introduces its agent ("by"); empty when the
    agent is marked by case (an instrumental noun in Russian)."""
    oblique_before: str = r"(?!)"
    """A mention is not the subject when the text before it ends so (en: "of the Parties")."""
    oblique_form: str = r"(?!)"
    """…or when the mention itself is in an oblique case (ru: "Совета", "Членами")."""
    heads: str = r"(?!)"
    lead: str = r"(?!)"
    """Words before a bearer's head that belong to its name ("each", "the importing")."""
    """…unless the text before it ends with a head that acts for it ("authorities of")."""
    legal_present: LegalPresent | None = None
    gate: tuple[str, ...] = ()
    """Lowercase fragments of which a sentence must contain one to hold any statement (every
    rule needs one of them); empty: no gate, as when the legal present states duties
    without any modal word."""
