"""Factories for renderer tests. # synthetic

Every treaty, title, provision and note here is synthetic: written for these tests,
about two invented states, and copied from no real treaty.
"""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff.compare import compare_link
from treatydiff.model import (
    ClauseMap,
    ComparedLink,
    Comparison,
    Link,
    Origin,
    Provenance,
    Provision,
    Relation,
    Side,
    Source,
    Span,
    Summary,
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


def provision(pid: str, text: str, *, lang: str = "en", heading: str | None = None) -> Provision:
    """A synthetic provision whose label follows its id (``art-3.1`` → "Article 3(1)")."""
    number, _, paragraph = pid.removeprefix("art-").partition(".")
    word = "Статья" if lang == "ru" else "Article"
    label = f"{word} {number}" + (f"({paragraph})" if paragraph else "")
    kind = "paragraph" if paragraph else "article"
    return Provision(pid, kind, label, text, Span(0, len(text)), number=number, heading=heading)


def side(
    tid: str,
    title: str,
    *,
    lang: str = "en",
    licence: str | None = "CC0 (synthetic test text)",
    attribution: str | None = "treatydiff test authors",
) -> Side:
    """A synthetic treaty side with full provenance."""
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
    return Side(meta=meta, lang=lang, provenance=provenance)


def compared(
    lefts: Sequence[Provision],
    rights: Sequence[Provision],
    relation: Relation | None,
    *,
    diffed: bool = True,
    note: str | None = None,
    evidence: tuple[str, ...] = (),
    confidence: str | None = None,
    origin: Origin = "curated",
) -> ComparedLink:
    """A link between synthetic provisions, compared by compare.py's own ``compare_link``."""
    link = Link(
        left=tuple(p.id for p in lefts),
        right=tuple(p.id for p in rights),
        relation=relation,
        note=note,
        evidence=evidence,
        confidence=confidence,
        origin=origin,
    )
    return compare_link(link, lefts, rights, diffed=diffed)


def comparison(*, hostile: bool = False, curated: bool = True) -> Comparison:
    """Two synthetic treaties in one language: changed, unchanged, split, added, dropped and moved links.

    With ``hostile=True`` the titles, a note and two texts carry :data:`HOSTILE`.
    """
    lefts = {pid: provision(pid, text) for pid, text in LEFT_TEXTS.items()}
    rights = {pid: provision(pid, text) for pid, text in RIGHT_TEXTS.items()}
    note = "Scope widened to charges of equivalent effect."
    if hostile:
        lefts["art-2"] = provision("art-2", f"Each Party shall publish {HOSTILE} in good time.")
        rights["art-2"] = provision("art-2", f"Each Party shall publish {HOSTILE} without delay.")
        note = f"Note with {HOSTILE}"
    rows = (
        compared([lefts["art-1"]], [rights["art-1"]], "expanded", note=note, confidence="high"),
        compared([lefts["art-2"]], [rights["art-2"]], "same"),
        compared([lefts["art-3"]], [rights["art-3.1"], rights["art-3.2"]], "split"),
        compared([lefts["art-4"]], [], "dropped", note="Dispute settlement left to a later protocol."),
        compared([], [rights["art-4"]], "added"),
        compared(
            [lefts["art-5"]],
            [rights["art-6"]],
            "modified",
            note="“May agree” became “shall endeavour to agree”: a softer obligation turned firmer.",
            evidence=("xa-xb-2001:art-5", "xa-xb-2009:art-6"),
            confidence="medium",
        ),
    )
    title_suffix = f" {HOSTILE}" if hostile else ""
    return _assemble(
        side("xa-xb-2001", f"Agreement between Arcadia and Borduria on Free Trade{title_suffix}"),
        side("xa-xb-2009", "Revised Agreement between Arcadia and Borduria on Free Trade"),
        rows,
        unlinked_left=(lefts["art-6"],),
        unlinked_right=(rights["art-7"],),
        curated=curated,
        map_title=f"Arcadia–Borduria 2001 and 2009{title_suffix}",
    )


def cross_language_comparison() -> Comparison:
    """An English and a synthetic Russian version of one treaty: shown in parallel, not diffed."""
    lefts = [provision(pid, LEFT_TEXTS[pid]) for pid in ("art-1", "art-2")]
    rights = [provision(pid, text, lang="ru") for pid, text in RIGHT_TEXTS_RU.items()]
    rows = tuple(
        compared([a], [b], None, diffed=False, origin="article-number")
        for a, b in zip(lefts, rights, strict=True)
    )
    return _assemble(
        side("xa-xb-2001", "Agreement between Arcadia and Borduria on Free Trade"),
        side("xa-xb-2001", "Соглашение между Аркадией и Бордурией о свободной торговле", lang="ru"),
        rows,
        curated=False,
    )


def _assemble(
    left: Side,
    right: Side,
    rows: tuple[ComparedLink, ...],
    *,
    unlinked_left: tuple[Provision, ...] = (),
    unlinked_right: tuple[Provision, ...] = (),
    curated: bool,
    map_title: str = "",
) -> Comparison:
    def count(status: str) -> int:
        return sum(1 for row in rows if row.status == status)

    clause_map = (
        ClauseMap(
            path="mappings/xa-xb-2001--xa-xb-2009.yaml",
            treaties=(left.meta.id, right.meta.id),
            title=map_title,
            authors=("A. Scholar", "B. Reviewer"),
            date="2026-01-01",
            status="reviewed",
            links=tuple(row.link for row in rows),
        )
        if curated
        else None
    )
    return Comparison(
        left=left,
        right=right,
        rows=rows,
        summary=Summary(
            added=count("added"),
            dropped=count("dropped"),
            changed=count("changed"),
            unchanged=count("unchanged"),
            unlinked_left=len(unlinked_left),
            unlinked_right=len(unlinked_right),
        ),
        alignment="curated" if curated else "article-number",
        clause_map=clause_map,
        unlinked_left=unlinked_left,
        unlinked_right=unlinked_right,
        generated_at="2026-02-03T04:05:06+00:00",
        tool_version="0.1.0",
    )
