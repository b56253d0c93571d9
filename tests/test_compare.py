"""The comparison pipeline on real texts (shared corpus) and on synthetic ones."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from treatydiff.compare import article_level, compare
from treatydiff.corpus import Registry, default_mappings_dir
from treatydiff.diff import diff_texts_difflib
from treatydiff.errors import MappingError
from treatydiff.ingest import parse_text
from treatydiff.mapping import load_map
from treatydiff.model import Comparison, Link, Provenance, Treaty, TreatyMeta, WordOp
from treatydiff.render import render_html, render_json, render_markdown, render_terminal
from treatydiff.store import Store

MAPS = default_mappings_dir()


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Registry:
    return Registry(store=Store(tmp_path_factory.mktemp("store")), tota_dir=corpus_dir / "tota")


@pytest.mark.corpus
def test_curated_map_420_423(registry: Registry) -> None:
    clause_map = load_map(MAPS / "tota-420_tota-423.yaml")
    comparison = compare(registry.load("tota:420"), registry.load("tota:423"), clause_map)
    assert comparison.alignment == "curated" and len(comparison.rows) == len(clause_map.links)
    assert [row.link for row in comparison.rows] == list(clause_map.links)  # relations as curated
    summary = comparison.summary
    assert summary.added == sum(1 for link in clause_map.links if link.relation == "added")
    assert summary.dropped == sum(1 for link in clause_map.links if link.relation == "dropped")
    assert comparison.unlinked_left == comparison.unlinked_right == ()  # the map is complete
    for row in comparison.rows:
        assert row.diff is not None
        if row.left and row.right:  # every changed row has words added or removed, and vice versa
            assert (row.status == "changed") == bool(row.diff.words_added or row.diff.words_removed)


@pytest.mark.corpus
def test_reading_a_map_backwards_mirrors_its_relations(registry: Registry) -> None:
    clause_map = load_map(MAPS / "tota-420_tota-423.yaml")
    forward = compare(registry.load("tota:420"), registry.load("tota:423"), clause_map)
    backward = compare(registry.load("tota:423"), registry.load("tota:420"), clause_map)
    assert (backward.summary.added, backward.summary.dropped) == (
        forward.summary.dropped,
        forward.summary.added,
    )
    for ahead, behind in zip(forward.rows, backward.rows, strict=True):
        assert [p.id for p in ahead.left] == [p.id for p in behind.right]
        assert ahead.diff and behind.diff
        assert (ahead.diff.words_added, ahead.diff.words_removed) == (
            behind.diff.words_removed,
            behind.diff.words_added,
        )


@pytest.mark.corpus
def test_a_map_for_other_treaties_is_refused(registry: Registry) -> None:
    clause_map = load_map(MAPS / "tota-420_tota-430.yaml")
    with pytest.raises(MappingError, match="the map links tota-420 and tota-430, not tota-420 .* tota-423"):
        compare(registry.load("tota:420"), registry.load("tota:423"), clause_map)


@pytest.mark.corpus
def test_without_a_map_units_pair_by_number_in_document_order(registry: Registry) -> None:
    left, right = registry.load("tota:420"), registry.load("tota:423")
    comparison = compare(left, right)
    assert comparison.alignment == "article-number"
    assert all(row.link.origin == "article-number" for row in comparison.rows)
    right_order = [p.id for row in comparison.rows for p in row.right]
    assert right_order == [p.id for p in article_level(right)]
    added = [row.right[0].id for row in comparison.rows if row.status == "added"]
    assert added == ["art-21", "art-22", "art-23"]  # 423 has three more articles than 420


@pytest.mark.corpus
def test_the_differ_can_be_swapped(registry: Registry) -> None:
    clause_map = load_map(MAPS / "tota-420_tota-423.yaml")
    left, right = registry.load("tota:420"), registry.load("tota:423")
    default = compare(left, right, clause_map)
    baseline = compare(left, right, clause_map, differ=diff_texts_difflib)
    assert [r.status for r in default.rows] == [r.status for r in baseline.rows]


@pytest.mark.corpus
def test_progress_is_reported_per_link(registry: Registry) -> None:
    seen: list[tuple[int, int]] = []
    compare(
        registry.load("tota:420"),
        registry.load("tota:423"),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[0] == (1, seen[-1][1]) and seen[-1][0] == seen[-1][1]


# synthetic: two language versions of a small pact, written for this test
_EN = "Article 1\nThe Parties shall cooperate.\n\nArticle 2\nThis Pact enters into force on signature.\n"
_RU = "Статья 1\nСтороны сотрудничают.\n\nСтатья 2\nНастоящий Пакт вступает в силу с даты подписания.\n"


def _treaty(text: str, lang: str) -> Treaty:
    meta = TreatyMeta(id="example-pact", titles={lang: "Pact"}, languages=(lang,))
    provenance = Provenance(
        file=f"{lang}.txt", sha256="0" * 64, ingested_at="2026-11-25T00:00:00+00:00", parser="text"
    )
    return Treaty(meta, parse_text(text, lang=lang), provenance)


def test_language_versions_are_shown_in_parallel_not_diffed(tmp_path: Path) -> None:
    map_file = tmp_path / "pact.yaml"
    map_file.write_text(
        "treatydiff-map: 1\ntitle: Pact, en and ru\n"
        "treaties: [{id: example-pact, lang: en}, {id: example-pact, lang: ru}]\n"
        "authors: [test]\nstatus: draft\nlinks:\n"
        "  - {left: art-1, right: art-1, relation: same}\n"
        "  - {left: art-2, right: art-2, relation: modified, note: a synthetic difference}\n",
        encoding="utf-8",
    )
    comparison = compare(_treaty(_EN, "en"), _treaty(_RU, "ru"), load_map(map_file))
    assert [row.diff for row in comparison.rows] == [None, None]
    assert [row.status for row in comparison.rows] == ["unchanged", "changed"]  # the curated relation decides


# synthetic: a revised version of the English pact above, one article changed
_EN_REVISED = (
    "Article 1\nThe Parties shall cooperate.\n\n"
    "Article 2\nThis Pact enters into force thirty days after signature.\n"
)


def test_links_made_by_number_claim_only_what_the_text_shows() -> None:
    comparison = compare(_treaty(_EN, "en"), _treaty(_EN_REVISED, "en"))
    by_id = {row.left[0].id: row for row in comparison.rows}
    assert by_id["art-1"].link.relation == "same" and by_id["art-1"].status == "unchanged"
    changed = by_id["art-2"]
    assert changed.link.relation is None and changed.status == "changed"  # no "modified" claimed
    assert changed.link.origin == "article-number" and changed.diff is not None
    assert 0 < changed.diff.similarity < 1


def test_language_versions_without_a_map_are_parallel_not_changed() -> None:
    comparison = compare(_treaty(_EN, "en"), _treaty(_RU, "ru"))
    assert {row.status for row in comparison.rows} == {"parallel"}
    assert {row.link.relation for row in comparison.rows} == {None}
    assert comparison.summary.changed == comparison.summary.unchanged == 0
    assert comparison.summary.parallel == len(comparison.rows) == 2


def test_an_aligner_can_be_plugged_in() -> None:
    def aligner(left: Treaty, right: Treaty) -> list[Link]:
        return [Link(("art-1",), ("art-2",), None, origin="suggested", score=0.4, reasons=("test",))]

    comparison = compare(_treaty(_EN, "en"), _treaty(_EN_REVISED, "en"), aligner=aligner)
    assert comparison.alignment == "suggested"
    (row,) = comparison.rows
    assert (row.link.origin, row.link.score, row.link.reasons) == ("suggested", 0.4, ("test",))
    assert row.status == "changed" and row.link.relation is None


# synthetic: three articles renumbered by one, the middle one reworded
_OLD = (
    "Article 3\nThe Parties shall meet.\n\nArticle 4\nThe Parties shall report.\n\n"
    "Article 5\nThe Parties shall publish.\n"
)
_NEW = (
    "Article 4\nThe Parties shall meet.\n\nArticle 5\nThe Parties shall report yearly.\n\n"
    "Article 6\nThe Parties shall publish.\n"
)


def test_a_range_link_is_compared_member_by_member(tmp_path: Path) -> None:
    map_file = tmp_path / "pact.yaml"
    map_file.write_text(
        "treatydiff-map: 1\ntitle: renumbered\ntreaties: [example-old, example-new]\n"
        "authors: [test]\nstatus: draft\nlinks:\n"
        "  - {left: art-3..art-5, right: art-4..art-6, relation: moved}\n",
        encoding="utf-8",
    )
    old = replace(_treaty(_OLD, "en"), meta=TreatyMeta(id="example-old", titles={"en": "Old"}))
    new = replace(_treaty(_NEW, "en"), meta=TreatyMeta(id="example-new", titles={"en": "New"}))
    comparison = compare(old, new, load_map(map_file))
    pairs = [([p.id for p in row.left], [p.id for p in row.right]) for row in comparison.rows]
    assert pairs == [(["art-3"], ["art-4"]), (["art-4"], ["art-5"]), (["art-5"], ["art-6"])]
    # Texts that differ only by their own article number show no change.
    assert [row.status for row in comparison.rows] == ["unchanged", "changed", "unchanged"]
    diff = comparison.rows[1].diff
    assert diff is not None and (diff.words_added, diff.words_removed) == (2, 1)


def _reports(comparison: Comparison) -> dict[str, str]:
    console = Console(file=io.StringIO(), width=200, no_color=True, record=True)
    render_terminal(comparison, console)
    return {
        "terminal": console.export_text(),
        "html": render_html(comparison),
        "markdown": render_markdown(comparison),
        "json": render_json(comparison),
    }


def test_article_headings_stay_apart_from_the_text() -> None:
    comparison = compare(_treaty(_EN, "en"), _treaty(_EN_REVISED, "en"))
    first = comparison.rows[0]
    assert [p.marker for p in first.left_passages] == [None]
    assert first.left_passages[0].ops == (WordOp("equal", "The Parties shall cooperate."),)
    for name, report in _reports(comparison).items():
        assert "Article 1 The Parties" not in report, name
        assert "The Parties shall cooperate." in report, name


@pytest.mark.corpus
def test_every_report_prints_the_points_of_423_article_1_2(registry: Registry) -> None:
    clause_map = load_map(MAPS / "tota-420_tota-423.yaml")
    comparison = compare(registry.load("tota:420"), registry.load("tota:423"), clause_map)
    (row,) = [r for r in comparison.rows if [p.id for p in r.right] == ["art-1.2"]]
    assert [p.marker for p in row.right_passages] == ["2.", "(a)", "(b)", "(c)", None]
    for name, report in _reports(comparison).items():
        section = report[report.index("tota-423:art-1.2") :]
        assert all(marker in section for marker in ("(a)", "(b)", "(c)")), name
