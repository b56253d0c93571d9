"""Tests for treatydiff.render.json, on synthetic comparisons (tests/factories.py)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import factories
import pytest
from jsonschema import Draft202012Validator

from treatydiff.model import Comparison
from treatydiff.render import render_json

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "schemas" / "comparison-2.schema.json"
COMPARISONS = [
    pytest.param(factories.comparison, id="curated"),
    pytest.param(lambda: factories.comparison(curated=False), id="by number"),
    pytest.param(lambda: factories.comparison(hostile=True), id="hostile"),
    pytest.param(factories.cross_language_comparison, id="cross-language"),
]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _data(make: Any) -> dict[str, Any]:
    comparison: Comparison = make()
    return json.loads(render_json(comparison))  # type: ignore[no-any-return]


@pytest.mark.parametrize("make", COMPARISONS)
def test_output_validates_against_the_schema(validator: Draft202012Validator, make: Any) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_data(make))]
    assert errors == []


def test_schema_ships_with_the_package() -> None:
    shipped = files("treatydiff") / "schemas" / "comparison-2.schema.json"
    assert shipped.read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_version_key() -> None:
    data = _data(factories.comparison)
    assert data["schema"] == "treatydiff.comparison/2"
    # The published schema is the one for the version the report names.
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["properties"]["schema"]["const"] == data["schema"]


def test_links_carry_provisions_and_diffs() -> None:
    first = _data(factories.comparison)["links"][0]
    assert first["relation"] == "expanded"
    assert [p["citation"] for p in first["left"]] == ["xa-xb-2001:art-1"]
    assert first["left"][0]["text"] == factories.LEFT_TEXTS["art-1"]
    assert {"op": "insert", "text": "or charges of equivalent effect"} in first["diff"]["ops"]
    assert first["diff"]["words_added"] == 7


def test_split_link_lists_both_parts_in_order() -> None:
    split = _data(factories.comparison)["links"][2]
    assert [p["id"] for p in split["right"]] == ["art-3.1", "art-3.2"]


def test_summary_and_unlinked() -> None:
    data = _data(factories.comparison)
    assert data["summary"] == {
        "links": 6,
        "added": 1,
        "dropped": 1,
        "changed": 3,
        "unchanged": 1,
        "unlinked_left": 1,
        "unlinked_right": 1,
        "parallel": 0,
        "relations": {"same": 1, "modified": 1, "expanded": 1, "split": 1, "added": 1, "dropped": 1},
    }
    assert [p["citation"] for p in data["unlinked"]["right"]] == ["xa-xb-2009:art-7"]


def test_provenance_and_map() -> None:
    data = _data(factories.comparison)
    assert data["left"]["provenance"]["sha256"] == "ab" * 32
    assert data["left"]["licence"] == "CC0 (synthetic test text)"
    assert data["clause_map"]["status"] == "reviewed"
    assert _data(lambda: factories.comparison(curated=False))["clause_map"] is None


def test_cross_language_links_have_no_diff() -> None:
    data = _data(factories.cross_language_comparison)
    assert all(link["diff"] is None for link in data["links"])
    assert "Стороны" in render_json(factories.cross_language_comparison())  # not \\u-escaped


def test_hostile_text_round_trips() -> None:
    data = _data(lambda: factories.comparison(hostile=True))
    assert factories.HOSTILE in data["links"][1]["left"][0]["text"]


def test_language_versions_are_cited_with_their_language_as_in_the_html() -> None:
    link = _data(factories.cross_language_comparison)["links"][0]
    assert [p["citation"] for p in link["left"]] == ["xa-xb-2001@en:art-1"]
    assert [p["citation"] for p in link["right"]] == ["xa-xb-2001@ru:art-1"]


def test_each_side_is_shown_with_its_own_markers() -> None:
    shown = _data(factories.comparison)["links"][0]["shown"]
    assert [p["marker"] for p in shown["left"]] == ["1.", "2."]
    assert shown["right"][0]["ops"][1] == {"op": "insert", "text": "or charges of equivalent effect"}
    assert all(op["op"] != "insert" for p in shown["left"] for op in p["ops"])


def test_a_link_nobody_judged_has_no_relation() -> None:
    links = _data(factories.cross_language_comparison)["links"]
    assert {(link["relation"], link["status"], link["origin"]) for link in links} == {
        (None, "parallel", "article-number")
    }
