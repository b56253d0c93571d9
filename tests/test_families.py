"""Clause families and dossiers: loading with file:line errors, and `treatydiff check` on them.

The family and texts here are synthetic, written for these tests (treaties xa-1990 and
xa-2020 do not exist)."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.cli import main
from treatydiff.corpus import Registry
from treatydiff.errors import MappingError
from treatydiff.families.load import load_family
from treatydiff.families.workspace import Workspace
from treatydiff.store import Store

ROOT = Path(__file__).resolve().parents[1]

MANIFEST = """id: {id}
titles: {{en: Synthetic treaty {id}}}
languages: [en]
expected: {{articles: 2}}
dossier:
  format: 1
  facts: {{}}
  outline:
  - article: '1'
    paragraph: null
    subject: mutual_military_assistance
    topic: Assistance
    summary: Synthetic summary.
    sources: [Synthetic source 2026]
    confidence: high
  relations: []
  contradictions: []
"""

FAMILY = """treatydiff-family: 1
name: assistance
title: Synthetic assistance family
subject: mutual_military_assistance
authors: [Tester]
status: draft
lineages: [[xa-1990, xa-2020]]
members:
- treaty: xa-1990
  ref: art-1
  summary: Synthetic summary one.
  evidence: [Synthetic source 2026]
  confidence: high
- treaty: xa-2020
  locator: {{topic: help when attacked, terms: {{en: [assistance, attack]}}}}
  summary: Synthetic summary two.
  relations: [{{to: {target}, relation: reworded}}]
  evidence: [Synthetic source 2026]
  confidence: medium
"""

# synthetic: two short articles written for these tests
TEXT = """Synthetic Treaty

Article 1
Each Party shall render assistance to the other if it is attacked.

