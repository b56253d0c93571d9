"""One obligation vocabulary per language; :func:`vocabulary` looks one up."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from treatydiff.errors import TreatydiffError
from treatydiff.obligations.vocab import en, ru
from treatydiff.obligations.vocab.base import BearerTerm, LegalPresent, Marker, PhraseRule, Vocabulary

__all__ = [
    "LANGUAGES",
    "VOCABULARIES",
    "BearerTerm",
    "LegalPresent",
    "Marker",
    "PhraseRule",
    "Vocabulary",
    "vocabulary",
]

_MODULES = (en, ru)
VOCABULARIES: Mapping[str, Vocabulary] = MappingProxyType({m.VOCAB.lang: m.VOCAB for m in _MODULES})
"""Every obligation vocabulary, by language code (codes of :mod:`treatydiff.languages`)."""
LANGUAGES: tuple[str, ...] = tuple(VOCABULARIES)


def vocabulary(lang: str) -> Vocabulary:
    """The obligation vocabulary of ``lang``.

    Raises:
        TreatydiffError: when no vocabulary exists for that language yet.
    """
    try:
        return VOCABULARIES[lang]
    except KeyError:
        raise TreatydiffError(
            f"no obligation vocabulary for language {lang!r}",
            hint=f"obligations are analysed in: {', '.join(LANGUAGES)}",
        ) from None
