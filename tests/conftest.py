"""Shared fixtures. Real treaty texts are never copied into the repository: tests that
need them read the reference corpus next to it (``../shared/corpus``) and skip when it
is absent."""

from __future__ import annotations

import functools
import http.server
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests without their own example count run this many: "slow" is the CI profile
# (scripts/test.sh), 10,000 examples per parser; the default keeps local runs quick. No
# deadline: no test is timed, and on a loaded 2-core machine one example may wait.
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("slow", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("TREATYDIFF_HYPOTHESIS", "default"))

# Schema verdicts (treatydiff.verdicts) go to a folder of this run, never the user's cache.
os.environ["TREATYDIFF_CACHE"] = tempfile.mkdtemp(prefix="treatydiff-test-cache-")

pytest_plugins = ["pytester"]  # tests/test_markers.py runs this conftest on example tests

_DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that reads the corpus must carry ``@pytest.mark.corpus``, so that
    ``-m "not corpus"`` really leaves out every test that needs it."""
    if "corpus_dir" in getattr(item, "fixturenames", ()) and item.get_closest_marker("corpus") is None:
        pytest.fail(f"{item.nodeid} uses corpus_dir without @pytest.mark.corpus", pytrace=False)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared reference corpus (``$TREATYDIFF_CORPUS`` or ``../shared/corpus``)."""
    path = Path(os.environ.get("TREATYDIFF_CORPUS", _DEFAULT_CORPUS))
    if not (path / "tota" / "xml").is_dir():
        pytest.skip(f"reference corpus not found at {path} (set TREATYDIFF_CORPUS)")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
        pass


@pytest.fixture
def tota_server(corpus_dir: Path) -> Iterator[str]:
    """The shared ToTA folder served on http://127.0.0.1:PORT, laid out like the ToTA
    repository's raw files (``/xml/pta_N.xml``); no test reaches the internet."""
    handler = functools.partial(_QuietHandler, directory=str(corpus_dir / "tota"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
