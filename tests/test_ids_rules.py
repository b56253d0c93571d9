# synthetic: every text in this file was written for these tests; the Charter test reads ../shared/corpus.
"""Ids shared across language versions (docs/ids.md, rules version 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treatydiff.ingest import parse_text
from treatydiff.ingest.ids import RULES_VERSION
from treatydiff.model import Body, Provenance
from treatydiff.store import Store


def ids(text: str, lang: str = "en") -> list[str]:
    return [p.id for p in parse_text("Article 1\n" + text, lang=lang).walk()][1:]


@pytest.mark.parametrize(
    ("lang", "points"),
    [
        ("en", "(a) x;\n(b) y;\n(c) z;\n(d) w."),
        ("ru", "а) x;\nб) y;\nв) z;\nг) w."),
        ("fa", "الف) x؛\nب) y؛\nج) z؛\nد) w."),
        ("ko", "가. x;\n나. y;\n다. z;\n라. w."),
    ],
)
def test_points_are_lettered_by_position_in_every_language(lang: str, points: str) -> None:
    assert ids(f"1. The Parties:\n{points}\n", lang) == [
        "art-1.1", "art-1.1.intro", "art-1.1.a", "art-1.1.b", "art-1.1.c", "art-1.1.d",
    ]  # fmt: skip


def test_russian_points_skip_the_letters_russian_lists_skip() -> None:
    """и) к) are the ninth and tenth points: i, j (й is not used in Russian lists)."""
    letters = "абвгдежзик"
    points = "\n".join(f"{c}) пункт;" for c in letters)
    assert ids(f"1. Стороны:\n{points}\n", "ru")[2:] == [f"art-1.1.{c}" for c in "abcdefghij"]


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        pytest.param("(g) x;\n(h) y;\n(i) z;\n(j) w.", ["g", "h", "i", "j"], id="i-after-h-is-a-letter"),
        pytest.param("(g) x;\n(h) y;\n(i) z.", ["g", "h", "i"], id="i-ending-the-list-after-h"),
        pytest.param(
            "(g) x;\n(h) y:\n(i) z;\n(ii) w.", ["g", "h", "h.intro", "h.i", "h.ii"], id="i-then-ii-is-roman"
        ),
        pytest.param("(i) z;\n(ii) w.", ["i", "ii"], id="i-opening-a-list-is-roman"),
        pytest.param("(u) x;\n(v) y.", ["u", "v"], id="v-after-u-is-a-letter"),
        pytest.param("(a) x:\n(iv) y;\n(v) z.", ["a", "a.intro", "a.iv", "a.v"], id="v-after-iv-is-roman"),
    ],
)
def test_roman_and_letters_told_apart_by_context(points: str, expected: list[str]) -> None:
    assert ids(f"1. The Parties:\n{points}\n")[2:] == [f"art-1.1.{e}" for e in expected]


@pytest.mark.corpus
def test_charter_ordinal_paragraph_is_not_labelled_as_numbered(corpus_dir: Path) -> None:
    """The use-of-force line is art-2.p5 (its numbers are lost): Art. 2(4), never "paragraph 5"."""
    text = (corpus_dir / "un-charter" / "raw" / "raw_un_charter_en.txt").read_text(encoding="utf-8")
    body = parse_text(text, lang="en")
    provision = body.get("art-2.p5")
    assert "force" in provision.text
    assert provision.label == "Article 2, unnumbered paragraph 5"
    assert "paragraph 5" not in provision.label.replace("unnumbered paragraph 5", "")


def test_stored_body_carries_the_rules_version(tmp_path: Path) -> None:
    store = Store(tmp_path)
    body = parse_text("Статья 1\n1. Стороны:\nа) x;\nв) y.\n", lang="ru")
    path = store.save_body(
        "demo", body, Provenance("t.txt", "0" * 64, "2026-01-01T00:00:00+00:00", "text")
    ).version.path
    assert json.loads(path.read_text(encoding="utf-8"))["rules_version"] == RULES_VERSION == 8


def test_body_stored_under_old_rules_is_reparsed(tmp_path: Path) -> None:
    """A body from before version 2 (Russian в) was v) is read with today's ids and says so."""
    store = Store(tmp_path)
    body = parse_text("Статья 1\n1. Стороны:\nа) x;\nб) y;\nв) z.\n", lang="ru")
    saved = store.save_body("demo", body, Provenance("t.txt", "0" * 64, "2026-01-01T00:00:00+00:00", "text"))
    # a body stored before versions (store layout 1) and before id rules 2: no checksums, no rules_version
    document = json.loads(saved.version.path.read_text(encoding="utf-8"))
    document["format"] = "treatydiff.body/1"
    for key in ("rules_version", "source_sha256", "document_sha256"):
        del document[key]
    text = json.dumps(document, ensure_ascii=False).replace('"art-1.1.c"', '"art-1.1.v"')
    store.legacy_path("demo", "ru").write_text(text, encoding="utf-8")
    store.discard(saved.version)
    loaded = store.load_body("demo", "ru")
    assert loaded is not None
    ids_now = [p.id for p in loaded[0].walk()]
    assert "art-1.1.c" in ids_now and "art-1.1.v" not in ids_now
    assert any("re-parsed" in w and "id rules 1" in w for w in loaded[0].warnings)


