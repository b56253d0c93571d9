"""The local store: atomic writes, body round trips, corrupt files, unsafe ids (synthetic data)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from treatydiff.errors import StoreError, TreatydiffError
from treatydiff.model import Body, Provenance, Provision, Span
from treatydiff.store import Store, default_store_dir, write_atomic

# synthetic: a two-article body written for this test
SOURCE = "Article 1\nThe parties shall meet.\nArticle 2\n1. Each party may leave.\n"


def _body() -> Body:
    second = SOURCE.index("Article 2")
    point = SOURCE.index("1. Each")
    para = Provision(
        "art-2.1", "paragraph", "Article 2(1)", SOURCE[point:], Span(point, len(SOURCE)), number="1"
    )
    return Body(
        lang="en",
        source_text=SOURCE,
        provisions=(
            Provision("art-1", "article", "Article 1", SOURCE[:second], Span(0, second), number="1"),
            Provision(
                "art-2",
                "article",
                "Article 2",
                SOURCE[second:],
                Span(second, len(SOURCE)),
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
    path = store.save_body("example-a", _body(), PROVENANCE)
    assert path == tmp_path / "bodies" / "example-a" / "en.json"
    loaded = store.load_body("example-a", "en")
    assert loaded == (_body(), PROVENANCE)
    assert store.langs("example-a") == ["en"]
    assert store.load_body("example-a", "ru") is None


def test_corrupt_body_names_file_and_fix(tmp_path: Path) -> None:
    store = Store(tmp_path)
    path = store.save_body("example-a", _body(), PROVENANCE)
    path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        store.load_body("example-a", "en")
    message = str(caught.value)
    assert str(path) in message and "treatydiff ingest example-a" in message and "\n" not in message


@pytest.mark.parametrize("bad", ["../etc", "a/b", "..", "x y"])
def test_store_refuses_unsafe_treaty_ids(tmp_path: Path, bad: str) -> None:
    with pytest.raises(TreatydiffError):
        Store(tmp_path).body_path(bad, "en")


@pytest.mark.parametrize("bad", ["../en", "e", "EN", "en/x"])
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
