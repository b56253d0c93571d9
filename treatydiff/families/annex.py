"""The report model of ``treatydiff family`` and ``treatydiff annex``: cells, diffs, profiles, timeline.

A cell shows an ingested text when there is one (its checksum says which), with the
word diff against the previous member in the same language; otherwise the sourced
summary with its confidence and the command that would load the text. Obligation
profiles come from ``treatydiff.obligations`` where a text is ingested, else from the
curated profile of the family file; changes between members, from texts or curated
profiles alike, are classified by ``treatydiff.obligations.changes`` (modality,
polarity, bearer, condition), never by a second set of rules here.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import ModuleType
from typing import Literal, cast

from treatydiff import __version__
from treatydiff.diff import diff_texts
from treatydiff.errors import TreatydiffError
from treatydiff.families.model import (
    Annex,
    Cell,
    Contradiction,
    Family,
    FamilyView,
    Member,
    MemberChange,
    Profile,
    TextVersion,
    TimelineEntry,
)
from treatydiff.families.workspace import Workspace
from treatydiff.model import Provision, Treaty, TreatyMeta, WordOp
from treatydiff.obligations.changes import analyse_side, compare_obligations
from treatydiff.obligations.types import MODALITIES, Bearer, Modality, ProvisionObligations, Statement

__all__ = [
    "OBLIGATIONS_HOOK",
    "build_annex",
    "build_family_view",
    "curated_obligations",
    "obligations_module",
]

OBLIGATIONS_HOOK = "treatydiff.obligations"
"""The obligation analysis (issue 10); used when importable, else curated profiles are shown."""
_CONTENT_FIELDS = ("facts", "outline")
_DATE_FIELDS = ("signature", "entry_into_force", "duration_termination", "ratification")


def obligations_module() -> ModuleType | None:
    """``treatydiff.obligations`` if this installation has it."""
    try:
        return importlib.import_module(OBLIGATIONS_HOOK)
    except ImportError:
        return None


def _label(ref: str) -> str:
    """``art-3.3`` → "Article 3(3)", as far as the id says."""
    parts = ref.split(".")
    head = parts[0]
    if head.startswith("art-"):
        return f"Article {head[4:]}" + "".join(f"({p})" for p in parts[1:])
    return ref


def _provision(treaty: Treaty, ref: str) -> Provision | None:
    return treaty.body.index.get(ref)


def _analyse(module: ModuleType | None, provision: Provision, lang: str) -> ProvisionObligations | None:
    """The provision's obligations (its leaves, points inheriting their chapeau), or None when none run."""
    if module is None:
        return None
    try:
        results = analyse_side([provision], lang)
    except TreatydiffError:
        return None  # no vocabulary for this language
    statements = tuple(s for result in results for s in result.statements)
    return ProvisionObligations(provision.id, lang, statements)


# Curated bearers are the project's words ("each party", "Russia"); the classifier compares
# the obligations package's bearer kinds, so the words are read into those kinds here.
_BEARERS: dict[str, Bearer] = {
    "each party": "parties",
    "both parties": "parties",
    "the parties": "parties",
    "the other party": "other-party",
}


# The modal a curated profile reads with: its action carries any negation ("give the
# aggressor no aid"), so a prohibition reads "must …" and the kind says it is a duty not to act.
_CURATED_MODALS = {
    "obligation": "must",
    "prohibition": "must",
    "permission": "may",
    "aspiration": "should",
    "declaration": "declares",
}


