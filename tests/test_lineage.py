"""Corpus lineage: the index file, hashed shingles, queries and the two commands.

Corpus tests index a handful of ToTA agreements (the Russian free-trade family and a
few unrelated ones); the whole corpus is indexed only in the slow test."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from treatydiff.cli import main
from treatydiff.corpus import Registry
from treatydiff.errors import StoreError, UnknownTreaty
from treatydiff.lineage.build import build_index
from treatydiff.lineage.index import Postings, index_path, open_index
from treatydiff.lineage.shingles import jaccard, shingle_features, shingle_pairs, shingle_set
from treatydiff.lineage.storage import read_arrays, write_arrays
from treatydiff.model import normalize_treaty_id
from treatydiff.store import Store

FAMILY = ("tota:420", "tota:421", "tota:423", "tota:424", "tota:43", "tota:94", "tota:422", "tota:76")
UNRELATED = ("tota:1", "tota:2", "tota:300")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- synthetic texts (written for these tests) ----------------------------------------


def test_shingles_never_cross_two_texts() -> None:
    docs, features, counts = shingle_pairs(["abcde", "fghij"])
    # " abcde " has three 5-grams, as has " fghij "; none spans "e  f"
    assert Counter(docs.tolist()) == {0: 3, 1: 3}
    assert counts.tolist() == [1] * 6
    assert len(set(features.tolist())) == 6


def test_repeated_shingles_are_counted() -> None:
    features = shingle_features("free trade free trade")
    assert max(features.values()) == 2


def test_jaccard_of_shingle_sets() -> None:
    a, b = shingle_set("the parties shall"), shingle_set("the parties may")
    assert 0 < jaccard(a, b) < 1
    assert jaccard(a, a) == 1.0
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_postings_cosine_matches_a_direct_computation() -> None:
    texts = ["customs duties on imports", "customs duties on exports", "entry into force of this agreement"]
    docs, features, counts = shingle_pairs(texts)
    total = len(texts)
    order = np.lexsort((docs, features))
    df = np.bincount(features, minlength=1 << 22)
    idf = np.log((total + 1) / (df + 1.0))
    weights = (1 + np.log(counts)) * idf[features]
    norms = np.sqrt(np.bincount(docs, weights=weights**2, minlength=total))
    postings = Postings(
        np.concatenate(([0], np.cumsum(df))),
        docs[order].astype(np.int32),
        counts[order].astype(np.uint8),
        norms.astype(np.float32),
    )
    query = shingle_features(texts[0])
    got = postings.cosines(query)
    vectors: list[dict[int, float]] = [{} for _ in texts]
    for d, f, c in zip(docs.tolist(), features.tolist(), counts.tolist(), strict=True):
        vectors[d][f] = (1 + math.log(c)) * idf[f]
    q = vectors[0]
    for d, vector in enumerate(vectors):
        dot = sum(w * vector.get(f, 0.0) for f, w in q.items())
        expected = dot / (math.sqrt(sum(w * w for w in q.values())) * norms[d])
        assert got[d] == pytest.approx(expected, rel=1e-5)
    assert got[0] == pytest.approx(1.0, rel=1e-5)
    assert got[1] > got[2]


def test_index_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "index.bin"
    arrays = {"a": np.arange(5, dtype=np.int32), "b": np.zeros(0, dtype=np.uint8), "c": np.ones(3)}
    write_arrays(path, {"members": ["x"]}, arrays)
    header, read = read_arrays(path)
    assert header["members"] == ["x"]
    assert read["a"].tolist() == [0, 1, 2, 3, 4]
    assert read["b"].shape == (0,)
    assert read["c"].tolist() == [1.0, 1.0, 1.0]


def test_a_truncated_or_foreign_index_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "index.bin"
    write_arrays(path, {}, {"a": np.arange(1000, dtype=np.int64)})
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(StoreError, match="truncated"):
        read_arrays(path)
    path.write_bytes(b"hello")
    with pytest.raises(StoreError, match="not a treatydiff lineage index"):
        read_arrays(path)
    with pytest.raises(StoreError, match="no lineage index yet"):
        read_arrays(tmp_path / "missing.bin")


def test_lineage_without_an_index_says_how_to_build_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "lineage", "tota:420:art-5", "--store", str(tmp_path))
    assert code == 2
    assert err.count("\n") == 1 and "no lineage index yet" in err and "treatydiff index build" in err


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2", "2.0 is larger than the maximum 1.0"),
        ("-0.5", "-0.5 is smaller than the minimum 0.0"),
        ("nan", "'nan' is not a number"),
        ("most", "'most' is not a number"),
    ],
)
def test_a_bad_minimum_similarity_is_one_usage_line(
    value: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "lineage", "tota:420:art-5", "--min", value, "--store", str(tmp_path))
    assert code == 2
    assert err.count("\n") == 1 and "'--min'" in err and message in err


# -- the real corpus ------------------------------------------------------------------


@pytest.fixture(scope="module")
def family_store(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("lineage-store")
    code = main(
        ["index", "build", *FAMILY, *UNRELATED, "--store", str(store), "--tota-dir", str(corpus_dir / "tota")]
    )
    assert code == 0
    return store


def _lineage(
    capsys: pytest.CaptureFixture[str], store: Path, corpus_dir: Path, *argv: str
) -> dict[str, object]:
    code, out, err = _run(
        capsys,
        "lineage",
        *argv,
        "--format",
        "json",
        "--store",
        str(store),
        "--tota-dir",
        str(corpus_dir / "tota"),
    )
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.corpus
def test_a_provision_of_420_finds_its_family_siblings(
    family_store: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _lineage(capsys, family_store, corpus_dir, "tota:420:art-5")
    relatives = found["relatives"]
    assert isinstance(relatives, list)
    treaties = {r["treaty"] for r in relatives}
    assert {"tota-423", "tota-421", "tota-424"} <= treaties
    assert not treaties & {"tota-1", "tota-2", "tota-300"}
    assert "tota-420" not in treaties
    for relative in relatives:
        assert 0 < relative["jaccard"] <= relative["similarity"] + 0.3
        assert relative["summary"]
        assert relative["citation"].startswith("tota:")


@pytest.mark.corpus
def test_relatives_come_in_date_order_the_earliest_family_member_first(
    family_store: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _lineage(capsys, family_store, corpus_dir, "tota:423:art-5")
    relatives = found["relatives"]
    assert isinstance(relatives, list)
    registry = Registry(store=Store(family_store), tota_dir=corpus_dir / "tota")
    dates = {r["treaty"]: registry.meta(r["treaty"]).signed_date for r in relatives}
    earliest = min(dates.values())
    assert relatives[0]["date"] == earliest
    assert [r["date"] for r in relatives] == sorted(r["date"] for r in relatives)
    query_date = found["query"]["date"]  # type: ignore[index]
    for relative in relatives:
        expected = (
            "earlier"
            if relative["date"] < query_date
            else "later"
            if relative["date"] > query_date
            else "same date"
        )
        assert relative["relation"] == expected


@pytest.mark.corpus
def test_an_unknown_provision_is_one_error_line(
    family_store: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys,
        "lineage",
        "tota:420:art-999",
        "--store",
        str(family_store),
        "--tota-dir",
        str(corpus_dir / "tota"),
    )
    assert code == 2
    assert "art-999" in err and "Traceback" not in err


@pytest.mark.corpus
def test_the_text_table_marks_ancestors_and_descendants(
    family_store: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(
        capsys,
        "lineage",
        "tota:423:art-5",
        "--store",
        str(family_store),
        "--tota-dir",
        str(corpus_dir / "tota"),
    )
    assert code == 0
    assert "earlier" in out and "later" in out and "tota:423:art-5" in out


@pytest.mark.corpus
def test_cross_language_relatives_through_the_lexicon(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    raw = corpus_dir / "un-charter" / "raw"
    for treaty, lang in (("un-charter", "en"), ("charter-copy-ru", "ru"), ("charter-copy-en", "en")):
        code, _out, err = _run(
            capsys,
            "ingest",
            treaty,
            str(raw / f"raw_un_charter_{lang}.txt"),
            "--lang",
            lang,
            "--store",
            str(store),
        )
        assert code == 0, err
    registry = Registry(store=Store(store), tota_dir=corpus_dir / "tota")
    build_index(
        registry,
        index_path(registry.store),
        [("un-charter", "en"), ("charter-copy-ru", "ru"), ("charter-copy-en", "en"), ("tota-420", None)],
    )
    found = _lineage(capsys, store, corpus_dir, "un-charter:art-51", "--lang", "ru")
    relatives = found["relatives"]
    assert isinstance(relatives, list) and relatives
    assert relatives[0]["citation"] == "charter-copy-ru:art-51"
    assert relatives[0]["jaccard"] is None
    # a paragraph is not indexed (articles are): its text comes from the registry
    paragraph = _lineage(capsys, store, corpus_dir, "un-charter:art-2.p4")
    assert [r["citation"] for r in paragraph["relatives"]] == ["charter-copy-en:art-2"]  # type: ignore[union-attr]


def _reference_cosines(postings: Postings, query: dict[int, int]) -> np.ndarray:
    """The cosines as first written: one fancy-indexed ``+=`` per feature, in query order."""
    total = len(postings.norms)
    features = np.fromiter(query.keys(), dtype=np.int64, count=len(query))
    tf = np.fromiter(query.values(), dtype=np.float64, count=len(query))
    starts, ends = postings.indptr[features], postings.indptr[features + 1]
    idf = np.log((total + 1) / (ends - starts + 1.0))
    weights = (1 + np.log(tf)) * idf
    query_norm = float(np.sqrt(np.sum(weights**2)))
    tf_weight = 1 + np.log(np.maximum(np.arange(256), 1))
    dots = np.zeros(total)
    for start, end, factor in zip(starts.tolist(), ends.tolist(), (weights * idf).tolist(), strict=True):
        if end > start:
            dots[postings.docs[start:end]] += factor * tf_weight[postings.counts[start:end]]
    norms = postings.norms.astype(np.float64) * query_norm
    return np.divide(dots, norms, out=np.zeros(total), where=norms > 0)


@pytest.mark.corpus
def test_cosines_over_a_real_index_are_the_reference_sums_exactly(family_store: Path) -> None:
    index = open_index(index_path(Store(family_store)))
    for doc in range(0, len(index), max(1, len(index) // 40)):
        query = shingle_features(index.text(doc))
        assert np.array_equal(index.shingles.cosines(query), _reference_cosines(index.shingles, query)), doc


@pytest.mark.corpus
def test_a_provision_in_the_index_is_answered_without_opening_the_registry(family_store: Path) -> None:
    from treatydiff.lineage.report import query
    from treatydiff.model import Citation

    index = open_index(index_path(Store(family_store)))

    def no_registry() -> Registry:
        raise AssertionError("the registry was opened")

    found = query(index, no_registry, Citation.parse("tota:420:art-5"))
    assert found.relatives and found.provision == "art-5"


@pytest.mark.corpus
def test_worker_processes_write_the_same_file_byte_for_byte(corpus_dir: Path, tmp_path: Path) -> None:
    registry = Registry(store=Store(tmp_path / "store"), tota_dir=corpus_dir / "tota")
    refs = [(normalize_treaty_id(ref), None) for ref in (*FAMILY, *UNRELATED)]
    serial, parallel = tmp_path / "serial.bin", tmp_path / "parallel.bin"
    seen: list[tuple[int, int, str]] = []
    assert build_index(registry, serial, refs, workers=0) == build_index(
        registry, parallel, refs, lambda *step: seen.append(step), workers=2
    )
    assert serial.read_bytes() == parallel.read_bytes()
    assert [done for done, _total, _what in seen] == list(range(1, len(refs) + 1))
    assert seen[0][2] == "tota-420 (en)"


@pytest.mark.corpus
def test_a_text_that_fails_in_a_worker_raises_the_serial_error(corpus_dir: Path, tmp_path: Path) -> None:
    registry = Registry(store=Store(tmp_path / "store"), tota_dir=corpus_dir / "tota")
    refs = [("tota-420", None), ("tota-9999", None), ("tota-423", None)]
    with pytest.raises(UnknownTreaty) as serial:
        build_index(registry, tmp_path / "serial.bin", refs, workers=0)
    with pytest.raises(UnknownTreaty) as parallel:
        build_index(registry, tmp_path / "parallel.bin", refs, workers=2)
    assert str(parallel.value) == str(serial.value)
    assert "9999" in str(serial.value)
    assert not (tmp_path / "parallel.bin").exists()


@pytest.mark.corpus
@pytest.mark.slow
def test_the_whole_tota_corpus_indexes_and_answers(corpus_dir: Path, tmp_path: Path) -> None:
    registry = Registry(store=Store(tmp_path), tota_dir=corpus_dir / "tota")
    members, provisions = build_index(registry, index_path(registry.store))
    assert members == 450
    assert provisions > 35_000
    index = open_index(index_path(registry.store))
    doc = index.find("tota-420", None, "art-5")
    assert doc is not None


@pytest.mark.corpus
def test_a_json_query_loads_neither_registry_nor_parsers(family_store: Path, corpus_dir: Path) -> None:
    import subprocess
    import sys

    probe = (
        "import json, sys\n"
        "from treatydiff.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}))\n"
    )
    argv = ["lineage", "tota:420:art-5", "--format", "json", "--store", str(family_store),
            "--tota-dir", str(corpus_dir / "tota")]  # fmt: skip
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["code"] == 0
    parsers = ("treatydiff.ingest.tota", "treatydiff.ingest.text", "treatydiff.ingest.structure")
    heavy = ("treatydiff.corpus", "treatydiff.manifest", *parsers, "treatydiff.align.units", "lxml", "rich")
    assert [m for m in report["modules"] if m.startswith(heavy)] == []