Article 2
This Treaty enters into force on signature.
"""


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    texts = tmp_path / "texts"
    texts.mkdir()
    for treaty in ("xa-1990", "xa-2020"):
        (texts / f"{treaty}.yaml").write_text(MANIFEST.format(id=treaty), encoding="utf-8")
    families = tmp_path / "families"
    families.mkdir()
    (families / "assistance.yaml").write_text(FAMILY.format(target="xa-1990"), encoding="utf-8")
    return texts, families, tmp_path / "store"


def _workspace(setup: tuple[Path, Path, Path]) -> Workspace:
    texts, families, store = setup
    return Workspace(Registry(texts_dir=texts, store=Store(store)), families)


def test_a_valid_family_loads_and_checks_clean(setup: tuple[Path, Path, Path]) -> None:
    family = load_family(setup[1] / "assistance.yaml")
    assert [m.state for m in family.members] == ["resolved", "unresolved"]
    assert family.members[1].locator and family.members[1].locator.terms["en"] == ("assistance", "attack")
    (result,) = _workspace(setup).check_families()
    assert result.ok and not result.warnings and result.unchecked == ("xa-1990", "xa-2020")


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (
            ("  ref: art-1\n", "  ref: art-1\n  absent: true\n"),
            9,
            "exactly one of 'ref', 'locator' or 'absent'",
        ),
        (("to: xa-1990", "to: xa-1999"), 17, "names 'xa-1999', which is not another member"),
        (("  summary: Synthetic summary one.\n", "  summry: x\n  summary: y\n"), 11, "unknown key 'summry'"),
        (("name: assistance", "name: help"), 2, "does not match the file name"),
        (("relation: reworded", "relation: similar"), 17, "unknown relation 'similar'"),
    ],
)
def test_family_errors_name_file_and_line(
    setup: tuple[Path, Path, Path], change: tuple[str, str], line: int, message: str
) -> None:
    path = setup[1] / "assistance.yaml"
    path.write_text(FAMILY.format(target="xa-1990").replace(*change), encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_family(path)
    assert message in str(caught.value)
    assert caught.value.line == line and caught.value.file == str(path)


def _ref_last(family: str, ref: str) -> str:
    """The first member with its `ref:` moved to its last line (line 13), below `- treaty:` (line 9)."""
    family = family.replace("  ref: art-1\n", "")
    return family.replace("  confidence: high\n", f"  confidence: high\n  ref: {ref}\n", 1)


def test_a_number_no_source_states_is_an_error_at_the_ref_line(setup: tuple[Path, Path, Path]) -> None:
    path = setup[1] / "assistance.yaml"
    path.write_text(_ref_last(FAMILY.format(target="xa-1990"), "art-2"), encoding="utf-8")
    assert path.read_text(encoding="utf-8").splitlines()[12] == "  ref: art-2"
    (result,) = _workspace(setup).check_families()
    (error,) = result.errors
    assert error.line == 13 and "no source in xa-1990's dossier states Article 2" in error.message


def test_a_ref_the_ingested_text_lacks_is_an_error_at_the_ref_line(
    setup: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    path = setup[1] / "assistance.yaml"
    path.write_text(_ref_last(FAMILY.format(target="xa-1990"), "art-1"), encoding="utf-8")
    workspace = _workspace(setup)
    source = tmp_path / "xa-1990.txt"  # synthetic: Article 1 renumbered, so art-1 is not in the text
    source.write_text(TEXT.replace("Article 1\n", "Article 3\n"), "utf-8")
    workspace.registry.ingest("xa-1990", source, lang="en")
    (result,) = workspace.check_families()
    (error,) = result.errors
    assert error.line == 13 and error.message.startswith("xa-1990 (en text): "), error.message


def test_refs_are_checked_against_ingested_texts_and_counts_against_the_sources(
    setup: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    workspace = _workspace(setup)
    source = tmp_path / "xa-1990.txt"
    source.write_text(TEXT.replace("Article 2\nThis Treaty enters into force on signature.\n", ""), "utf-8")
    workspace.registry.ingest("xa-1990", source, lang="en")
    (result,) = workspace.check_families()
    assert result.ok and result.unchecked == ("xa-2020",)
    dossiers = {r.path: r for r in workspace.check_dossiers()}
    (warning,) = dossiers[str(setup[0] / "xa-1990.yaml")].warnings
    assert "has 1 articles; the sources say 2" in warning.message


def test_a_dossier_without_sources_is_an_error_at_its_line(setup: tuple[Path, Path, Path]) -> None:
    path = setup[0] / "xa-1990.yaml"
    path.write_text(
        MANIFEST.format(id="xa-1990").replace("    sources: [Synthetic source 2026]\n", ""), "utf-8"
    )
    results = {r.path: r for r in _workspace(setup).check_dossiers()}
    (error,) = results[str(path)].errors
    assert error.line == 9 and "'sources' is a required property" in error.message


def test_an_unresolved_map_side_needs_a_locator(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clause_map = tmp_path / "map.yaml"
    clause_map.write_text(
        "treatydiff-map: 1\ntitle: t\ntreaties: [un-charter, tota:420]\nauthors: [a]\nstatus: draft\nlinks:\n"
        "  - left: unresolved\n    right: art-1\n    relation: reworded\n",
        encoding="utf-8",
    )
    code = main(["check", str(clause_map), "--store", str(tmp_path / "s"), "--tota-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{clause_map}:7: error: left is 'unresolved' but the link has no locator.left" in out


def test_check_covers_the_shipped_focus_maps_families_and_dossiers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mappings = ROOT / "mappings"
    files = [mappings / "ir-ru-2001_ir-ru-2025.yaml", mappings / "ru-kp-2000_ru-kp-2024.yaml"]
    files += sorted((mappings / "families").glob("*.yaml"))
    code = main(["check", *map(str, files), "--store", str(tmp_path / "store")])
    out = capsys.readouterr().out
    assert code == 0, out
    for path in files:
        assert f"{path}: 0 errors, 0 warnings" in out, out
    workspace = Workspace(Registry(store=Store(tmp_path / "store")))
    dossiers = workspace.check_dossiers()
    assert len(dossiers) == 8 and all(r.ok and not r.warnings for r in dossiers)
