"""Propose provisions for unresolved members (families) and sides (clause maps) from ingested texts.

Two kinds of evidence, each with a score in 0..1:

- **terms**: the locator's key terms in the text's language, matched as case-folded
  stems; the score is the share of term words found, and of two provisions that match
  equally the smaller (a paragraph inside the article) is preferred;
- **alignment** (when ``treatydiff.align`` is installed — a hook, imported only if
  present): the aligner's links from the provisions of resolved counterparts (in any
  language) to the unresolved treaty's text.

Nothing is written here: :mod:`treatydiff.families.write` writes an accepted choice.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from treatydiff.families.load import load_family
from treatydiff.families.model import Family, Locator
from treatydiff.families.workspace import Workspace, is_family_file
from treatydiff.mapping import load_map
from treatydiff.mapping.refs import UNRESOLVED
from treatydiff.mapping.yaml_source import read_document
from treatydiff.model import Provision, Treaty

__all__ = ["ALIGN_HOOK", "Gap", "Proposal", "align_module", "find_gaps", "rank_by_terms"]

ALIGN_HOOK = "treatydiff.align"
"""Automatic alignment (issue 9); used when importable."""
_KINDS = ("article", "paragraph", "point", "recital")


@dataclass(frozen=True)
class Proposal:
    """A provision proposed for a gap, with its score and why."""

    lang: str
    provision: str
    label: str
    score: float
    method: str
    evidence: tuple[str, ...]
    sha256: str
    excerpt: str


@dataclass(frozen=True)
class Gap:
    """One unresolved member or map side, and what the ingested texts propose for it."""

    where: tuple[str | int, ...]
    name: str
    """How the report names it: the member id, or "link 3 left"."""
    treaty: str
    locator: Locator | None
    counterparts: tuple[tuple[str, str], ...]
    """Resolved (treaty, ref) the gap corresponds to, for alignment."""
    proposals: tuple[Proposal, ...] = ()
    texts: tuple[str, ...] = ()
    """Languages of the treaty's ingested texts (empty: nothing to resolve against yet)."""


def align_module() -> ModuleType | None:
    """``treatydiff.align`` if this installation has it."""
    try:
        return importlib.import_module(ALIGN_HOOK)
    except ImportError:
        return None


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("ё", "е").split())


def _term_pattern(term: str) -> re.Pattern[str]:
    """A term's words as stems at word starts, in order, at most three words apart."""
    stems = [rf"(?<!\w){re.escape(word)}" for word in _fold(term).split()]
    return re.compile(r"\w*(?:\W+\w+){0,3}?\W+".join(stems))


def _candidates(treaty: Treaty) -> list[tuple[Provision, int]]:
    """Articles, paragraphs and points with their depth (deeper is smaller)."""
    found = []

    def visit(nodes: Iterable[Provision], depth: int) -> None:
        for node in nodes:
            if node.kind in _KINDS:
                found.append((node, depth))
            visit(node.children, depth + 1)

    visit(treaty.body.provisions, 0)
    return found


def rank_by_terms(treaty: Treaty, locator: Locator, limit: int = 3) -> list[Proposal]:
    """The provisions of ``treaty`` that best match the locator's terms in its language."""
    terms = locator.terms.get(treaty.lang, ())
    if not terms:
        return []
    weights = {term: len(term.split()) for term in terms}
    total = sum(weights.values())
    patterns = {term: _term_pattern(term) for term in terms}
    scored = []
    for provision, depth in _candidates(treaty):
        text = _fold(provision.text)
        hits = [term for term, pattern in patterns.items() if pattern.search(text)]
        if hits:
            score = sum(weights[t] for t in hits) / total
            scored.append((score, depth, -len(text), provision, hits))
    scored.sort(key=lambda item: (item[0], item[1], item[2]), reverse=True)
    proposals: list[Proposal] = []
    for score, _depth, _size, provision, hits in scored:
        if any(
            p.provision.startswith(provision.id + ".") or provision.id.startswith(p.provision + ".")
            for p in proposals
        ):
            continue  # one proposal per place: the paragraph, not also its article
        proposals.append(
            Proposal(
                lang=treaty.lang,
                provision=provision.id,
                label=provision.label,
                score=round(score, 3),
                method="terms",
                evidence=tuple(f"term {t!r}" for t in hits),
                sha256=treaty.provenance.sha256,
                excerpt=" ".join(provision.text.split())[:160],
            )
        )
        if len(proposals) == limit:
            break
    return proposals


