"""A folder of ToTA files parsed at once, in worker processes on the machine's cores.

Each worker reads and parses whole files and sends back a packed body: the source
text once and, per provision, its fields without its text, which is a slice of the
source (a pickled tree would carry every text once per level it is nested in, nearly
five times the source, and unpickling frozen dataclasses field by field costs more
than building them). The parent rebuilds the provisions in file order. A file that
fails in a worker is parsed again in the parent, so the error raised is the one (one
line naming the file) a parse in this process raises. The workers are forked when this
process runs no other thread (they start with the parser imported), spawned otherwise.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from treatydiff.files import MAX_INPUT_BYTES, read_regular
from treatydiff.ingest.collector import collector_paused
from treatydiff.ingest.tota import parse_tota
from treatydiff.model import Body, Provision, Span, TreatyMeta

__all__ = ["Packed", "default_workers", "pack_body", "parse_tota_files", "start_method", "unpack_body"]

Progress = Callable[[int, int, str], None]
"""Called after each file with (done, total, the file's name)."""

PARALLEL_FROM = 16
"""Fewer files than this are parsed in this process: starting workers costs more."""

# One provision without its text: id, kind, label, start, end, number, heading, children
# count, and its text only when it is not the source's slice at its span.
_Row = tuple[str, str, str, int, int, str | None, str | None, int, str | None]
Packed = tuple[str, str, str | None, tuple[str, ...], list[_Row]]
"""A body as a worker sends it: lang, source text, title, warnings and the provisions in document order."""


def default_workers(count: int) -> int:
    """Worker processes for ``count`` files: one per core, none for a few files or one core."""
    if count < PARALLEL_FROM:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if cores > 1 else 0


def pack_body(body: Body) -> Packed:
    """``body`` in the form that crosses a process boundary cheaply (see the module's docstring).

    The rows are in post-order (each provision after its children), so that
    :func:`unpack_body` builds every provision once its children are built, without recursion.
    """
    source = body.source_text
    rows: list[_Row] = []
    append = rows.append
    startswith = source.startswith

    def add(provision: Provision) -> None:
        for child in provision.children:
            add(child)
        span = provision.span
        start, end = span.start, span.end
        text = provision.text
        append((
            provision.id, provision.kind, provision.label, start, end, provision.number, provision.heading,
            len(provision.children),
            # the source's slice, compared in place (a slice would copy it)
            None if len(text) == end - start and startswith(text, start) else text,
        ))  # fmt: skip

    for top in body.provisions:
        add(top)
    return body.lang, source, body.title, body.warnings, rows


def unpack_body(packed: Packed) -> Body:
    """The body :func:`pack_body` packed, equal to it field for field."""
    lang, source, title, warnings, rows = packed
    built: list[Provision] = []  # the provisions whose parent is not built yet, in document order
    append = built.append
    for pid, kind, label, start, end, number, heading, count, text in rows:
        if count:
            children = tuple(built[-count:])
            del built[-count:]
        else:
            children = ()
        append(Provision(
            pid, kind, label, source[start:end] if text is None else text,  # type: ignore[arg-type]
            Span(start, end), number, heading, children,
        ))  # fmt: skip
    return Body(lang, source, tuple(built), title, warnings)


def _read(path: Path) -> bytes:
    return read_regular(path, limit=MAX_INPUT_BYTES, what="a treaty file")


def _start_worker() -> None:
    # A worker keeps nothing it parses: every tree is freed by reference counting once
    # sent, so the cyclic collector would only walk each tree before it goes.
    gc.disable()


def _parse_in_worker(path: Path) -> tuple[TreatyMeta, Packed] | None:
    """A file's metadata and packed body, or None when it fails (the parent then parses it itself)."""
    try:
        meta, body = parse_tota(_read(path), origin=str(path))
    except Exception:  # noqa: BLE001 - reported by the parent's own attempt
        return None
    return meta, pack_body(body)


def parse_tota_files(
    paths: Sequence[Path], *, workers: int | None = None, progress: Progress | None = None
) -> list[tuple[TreatyMeta, Body]]:
    """Read and parse every ToTA file of ``paths``; the results in the order of ``paths``.

    Args:
        workers: processes that parse (0: this one; default :func:`default_workers`).
        progress: called after each file, in the order the files are done.

    Raises:
        InputError, IngestError: for the first file (in the order of ``paths``) that
            cannot be read or parsed, as :func:`~treatydiff.ingest.tota.parse_tota` raises it.
    """
    count = len(paths)
    workers = default_workers(count) if workers is None else workers
    if workers <= 0:
        parsed = []
        for done, path in enumerate(paths, 1):
            parsed.append(parse_tota(_read(path), origin=str(path)))
            if progress is not None:
                progress(done, count, path.name)
        return parsed
    context = multiprocessing.get_context(start_method())
    results: list[tuple[TreatyMeta, Body] | None] = [None] * count
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
        # The largest files first, so that no large one is left to run alone at the end.
        order = sorted(range(count), key=lambda i: _size(paths[i]), reverse=True)
        futures: dict[Future[tuple[TreatyMeta, Packed] | None], int] = {
            pool.submit(_parse_in_worker, paths[i]): i for i in order
        }
        # The trees are held to the end: the collector would walk them again after each file.
        with collector_paused():
            for done, future in enumerate(as_completed(futures), 1):
                index = futures[future]
                try:
                    result = future.result()
                except Exception:  # noqa: BLE001 - a worker that died: the file is parsed here
                    result = None
                if result is not None:
                    results[index] = (result[0], unpack_body(result[1]))
                if progress is not None:
                    progress(done, count, paths[index].name)
    # A file that failed in a worker is parsed here, in the order of ``paths``: the first bad
    # file raises its own error, as a parse in this process would.
    return [
        result if result is not None else parse_tota(_read(path), origin=str(path))
        for path, result in zip(paths, results, strict=True)
    ]


def start_method() -> str:
    """Fork when this process runs no other thread: the workers then start with the parser
    imported, a third of a second earlier each. Otherwise spawn: fork would copy a thread
    of the caller's (a progress bar's) in the middle of its work."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
