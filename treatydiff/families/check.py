"""Check families, dossiers and the locators of clause maps against manifests and ingested texts.

Errors: a member of a treaty the registry does not know; a ref no source states (unless
``treatydiff resolve`` chose it from a text); a ref missing from an ingested text; a map
side written ``unresolved`` without a locator (or a locator on a numbered side).
Warnings: an ingested text whose article count differs from the sourced count; a ref
resolved from a text whose checksum is no longer the ingested one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from treatydiff.errors import MappingError, TreatydiffError
from treatydiff.families.dossier import try_load_dossier
from treatydiff.families.load import try_load_family
from treatydiff.families.model import Dossier, Family, Member
from treatydiff.mapping.refs import UNRESOLVED, lookup
from treatydiff.mapping.results import CheckResult, Problem
from treatydiff.mapping.yaml_source import read_document
from treatydiff.model import Treaty

__all__ = ["TextProvider", "check_dossier", "check_family", "check_map_locators", "ref_article"]

TextProvider = Callable[[str], Sequence[Treaty]]
"""``treaty id -> every ingested language version`` (empty when none is ingested)."""

_REF = re.compile(r"art-(\d+)(?:\.(\d+))?")


def ref_article(ref: str) -> tuple[str, str | None] | None:
    """``art-3.3`` → (``'3'``, ``'3'``); ``art-4`` → (``'4'``, None); other ids → None."""
    match = _REF.fullmatch(ref)
    return (match.group(1), match.group(2)) if match else None


def _stated(member: Member, dossier: Dossier) -> str | None:
    """Why the member's ref is not supported by the dossier's outline, or None when it is."""
    assert member.ref is not None
    parsed = ref_article(member.ref)
    if parsed is None:
        return None if member.ref == "preamble" else f"{member.ref!r} is not an article reference"
    article, paragraph = parsed
    items = [i for i in dossier.outline if i.article == article and i.confidence != "low"]
    if not items:
        return f"no source in {dossier.treaty}'s dossier states Article {article}"
    if paragraph is not None and not any(i.paragraph == paragraph for i in items):
        return f"no source in {dossier.treaty}'s dossier states Article {article}({paragraph})"
    return None


def check_family(
    family: Family, known: Iterable[str], dossiers: dict[str, Dossier], texts: TextProvider
) -> CheckResult:
    """Check one loaded family; ``known`` are the registry's treaty ids."""
    path = family.path
    known_ids = set(known)
    problems: list[Problem] = []
    checked: set[str] = set()
    for member in family.members:
        if member.treaty not in known_ids:
            problems.append(
                Problem(
                    path, member.line, "error", f"unknown treaty {member.treaty!r} (see `treatydiff list`)"
                )
            )
            continue
        dossier = dossiers.get(member.treaty)
        if member.ref is not None and dossier is not None and member.resolution is None:
            reason = _stated(member, dossier)
            if reason:
                problems.append(
                    Problem(
                        path,
                        member.ref_line or member.line,
                        "error",
                        f"{member.id}: {reason} (never guess a number: write a locator, "
                        "or let `treatydiff resolve` choose it from an ingested text)",
                    )
                )
        versions = texts(member.treaty)
        if versions:
            checked.add(member.treaty)
        problems += _against_texts(member, versions, path)
    for i, chain in enumerate(family.lineages):
        for treaty in chain:
            if not any(m.treaty == treaty for m in family.members):
                problems.append(
                    Problem(path, None, "warning", f"lineage {i + 1} names {treaty}, which has no member")
                )
    unchecked = tuple(sorted({m.treaty for m in family.members} - checked))
    return CheckResult(path, tuple(sorted(problems, key=lambda p: (p.line or 0, p.severity))), (), unchecked)


def _against_texts(member: Member, versions: Sequence[Treaty], path: str) -> list[Problem]:
    problems = []
    for treaty in versions:
        if member.ref is not None:
            line = member.ref_line or member.line
            try:
                lookup(member.ref, treaty.body, member.treaty, path, line)
            except MappingError as exc:
                problems.append(
                    Problem(path, line, "error", f"{member.id} ({treaty.lang} text): {exc.message}")
                )
        resolution = member.resolution
        stale = resolution and resolution.get("sha256") != treaty.provenance.sha256
        if stale and resolution and resolution.get("lang") == treaty.lang:
            problems.append(
                Problem(
                    path,
                    member.line,
                    "warning",
                    f"{member.id} was resolved against another {treaty.lang} text than the one ingested now "
                    "(run `treatydiff resolve` again)",
                )
            )
    return problems


def check_dossier(path: Path, expected_articles: int | None, texts: Sequence[Treaty]) -> CheckResult | None:
    """Schema problems of a manifest's dossier, and sourced facts an ingested text contradicts.

    None when the manifest has no dossier.
    """
    dossier, errors = try_load_dossier(path)
    if errors:
        return CheckResult(str(path), tuple(Problem.from_error(e) for e in errors))
    if dossier is None:
        return None
    problems = []
    for treaty in texts:
        found = len(treaty.body.articles())
        if expected_articles is not None and found != expected_articles:
            problems.append(
                Problem(
                    str(path),
                    None,
                    "warning",
                    f"the ingested {treaty.lang} text of {dossier.treaty} has {found} articles; "
                    f"the sources say {expected_articles} (check the text, or record a contradiction)",
                )
            )
    unchecked = () if texts else (dossier.treaty,)
    return CheckResult(str(path), tuple(problems), (), unchecked)


def check_map_locators(path: Path) -> list[Problem]:
    """Each side written ``unresolved`` has a locator, and no locator sits on a numbered side."""
    try:
        doc = read_document(path)
    except TreatydiffError:
        return []  # the map check reports it
    links = doc.data.get("links") if isinstance(doc.data, dict) else None
    problems = []
    for i, link in enumerate(links if isinstance(links, list) else []):
        if not isinstance(link, dict):
            continue
        given = link.get("locator")
        locator: dict[str, object] = given if isinstance(given, dict) else {}
        for side in ("left", "right"):
            unresolved = link.get(side) == UNRESOLVED
            if unresolved and side not in locator:
                problems.append(
                    Problem(
                        str(path),
                        doc.line(("links", i, side)),
                        "error",
                        f"{side} is 'unresolved' but the link has no locator.{side} (add topic and terms)",
                    )
                )
            if side in locator and not unresolved:
                problems.append(
                    Problem(
                        str(path),
                        doc.line(("links", i, "locator", side)),
                        "error",
                        f"locator.{side} is given but {side} is not 'unresolved' (remove one of them)",
                    )
                )
    return problems


def load_and_check_family(
    path: Path, known: Iterable[str], dossiers: dict[str, Dossier], texts: TextProvider
) -> CheckResult:
    """Load one family file and check it; a family that cannot be loaded gives its problems."""
    family, errors = try_load_family(path)
    if family is None:
        return CheckResult(str(path), tuple(Problem.from_error(e) for e in errors))
    return check_family(family, known, dossiers, texts)
