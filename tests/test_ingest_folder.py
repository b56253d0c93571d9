# synthetic: the ToTA-shaped XML written here was made for these tests (tests/test_ingest_tota.py's
# helper); the corpus test reads ../shared/corpus/tota and skips when it is absent.
"""A folder of ToTA files parsed in worker processes: the same bodies, in order, and the same errors."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from tests.test_ingest_tota import SYNTHETIC, tota_xml
from treatydiff.errors import IngestError
from treatydiff.ingest import parse_tota
from treatydiff.ingest.folder import default_workers, pack_body, parse_tota_files, start_method, unpack_body


def _write(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(1, count + 1):
        path = folder / f"pta_{n}.xml"
        path.write_bytes(SYNTHETIC.replace(b">9001<", f">{n}<".encode()))
        paths.append(path)
    return paths


def test_pack_round_trip_keeps_every_field() -> None:
    _meta, body = parse_tota(SYNTHETIC, origin="synthetic.xml")
    assert unpack_body(pack_body(body)) == body


def test_workers_give_the_bodies_of_a_parse_here_in_file_order(tmp_path: Path) -> None:
    paths = _write(tmp_path, 5)
    here = [parse_tota(p.read_bytes(), origin=str(p)) for p in paths]
    done: list[int] = []
    found = parse_tota_files(paths, workers=2, progress=lambda n, total, _name: done.append(n))
    assert found == here
    assert [meta.id for meta, _body in found] == [f"tota-{n}" for n in range(1, 6)]
    assert done == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("workers", [0, 2])
def test_a_bad_file_raises_its_own_error_naming_it(tmp_path: Path, workers: int) -> None:
    paths = _write(tmp_path, 4)
    paths[2].write_bytes(tota_xml("<chapter><article>unclosed</chapter>"))
    with pytest.raises(IngestError, match="malformed XML") as caught:
        parse_tota_files(paths, workers=workers)
    assert caught.value.file == str(paths[2])


def test_few_files_are_parsed_in_this_process() -> None:
    assert default_workers(3) == 0


@pytest.mark.corpus
def test_corpus_sample_matches_a_parse_here(corpus_dir: Path) -> None:
    paths = sorted((corpus_dir / "tota" / "xml").glob("pta_*.xml"), key=lambda p: int(p.stem[4:]))[::45]
    here = [parse_tota(p.read_bytes(), origin=str(p)) for p in paths]
    assert parse_tota_files(paths, workers=2) == here


def test_workers_are_spawned_while_another_thread_runs(tmp_path: Path) -> None:
    # fork would copy the thread mid-work; with this thread alone, fork starts them sooner
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        assert start_method() == "fork"
    paths = _write(tmp_path, 3)
    here = [parse_tota(p.read_bytes(), origin=str(p)) for p in paths]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert start_method() == "spawn"
        assert parse_tota_files(paths, workers=2) == here
    finally:
        stop.set()
        thread.join()
