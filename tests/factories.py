"""Factories for renderer tests. # synthetic

Every treaty, title, provision and note here is synthetic: written for these tests,
about two invented states, and copied from no real treaty. Comparisons are built by
``treatydiff.compare.compare`` itself, so renderers are tested on what it produces.
"""

from __future__ import annotations

from dataclasses import replace

from treatydiff.compare import compare
from treatydiff.model import (
    Body,
    ClauseMap,
    Comparison,
    Link,
    Provenance,
    Provision,
    Relation,
    Source,
    Span,
    Treaty,
    TreatyMeta,
)

HOSTILE = '<script>alert("x")</script> & "quoted" | *star* _under_ [bold]red[/bold] `tick` <b>b</b>'
"""Characters every renderer must escape, in treaty text, notes and titles."""

# synthetic
LEFT_TEXTS = {
    "art-1": "1. The Parties shall not apply customs duties on goods originating in the territory "
    "of either Party.\n2. This Article applies from the date of entry into force.",
    "art-2": "Each Party shall publish its customs rules in good time.",
    "art-3": "The Parties shall exchange information on trade flows and consult each other "
    "before changing any tariff.",
    "art-4": "Disputes shall be settled by a joint commission of both Parties.",
    "art-5": "The Parties may agree on further steps towards a customs union.",
    "art-6": "This Agreement is concluded for five years.",
}
RIGHT_TEXTS = {
    "art-1": "1. The Parties shall not apply customs duties or charges of equivalent effect on goods "
    "originating in the territory of the other Party.\n2. This Article applies from the date of "
    "entry into force.",
    "art-2": "Each Party shall publish its customs rules in good time.",
    "art-3.1": "1. The Parties shall exchange information on trade flows.",
    "art-3.2": "2. The Parties shall consult each other before changing any tariff.",
    "art-4": "Each Party shall grant the other Party's traders access to its courts.",
    "art-6": "The Parties shall endeavour to agree on further steps towards a customs union.",
    "art-7": "This Agreement is concluded for an indefinite period.",
}
RIGHT_TEXTS_RU = {  # synthetic Russian text for the cross-language comparison
    "art-1": "1. Стороны не применяют таможенные пошлины к товарам, происходящим с территории "
    "другой Стороны.",
    "art-2": "Каждая Сторона своевременно публикует свои таможенные правила.",
}


def provision(
    pid: str,
    text: str,
    *,
    lang: str = "en",
    heading: str | None = None,
    start: int = 0,
    children: tuple[Provision, ...] = (),
) -> Provision:
    """A synthetic provision whose label follows its id (``art-3.1`` → "Article 3(1)")."""
    number, _, paragraph = pid.removeprefix("art-").partition(".")
    word = "Статья" if lang == "ru" else "Article"
    label = f"{word} {number}" + (f"({paragraph})" if paragraph else "")
    kind = "paragraph" if paragraph else "article"
    span = Span(start, start + len(text))
    return Provision(pid, kind, label, text, span, number=number, heading=heading, children=children)


def treaty(
    tid: str,
    title: str,
    texts: dict[str, str],
    *,
    lang: str = "en",
    licence: str | None = "CC0 (synthetic test text)",
    attribution: str | None = "treatydiff test authors",
) -> Treaty:
    """A synthetic treaty with full provenance, one article per ``art-N`` text.

    Paragraph texts (``art-3.1``, ``art-3.2``) become the children of article ``art-3``,
    whose text is theirs joined, as the parsers build it.
    """
    source = ""
    provisions: list[Provision] = []
    for pid, text in texts.items():
        article, _, paragraph = pid.partition(".")
        start = len(source) + 2 if source else 0
        source = f"{source}\n\n{text}" if source else text
        child = provision(pid, text, lang=lang, start=start)
        if not paragraph:
            provisions.append(child)
        elif provisions and provisions[-1].id == article:
            parent = provisions[-1]
            provisions[-1] = replace(
                parent,
                text=source[parent.span.start :],
                span=Span(parent.span.start, len(source)),
                children=(*parent.children, child),
            )
        else:
            provisions.append(provision(article, text, lang=lang, start=start, children=(child,)))
    meta = TreatyMeta(
        id=tid,
        titles={lang: title},
        parties=("XAR", "XBO"),
        signed_date="2001-02-03",
        languages=(lang,),
        sources=(Source("Synthetic archive", url="https://example.org/treaties", date="2001"),),
        licence=licence,
        attribution=attribution,
    )
    provenance = Provenance(
        file=f"/home/someone/private/{tid}-{lang}.txt",
        sha256="ab" * 32,
        ingested_at="2026-01-02T03:04:05+00:00",
        parser="text",
        warnings=("one paragraph had no number",),
    )
    return Treaty(meta, Body(lang=lang, source_text=source, provisions=tuple(provisions)), provenance)


