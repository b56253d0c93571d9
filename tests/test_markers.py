"""The suite's own rule: a test that reads the shared corpus carries ``@pytest.mark.corpus``."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")


def test_a_corpus_test_without_the_marker_fails(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    corpus: reads the corpus\n")
    (pytester.path / "corpus" / "tota" / "xml").mkdir(parents=True)  # an (empty) corpus folder
    monkeypatch.setenv("TREATYDIFF_CORPUS", str(pytester.path / "corpus"))
    pytester.makepyfile(
        test_example="""
        import pytest

        def test_unmarked(corpus_dir):
            pass

        @pytest.fixture
        def through_a_fixture(corpus_dir):
            return corpus_dir

        def test_unmarked_through_a_fixture(through_a_fixture):
            pass

        @pytest.mark.corpus
        def test_marked(corpus_dir):
            pass

        def test_without_the_corpus():
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*test_unmarked uses corpus_dir without @pytest.mark.corpus*",
            "*test_unmarked_through_a_fixture uses corpus_dir without @pytest.mark.corpus*",
        ],
        consecutive=False,
    )
