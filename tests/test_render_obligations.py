"""The obligation analysis in every report: badges, highlighted modal phrases, the summary
table, ``diff --only obligations`` and the JSON fields. # synthetic

Every text here is synthetic, written for these tests (see tests/factories.py).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import factories
import jsonschema
import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from rich.console import Console

from treatydiff.compare import compare, obligations_changed
from treatydiff.model import ClauseMap, Comparison
from treatydiff.obligations import CHANGE_KINDS
from treatydiff.render import render_html, render_json, render_markdown, render_terminal
from treatydiff.render._common import OBLIGATION_KINDS

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "schemas" / "comparison-2.schema.json"
PAYLOAD = '<b>x</b><script>alert("m")</script>'

# synthetic: a weakened duty, a reversed one, an unchanged one; HTML payloads touch the modal verbs
LEFT = {
    "art-1": f"Each Party shall{PAYLOAD} publish its customs rules.",
    "art-2": "The Parties shall not assist a third state in any attack on the other Party.",
    "art-3": "Each Party shall notify the other Party of new tariffs.",
}
RIGHT = {
    "art-1": f"Each Party shall endeavour{PAYLOAD} to publish its customs rules.",
    "art-2": "The Parties shall assist a third state in any action approved by both Parties.",
    "art-3": "Each Party shall notify the other Party of new tariffs.",
}


def _comparison() -> Comparison:
    left = factories.treaty("xa-xb-2001", "Agreement on Trade", LEFT)
    right = factories.treaty("xa-xb-2009", "Revised Agreement on Trade", RIGHT)
    links = tuple(factories.link((pid,), (pid,), "modified") for pid in LEFT)
    clause_map = ClauseMap(
        path="mappings/synthetic.yaml",
        treaties=(left.meta.id, right.meta.id),
        title="Synthetic map",
        authors=("A. Scholar",),
        date=None,
        status="draft",
        links=links,
    )
    return compare(left, right, clause_map)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return _comparison()


def test_the_renderers_know_every_change_kind_in_order() -> None:
    assert OBLIGATION_KINDS == CHANGE_KINDS


def test_compare_puts_notes_and_marks_into_the_model(comparison: Comparison) -> None:
    weakened, reversed_, same = comparison.rows
    assert weakened.obligation is not None and weakened.obligation.kind == "weakened"
    assert weakened.obligation.summary.startswith("weakened: shall → shall endeavour")
    assert reversed_.obligation is not None and reversed_.obligation.kind == "reversed"
    assert same.obligation is not None and not same.obligation.changed
    for row in comparison.rows:
        for marks, shown in ((row.left_marks, row.left_passages), (row.right_marks, row.right_passages)):
            assert marks
            texts = [shown[m.passage].ops[m.op].text[m.start : m.end] for m in marks]
            assert texts[0].startswith("shall"), texts


def test_a_phrase_across_runs_is_marked_in_each(comparison: Comparison) -> None:
    row = comparison.rows[1]  # "shall" kept, "not" deleted: two runs of one phrase
    left = row.left_passages
    pieces = [left[m.passage].ops[m.op].text[m.start : m.end] for m in row.left_marks]
    assert pieces == ["shall", "not"]
    assert [m.op for m in row.left_marks] == [0, 1]


def test_without_analysis_the_reports_show_no_obligations() -> None:
    left = factories.treaty("xa-xb-2001", "Agreement", LEFT)
    right = factories.treaty("xa-xb-2009", "Agreement", RIGHT)
    bare = compare(left, right, obligations=False)
    assert all(row.obligation is None and not row.left_marks for row in bare.rows)
    assert "Obligations" not in render_html(bare) and "## Obligations" not in render_markdown(bare)
    assert "obligations" not in json.loads(render_json(bare))["summary"]


def test_html_badges_marks_and_summary_table(comparison: Comparison) -> None:
    page = render_html(comparison)
    tree = lxml_html.fromstring(page)
    badges = [b.text_content() for b in tree.xpath("//span[contains(@class, 'oblig')]")]
    assert badges[0].startswith("weakened: shall → shall endeavour") and badges[1].startswith("reversed:")
    assert len(badges) == 2  # the unchanged link carries none
    marks = tree.xpath("//td//mark[contains(@class, 'modal')]")
    classes = {m.get("class") for m in marks}
    assert classes >= {"modal m-obligation", "modal m-aspiration", "modal m-prohibition"}
    rows = {r.get("id"): r for r in tree.xpath("//table[@class='obligations']//tr[@id]")}
    assert set(rows) == {"obligations-weakened", "obligations-reversed", "obligations-unchanged"}
    ids = set(tree.xpath("//@id"))
    for target in tree.xpath("//table[@class='obligations']//a/@href"):
        assert target[1:] in ids
    assert rows["obligations-weakened"].xpath(".//a/@href") == ["#link-1"]


def test_html_highlighting_never_breaks_escaping(comparison: Comparison) -> None:
    page = render_html(comparison)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script | //b") and "<script>" not in page
    first = tree.xpath("//tbody[@id='link-1']//td")
    assert f"Each Party shall{PAYLOAD} publish" in first[0].text_content()
    assert f"Each Party shall endeavour{PAYLOAD} to publish" in first[1].text_content()
    assert [m.text_content() for m in first[0].xpath(".//mark")] == ["shall"]


def test_markdown_badges_emphasis_table_and_escaping(comparison: Comparison) -> None:
    markdown = render_markdown(comparison)
    assert "**Obligations:** weakened: shall → shall endeavour" in markdown
    assert "| weakened | 1 | [1](#link-1) |" in markdown
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)
    tree = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert not tree.xpath("//script | //b")
    assert {"shall", "not", "shall endeavour"} <= set(tree.xpath("//em/text()"))
    assert tree.xpath("//s/em[. = 'not']") and tree.xpath("//strong/em[. = 'shall endeavour']")
    assert f"Each Party shall{PAYLOAD} publish" in tree.text_content()
    anchors = set(tree.xpath("//a/@id"))
    assert {href[1:] for href in tree.xpath("//a/@href")} <= anchors


def test_markdown_emphasis_keeps_the_spaces_around_it(comparison: Comparison) -> None:
    markdown = render_markdown(comparison)
    assert "The Parties *shall* ~~*not*~~ assist" in markdown
    assert "Each Party *shall* notify" in markdown


def _terminal(comparison: Comparison, **options: object) -> str:
    console = Console(file=io.StringIO(), width=160, **options)  # type: ignore[arg-type]
    render_terminal(comparison, console)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def test_terminal_badge_table_and_bold_modals(comparison: Comparison) -> None:
    text = _terminal(comparison, no_color=True)
    assert "obligations weakened: shall → shall endeavour" in text
    assert "Obligations" in text and "weakened" in text and "reversed" in text
    styled = _terminal(comparison, force_terminal=True, color_system="truecolor")
    assert "Each Party \x1b[1mshall\x1b[0m notify" in styled


def test_json_carries_the_obligations_and_stays_valid(comparison: Comparison) -> None:
    data = json.loads(render_json(comparison))
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    assert data["summary"]["obligations"] == {"reversed": 1, "weakened": 1, "unchanged": 1}
    first = data["links"][0]
    assert first["obligation"]["kind"] == "weakened" and first["obligation"]["changed"] is True
    for mark in first["marks"]["left"]:
        run = first["shown"]["left"][mark["passage"]]["ops"][mark["op"]]["text"]
        assert run[mark["start"] : mark["end"]] == "shall"


def test_only_obligations_keeps_the_changed_links(comparison: Comparison) -> None:
    only = obligations_changed(comparison)
    assert [row.obligation.kind for row in only.rows if row.obligation] == ["weakened", "reversed"]
    assert only.summary.changed == 2 and only.summary.unchanged == 0


@pytest.mark.corpus
def test_diff_only_obligations_lists_just_the_changed_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from treatydiff.cli import main

    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("TREATYDIFF_TOTA_DIR", str(corpus_dir / "tota"))
    monkeypatch.delenv("TREATYDIFF_TEXTS", raising=False)
    assert main(["diff", "tota:420", "tota:423", "--format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert main(["diff", "tota:420", "tota:423", "--format", "json", "--only", "obligations"]) == 0
    only = json.loads(capsys.readouterr().out)
    changed = [link for link in every["links"] if link["obligation"] and link["obligation"]["changed"]]
    assert 0 < len(only["links"]) == len(changed) < len(every["links"])
    assert [link["left"] for link in only["links"]] == [link["left"] for link in changed]
    assert only["summary"]["links"] == len(changed)
    assert "unchanged" not in only["summary"]["obligations"]


def test_terminal_bold_stays_on_the_modal_phrase_after_spelled_out_controls() -> None:
    left = factories.treaty("xa-xb-2001", "Agreement", {"art-1": "Each \x1b[31mParty shall notify it."})
    right = factories.treaty("xa-xb-2009", "Agreement", {"art-1": "Each \x1b[31mParty shall notify it."})
    styled = _terminal(compare(left, right), force_terminal=True, color_system="truecolor")
    assert "\\x1b[31mParty \x1b[1mshall\x1b[0m notify" in styled
