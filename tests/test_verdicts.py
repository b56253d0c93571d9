"""Schema verdicts remembered by content: only acceptances, only in a folder of the user's own.

# synthetic: every manifest here is written by the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from treatydiff import manifest
from treatydiff.errors import RegistryError
from treatydiff.verdicts import remember_valid, remembered_valid

SCHEMA = '{"type": "object"}'
MANIFEST = """id: example-pact
titles:
  en: An Example Pact
parties: [AAA, BBB]
languages: [en]
sources:
  - publisher: the test itself
"""


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TREATYDIFF_CACHE", str(folder))
    return folder / "verdicts"


def test_an_acceptance_is_remembered_for_that_schema_and_content_only() -> None:
    data = {"id": "a", "n": 1}
    assert not remembered_valid(SCHEMA, data)
    remember_valid(SCHEMA, data)
    assert remembered_valid(SCHEMA, {"n": 1, "id": "a"})  # key order is not content
    assert not remembered_valid(SCHEMA, {"id": "a", "n": 2})
    assert not remembered_valid('{"type": "array"}', data)


@pytest.mark.parametrize(
    ("kept", "other"),
    [
        ({"k": 1}, {"k": True}),
        ({"k": 1}, {"k": 1.0}),
        ({"k": "1"}, {"k": 1}),
        ({"k": [1]}, {"k": (1,)}),
    ],
)
def test_values_jsonschema_tells_apart_never_share_a_verdict(kept: object, other: object) -> None:
    remember_valid(SCHEMA, kept)
    assert not remembered_valid(SCHEMA, other)


@pytest.mark.parametrize("data", [{1: "x"}, {"d": __import__("datetime").date(2001, 3, 12)}, {"s": {1, 2}}])
def test_documents_with_types_json_lacks_are_never_remembered(data: object, cache: Path) -> None:
    remember_valid(SCHEMA, data)
    assert not remembered_valid(SCHEMA, data)
    assert not cache.exists() or not any(cache.iterdir())


def test_a_cache_others_can_write_is_not_trusted(cache: Path) -> None:
    data = {"id": "a"}
    remember_valid(SCHEMA, data)
    os.chmod(cache, 0o777)
    assert not remembered_valid(SCHEMA, data)
    remember_valid(SCHEMA, {"id": "b"})
    os.chmod(cache, 0o700)
    assert not remembered_valid(SCHEMA, {"id": "b"})


def test_an_unusable_cache_only_means_validating_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TREATYDIFF_CACHE", str(blocker))
    remember_valid(SCHEMA, {"id": "a"})  # no error
    assert not remembered_valid(SCHEMA, {"id": "a"})


def _write(folder: Path, text: str) -> Path:
    path = folder / "example-pact.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_manifest_accepted_once_is_not_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, MANIFEST)
    assert manifest.parse_manifest(path).id == "example-pact"

    def no_validator() -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(manifest, "_validator", no_validator)
    assert manifest.parse_manifest(path).titles == {"en": "An Example Pact"}


def test_a_changed_manifest_is_validated_again_and_refused_at_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, MANIFEST)
    manifest.parse_manifest(path)
    _write(tmp_path, MANIFEST + "colour: blue\n")
    with pytest.raises(RegistryError) as refused:
        manifest.parse_manifest(path)
    assert "unknown key 'colour'" in str(refused.value)
    assert refused.value.line == 8