def link(
    left: tuple[str, ...],
    right: tuple[str, ...],
    relation: Relation,
    *,
    note: str | None = None,
    evidence: tuple[str, ...] = (),
    confidence: str | None = None,
) -> Link:
    """A curated link of the synthetic map."""
    return Link(
        left=left, right=right, relation=relation, note=note, evidence=evidence, confidence=confidence
    )


def _fixed(comparison: Comparison) -> Comparison:
    """The comparison with a fixed generation time and version, so reports repeat exactly."""
    return replace(comparison, generated_at="2026-02-03T04:05:06+00:00", tool_version="0.1.0")


def comparison(*, hostile: bool = False, curated: bool = True) -> Comparison:
    """Two synthetic treaties in one language, compared by :func:`treatydiff.compare.compare`:
    changed, unchanged, split, added, dropped and moved links, one unlinked article a side.

    With ``hostile=True`` the titles, a note and two texts carry :data:`HOSTILE`.
    Without ``curated`` there is no map: provisions are aligned by article number.
    """
    left_texts, right_texts = dict(LEFT_TEXTS), dict(RIGHT_TEXTS)
    note = "Scope widened to charges of equivalent effect."
    if hostile:
        left_texts["art-2"] = f"Each Party shall publish {HOSTILE} in good time."
        right_texts["art-2"] = f"Each Party shall publish {HOSTILE} without delay."
        note = f"Note with {HOSTILE}"
    title_suffix = f" {HOSTILE}" if hostile else ""
    left = treaty(
        "xa-xb-2001", f"Agreement between Arcadia and Borduria on Free Trade{title_suffix}", left_texts
    )
    right = treaty("xa-xb-2009", "Revised Agreement between Arcadia and Borduria on Free Trade", right_texts)
    links = (
        link(("art-1",), ("art-1",), "expanded", note=note, confidence="high"),
        link(("art-2",), ("art-2",), "same"),
        link(("art-3",), ("art-3.1", "art-3.2"), "split"),
        link(("art-4",), (), "dropped", note="Dispute settlement left to a later protocol."),
        link((), ("art-4",), "added"),
        link(
            ("art-5",),
            ("art-6",),
            "modified",
            note="“May agree” became “shall endeavour to agree”: a softer obligation turned firmer.",
            evidence=("xa-xb-2001:art-5", "xa-xb-2009:art-6"),
            confidence="medium",
        ),
    )
    clause_map = ClauseMap(
        path="mappings/xa-xb-2001--xa-xb-2009.yaml",
        treaties=(left.meta.id, right.meta.id),
        title=f"Arcadia–Borduria 2001 and 2009{title_suffix}",
        authors=("A. Scholar", "B. Reviewer"),
        date="2026-01-01",
        status="reviewed",
        links=links,
    )
    return _fixed(compare(left, right, clause_map if curated else None))


def cross_language_comparison() -> Comparison:
    """An English and a synthetic Russian version of one treaty, compared without a map."""
    title = "Agreement between Arcadia and Borduria on Free Trade"
    english = treaty("xa-xb-2001", title, {pid: LEFT_TEXTS[pid] for pid in ("art-1", "art-2")})
    russian_title = "Соглашение между Аркадией и Бордурией о свободной торговле"
    russian = treaty("xa-xb-2001", russian_title, RIGHT_TEXTS_RU, lang="ru")
    return _fixed(compare(english, russian))