def _by_alignment(
    module: ModuleType | None, treaty: Treaty, counterparts: Sequence[tuple[str, str]], workspace: Workspace
) -> list[Proposal]:
    """Proposals from the aligner: where it links a counterpart's provision into ``treaty``."""
    if module is None:
        return []
    found: list[Proposal] = []
    for other_id, ref in counterparts:
        for other in workspace.texts(other_id):
            if ref not in other.body.index:
                continue
            alignment = module.align_bodies(
                other.body, treaty.body, left_id=other_id, right_id=treaty.meta.id
            )
            for suggestion in alignment.suggestions:
                touches = any(
                    x == ref or x.startswith(ref + ".") or ref.startswith(x + ".") for x in suggestion.left
                )
                for target in suggestion.right if touches else ():
                    provision = treaty.body.index.get(target)
                    if provision is None:
                        continue
                    found.append(
                        Proposal(
                            lang=treaty.lang,
                            provision=target,
                            label=provision.label,
                            score=round(float(suggestion.score), 3),
                            method="alignment",
                            evidence=(f"aligned with {other_id}:{ref} ({other.lang})", *suggestion.reasons),
                            sha256=treaty.provenance.sha256,
                            excerpt=" ".join(provision.text.split())[:160],
                        )
                    )
    return found


def _combine(proposals: list[Proposal], limit: int = 3) -> tuple[Proposal, ...]:
    """Merge proposals of the same provision: scores add up to at most 1, methods and evidence join."""
    merged: dict[tuple[str, str], Proposal] = {}
    for proposal in proposals:
        key = (proposal.lang, proposal.provision)
        if key in merged:
            first = merged[key]
            methods = "+".join(sorted({*first.method.split("+"), *proposal.method.split("+")}, reverse=True))
            score = min(1.0, round(max(first.score, proposal.score) + 0.1, 3))  # two kinds of evidence agree
            merged[key] = Proposal(
                first.lang, first.provision, first.label, score,
                methods, (*first.evidence, *proposal.evidence), first.sha256, first.excerpt,
            )  # fmt: skip
        else:
            merged[key] = proposal
    return tuple(sorted(merged.values(), key=lambda p: p.score, reverse=True)[:limit])


def _proposals(workspace: Workspace, gap: Gap, module: ModuleType | None) -> Gap:
    texts = workspace.texts(gap.treaty)
    found: list[Proposal] = []
    for treaty in texts:
        if gap.locator is not None:
            found += rank_by_terms(treaty, gap.locator)
        found += _by_alignment(module, treaty, gap.counterparts, workspace)
    return Gap(gap.where, gap.name, gap.treaty, gap.locator, gap.counterparts, _combine(found),
               tuple(t.lang for t in texts))  # fmt: skip


def _family_gaps(family: Family) -> list[Gap]:
    gaps = []
    for index, member in enumerate(family.members):
        if member.state != "unresolved":
            continue
        related = {r.to for r in member.relations} | {
            other.id for other in family.members for r in other.relations if r.to == member.id
        }
        counterparts = tuple(
            (other.treaty, other.ref)
            for other in family.members
            if other.ref is not None and other.id in related and other.treaty != member.treaty
        )
        gaps.append(Gap(("members", index), member.id, member.treaty, member.locator, counterparts))
    return gaps


def _map_gaps(path: Path) -> list[Gap]:
    clause_map = load_map(path)
    doc = read_document(path)
    gaps = []
    for index, (link, raw) in enumerate(zip(clause_map.links, doc.data["links"], strict=True)):
        assert link.between is not None
        sides = {"left": (link.between[0], link.left, link.between[1], link.right),
                 "right": (link.between[1], link.right, link.between[0], link.left)}  # fmt: skip
        for side, (treaty, refs, other, other_refs) in sides.items():
            if refs != (UNRESOLVED,):
                continue
            spec = (raw.get("locator") or {}).get(side)
            locator = (
                Locator(spec["topic"], {k: tuple(v) for k, v in spec["terms"].items()}) if spec else None
            )
            counterparts = tuple(
                (other.split("@")[0], r) for r in other_refs if r != UNRESOLVED and ".." not in r
            )
            gaps.append(
                Gap(
                    ("links", index, side),
                    f"link {index + 1} {side}",
                    treaty.split("@")[0],
                    locator,
                    counterparts,
                )
            )
    return gaps


def find_gaps(workspace: Workspace, target: str) -> tuple[Path, list[Gap]]:
    """The file ``target`` names (family name or file, or clause-map file) and its gaps, with proposals."""
    path = Path(target)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        gaps = _family_gaps(load_family(path)) if is_family_file(path) else _map_gaps(path)
    else:
        family = workspace.family(target)
        path, gaps = Path(family.path), _family_gaps(family)
    module = align_module()
    return path, [_proposals(workspace, gap, module) for gap in gaps]