def _loaded_from_legacy_store(root: Path, text: str, *, rules_version: int) -> tuple[Body, Provenance] | None:
    """``text`` parsed and stored as a legacy body made under ``rules_version``, then loaded again."""
    store = Store(root)
    provenance = Provenance("t.txt", "0" * 64, "2026-01-01T00:00:00+00:00", "text")
    saved = store.save_body("demo", parse_text(text), provenance)
    document = json.loads(saved.version.path.read_text(encoding="utf-8"))
    document["format"] = "treatydiff.body/1"
    for key in ("source_sha256", "document_sha256"):
        del document[key]
    document["rules_version"] = rules_version
    store.legacy_path("demo", "en").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    store.discard(saved.version)
    return store.load_body("demo", "en")


def test_body_stored_under_rules_4_is_reparsed_with_run_in_paragraph_numbers(tmp_path: Path) -> None:
    """Version 5 reads "… Party. 2. The register …" as paragraph 2; a version-4 body had one paragraph."""
    text = "Article 1\n1. Each Party shall keep a register. 2. The register shall be public.\n"
    loaded = _loaded_from_legacy_store(tmp_path, text, rules_version=4)
    assert loaded is not None
    assert {"art-1.1", "art-1.2"} <= {p.id for p in loaded[0].walk()}
    assert any("re-parsed" in w and f"id rules 4, now {RULES_VERSION}" in w for w in loaded[0].warnings)


# synthetic: written for this test, in the layout of a definitions article whose next
# definition is run into the last point of the one before.
_GLUED = (
    "Article 1\nFor the purposes of this Agreement:\n\nport authority means:\n\n"
    "(a) for the first Party, the Harbour Board; and\n\n"
    "(b) for the second Party, the Port Office; vessel means:\n\n"
    "(a) a ship; or\n\n(b) a boat.\n"
)


# synthetic: written for this test, in the layout of a point list with a footnote's text
# printed among its points.
_FOOTNOTE_AMONG_POINTS = (
    "Article 1\n1. Each Party shall:\n\n(a) keep a register;\n\n"
    "(1) For greater certainty, a register may be kept electronically.\n\n(b) publish it.\n"
)


# synthetic: written for this test, in the layout of a point with doubled-letter points.
_DOUBLED_LETTERS = (
    "Article 1\n1. Each Party shall:\n\n(a) do the following:\n\n(aa) keep a register;\n\n"
    "(bb) publish it; and\n\n(b) report to the other Party.\n"
)


@pytest.mark.parametrize(
    ("text", "old_rules", "kept"),
    [
        # version 6 makes "vessel means:" a lead-in of its own; version 5 held its points as a_2
        (_GLUED, 5, {"art-1.p3.intro", "art-1.p3.a", "art-1.p3.b"}),
        # version 7 reads the footnote "(1) …" as an unnumbered paragraph; version 6 made it a_2
        (_FOOTNOTE_AMONG_POINTS, 6, {"art-1.1.a", "art-1.1.p2", "art-1.1.b"}),
        # version 8 nests "(aa) (bb)" under the point ending in ":"; version 7 made them art-1.1.aa
        (_DOUBLED_LETTERS, 7, {"art-1.1.a.intro", "art-1.1.a.aa", "art-1.1.a.bb", "art-1.1.b"}),
    ],
)
def test_body_stored_under_older_rules_is_reparsed_without_collision_suffixes(
    tmp_path: Path, text: str, old_rules: int, kept: set[str]
) -> None:
    loaded = _loaded_from_legacy_store(tmp_path, text, rules_version=old_rules)
    assert loaded is not None
    ids = {p.id for p in loaded[0].walk()}
    assert kept <= ids
    assert not any(i.endswith("_2") for i in ids)
    said = f"re-parsed: stored under id rules {old_rules}, now {RULES_VERSION}"
    assert any(said in w for w in loaded[0].warnings)
