"""The local store: versions, atomic writes, verified reads of corrupt files, unsafe ids (synthetic data)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from treatydiff.errors import StoreError, TreatydiffError
from treatydiff.model import Body, Provenance, Provision, Span
from treatydiff.store import Store, body_to_dict, default_store_dir, source_sha256, write_atomic

ROOT = Path(__file__).resolve().parents[1]

# synthetic: a two-article body written for this test
SOURCE = "Article 1\nThe parties shall meet.\nArticle 2\n1. Each party may leave.\n"


def _body(source: str = SOURCE) -> Body:
    second = source.index("Article 2")
    point = source.index("1. Each")
    para = Provision(
        "art-2.1", "paragraph", "Article 2(1)", source[point:], Span(point, len(source)), number="1"
    )
    return Body(
        lang="en",
        source_text=source,
        provisions=(
            Provision("art-1", "article", "Article 1", source[:second], Span(0, second), number="1"),
            Provision(
                "art-2",
                "article",
                "Article 2",
                source[second:],
                Span(second, len(source)),
                number="2",
                children=(para,),
            ),
        ),
        title="Synthetic agreement",
    )


PROVENANCE = Provenance(
    file="/tmp/x.txt", sha256="0" * 64, ingested_at="2026-11-25T00:00:00+00:00", parser="text"
)


def test_body_round_trip(tmp_path: Path) -> None:
    store = Store(tmp_path)
    saved = store.save_body("example-a", _body(), PROVENANCE)
    sha = source_sha256(SOURCE)
    assert saved.version.path == tmp_path / "bodies" / "example-a" / "en" / f"1-{sha}.json"
    assert (saved.replaced, saved.unchanged) == (None, False)
    loaded = store.load_body("example-a", "en")
    assert loaded == (_body(), PROVENANCE)
    assert store.langs("example-a") == ["en"]
    assert store.load_body("example-a", "ru") is None


def test_a_saved_body_matches_the_published_schema(tmp_path: Path) -> None:
    path = Store(tmp_path).save_body("example-a", _body(), PROVENANCE).version.path
    schema = json.loads((ROOT / "docs" / "schemas" / "body-2.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    packaged = ROOT / "treatydiff" / "schemas" / "body-2.schema.json"
    assert packaged.read_text(encoding="utf-8") == (
        ROOT / "docs" / "schemas" / "body-2.schema.json"
    ).read_text(encoding="utf-8")


def test_every_version_is_kept_and_the_newest_is_current(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = store.save_body("example-a", _body(), PROVENANCE)
    changed = _body(SOURCE.replace("meet", "gather"))
    second = store.save_body("example-a", changed, PROVENANCE)
    assert second.replaced == first.version and second.version.number == 2
    assert store.load_body("example-a", "en") == (changed, PROVENANCE)
    assert store.load_body("example-a", "en", "1") == (_body(), PROVENANCE)
    assert store.load_body("example-a", "en", first.version.sha256[:8]) == (_body(), PROVENANCE)  # type: ignore[index]
    again = store.save_body("example-a", changed, PROVENANCE)
    assert again.unchanged and again.version == second.version
    back = store.save_body("example-a", _body(), PROVENANCE)  # the first text again: moved to the top
    assert back.moved and back.version.number == 3
    assert [v.number for v in store.versions("example-a", "en")] == [2, 3]
    assert store.load_body("example-a", "en") == (_body(), PROVENANCE)
    history = store.history("example-a", "en")
    assert [(h.version.number, h.current, h.error) for h in history] == [(2, False, None), (3, True, None)]
    with pytest.raises(StoreError, match="names no stored version.*v2.*v3"):
        store.load_body("example-a", "en", "7")


def test_a_layout_1_store_keeps_working_and_migrates_on_the_next_ingest(tmp_path: Path) -> None:
    legacy = tmp_path / "bodies" / "example-a" / "en.json"
    legacy.parent.mkdir(parents=True)
    document = body_to_dict(_body(), PROVENANCE)
    document["format"] = "treatydiff.body/1"
    del document["source_sha256"], document["document_sha256"]
    legacy.write_text(json.dumps(document), encoding="utf-8")
    store = Store(tmp_path)
    assert store.langs("example-a") == ["en"]
    assert store.load_body("example-a", "en") == (_body(), PROVENANCE)
    assert store.versions("example-a", "en")[0].name == "v0 (layout 1)"
    changed = _body(SOURCE.replace("meet", "gather"))
    store.save_body("example-a", changed, PROVENANCE)
    assert not legacy.exists()
    assert [v.number for v in store.versions("example-a", "en")] == [0, 1]
    assert store.load_body("example-a", "en", "0") == (_body(), PROVENANCE)
    assert store.load_body("example-a", "en") == (changed, PROVENANCE)


def _tamper(document: dict[str, Any], change: str) -> Any:
    """One corruption of a stored body (each found by the hostile-input review)."""
    provisions = document["provisions"]
    if change == "null":
        return None
    if change == "list":
        return []
    if change == "string":
        return "body"
    if change == "deep-tree":
        node: dict[str, Any] = dict(provisions[0])
        for _ in range(40):
            node = {**provisions[0], "children": [node]}
        document["provisions"] = [node]
    elif change == "text-tampered":
        document["source_text"] = document["source_text"].replace("meet", "part")
        provisions[0]["text"] = provisions[0]["text"].replace("meet", "part")
    elif change == "provision-text":
        provisions[0]["text"] = "The parties shall never meet."
    elif change == "span-out-of-range":
        provisions[1]["span"] = [0, 10_000]
    elif change == "span-negative":
        provisions[0]["span"] = [-5, 3]
    elif change == "span-floats":
        provisions[0]["span"] = [0.0, 10.5]
    elif change == "span-bools":
        provisions[0]["span"] = [False, True]
    elif change == "child-outside-parent":
        provisions[1]["children"][0]["span"] = provisions[0]["span"]
        provisions[1]["children"][0]["text"] = provisions[0]["text"]
    elif change == "lang-path":
        document["lang"] = "../../x"
    elif change == "lang-other":
        document["lang"] = "ru"
    elif change == "duplicate-ids":
        provisions[1]["id"] = provisions[0]["id"]
    elif change == "bad-id":
        provisions[0]["id"] = "../../etc"
    elif change == "empty-provisions":
        document["provisions"] = []
    elif change == "provisions-null":
        document["provisions"] = None
    elif change == "kind":
        provisions[0]["kind"] = "<script>"
    elif change == "label-number":
        provisions[0]["label"] = 7
    elif change == "children-dict":
        provisions[1]["children"] = {"a": 1}
    elif change == "title-list":
        document["title"] = ["x"]
    elif change == "warnings-text":
        document["warnings"] = "boom"
    elif change == "provenance-missing":
        del document["provenance"]
    elif change == "provenance-sha":
        document["provenance"]["sha256"] = "nope"
    elif change == "checksum-swapped":
        document["source_sha256"] = "0" * 64
    elif change == "format":
        document["format"] = "treatydiff.body/9"
    elif change == "unknown-key":
        document["extra"] = 1
    elif change == "label-changed":
        provisions[0]["label"] = "Article 99"
    elif change == "warnings-dropped":
        document["provenance"]["warnings"] = []
        document["warnings"] = ["added"]
    elif change == "document-checksum":
        document["document_sha256"] = "f" * 64
    elif change == "empty-text":
        document["source_text"] = "  "
    return document


CORRUPTIONS = [
    "null", "list", "string", "deep-tree", "text-tampered", "provision-text",
    "span-out-of-range", "span-negative", "span-floats", "span-bools", "child-outside-parent",
    "lang-path", "lang-other", "duplicate-ids", "bad-id", "empty-provisions", "provisions-null",
    "kind", "label-number", "children-dict", "title-list", "warnings-text", "provenance-missing",
    "provenance-sha", "checksum-swapped", "format", "unknown-key", "empty-text", "label-changed",
    "warnings-dropped", "document-checksum",
]  # fmt: skip


@pytest.mark.parametrize("change", CORRUPTIONS)
def test_a_corrupt_body_is_refused_with_one_line_naming_the_file(tmp_path: Path, change: str) -> None:
    store = Store(tmp_path)
    path = store.save_body("example-a", _body(), PROVENANCE).version.path
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(_tamper(document, change)), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        store.load_body("example-a", "en")
    message = str(caught.value)
    assert message.startswith(f"{path}: stored en text of example-a, v1 (")
    assert "treatydiff ingest example-a FILE --lang en" in message and "\n" not in message
    [info] = store.history("example-a", "en")
    assert info.error is not None and info.provenance is None


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"\xff\xfe",
        b"[" * 100_000,
        b"[" * 50_000 + b"]" * 50_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    ],
    ids=["empty", "truncated", "not-utf8", "unclosed-deep", "deep-list", "deep-object"],
)
def test_unreadable_bytes_are_refused(tmp_path: Path, raw: bytes) -> None:
    store = Store(tmp_path)
    path = store.save_body("example-a", _body(), PROVENANCE).version.path
    path.write_bytes(raw)
    with pytest.raises(StoreError, match="is corrupt"):
        store.load_body("example-a", "en")


def test_corrupt_body_names_file_and_fix(tmp_path: Path) -> None:
    store = Store(tmp_path)
    path = store.save_body("example-a", _body(), PROVENANCE).version.path
    path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        store.load_body("example-a", "en")
    message = str(caught.value)
    assert str(path) in message and "treatydiff ingest example-a" in message and "\n" not in message


@pytest.mark.parametrize("bad", ["../etc", "a/b", "..", "x y"])
def test_store_refuses_unsafe_treaty_ids(tmp_path: Path, bad: str) -> None:
    with pytest.raises(TreatydiffError):
        Store(tmp_path).body_path(bad, "en")


@pytest.mark.parametrize("bad", ["../en", "e", "EN", "en/x", "en-US", "english", "xx", "eng"])
def test_store_refuses_unsafe_langs(tmp_path: Path, bad: str) -> None:
    with pytest.raises(TreatydiffError):
        Store(tmp_path).body_path("example-a", bad)


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.json"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]


def test_write_atomic_gives_normal_permissions(tmp_path: Path) -> None:
    fresh = tmp_path / "report.html"
    write_atomic(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    fresh.chmod(0o640)
    write_atomic(fresh, b"y")
    assert fresh.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_write_atomic_failure_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, step, disk_full)  # the write of the target itself fails midway
    with pytest.raises(StoreError, match="No space left on device"):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]  # no temporary file left behind


def test_write_atomic_into_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("not a folder")
    with pytest.raises(StoreError, match="blocker"):
        write_atomic(tmp_path / "blocker" / "x.json", b"new")


def test_store_location_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "s"))
    assert default_store_dir() == tmp_path / "s"
    assert Store().root == tmp_path / "s"
