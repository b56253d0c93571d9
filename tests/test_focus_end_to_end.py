"""Ingest + resolve + check + annex, end to end, on SYNTHETIC stand-in texts (tests/synthetic_pacts.py):
a 47-article English text and a Russian translation of it for ir-ru-2025, a 21-article Russian text
for ir-ru-2001 and a 23-article Russian text for ru-kp-2024. The shipped families are copied first;
the repository's files are never written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import synthetic_pacts

from treatydiff.cli import main
from treatydiff.corpus import Registry, default_mappings_dir
from treatydiff.families.annex import build_annex, obligations_module
from treatydiff.families.load import load_family
from treatydiff.families.resolve import Gap, _proposals, align_module
from treatydiff.families.workspace import Workspace
from treatydiff.render.family_html import render_family_annex
from treatydiff.store import Store

TEXTS = {
    ("ir-ru-2025", "en"): lambda: synthetic_pacts.ir_ru_2025("en"),
    ("ir-ru-2025", "ru"): lambda: synthetic_pacts.ir_ru_2025("ru"),
    ("ir-ru-2001", "ru"): synthetic_pacts.ir_ru_2001,
    ("ru-kp-2024", "ru"): synthetic_pacts.ru_kp_2024,
}
# Where the synthetic texts put each unresolved member (they were written so).
EXPECTED = {
    "mutual-military-assistance": {"ir-ru-2001": "art-3"},
    "non-assistance-to-aggressor": {"ir-ru-2001": "art-3"},
    "non-use-of-territory": {"ir-ru-2001": "art-4", "ru-kp-2024": "art-6"},
    "sovereignty-territorial-integrity": {"ir-ru-2001": "art-1", "ru-kp-2024": "art-1"},
    "nuclear": {"ir-ru-2025": "art-30"},
    "unilateral-coercive-measures": {"ir-ru-2025#no-join": "art-19"},
    "international-organisations": {"ir-ru-2025#forums": "art-15", "ru-kp-2024": "art-13"},
    "duration-and-termination": {"ir-ru-2025": "art-47", "ru-kp-2024#duration": "art-23"},
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("focus")
    families = root / "families"
    shutil.copytree(default_mappings_dir() / "families", families)
    shutil.copy(default_mappings_dir() / "ir-ru-2001_ir-ru-2025.yaml", root / "map.yaml")
    store = root / "store"
    for (treaty, lang), make in TEXTS.items():
        source = root / f"{treaty}-{lang}.txt"
        source.write_text(make(), encoding="utf-8")
        assert main(["ingest", treaty, str(source), "--lang", lang, "--store", str(store), "--strict"]) == 0
    return {"root": root, "families": families, "store": store}


def _resolve(world: dict[str, Path], target: Path, *extra: str) -> int:
    return main(["resolve", str(target), "--store", str(world["store"]), *extra])


@pytest.fixture(scope="module")
def resolved(world: dict[str, Path]) -> dict[str, str]:
    """Every family resolved with --accept; returns each file's text before."""
    before = {}
    for name in EXPECTED:
        path = world["families"] / f"{name}.yaml"
        before[name] = path.read_text(encoding="utf-8")
        assert _resolve(world, path, "--accept") == 0
    return before


def test_resolve_proposes_and_accepts_the_right_ids(world: dict[str, Path], resolved: dict[str, str]) -> None:
    for name, expected in EXPECTED.items():
        path = world["families"] / f"{name}.yaml"
        family = load_family(path)
        for member_id, ref in expected.items():
            member = family.member(member_id)
            assert member is not None and member.ref == ref, (name, member_id, member and member.ref)
            assert member.resolution and member.resolution["method"] in ("terms", "terms+alignment")
        original = resolved[name]
        assert path.with_name(path.name + ".bak").read_text(encoding="utf-8") == original
        written = path.read_text(encoding="utf-8")
        assert written.startswith(
            "# yaml-language-server: $schema=../../docs/schemas/family-1.schema.json\n#\n"
        )
        # only the resolved members changed: every other line of the original is kept as it was
        kept = [line for line in original.splitlines() if line in written.splitlines()]
        assert len(kept) > 0.6 * len(original.splitlines())


