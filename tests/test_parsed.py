"""ToTA agreements kept parsed in the store: the same result as parsing, never a stale or damaged one."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from treatydiff.corpus import Registry
from treatydiff.parsed import parser_key
from treatydiff.store import Store, _document_sha256, verify_body

pytestmark = pytest.mark.corpus


def _registry(store: Path, tota: Path) -> Registry:
    return Registry(store=Store(store), tota_dir=tota)


def _entries(store: Path) -> list[Path]:
    return sorted((store / "parsed" / "tota").glob("*.json"))


def _read_entry(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """An entry's header and its body document (without the checksum the header holds)."""
    head, _, body = path.read_bytes().partition(b"\n")
    return json.loads(head), json.loads(body)


def _same(a: Registry, b: Registry, ref: str) -> None:
    left, right = a.load(ref), b.load(ref)
    assert left.body == right.body
    assert left.meta == right.meta
    assert left.provenance.sha256 == right.provenance.sha256
    assert left.provenance.warnings == right.provenance.warnings


def test_a_kept_parse_is_the_parse(corpus_dir: Path, tmp_path: Path) -> None:
    tota = corpus_dir / "tota"
    first = _registry(tmp_path / "store", tota)
    for ref in ("tota:420", "tota:423", "tota:94"):
        first.load(ref)
    assert len(_entries(tmp_path / "store")) == 3
    assert all(path.name.endswith(f"-{parser_key()}.json") for path in _entries(tmp_path / "store"))
    fresh = _registry(tmp_path / "other-store", tota)
    for ref in ("tota:420", "tota:423", "tota:94"):
        _same(_registry(tmp_path / "store", tota), fresh, ref)  # read back from the kept entry


@pytest.mark.parametrize(
    "damage",
    ["truncate", "not-json", "edited-text", "edited-source", "other-file"],
)
def test_a_damaged_entry_is_parsed_again_and_replaced(corpus_dir: Path, tmp_path: Path, damage: str) -> None:
    tota = corpus_dir / "tota"
    store = tmp_path / "store"
    _registry(store, tota).load("tota:420")
    (entry,) = _entries(store)
    data = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "not-json":
        entry.write_bytes(b"\xff\xfe nothing")
    elif damage == "edited-text":
        header, document = _read_entry(entry)
        document["provisions"][3]["text"] = "The Parties shall never trade."
        entry.write_text(json.dumps(header) + "\n" + json.dumps(document), encoding="utf-8")
    elif damage == "edited-source":  # the spans still fit: only the checksums tell
        header, document = _read_entry(entry)
        document["source_text"] = document["source_text"].replace("Parties", "Partie5")
        entry.write_text(json.dumps(header) + "\n" + json.dumps(document), encoding="utf-8")
    else:  # another agreement's entry under this file's name
        _registry(tmp_path / "b", tota).load("tota:423")
        entry.write_bytes(_entries(tmp_path / "b")[0].read_bytes())
    _same(_registry(store, tota), _registry(tmp_path / "fresh", tota), "tota:420")
    assert _entries(store) == [entry]
    kept, fresh = (_read_entry(path)[1] for path in (entry, _entries(tmp_path / "fresh")[0]))
    assert kept["provisions"] == fresh["provisions"]  # replaced by a good entry


def test_an_entry_s_checksum_is_the_body_document_s(corpus_dir: Path, tmp_path: Path) -> None:
    """The bytes hashed on reading are the body's canonical JSON: the same checksum as a
    stored body's, over the same document."""
    _registry(tmp_path / "store", corpus_dir / "tota").load("tota:420")
    (entry,) = _entries(tmp_path / "store")
    header, document = _read_entry(entry)
    body_line = entry.read_bytes().partition(b"\n")[2]
    assert hashlib.sha256(body_line).hexdigest() == header["document_sha256"]
    assert _document_sha256(document) == header["document_sha256"]
    verify_body(
        {**document, "document_sha256": header["document_sha256"]},
        lang="en",
        sha256=document["source_sha256"],
    )


def test_a_changed_file_finds_no_stale_entry(corpus_dir: Path, tmp_path: Path) -> None:
    tota = tmp_path / "tota" / "xml"
    tota.mkdir(parents=True)
    original = (corpus_dir / "tota" / "xml" / "pta_420.xml").read_bytes()
    (tota / "pta_420.xml").write_bytes(original)
    store = tmp_path / "store"
    before = _registry(store, tota.parent).load("tota:420")
    (tota / "pta_420.xml").write_bytes(original.replace(b"Article 1", b"Article 1 ", 1))
    after = _registry(store, tota.parent).load("tota:420")
    assert after.provenance.sha256 != before.provenance.sha256
    assert len(_entries(store)) == 2


def test_an_index_build_keeps_no_parse(corpus_dir: Path, tmp_path: Path) -> None:
    from treatydiff.cli import main

    store = tmp_path / "store"
    refs = ["tota:420", "tota:423", "tota:430"]
    assert main(["index", "build", *refs, "--tota-dir", str(corpus_dir / "tota"), "--store", str(store)]) == 0
    assert _entries(store) == []


def test_a_kept_parse_read_from_another_copy_names_that_copy(corpus_dir: Path, tmp_path: Path) -> None:
    """The same bytes in two folders share one entry; its warnings name the file being read."""
    original = (corpus_dir / "tota" / "xml" / "pta_12.xml").read_bytes()
    folders = [tmp_path / name for name in ("first", "second")]
    for folder in folders:
        (folder / "xml").mkdir(parents=True)
        (folder / "xml" / "pta_12.xml").write_bytes(original)
    store = tmp_path / "store"
    for folder in folders:
        loaded = _registry(store, folder).load("tota:12")
        path = str(folder / "xml" / "pta_12.xml")
        assert loaded.provenance.file == path
        assert loaded.body.warnings  # pta_12 has numbers without their text
        assert all(warning.startswith(f"{path}: ") for warning in loaded.body.warnings)
        assert loaded.provenance.warnings == loaded.body.warnings
    assert len(_entries(store)) == 1
