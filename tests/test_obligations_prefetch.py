"""The obligation analysis of a large pair in a second process gives what this process gives.

All texts here are SYNTHETIC (tests/factories.py): invented articles in treaty style.
"""

from __future__ import annotations

import io
import pickle

import pytest
from factories import LEFT_TEXTS, RIGHT_TEXTS, RIGHT_TEXTS_RU, treaty

from treatydiff.compare import compare
from treatydiff.model import Treaty
from treatydiff.obligations import extract, prefetch


def _large(tid: str, texts: dict[str, str], copies: int, lang: str = "en") -> Treaty:
    """The synthetic articles repeated ``copies`` times, each copy numbered on, with a lead-in
    and its points so that points inherit their chapeau."""
    many: dict[str, str] = {}
    for copy in range(copies):
        for pid, text in texts.items():
            number, dot, rest = pid.removeprefix("art-").partition(".")
            many[f"art-{copy * 10 + int(number)}{dot}{rest}"] = f"{text} (copy {copy})"
    return treaty(tid, "A synthetic agreement", many, lang=lang)


def test_the_worker_serves_what_extract_finds() -> None:
    jobs = [("en", list(LEFT_TEXTS.values())), ("ru", list(RIGHT_TEXTS_RU.values()))]
    out = io.BytesIO()
    prefetch.serve(io.BytesIO(pickle.dumps(jobs)), out)
    expected = [[extract(text, lang) for text in texts] for lang, texts in jobs]
    assert pickle.loads(out.getvalue()) == expected
    assert any(found for found in expected[0])  # the texts do hold statements


def test_a_small_pair_is_analysed_here() -> None:
    left, right = treaty("xa-1", "Left", LEFT_TEXTS), treaty("xb-1", "Right", RIGHT_TEXTS)
    assert prefetch.start(left.body, right.body) is None


def test_languages_without_a_vocabulary_start_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefetch, "PREFETCH_FROM", 0)
    left = treaty("xa-1", "Izquierda", {"art-1": "Las Partes cooperarán."}, lang="es")
    assert prefetch.start(left.body, left.body) is None


def test_the_worker_finds_each_leaf_s_statements(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefetch, "PREFETCH_FROM", 0)
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    left, right = _large("xa-1", LEFT_TEXTS, 3), _large("xb-1", RIGHT_TEXTS_RU, 3, lang="ru")
    started = prefetch.start(left.body, right.body)
    assert started is not None
    for body in (left.body, right.body):
        texts = prefetch.leaf_texts(body)
        assert dict(started.known(body.lang)) == {text: extract(text, body.lang) for text in texts}


def test_a_comparison_is_the_same_with_and_without_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    left, right = _large("xa-1", LEFT_TEXTS, 4), _large("xb-1", RIGHT_TEXTS, 4)
    monkeypatch.setattr(prefetch, "PREFETCH_FROM", 10**12)
    here = compare(left, right)
    monkeypatch.setattr(prefetch, "PREFETCH_FROM", 0)
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    started: list[prefetch.Prefetch | None] = []
    real_start = prefetch.start
    monkeypatch.setattr(prefetch, "start", lambda a, b: started.append(real_start(a, b)) or started[-1])
    there = compare(left, right)
    assert started and started[0] is not None  # the worker did run
    assert there.rows == here.rows
    assert any(row.obligation is not None and row.obligation.changed for row in there.rows)


def test_a_worker_that_fails_leaves_the_analysis_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    left, right = _large("xa-1", LEFT_TEXTS, 2), _large("xb-1", RIGHT_TEXTS, 2)
    here = compare(left, right)
    monkeypatch.setattr(prefetch, "PREFETCH_FROM", 0)
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    monkeypatch.setattr(prefetch, "_WORKER", "import sys; sys.exit(3)")
    started = prefetch.start(left.body, right.body)
    assert started is not None and started.known("en") == {}
    assert compare(left, right).rows == here.rows
