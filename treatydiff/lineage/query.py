"""A provision's relatives across the indexed corpus, in date order.

Within one language the similarity is the cosine of (1 + ln tf)·idf vectors of
hashed character 5-grams, which weights the rare shingles two provisions share over
the boilerplate every treaty repeats; beside it stands the exact Jaccard of the two
texts' 5-character shingle sets. Across languages the cosine is over the aligner's
translation-surviving tokens (numbers, lexicon concepts, proper names).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from treatydiff.align.lexicon import LANGUAGES, stems_for
from treatydiff.diff import diff_counts
from treatydiff.lineage.index import Index, Member
from treatydiff.lineage.shingles import concept_features, jaccard, shingle_features, shingle_set

__all__ = ["Lineage", "Relative", "Relation", "lineage"]

Relation = Literal["earlier", "same date", "later", "undated"]

_CANDIDATES = 400  # best documents looked at before keeping one per treaty


@dataclass(frozen=True)
class Relative:
    """One provision of another treaty that resembles the query."""

    treaty: str
    lang: str
    provision: str
    date: str | None
    title: str
    similarity: float
    """Cosine, 0..1 (shingle TF-IDF; across languages, translation-surviving tokens)."""
    jaccard: float | None
    """Jaccard of the two texts' 5-character shingle sets; None across languages."""
    relation: Relation
    """Its date against the query's: earlier (a possible ancestor) or later (a descendant)."""
    summary: str
    """One line on how the texts differ."""


@dataclass(frozen=True)
class Lineage:
    """The query provision and its relatives, oldest first (undated last)."""

    treaty: str
    lang: str
    provision: str
    date: str | None
    relatives: tuple[Relative, ...]

    @property
    def earliest(self) -> str:
        """The citation of the family's earliest dated member (the query itself if none is earlier)."""
        earlier = [r for r in self.relatives if r.relation == "earlier"]
        return f"{earlier[0].treaty}:{earlier[0].provision}" if earlier else f"{self.treaty}:{self.provision}"


def _relation(date: str | None, query_date: str | None) -> Relation:
    if date is None or query_date is None:
        return "undated"
    return "earlier" if date < query_date else "later" if date > query_date else "same date"


def _summary(left: str, right: str, cross: bool, lang: str) -> str:
    if cross:
        return f"{lang} text: shown in parallel, not diffed"
    similarity, added, removed = diff_counts(left, right)
    if not added and not removed:
        return "same words"
    return f"{similarity:.0%} of words kept; +{added} −{removed} words"


def lineage(
    index: Index,
    treaty: str,
    provision: str,
    text: str,
    lang: str,
    *,
    date: str | None = None,
    other_lang: str | None = None,
    limit: int = 10,
    threshold: float = 0.3,
) -> Lineage:
    """The closest relatives of one provision among the other treaties of the index.

    Args:
        index: the opened corpus index.
        treaty, provision, text, lang, date: the query provision.
        other_lang: look for relatives in this language (default: the query's own);
            across languages only where the aligner's lexicon has both.
        limit: at most this many relatives, the most similar, one per treaty.
        threshold: leave out relatives below this similarity.
    """
    target = other_lang or lang
    cross = target != lang
    if cross and not (lang in LANGUAGES and target in LANGUAGES):
        return Lineage(treaty, lang, provision, date, ())
    if cross:
        scores = index.concepts.cosines(concept_features(text, stems_for(lang, target)))
    else:
        scores = index.shingles.cosines(shingle_features(text))
    member_lang = np.array([m.lang == target for m in index.members], dtype=bool)
    other = np.array([m.treaty != treaty for m in index.members], dtype=bool)
    allowed = (member_lang & other)[index.doc_member]
    scores = np.where(allowed & (scores >= threshold), scores, 0.0)
    best = np.argsort(-scores, kind="stable")[:_CANDIDATES]
    chosen: dict[int, int] = {}
    for doc in best.tolist():
        if scores[doc] <= 0 or len(chosen) >= limit:
            break
        chosen.setdefault(int(index.doc_member[doc]), doc)
    query_shingles = shingle_set(text)
    relatives = []
    for member_number, doc in chosen.items():
        member: Member = index.members[member_number]
        other_text = index.text(doc)
        relatives.append(
            Relative(
                treaty=member.treaty,
                lang=member.lang,
                provision=index.doc_ids[doc],
                date=member.date,
                title=member.title,
                similarity=round(float(min(scores[doc], 1.0)), 4),
                jaccard=None if cross else round(jaccard(query_shingles, shingle_set(other_text)), 4),
                relation=_relation(member.date, date),
                summary=_summary(text, other_text, cross, member.lang),
            )
        )
    relatives.sort(key=lambda r: (r.date is None, r.date or "", -r.similarity))
    return Lineage(treaty, lang, provision, date, tuple(relatives))