def curated_obligations(member_id: str, profile: Profile) -> ProvisionObligations:
    """A curated profile as the obligation classifier reads a text's statements.

    ``absent`` is a provision with no statement; the rule names the member, so two
    members' curated triggers (independent paraphrases) are compared by kind, not wording.
    """
    if profile.modality not in MODALITIES:
        return ProvisionObligations(member_id, "curated", ())
    rule = f"curated({member_id})"  # the classifier reads the language from the rule's head
    bearer_text = profile.bearer or None
    bearer: Bearer = (
        "none" if bearer_text is None else _BEARERS.get(bearer_text.strip().lower(), "named-party")
    )
    statement = Statement(
        modality=cast(Modality, profile.modality),
        rule=f"{rule}.{profile.modality}",
        span=(0, 0),
        modal=_CURATED_MODALS[profile.modality],
        bearer=bearer,
        bearer_text=bearer_text,
        condition=profile.trigger,
        condition_rule=f"{rule}.when" if profile.trigger else None,
        action=profile.action,
    )
    return ProvisionObligations(member_id, "curated", (statement,))


def _profile_line(profile: Profile | None) -> str:
    if profile is None:
        return ""
    parts = [f"{profile.modality}: {profile.action}"]
    if profile.bearer:
        parts.append(f"bearer: {profile.bearer}")
    if profile.trigger:
        parts.append(f"when: {profile.trigger}")
    return "; ".join(parts)


def _ordered(family: Family, workspace: Workspace) -> list[Member]:
    manifests = workspace.registry.manifests()

    def key(item: tuple[int, Member]) -> tuple[str, int]:
        meta = manifests.get(item[1].treaty)
        return (meta.signed_date or "9999") if meta else "9999", item[0]

    return [member for _, member in sorted(enumerate(family.members), key=key)]


def _related(family: Family, member: Member) -> list[str]:
    """Members this one is compared with: those it names, then its lineage predecessor's."""
    named = [r.to for r in member.relations]
    for chain in family.lineages:
        if member.treaty in chain:
            index = chain.index(member.treaty)
            for earlier in reversed(chain[:index]):
                named += [m.id for m in family.members if m.treaty == earlier and m.id not in named]
    return named


def _earlier(family: Family, other_id: str, member: Member, manifests: Mapping[str, TreatyMeta]) -> bool:
    """True when the member ``other_id`` belongs to a treaty signed before ``member``'s."""
    other = family.member(other_id)
    if other is None:
        return False
    mine, theirs = manifests.get(member.treaty), manifests.get(other.treaty)
    if mine is None or theirs is None or not mine.signed_date or not theirs.signed_date:
        return False
    return theirs.signed_date < mine.signed_date


