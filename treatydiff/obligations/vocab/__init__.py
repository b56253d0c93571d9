"""One obligation vocabulary per language; :func:`vocabulary` looks one up."""

from __future__ import annotations

from treatydiff.errors import TreatydiffError
from treatydiff.obligations.vocab import en, ru
from treatydiff.obligations.vocab.base import BearerTerm, LegalPresent, Marker, PhraseRule, Vocabulary

__all__ = ["LANGUAGES", "BearerTerm", "LegalPresent", "Marker", "PhraseRule", "Vocabulary", "vocabulary"]

_REGISTRY: dict[str, Vocabulary] = {"en": en.VOCAB, "ru": ru.VOCAB}
LANGUAGES: tuple[str, ...] = tuple(_REGISTRY)


def vocabulary(lang: str) -> Vocabulary:
    """The obligation vocabulary of ``lang``.

    Raises:
        TreatydiffError: when no vocabulary exists for that language yet.
    """
    try:
        return _REGISTRY[lang]
    except KeyError:
        raise TreatydiffError(
            f"no obligation vocabulary for language {lang!r}",
            hint=f"obligations are analysed in: {', '.join(LANGUAGES)}",
        ) from None
