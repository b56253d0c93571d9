"""Frozen data types of dossiers, families and the family annex; the renderers read only these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from treatydiff.model import WordOp

__all__ = [
    "PROFILE_MODALITIES",
    "Annex",
    "Cell",
    "Contradiction",
    "Dossier",
    "Family",
    "FamilyView",
    "Locator",
    "Member",
    "MemberChange",
    "MemberRelation",
    "OutlineItem",
    "Profile",
    "TextVersion",
    "TimelineEntry",
    "TreatyRelation",
    "Version",
]

Confidence = Literal["high", "medium", "low"]
PROFILE_MODALITIES: tuple[str, ...] = (
    "obligation", "prohibition", "permission", "aspiration", "declaration", "absent",
)  # fmt: skip
"""The curated obligation profile's modalities (``absent``: a source says there is no such clause)."""


@dataclass(frozen=True)
class Version:
    """One sourced version of a fact: its value, where it is stated, how sure we are."""

    value: Any
    sources: tuple[str, ...]
    confidence: Confidence
    lang: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class OutlineItem:
    """A provision the sources describe: its number when a source states it, else None."""

    article: str | None
    paragraph: str | None
    subject: str
    topic: str
    summary: str
    sources: tuple[str, ...]
    confidence: Confidence
    note: str | None = None


@dataclass(frozen=True)
class TreatyRelation:
    """A relation to another treaty: replaces, replaced-by, terminates, cites …"""

    kind: str
    treaty: str | None
    """The other treaty's registry id, or None for one the registry does not hold."""
    summary: str
    sources: tuple[str, ...]
    confidence: Confidence
    note: str | None = None


@dataclass(frozen=True)
class Contradiction:
    """Sources that disagree on a fact: every version kept, with its sources."""

    id: str
    treaty: str
    field: str
    status: Literal["open", "variant", "settled"]
    summary: str
    versions: tuple[Version, ...]
    note: str | None = None


@dataclass(frozen=True)
class Dossier:
    """The sourced detail of one manifest."""

    treaty: str
    path: str
    facts: dict[str, tuple[Version, ...]]
    outline: tuple[OutlineItem, ...]
    relations: tuple[TreatyRelation, ...]
    contradictions: tuple[Contradiction, ...]
    open_questions: tuple[str, ...] = ()

    def articles_stated(self) -> set[str]:
        """Article numbers some source states (``'3'``; ranges such as ``'18-27'`` as written)."""
        return {item.article for item in self.outline if item.article is not None}


@dataclass(frozen=True)
class Locator:
    """How to find an unresolved member in a text: its topic and key terms per language."""

    topic: str
    terms: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Profile:
    """A curated obligation profile: modality, the action in a few words, bearer and trigger."""

    modality: str
    action: str
    bearer: str | None = None
    trigger: str | None = None


@dataclass(frozen=True)
class MemberRelation:
    """How a member relates to another member (``to``): the clause-map relation vocabulary."""

    to: str
    relation: str
    note: str | None = None


@dataclass(frozen=True)
class Member:
    """One treaty's provision in a family: resolved (``ref``), unresolved (``locator``) or absent."""

    id: str
    treaty: str
    summary: str
    evidence: tuple[str, ...]
    confidence: Confidence
    line: int | None
    """The line of the member's first key (``- treaty: …``)."""
    ref: str | None = None
    locator: Locator | None = None
    absent: bool = False
    profile: Profile | None = None
    relations: tuple[MemberRelation, ...] = ()
    note: str | None = None
    resolution: dict[str, Any] | None = None
    """How ``treatydiff resolve`` chose ``ref`` from a text (method, lang, sha256, score), if it did."""
    ref_line: int | None = None
    """The line of the ``ref:`` key itself: where a problem with the ref is reported."""

    @property
    def state(self) -> Literal["resolved", "unresolved", "absent"]:
        if self.absent:
            return "absent"
        return "resolved" if self.ref is not None else "unresolved"


@dataclass(frozen=True)
class Family:
    """An N-way clause map on one subject (``mappings/families/<name>.yaml``)."""

    path: str
    name: str
    title: str
    subject: str
    authors: tuple[str, ...]
    status: Literal["draft", "reviewed"]
    members: tuple[Member, ...]
    lineages: tuple[tuple[str, ...], ...] = ()
    date: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)


# --- the annex ------------------------------------------------------------------------


@dataclass(frozen=True)
class TextVersion:
    """An ingested language version of a member's provision, with its diff when it has one."""

    lang: str
    label: str
    text: str
    sha256: str
    file: str
    ops: tuple[WordOp, ...] = ()
    """Word diff against ``against`` (same language); empty when shown plain."""
    against: str | None = None
    """The member id the diff is computed against."""
    similarity: float | None = None
    obligations: tuple[str, ...] = ()
    """Obligation statements found in the text (modality: action), from treatydiff.obligations."""


@dataclass(frozen=True)
class MemberChange:
    """How the obligations changed from a related member to this one, by the obligations classifier."""

    against: str
    """The related member's id."""
    kinds: tuple[str, ...]
    """The classifier's change kinds, most important first (``reversed``, ``bearer-changed`` …)."""
    summary: str
    """One line: "reversed: must … → must not …; bearer changed: Russia → the other party"."""

    @property
    def changed(self) -> bool:
        return self.kinds != ("unchanged",)


@dataclass(frozen=True)
class Cell:
    """One member as the annex shows it."""

    member: Member
    title: str
    signed: str | None
    label: str
    """The provision's label ("Article 3(3)"), or what is known of it."""
    origin: Literal["text", "sources"]
    """Whether the content comes from an ingested text or from sourced summaries."""
    texts: tuple[TextVersion, ...] = ()
    profile: str = ""
    """The obligation profile as one line."""
    profile_origin: Literal["text", "curated", "none"] = "none"
    neighbours: tuple[tuple[str, str, str], ...] = ()
    """(member id, relation, note) for each related member."""
    changes: tuple[MemberChange, ...] = ()
    """The obligation changes against each related member (those it names, its lineage's earlier ones)."""
    ingest_hint: str | None = None
    """The command that would load the text, when none is ingested."""
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def profile_change(self) -> str | None:
        """The changes as one line, "… (against X); … (against Y)"; None when there is none."""
        if not self.changes:
            return None
        return "; ".join(f"{c.summary} (against {c.against})" for c in self.changes)


@dataclass(frozen=True)
class FamilyView:
    """One family: its cells in date order and the contradictions its members touch."""

    family: Family
    cells: tuple[Cell, ...]
    contradictions: tuple[Contradiction, ...]


@dataclass(frozen=True)
class TimelineEntry:
    """A treaty on the timeline."""

    treaty: str
    title: str
    signed: str | None
    in_force: str | None
    relations: tuple[TreatyRelation, ...]
    disputed: tuple[str, ...] = ()
    """Contradiction ids touching its dates."""


@dataclass(frozen=True)
class Annex:
    """Everything ``treatydiff annex`` renders."""

    families: tuple[FamilyView, ...]
    timeline: tuple[TimelineEntry, ...]
    contradictions: tuple[Contradiction, ...]
    generated_at: str
    tool_version: str
    hooks: tuple[str, ...] = ()
    """Analyses not available in this installation (e.g. obligations), said in the annex."""