@pytest.mark.skipif(align_module() is None, reason="treatydiff.align is not installed")
def test_alignment_proposes_across_languages_without_terms(world: dict[str, Path]) -> None:
    """The 2001 Russian text against the resolved 2025 English one: the aligner alone finds Art. 3."""
    workspace = Workspace(Registry(store=Store(world["store"])))
    (english,) = [t for t in workspace.texts("ir-ru-2025") if t.lang == "en"]
    assert english.lang == "en"
    gap = Gap(("members", 0), "ir-ru-2001", "ir-ru-2001", None, (("ir-ru-2025", "art-3.3"),))
    english_only = Workspace(Registry(store=Store(world["store"])))
    english_only._texts["ir-ru-2025"] = [english]  # resolved counterpart in English only
    found = _proposals(english_only, gap, align_module())
    assert found.proposals and found.proposals[0].provision == "art-3"
    assert found.proposals[0].method == "alignment" and "(en)" in found.proposals[0].evidence[0]


def test_resolving_again_changes_nothing(world: dict[str, Path], resolved: dict[str, str]) -> None:
    path = world["families"] / "nuclear.yaml"
    before = path.read_text(encoding="utf-8")
    assert _resolve(world, path, "--accept") == 0
    assert path.read_text(encoding="utf-8") == before


def test_resolve_across_languages_in_a_pairwise_map(
    world: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = world["root"] / "map.yaml"
    assert _resolve(world, path, "--accept") == 0
    out = capsys.readouterr().out
    assert "link 3 left (ir-ru-2001, texts: ru)" in out and "1. art-3 — Статья 3 [ru] score 1.00" in out
    text = path.read_text(encoding="utf-8")
    assert re.search(
        r"- left: art-3  # left resolved by treatydiff resolve \(terms(\+alignment)?, ru text", text
    )
    assert main(["check", str(path), "--store", str(world["store"])]) == 0


def test_without_accept_nothing_is_written(
    world: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (world["root"] / "fresh").mkdir()
    path = world["root"] / "fresh" / "non-use-of-territory.yaml"
    shutil.copy(default_mappings_dir() / "families" / "non-use-of-territory.yaml", path)
    before = path.read_text(encoding="utf-8")
    assert _resolve(world, path) == 0
    assert path.read_text(encoding="utf-8") == before and not path.with_name(path.name + ".bak").exists()
    assert "nothing written" in capsys.readouterr().err


def test_check_accepts_the_resolved_families_against_the_texts(
    world: dict[str, Path], resolved: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    paths = sorted(str(p) for p in world["families"].glob("*.yaml"))
    assert main(["check", *paths, "--store", str(world["store"])]) == 0
    out = capsys.readouterr().out
    assert "mutual-military-assistance.yaml: 0 errors, 0 warnings" in out


def test_annex_shows_texts_diffs_and_the_polarity_reversal(
    world: dict[str, Path], resolved: dict[str, str]
) -> None:
    workspace = Workspace(Registry(store=Store(world["store"])), world["families"])
    annex = build_annex(workspace, [workspace.family("mutual-military-assistance")])
    cells = {cell.member.id: cell for cell in annex.families[0].cells}
    iran = cells["ir-ru-2025"]
    assert iran.origin == "text" and [t.lang for t in iran.texts] == ["ru", "en"]
    russian = iran.texts[0]
    assert (
        russian.against == "ir-ru-2001" and russian.similarity is not None and 0.2 < russian.similarity < 0.9
    )
    assert {op.op for op in russian.ops} == {"equal", "insert", "delete"}
    assert iran.texts[1].ops == ()  # no earlier English member: shown plain, in parallel
    dprk = cells["ru-kp-2024"]
    assert dprk.origin == "text" and dprk.texts[0].label == "Статья 4"
    (reversal,) = [c for c in dprk.changes if c.against == "ir-ru-2025"]
    assert reversal.kinds[0] == "reversed" and reversal.summary.startswith("reversed: ")
    if obligations_module() is not None:  # the profiles then come from the texts themselves
        assert (dprk.profile_origin, iran.profile_origin) == ("text", "text")
        assert iran.profile.startswith("prohibition") and dprk.profile.startswith("obligation")
    assert cells["su-kp-1961"].origin == "sources" and cells["su-kp-1961"].ingest_hint
    page = render_family_annex(annex)
    assert "ingested ru text, SHA-256 " + russian.sha256 in page
    assert "<del>" in page and "<ins>" in page
