"""The obligation analysis of a large pair, run in a second process while the aligner works.

``compare`` starts it before aligning: the worker runs :func:`extract` on every leaf text of
both bodies (a statement depends on its text and language alone), and the rows are then
annotated from its results, so on two cores the analysis of a large pair costs the time it
takes beside the alignment, not after it. A small pair, one core, or a worker that cannot
start or fails: every text is analysed in this process instead, with the same results.

The worker is a fresh interpreter (``python -c``) that imports this module from the same
folder as this process did; its input and output are pickles through its standard streams.
Not ``multiprocessing``: its spawn start re-imports the caller's main script, and fork would
copy a progress bar's thread mid-work.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from treatydiff.model import Body
from treatydiff.obligations.extract import NO_NORMS, extract
from treatydiff.obligations.types import Statement
from treatydiff.obligations.vocab import LANGUAGES

__all__ = ["PREFETCH_FROM", "Known", "Prefetch", "leaf_texts", "start"]

Known = Mapping[str, tuple[Statement, ...]]
"""Statements by leaf text, for one language."""

PREFETCH_FROM = 400_000
"""Characters of leaf text (both sides) from which a worker earns its start-up (about 0.1 s
of the other core): below it, as for two ~50-article treaties, the analysis stays here."""

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding treatydiff/
_WORKER = "from treatydiff.obligations.prefetch import serve; serve()"

Jobs = list[tuple[str, list[str]]]
"""(language, distinct leaf texts) per language."""


def leaf_texts(body: Body) -> list[str]:
    """The distinct texts of the leaves that :func:`analyse_body` reads, in document order."""
    return list({p.text: None for p in body.walk() if not p.children and p.kind not in NO_NORMS})


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
    """The worker: read the jobs' pickle, write the list of each job's statements per text."""
    source, sink = stdin or sys.stdin.buffer, stdout or sys.stdout.buffer
    jobs: Jobs = pickle.load(source)
    results = [[extract(text, lang) for text in texts] for lang, texts in jobs]
    sink.write(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    sink.flush()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class Prefetch:
    """A running worker; its results are collected when first asked for (waiting if need be)."""

    def __init__(self, process: subprocess.Popen[bytes], jobs: Jobs, feeder: threading.Thread) -> None:
        self._process = process
        self._jobs = jobs
        self._feeder = feeder
        self._known: dict[str, Known] | None = None

    def _collect(self) -> dict[str, Known]:
        assert self._process.stdout is not None
        try:
            data = self._process.stdout.read()
            self._feeder.join()
            if self._process.wait() != 0:
                return {}
            results = pickle.loads(data)  # noqa: S301 - written by our own worker
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return {}
        finally:
            self._process.stdout.close()
        if not isinstance(results, list) or len(results) != len(self._jobs):
            return {}
        known: dict[str, Known] = {}
        for (lang, texts), found in zip(self._jobs, results, strict=True):
            if isinstance(found, list) and len(found) == len(texts):
                known[lang] = dict(zip(texts, found, strict=True))
        return known

    def known(self, lang: str) -> Known:
        """Statements by text in ``lang``; empty when the worker failed (each text is then
        analysed where it is needed)."""
        if self._known is None:
            self._known = self._collect()
        return self._known.get(lang, {})


def _feed(stream: IO[bytes], data: bytes) -> None:
    try:
        with stream:
            stream.write(data)
    except OSError:  # the worker died: collecting its results finds nothing
        pass


def start(left: Body, right: Body) -> Prefetch | None:
    """A worker analysing both bodies' leaves, or None where it would not pay (or cannot run)."""
    if left.lang not in LANGUAGES or right.lang not in LANGUAGES:
        return None  # the rows are not analysed at all (annotate_link)
    by_lang: dict[str, dict[str, None]] = {}
    for body in (left, right):
        by_lang.setdefault(body.lang, {}).update(dict.fromkeys(leaf_texts(body)))
    size = sum(len(text) for texts in by_lang.values() for text in texts)
    if not size or size < PREFETCH_FROM or _cores() < 2 or not sys.executable:
        return None
    jobs: Jobs = [(lang, list(texts)) for lang, texts in by_lang.items()]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (_PACKAGE_ROOT, os.environ.get("PYTHONPATH")))),
    }
    try:
        process = subprocess.Popen(  # -P: this package first, not whatever the working folder holds
            [sys.executable, "-P", "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    except OSError:
        return None
    assert process.stdin is not None
    # written from a thread: a pipe holds 64 KiB, and the worker reads only once it has started
    feeder = threading.Thread(target=_feed, args=(process.stdin, pickle.dumps(jobs)), daemon=True)
    feeder.start()
    return Prefetch(process, jobs, feeder)
