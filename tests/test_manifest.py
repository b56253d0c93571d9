"""Manifests: the alias-free loader, the schema, and metadata set by ingest (synthetic manifests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.errors import RegistryError, TreatydiffError
from treatydiff.manifest import MetaEdit, apply_edit, manifest_yaml, parse_manifest
from treatydiff.model import Source, TreatyMeta


def _alias_bomb(levels: int = 12) -> str:
    """Nine copies of the level below at each level: 9**12 nodes once expanded."""
    lines = ["id: example-a", "titles: {en: A}", "n0: &n0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"n{i}: &n{i} [" + ", ".join([f"*n{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


ALIAS_BOMB = _alias_bomb()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (ALIAS_BOMB, r":3: anchors and aliases .* are not allowed"),
        (
            "id: example-a\ntitles: {en: A}\nexpected: {articles: .inf}\n",
            r":3: expected\.articles must be a whole number, not the number inf",
        ),
        (
            "id: example-a\ntitles: {en: A}\nexpected: {articles: .nan}\n",
            r"expected\.articles must be a whole number",
        ),
        ("id: example-a\ntitles: {en: A}\nexpected: {articles: 1e999}\n", r"expected\.articles"),
        ("id: example-a\ntitles: {en: A}\nexpected: {articles: -3}\n", r"expected\.articles"),
        ("id: example-a\ntitles: {en: .inf}\n", r"titles\.en must be text"),
        (
            "id: example-a\ntitles: {en: A}\nparties: !!python/object/apply:os.system [x]\n",
            r":3: YAML tags are not allowed",
        ),
        ("id: example-a\ntitles: !!map {en: A}\n", r":2: YAML tags are not allowed"),
        ("id: example-a\ntitles: {en: !!binary aGVsbG8=}\n", r"YAML tags are not allowed"),
        ("id: example-a\ntitles: {en: A}\nid: example-a\n", r":3: duplicate key 'id' \(first on line 1\)"),
        ("id: example-a\ntitles: {EN: A}\n", r"'EN' is not a language code in titles"),
        ("id: example-a\ntitles: {xx: A}\n", r":2: unknown language code 'xx'"),
        (
            "id: example-a\ntitles: {en: A}\nlanguages: [en-US]\n",
            r"languages\.0: 'en-US' is not a language code",
        ),
        (
            "id: example-a\ntitles: {en: A}\nsigned: {date: yesterday}\n",
            r"signed\.date: 'yesterday' is not an ISO date",
        ),
        (
            "id: example-a\ntitles: {en: A}\nparties: [Russia, 3]\n",
            r"parties\.0: 'Russia' is not a party code",
        ),
        (
            "id: example-a\ntitles: {en: A}\nsigned: {date: 1992-11-13, where: Moscow}\n",
            r"unknown key 'where' in signed",
        ),
        ("id: example-a\ntitles: {en: A}\ncolour: red\n", r"unknown key 'colour'"),
        (
            'id: example-a\ntitles: {en: "Draft\\x1b[2J"}\n',
            r":2: character U\+001B is not allowed in a manifest",
        ),
        ("id: example-a\ntitles: {}\n", r"titles"),
        ("id: example-a\n", r"'titles' is missing"),
        ("id: ../../x\ntitles: {en: A}\n", r"id: '\.\./\.\./x' is not a treaty id"),
        ("\ufeff# only a comment\n", r"manifest is empty"),
        (
            "id: example-a\nnotes: " + "[" * 30 + "]" * 30 + "\n",
            r":2: YAML nested deeper than a manifest can be \(20\)",
        ),
        ("id: example-a\ntitles: {en: A}\n<<: {licence: x}\n", r"example-a\.yaml"),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else None,
)
def test_a_bad_manifest_is_one_located_line(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "example-a.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError, match=expected) as caught:
        parse_manifest(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_bytes_that_are_not_utf8_or_too_many(tmp_path: Path) -> None:
    path = tmp_path / "example-a.yaml"
    path.write_bytes(b"id: example-a\ntitles: {en: \xff}\n")
    with pytest.raises(RegistryError, match=r":2: not UTF-8"):
        parse_manifest(path)
    path.write_bytes(b"id: example-a\nnotes: '" + b"x" * 1_100_000 + b"'\n")
    with pytest.raises(RegistryError, match="more than a manifest can need"):
        parse_manifest(path)


def test_a_full_manifest_round_trips_through_the_store_writer(tmp_path: Path) -> None:
    meta = TreatyMeta(
        id="example-a",
        titles={"en": "A: Agreement", "ru": "Соглашение"},
        parties=("BLR", "RUS"),
        signed_date="1992-11-13",
        signed_place="Moscow",
        in_force_date="1993",
        languages=("en", "ru"),
        sources=(Source("Someone", url="https://example.org/a", date="2020-01-01"),),
        expected_articles=20,
        licence="CC0",
    )
    path = tmp_path / "example-a.yaml"
    path.write_text(manifest_yaml(meta), encoding="utf-8")
    assert parse_manifest(path) == TreatyMeta(**{**meta.__dict__, "manifest": str(path)})


def test_apply_edit_sets_metadata_and_adds_languages() -> None:
    base = TreatyMeta(id="example-a", titles={})
    first = apply_edit(
        base, "en", MetaEdit(title="  The   Agreement ", signed="2020-02-29", parties=("rus",)), None
    )
    assert first.titles == {"en": "The Agreement"} and first.parties == ("RUS",)
    assert first.signed_date == "2020-02-29" and first.languages == ("en",)
    second = apply_edit(first, "ru", MetaEdit(), "Соглашение")
    assert second.titles == {"en": "The Agreement", "ru": "Соглашение"} and second.languages == ("en", "ru")
    assert apply_edit(second, "ru", MetaEdit(), "Other") == second  # a title once set stays


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (MetaEdit(signed="2021-02-30"), "--signed '2021-02-30' is not a date"),
        (MetaEdit(signed="13/11/1992"), "is not a date"),
        (MetaEdit(title="two\nlines\x1b[2J"), "--title must be one line"),
        (MetaEdit(place="\x07"), "--place must be one line"),
        (MetaEdit(parties=("R U S",)), "is not a party code"),
        (MetaEdit(parties=("[link=x]",)), "is not a party code"),
    ],
)
def test_apply_edit_refuses_what_a_manifest_cannot_hold(edit: MetaEdit, expected: str) -> None:
    with pytest.raises(TreatydiffError, match=expected):
        apply_edit(TreatyMeta(id="example-a", titles={}), "en", edit, None)
