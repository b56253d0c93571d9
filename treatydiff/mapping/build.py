"""Build a ClauseMap from a schema-valid document, checking what the schema cannot.

That is: treaty ids normalise and are not listed twice (except once per language),
each link's ``between`` names two different header treaties, and evidence that
looks like a citation parses as one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

from treatydiff.errors import MappingError, TreatydiffError, printable
from treatydiff.mapping.yaml_source import Document, Where
from treatydiff.model import Citation, ClauseMap, Link, Relation, normalize_treaty_id

__all__ = ["build", "evidence_citation", "split_key"]

# A citation is written without spaces (TREATY:ID); bibliographic references have spaces,
# and URLs or DOIs contain '/'.
_CITATION_LIKE = re.compile(r"[^\s/]+:[^\s/]+")


def build(doc: Document, path: Path) -> ClauseMap:
    """The ClauseMap of a document that passed the schema.

    Raises:
        MappingError: the first problem the schema cannot see, located at its line.
    """
    data = doc.data
    treaties, langs = _header_treaties(data["treaties"], doc, path)
    links = tuple(_build_link(item, i, treaties, doc, path) for i, item in enumerate(data["links"]))
    return ClauseMap(
        path=printable(str(path)),
        treaties=treaties,
        title=data["title"],
        authors=tuple(data["authors"]),
        date=data.get("date"),
        status=data["status"],
        links=links,
        sources=tuple(data.get("sources", ())),
        langs=langs,
    )


def split_key(key: str) -> tuple[str, str | None]:
    """``un-charter@ru`` → (``un-charter``, ``ru``); a plain id → (id, None)."""
    treaty, _, lang = key.partition("@")
    return treaty, lang or None


def evidence_citation(entry: str) -> Citation | None:
    """The citation an evidence entry is written as, or None for a bibliographic reference.

    Raises:
        TreatydiffError: the entry looks like a citation (no spaces, a colon) but is not one.
    """
    return Citation.parse(entry) if _CITATION_LIKE.fullmatch(entry.strip()) else None


def _treaty_id(text: str, where: Where, doc: Document, path: Path) -> str:
    try:
        return normalize_treaty_id(text)
    except TreatydiffError as exc:
        raise MappingError(exc.message, file=path, line=doc.line(where), hint=exc.hint) from None


def _header_treaties(entries: list[Any], doc: Document, path: Path) -> tuple[tuple[str, ...], dict[str, str]]:
    """Treaty keys in order, and the language fixed for each (if any).

    A key is the normalised treaty id; when one treaty is listed twice in two
    languages (``{id: un-charter, lang: en}``, ``{id: un-charter, lang: ru}``), the
    keys are ``un-charter@en`` and ``un-charter@ru``: see :func:`split_key`.
    """
    parsed: list[tuple[str, str | None]] = []
    for i, entry in enumerate(entries):
        raw = entry if isinstance(entry, str) else entry["id"]
        lang = entry.get("lang") if isinstance(entry, dict) else None
        treaty = _treaty_id(raw, ("treaties", i), doc, path)
        for j, (seen, seen_lang) in enumerate(parsed):
            if seen == treaty and (lang is None or seen_lang is None or lang == seen_lang):
                raise MappingError(
                    f"treaty {treaty!r} is listed twice (first on line {doc.line(('treaties', j))})",
                    file=path,
                    line=doc.line(("treaties", i)),
                    hint="list a treaty twice only to compare two of its languages, each with its own lang",
                )
        parsed.append((treaty, lang))
    repeated = {t for t, _ in parsed if sum(1 for u, _ in parsed if u == t) > 1}
    keys = tuple(f"{t}@{lang}" if t in repeated else t for t, lang in parsed)
    langs = {key: lang for key, (_, lang) in zip(keys, parsed, strict=True) if lang is not None}
    return keys, langs


def _build_link(
    item: dict[str, Any], index: int, treaties: tuple[str, ...], doc: Document, path: Path
) -> Link:
    where: Where = ("links", index)
    return Link(
        left=_as_refs(item.get("left")),
        right=_as_refs(item.get("right")),
        relation=cast(Relation, item["relation"]),
        note=item.get("note"),
        evidence=_check_evidence(item.get("evidence", []), where, doc, path),
        confidence=item.get("confidence"),
        line=doc.line(where),
        between=_between(item.get("between"), treaties, where, doc, path),
    )


def _as_refs(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _between(
    value: list[str] | None, treaties: tuple[str, ...], where: Where, doc: Document, path: Path
) -> tuple[str, str]:
    """The (left, right) pair of a link: its ``between``, else the first two treaties."""
    if value is None:
        return treaties[0], treaties[1]
    left, right = (
        raw if raw in treaties else _treaty_id(raw, (*where, "between", i), doc, path)
        for i, raw in enumerate(value)
    )
    line = doc.line((*where, "between"))
    for treaty in (left, right):
        if treaty not in treaties:
            raise MappingError(
                f"'between' names {treaty!r}, which is not in 'treaties'",
                file=path,
                line=line,
                hint=f"use ids from the header: {', '.join(treaties)}",
            )
    if left == right:
        raise MappingError("'between' names the same treaty twice", file=path, line=line)
    return left, right


def _check_evidence(entries: list[str], where: Where, doc: Document, path: Path) -> tuple[str, ...]:
    """The evidence entries; one that looks like a citation must parse as ``TREATY:ID``."""
    for i, entry in enumerate(entries):
        try:
            evidence_citation(entry)
        except TreatydiffError as exc:
            raise MappingError(
                f"evidence {entry!r} is not a citation: {exc.message}",
                file=path,
                line=doc.line((*where, "evidence", i)),
                hint="write TREATY:ID (tota:423:art-1.2) or a reference with spaces (Kaleji 2025, p. 1)",
            ) from None
    return tuple(entries)
