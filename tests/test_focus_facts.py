"""Everything the repository says about the eight focus treaties is sourced from the project's
fact sheet (``../shared/treaties/facts.yaml``): every fact, member and manifest field cites a
source, and no article number appears that the fact sheet does not give."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from treatydiff.corpus import parse_manifest
from treatydiff.families.check import ref_article
from treatydiff.families.dossier import load_dossier
from treatydiff.families.load import family_paths, load_family
from treatydiff.families.model import Dossier
from treatydiff.mapping import load_map

ROOT = Path(__file__).resolve().parents[1]
FOCUS = (
    "ir-ru-1921",
    "ir-ru-2001",
    "ir-ru-2025",
    "su-kp-1961",
    "ru-kp-2000",
    "ru-kp-2024",
    "ru-by-1999",
    "ru-by-2024",
)
FACTS = Path(os.environ.get("TREATYDIFF_FACTS", ROOT.parent / "shared" / "treaties" / "facts.yaml"))
NOTES = "../shared/treaties/facts-notes.md"
PAIR_MAPS = ("ir-ru-2001_ir-ru-2025.yaml", "ru-kp-2000_ru-kp-2024.yaml")


def _source_text(source: Any) -> str:
    # facts.yaml writes one reference with an unquoted ': ', which YAML reads as a mapping
    return source if isinstance(source, str) else "; ".join(f"{k}: {v}" for k, v in source.items())


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    if not FACTS.is_file():
        pytest.skip(f"the fact sheet is not at {FACTS} (set TREATYDIFF_FACTS)")
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _sources_of(facts: dict[str, Any], treaty: str) -> set[str]:
    found = set()
    for field in facts[treaty].values():
        for item in field if isinstance(field, list) else ():
            if isinstance(item, dict):
                found.update(_source_text(s) for s in item.get("source", ()))
    return found


def _numbers(facts: dict[str, Any], treaty: str) -> set[tuple[str, str | None]]:
    """(article, paragraph) pairs the fact sheet states, with a real source and not low confidence."""
    return {
        (str(f["article"]), None if f["paragraph"] is None else str(f["paragraph"]))
        for f in facts[treaty]["facts"]
        if f["article"] is not None
        and f["confidence"] != "low"
        and not any(_source_text(s).startswith("unsourced") for s in f["source"])
    }


def _dossier(treaty: str) -> Dossier:
    dossier = load_dossier(ROOT / "texts" / f"{treaty}.yaml")
    assert dossier is not None, treaty
    return dossier


@pytest.mark.parametrize("treaty", FOCUS)
def test_every_dossier_fact_cites_the_fact_sheet(facts: dict[str, Any], treaty: str) -> None:
    known = _sources_of(facts, treaty)
    dossier = _dossier(treaty)
    cited = [s for versions in dossier.facts.values() for v in versions for s in v.sources]
    cited += [s for item in dossier.outline for s in item.sources]
    cited += [s for relation in dossier.relations for s in relation.sources]
    everywhere = set().union(*(_sources_of(facts, t) for t in FOCUS))
    for contradiction in dossier.contradictions:
        for version in contradiction.versions:
            assert version.sources, contradiction.id
            for source in version.sources:
                assert source in everywhere or source.startswith(NOTES), (contradiction.id, source)
    assert cited
    unknown = sorted(set(cited) - known)
    assert not unknown, f"{treaty}: sources the fact sheet does not give: {unknown}"


@pytest.mark.parametrize("treaty", FOCUS)
def test_outline_numbers_are_those_of_the_fact_sheet(facts: dict[str, Any], treaty: str) -> None:
    given = {(str(f["article"]), f["paragraph"]) for f in facts[treaty]["facts"] if f["article"] is not None}
    for item in _dossier(treaty).outline:
        if item.article is not None:
            assert (item.article, item.paragraph) in given, (treaty, item.article, item.paragraph)
    stated = sum(1 for f in facts[treaty]["facts"] if f["article"] is None)
    assert sum(1 for item in _dossier(treaty).outline if item.article is None) == stated


@pytest.mark.parametrize("treaty", FOCUS)
def test_core_manifest_fields_are_sourced_versions(facts: dict[str, Any], treaty: str) -> None:
    meta = parse_manifest(ROOT / "texts" / f"{treaty}.yaml")
    dossier = _dossier(treaty)
    titles = dossier.facts["official_title"]
    for lang, title in meta.titles.items():
        assert any(v.lang == lang and str(v.value).startswith(title) for v in titles), (lang, title)
    signatures = [v.value for v in dossier.facts["signature"] if isinstance(v.value, dict)]
    assert any(
        s["date"] == meta.signed_date and str(s["place"]).startswith(meta.signed_place or "")
        for s in signatures
    )
    if meta.in_force_date:
        assert any(meta.in_force_date in str(v.value) for v in dossier.facts["entry_into_force"])
    if meta.languages:
        assert [list(v.value) for v in dossier.facts["languages"]] == [list(meta.languages)]
    else:
        assert dossier.facts["languages"] == ()
    if meta.expected_articles is not None:
        (count,) = dossier.facts["article_count"]
        assert count.value == meta.expected_articles and count.confidence != "low" and count.sources
    parties = [v.value for v in dossier.facts["parties"]]
    assert parties and len(meta.parties) == len(parties[0])


def test_family_members_cite_sources_and_only_stated_numbers(facts: dict[str, Any]) -> None:
    paths = family_paths(ROOT / "mappings" / "families")
    assert len(paths) >= 10
    for path in paths:
        for member in load_family(path).members:
            where = f"{path.name}: {member.id}"
            assert member.evidence and member.summary, where
            assert set(member.evidence) <= _sources_of(facts, member.treaty), where
            if member.ref is not None:
                number = ref_article(member.ref)
                assert number is not None, where
                assert number in _numbers(facts, member.treaty) or (
                    number[1] is None and any(a == number[0] for a, _ in _numbers(facts, member.treaty))
                ), f"{where}: {member.ref} is not stated by the fact sheet"


@pytest.mark.parametrize("name", PAIR_MAPS)
def test_pairwise_maps_cite_sources_and_only_stated_numbers(facts: dict[str, Any], name: str) -> None:
    clause_map = load_map(ROOT / "mappings" / name)
    left, right = clause_map.treaties
    sources = _sources_of(facts, left) | _sources_of(facts, right)
    for link in clause_map.links:
        assert link.evidence and set(link.evidence) <= sources, link.line
        for treaty, refs in ((left, link.left), (right, link.right)):
            for ref in refs:
                if ref in ("unresolved", "preamble"):
                    continue
                first = ref.split("..")[0]
                number = ref_article(first)
                assert number is not None, (link.line, ref)
                if ".." in ref:
                    last = ref_article(ref.split("..")[1])
                    assert last is not None
                    assert (f"{number[0]}-{last[0]}", None) in _numbers(facts, treaty), (link.line, ref)
                else:
                    assert number in _numbers(facts, treaty) or (
                        number[1] is None and any(a == number[0] for a, _ in _numbers(facts, treaty))
                    ), (link.line, ref)
