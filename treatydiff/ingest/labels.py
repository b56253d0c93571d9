"""Display labels in the text's language: "Article 3(3)(a)", "Статья 3 п. 3 подп. а", "第2条第4款".

The words and shapes come from each language's :class:`~treatydiff.languages.Labels`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal, get_args

from treatydiff.ingest.numbers import number_slug
from treatydiff.languages import LANGUAGES, Language, language
from treatydiff.model import Kind

__all__ = ["LabelMaker", "LabelUnit", "container_unit", "label_maker"]

LabelUnit = Literal[
    "preamble", "recital", "article", "paragraph", "point", "unnumbered", "dash", "chapter", "part",
    "title", "section", "annex", "closing", "intro",
]  # fmt: skip
_ENGLISH = LANGUAGES["en"].labels.words


def _heading_case(text: str, record: Language) -> str:
    """``text`` in heading case when it is set in capitals; any other text as written."""
    letters = [ch for ch in text if ch.isalpha()]
    cased = [ch for ch in letters if ch.isupper() or ch.islower()]
    if not cased or sum(1 for ch in cased if ch.isupper()) < 0.8 * len(letters):
        return text
    if record.labels.title_case:
        minor = record.labels.minor_words
        words = text.lower().split(" ")
        return " ".join(w if i and w in minor else w[:1].upper() + w[1:] for i, w in enumerate(words))
    return text[:1].upper() + text[1:].lower()


@dataclass(frozen=True)
class LabelMaker:
    """Builds display labels such as "Article 3(3)(a)" or "Статья 3 п. 3 подп. а"."""

    lang: str

    @functools.cached_property
    def record(self) -> Language:
        return language(self.lang)

    def word(self, unit: str) -> str:
        """The display word for a unit in this language (English when unknown)."""
        return self.record.labels.words.get(unit) or _ENGLISH.get(unit, unit)

    def _number(self, printed: str) -> str:
        """A printed number as counted labels show it: "五十一" → "51" (other forms as printed)."""
        shown = self._numbers.get(printed)
        if shown is None:
            shown = self._numbers[printed] = self._shown_number(printed)
        return shown

    @functools.cached_property
    def _numbers(self) -> dict[str, str]:
        """The numbers shown so far by their printed form (the same few recur in every treaty)."""
        return {}

    def _shown_number(self, printed: str) -> str:
        if not self.record.labels.western_digits:
            return printed
        slug = number_slug(printed)
        return slug if slug.isdigit() else printed

    def top(self, unit: str, printed: str | None = None) -> str:
        """Label of a top-level unit: "Article 5", "Chapter VII", "第51条", "المادة 51", "Closing"."""
        word = self.word(unit)
        if not printed:
            return word
        labels = self.record.labels
        if unit in labels.counted_units:
            return labels.top.format(word=word, n=self._number(printed))
        return (labels.top if not labels.counted_units else labels.top_uncounted).format(word=word, n=printed)

    def captioned(self, unit: LabelUnit, caption: str) -> str:
        """Label of an unnumbered unit named by its caption: "Section: Functions and Powers".

        A caption set in capitals ("FUNCTIONS AND POWERS", "ФУНКЦИИ и ПОЛНОМОЧИЯ") is
        shown in the language's usual heading case (English title case, sentence case
        elsewhere); the printed caption stays in the provision's ``heading``.
        """
        shown = _heading_case(" ".join(caption.replace("\u0640", "").split()), self.record)
        return self.record.labels.captioned.format(word=self.word(unit), caption=shown)

    def child(self, parent: str, unit: LabelUnit, printed: str = "") -> str:
        """Label of a child: ``(3)``, ``(a)``, ", paragraph 4", ", indent 2", ", recital 4".

        The lead-in of a paragraph or point (``unit="intro"``) has no number:
        "Article 3(1), introductory words", "Статья 3 п. 1, вводная часть".
        """
        template, word = self._child_forms[unit]
        number = printed if unit == "point" or not printed else self._number(printed)
        return template.format(parent=parent, word=word, n=number).rstrip()

    @functools.cached_property
    def _child_forms(self) -> dict[str, tuple[str, str]]:
        """The template and word of each child unit, looked up once per language."""
        labels = self.record.labels
        templates = {"paragraph": labels.paragraph, "point": labels.point, "intro": labels.intro}
        templates["recital"] = labels.recital
        units: tuple[LabelUnit, ...] = get_args(LabelUnit)
        return {unit: (templates.get(unit, labels.other), self.word(unit)) for unit in units}


def container_unit(kind: Kind) -> LabelUnit:
    """The label unit of a container kind (anything unexpected is shown as a chapter)."""
    units: dict[str, LabelUnit] = {"part": "part", "title": "title", "section": "section", "annex": "annex"}
    return units.get(kind, "chapter")


@functools.lru_cache(maxsize=64)
def label_maker(lang: str) -> LabelMaker:
    """A :class:`LabelMaker` for ``lang`` (any code; unknown languages get English words)."""
    return LabelMaker(lang)