def build_family_view(workspace: Workspace, family: Family, module: ModuleType | None = None) -> FamilyView:
    """One family with its cells in date order (``module``: the obligation analysis, if any)."""
    manifests = workspace.registry.manifests()
    members = _ordered(family, workspace)
    texts: dict[str, list[tuple[Treaty, Provision]]] = {}
    for member in members:
        found = []
        if member.ref is not None:
            for treaty in workspace.texts(member.treaty):
                provision = _provision(treaty, member.ref)
                if provision is not None:
                    found.append((treaty, provision))
        texts[member.id] = found
    sides: dict[str, ProvisionObligations] = {}
    cells = []
    for member in members:
        meta = manifests.get(member.treaty)
        versions = []
        analysed: ProvisionObligations | None = None
        for treaty, provision in texts[member.id]:
            ops: tuple[WordOp, ...] = ()
            against: str | None = None
            similarity: float | None = None
            for other_id in _related(family, member):
                if not _earlier(family, other_id, member, manifests):
                    continue  # changes are shown against a previous member only
                previous = next((p for t, p in texts.get(other_id, ()) if t.lang == treaty.lang), None)
                if previous is not None:
                    diff = diff_texts(previous.text, provision.text)
                    ops, against, similarity = diff.ops, other_id, diff.similarity
                    break
            analysis = _analyse(module, provision, treaty.lang)
            if analysis is not None and analysed is None:
                analysed = analysis
            versions.append(
                TextVersion(
                    lang=treaty.lang,
                    label=provision.label,
                    text=provision.text,
                    sha256=treaty.provenance.sha256,
                    file=treaty.provenance.file,
                    ops=ops,
                    against=against,
                    similarity=similarity,
                    obligations=tuple(f"{s.modality}: {s.action or s.modal}" for s in analysis.statements)
                    if analysis
                    else (),
                )
            )
        origin: Literal["text", "curated", "none"]
        if analysed is not None:
            sides[member.id] = analysed
            profile, origin = f"{analysed.modality} (from the {analysed.lang} text)", "text"
        elif member.profile:
            sides[member.id] = curated_obligations(member.id, member.profile)
            profile, origin = _profile_line(member.profile), "curated"
        else:
            profile, origin = "", "none"
        neighbours = [(r.to, r.relation, r.note or "") for r in member.relations]
        named = {r.to for r in member.relations}
        neighbours += [
            (other.id, f"{r.relation} (as {other.id} sees it)", r.note or "")
            for other in family.members
            for r in other.relations
            if r.to == member.id and other.id not in named
        ]
        label = (
            versions[0].label
            if versions
            else _label(member.ref)
            if member.ref
            else (
                "no such provision, by the sources" if member.absent else "article not stated by any source"
            )
        )
        languages = meta.languages if meta else ()
        cells.append(
            Cell(
                member=member,
                title=meta.title("en") if meta else member.treaty,
                signed=meta.signed_date if meta else None,
                label=label,
                origin="text" if versions else "sources",
                texts=tuple(versions),
                profile=profile,
                profile_origin=origin,
                neighbours=tuple(neighbours),
                ingest_hint=None
                if versions
                else f"treatydiff ingest {member.treaty} FILE --lang {languages[0] if languages else 'LANG'}",
            )
        )
    cells = [_with_change(cell, family, sides) for cell in cells]
    treaties = {m.treaty for m in family.members}
    contradictions = tuple(
        c
        for treaty, dossier in sorted(workspace.dossiers().items())
        if treaty in treaties
        for c in dossier.contradictions
        if c.field in _CONTENT_FIELDS and c.status != "settled"
    )
    return FamilyView(family, tuple(cells), contradictions)


def _with_change(cell: Cell, family: Family, sides: Mapping[str, ProvisionObligations]) -> Cell:
    """The obligation changes against every related member, by the obligations classifier.

    One line each, "reversed: … → … (against X)"; a member with neither an analysed text
    nor a curated profile is not compared.
    """
    changes = []
    mine = sides.get(cell.member.id)
    for other in dict.fromkeys(_related(family, cell.member)):
        theirs = sides.get(other)
        if mine is not None and theirs is not None:
            change = compare_obligations([theirs], [mine])
            changes.append(MemberChange(other, tuple(change.kinds), change.summary))
    return replace(cell, changes=tuple(changes)) if changes else cell


def _timeline(workspace: Workspace) -> list[TimelineEntry]:
    manifests = workspace.registry.manifests()
    entries = []
    for treaty, dossier in workspace.dossiers().items():
        meta = manifests[treaty]
        entries.append(
            TimelineEntry(
                treaty=treaty,
                title=meta.title("en"),
                signed=meta.signed_date,
                in_force=meta.in_force_date,
                relations=dossier.relations,
                disputed=tuple(c.id for c in dossier.contradictions if c.field in _DATE_FIELDS),
            )
        )
    return sorted(entries, key=lambda e: e.signed or "9999")


def build_annex(
    workspace: Workspace, families: Sequence[Family], *, generated_at: str | None = None
) -> Annex:
    """The annex of ``families``: timeline of the dossier treaties, one view per family, contradictions."""
    module = obligations_module()
    views = tuple(build_family_view(workspace, family, module) for family in families)
    contradictions: list[Contradiction] = [
        c for _, d in sorted(workspace.dossiers().items()) for c in d.contradictions if c.status != "settled"
    ]
    hooks = (
        ()
        if module is not None
        else (
            "obligation analysis (treatydiff.obligations) is not installed: "
            "profiles come from the curated summaries",
        )
    )
    return Annex(
        families=views,
        timeline=tuple(_timeline(workspace)),
        contradictions=tuple(contradictions),
        generated_at=generated_at or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        tool_version=__version__,
        hooks=hooks,
    )
