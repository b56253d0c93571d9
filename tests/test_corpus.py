"""The registry: shipped manifests, ingest into the store, ToTA access (folder, download)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from treatydiff.corpus import Registry, default_texts_dir, parse_manifest
from treatydiff.errors import FetchError, IngestError, RegistryError, UnknownTreaty
from treatydiff.store import Store

TEXTS = default_texts_dir()


@pytest.mark.parametrize("path", sorted(TEXTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_manifest_parses(path: Path) -> None:
    meta = parse_manifest(path)
    assert meta.id == path.stem
    assert meta.titles and meta.sources
    assert all(len(code) == 3 and code.isupper() for code in meta.parties)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id: example-a\ntitles: {en: A}\ncolour: red\n", "unknown key 'colour'"),
        ("id: other\ntitles: {en: A}\n", "does not match the file name"),
        ("id: example-a\ntitles: [A]\n", "titles must map language codes"),
        ("id: example-a\ntitles: {en: A\n", r"example-a\.yaml:\d+: YAML syntax error"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_bad_manifest_names_the_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "example-a.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError, match=expected) as caught:
        parse_manifest(path)
    assert str(path) in str(caught.value)


@pytest.fixture
def registry(tmp_path: Path, corpus_dir: Path) -> Registry:
    return Registry(store=Store(tmp_path / "store"), tota_dir=corpus_dir / "tota")


@pytest.fixture
def charter(registry: Registry, corpus_dir: Path) -> Registry:
    """The registry with the English and Russian UN Charter ingested."""
    for lang in ("en", "ru"):
        result = registry.ingest(
            "un-charter", corpus_dir / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt", lang=lang
        )
        assert result.warnings == (), result.warnings  # 111 articles and 19 chapters, as the manifest expects
    return registry


@pytest.mark.corpus
def test_un_charter_languages_share_their_ids(charter: Registry) -> None:
    english, russian = charter.load("un-charter", "en"), charter.load("un-charter", "ru")
    ids = [p.id for p in english.body.articles()]
    assert ids == [f"art-{n}" for n in range(1, 112)]
    assert [p.id for p in russian.body.articles()] == ids
    chapters = [p for p in russian.body.walk() if p.kind == "chapter"]
    assert len(chapters) == 19 and chapters[8].id == "ch-9"  # written "ГЛАВА IX" in the Russian text
    assert russian.get("art-51").label.startswith("Статья 51")
    assert english.get("art-51").label.startswith("Article 51")


@pytest.mark.corpus
def test_ingest_keeps_provenance(charter: Registry, corpus_dir: Path) -> None:
    treaty = charter.load("un-charter", "ru")
    source = corpus_dir / "un-charter" / "raw" / "raw_un_charter_ru.txt"
    assert treaty.provenance.file == str(source.resolve())
    assert treaty.provenance.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert treaty.provenance.ingested_at.endswith("+00:00")


@pytest.mark.corpus
def test_default_language_is_the_manifests_first_available(charter: Registry) -> None:
    assert charter.load("un-charter").lang == "en"


@pytest.mark.corpus
def test_structure_mismatch_warns_or_fails_with_strict(registry: Registry, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"  # synthetic: two articles where the manifest expects 111
    short.write_text("Article 1\nThe Members shall test.\n\nArticle 2\nThey may stop.\n", encoding="utf-8")
    result = registry.ingest("un-charter", short, lang="en")
    assert any("found 2 articles, the manifest of un-charter expects 111" in w for w in result.warnings)
    with pytest.raises(IngestError, match="expects 111"):
        registry.ingest("un-charter", short, lang="fr", strict=True)
    assert registry.store.langs("un-charter") == ["en"]  # the strict failure stored nothing


@pytest.mark.corpus
def test_ingest_under_a_new_id_creates_a_minimal_manifest(registry: Registry, tmp_path: Path) -> None:
    text = tmp_path / "pact.txt"  # synthetic
    text.write_text(
        "Pact of Synthetic Friendship\n\nArticle 1\nThe Parties shall be friends.\n", encoding="utf-8"
    )
    result = registry.ingest("example-pact", text)
    assert result.created_manifest == registry.store.manifest_path("example-pact")
    meta = Registry(store=registry.store).meta("example-pact")
    assert meta.title("en") == "Pact of Synthetic Friendship"
    assert [e.meta.id for e in registry.entries() if e.origin == "store"] == ["example-pact"]


@pytest.mark.corpus
def test_tota_reads_the_local_folder(registry: Registry) -> None:
    treaty = registry.load("tota:420")
    assert treaty.meta.id == "tota-420" and treaty.meta.parties == ("BLR", "RUS")
    assert treaty.meta.licence and "CC BY-NC" in treaty.meta.licence
    assert treaty.provenance.parser == "tota-xml"


@pytest.mark.corpus
def test_unknown_ids(registry: Registry) -> None:
    with pytest.raises(UnknownTreaty, match="unknown treaty 'no-such-pact'"):
        registry.load("no-such-pact")
    with pytest.raises(UnknownTreaty, match="no ToTA agreement number 999"):
        registry.load("tota:999")


@pytest.fixture
def served_tota(tota_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The local ToTA server set as the download base URL."""
    monkeypatch.setenv("TREATYDIFF_TOTA_URL", tota_server)
    return tota_server


@pytest.mark.corpus
def test_tota_without_folder_is_downloaded_once_and_cached(
    served_tota: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TREATYDIFF_TOTA_DIR", raising=False)
    store = Store(tmp_path / "store")
    treaty = Registry(store=store).load("tota:423")
    assert treaty.meta.parties == ("KAZ", "RUS")
    assert store.tota_path(423).is_file()
    monkeypatch.setenv("TREATYDIFF_TOTA_URL", "http://127.0.0.1:9")  # now offline: the cache must serve
    assert Registry(store=store).load("tota:423").body == treaty.body


def test_tota_without_folder_or_network_says_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TREATYDIFF_TOTA_DIR", raising=False)
    monkeypatch.setenv("TREATYDIFF_TOTA_URL", "http://127.0.0.1:9")
    with pytest.raises(FetchError, match="no network.*--tota-dir"):
        Registry(store=Store(tmp_path)).load("tota:420")


@pytest.mark.corpus
def test_tota_ingested_at_is_when_the_tool_read_it(tmp_path: Path, corpus_dir: Path) -> None:
    import datetime as dt
    import os
    import shutil

    folder = tmp_path / "tota" / "xml"
    folder.mkdir(parents=True)
    copy = folder / "pta_423.xml"
    shutil.copy(corpus_dir / "tota" / "xml" / "pta_423.xml", copy)
    os.utime(copy, (978307200, 978307200))  # the file says 2001-01-01
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    treaty = Registry(store=Store(tmp_path / "store"), tota_dir=tmp_path / "tota").load("tota:423")
    assert dt.datetime.fromisoformat(treaty.provenance.ingested_at) >= before
