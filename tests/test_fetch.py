"""ToTA downloads against a local HTTP server on 127.0.0.1 (no test reaches the internet)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from treatydiff.errors import FetchError, UnknownTreaty
from treatydiff.fetch import fetch_tota


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.corpus
def test_download_is_byte_identical_and_cached_atomically(
    tota_server: str, corpus_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "tota" / "pta_420.xml"
    assert fetch_tota(420, target, base_url=tota_server) == target
    assert target.read_bytes() == (corpus_dir / "tota" / "xml" / "pta_420.xml").read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["pta_420.xml"]


@pytest.mark.corpus
def test_missing_agreement_is_unknown_treaty(tota_server: str, tmp_path: Path) -> None:
    with pytest.raises(UnknownTreaty, match="ToTA has no agreement number 9999"):
        fetch_tota(9999, tmp_path / "pta_9999.xml", base_url=tota_server)
    assert not (tmp_path / "pta_9999.xml").exists()


def test_no_network_says_so_and_how_to_work_offline(tmp_path: Path) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_tota(420, tmp_path / "pta_420.xml", base_url=f"http://127.0.0.1:{_closed_port()}")
    message = str(caught.value)
    assert "cannot download tota:420" in message and "no network" in message
    assert "--tota-dir" in message and "\n" not in message
    assert not (tmp_path / "pta_420.xml").exists()
