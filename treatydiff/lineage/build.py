"""Build the corpus index: every article-level provision of every text becomes a document.

Each text is read, parsed and turned into hashed features on its own (:func:`index_text`),
in worker processes when there are many (parsing is most of the work, and the machine
has more than one core); the parent lays the features out as postings in text order,
so the file is the same byte for byte whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from treatydiff.align.lexicon import LANGUAGES, stems_for
from treatydiff.align.units import units
from treatydiff.corpus import Registry
from treatydiff.lineage.index import MAX_COUNT, Member
from treatydiff.lineage.shingles import BITS, Pairs, concept_pairs, shingle_pairs
from treatydiff.lineage.storage import write_arrays
from treatydiff.store import Store

__all__ = ["Part", "build_index", "corpus_refs", "index_text"]

Progress = Callable[[int, int, str], None]
"""Called after each treaty with (done, total, what was just indexed)."""
Ref = tuple[str, str | None]

_TOTA_FILE = re.compile(r"pta_(\d+)\.xml")
_PARALLEL_FROM = 16  # fewer texts than this are indexed in this process
_MAX_WORKERS = 4  # each worker holds one parsed treaty at a time: some 70 MB


def corpus_refs(registry: Registry) -> list[Ref]:
    """(treaty, language) of every text the registry can see, ToTA folder included."""
    found: dict[Ref, None] = {}
    for entry in registry.entries():
        if entry.meta.id.startswith("tota-"):
            continue  # the ToTA folder's own listing below says which are present
        for lang in entry.available:
            found[(entry.meta.id, lang)] = None
    numbers: set[int] = set()
    folders = [registry.store.root / "tota"]
    if registry.tota_dir is not None:
        folders += [registry.tota_dir / "xml", registry.tota_dir]
    for folder in folders:
        if folder.is_dir():
            numbers.update(int(m.group(1)) for p in folder.iterdir() if (m := _TOTA_FILE.fullmatch(p.name)))
    for number in sorted(numbers):
        found[(f"tota-{number}", None)] = None
    return list(found)


@dataclass(frozen=True)
class Part:
    """One text's share of the index: its documents and their features."""

    member: Member
    ids: tuple[str, ...]
    texts: bytes
    """The documents' texts, UTF-8, one after another."""
    lengths: npt.NDArray[np.int64]
    """Bytes of each document's text."""
    shingles: Pairs
    concepts: Pairs | None
    """None for a language the aligner's lexicon does not cover."""


def _date(meta_signed: str | None, meta_in_force: str | None) -> str | None:
    return meta_signed or meta_in_force


def index_text(registry: Registry, ref: Ref, caches: dict[str, dict[str, int]]) -> Part:
    """Read, parse and featurise one text (its article-level provisions with words).

    Args:
        caches: word → concept feature (-1 for none) per language, shared by the texts
            one process indexes.
    """
    treaty_id, lang = ref
    treaty = registry.load(treaty_id, lang)
    registry.forget(treaty_id)
    provisions = [u for u in units(treaty.body, paragraphs=False) if u.text.strip()]
    encoded = [u.text.encode("utf-8") for u in provisions]
    bodies = [u.text for u in provisions]
    concepts = None
    if treaty.lang in LANGUAGES:
        cache = caches.setdefault(treaty.lang, {})
        concepts = concept_pairs(bodies, stems_for(treaty.lang, treaty.lang), cache)
    meta = treaty.meta
    return Part(
        member=Member(
            meta.id, treaty.lang, _date(meta.signed_date, meta.in_force_date), meta.title(treaty.lang)
        ),
        ids=tuple(u.id for u in provisions),
        texts=b"".join(encoded),
        lengths=np.array([len(t) for t in encoded], dtype=np.int64),
        shingles=shingle_pairs(bodies),
        concepts=concepts,
    )


# -- worker processes -------------------------------------------------------------------

_WORKER_REGISTRY: Registry | None = None
_WORKER_CACHES: dict[str, dict[str, int]] = {}


@dataclass(frozen=True)
class _Setup:
    """What a worker needs to open the same registry (it cannot be sent as it is)."""

    texts_dir: Path
    store: Path
    tota_dir: Path | None
    fetcher: Callable[[int, Path], Path]
    keep_parsed: bool


def _start_worker(setup: _Setup) -> None:
    global _WORKER_REGISTRY
    _WORKER_REGISTRY = Registry(
        texts_dir=setup.texts_dir,
        store=Store(setup.store),
        tota_dir=setup.tota_dir,
        fetcher=setup.fetcher,
        keep_parsed=setup.keep_parsed,
    )


def _index_in_worker(ref: Ref) -> Part | None:
    """A text's part, or None when it fails: the parent then indexes it again itself, so
    that the error it raises is the one (with file and line) the serial build would raise."""
    assert _WORKER_REGISTRY is not None
    try:
        return index_text(_WORKER_REGISTRY, ref, _WORKER_CACHES)
    except Exception:  # noqa: BLE001 - reported by the parent's own attempt
        return None


def default_workers(count: int) -> int:
    """Worker processes for indexing ``count`` texts: none for a few, else one per core (at most 4)."""
    if count < _PARALLEL_FROM:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, _MAX_WORKERS) if cores > 1 else 0


def _parts(registry: Registry, refs: Sequence[Ref], workers: int) -> Generator[Part, None, None]:
    """Each text's part, in the order of ``refs``."""
    caches: dict[str, dict[str, int]] = {}
    if workers <= 0:
        for ref in refs:
            yield index_text(registry, ref, caches)
        return
    setup = _Setup(
        registry.texts_dir, registry.store.root, registry.tota_dir, registry._fetch, registry.keep_parsed
    )
    # spawn, not fork: the parent may run a progress bar's thread, which fork would copy mid-work
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(setup,))
    try:
        for ref, part in zip(refs, pool.map(_index_in_worker, refs, chunksize=2), strict=True):
            yield part if part is not None else index_text(registry, ref, caches)
    finally:  # an error stops the build at once: the texts not yet started are never read
        pool.shutdown(wait=True, cancel_futures=True)


# -- postings ---------------------------------------------------------------------------


@dataclass
class _Chunks:
    """The (document, feature, count) triples of each text, compact, until all are in."""

    docs: list[npt.NDArray[np.int32]]
    features: list[npt.NDArray[np.uint32]]
    counts: list[npt.NDArray[np.uint8]]
    df: npt.NDArray[np.int64]

    @classmethod
    def empty(cls) -> _Chunks:
        return cls([], [], [], np.zeros(1 << BITS, dtype=np.int64))

    def add(self, pairs: Pairs, first_doc: int) -> None:
        docs, features, counts = pairs
        order = np.argsort(features, kind="stable")  # feature-major, documents still ascending
        sorted_features = features[order]
        self.docs.append((docs[order] + first_doc).astype(np.int32))
        self.features.append(sorted_features.astype(np.uint32))
        self.counts.append(np.minimum(counts[order], MAX_COUNT).astype(np.uint8))
        # each (document, feature) pair occurs once: a feature's documents are its run's length
        if len(sorted_features):
            starts = np.flatnonzero(np.concatenate(([True], sorted_features[1:] != sorted_features[:-1])))
            self.df[sorted_features[starts]] += np.diff(np.append(starts, len(sorted_features)))

    def postings(self, total: int) -> dict[str, npt.NDArray[Any]]:
        """Postings laid out by a counting sort: no copy of the whole corpus is ever sorted."""
        indptr = np.concatenate(([0], np.cumsum(self.df))).astype(np.int64)
        nnz = int(indptr[-1])
        docs = np.zeros(nnz, dtype=np.int32)
        counts = np.zeros(nnz, dtype=np.uint8)
        cursor = indptr[:-1].copy()
        idf = np.log((total + 1) / (self.df + 1.0))
        norms = np.zeros(total)
        while self.docs:  # each text's triples are dropped as soon as they are laid out
            chunk_docs, features, chunk_counts = self.docs.pop(0), self.features.pop(0), self.counts.pop(0)
            f = features.astype(np.int64)
            group_start = np.flatnonzero(np.concatenate(([True], f[1:] != f[:-1])))
            sizes = np.diff(np.concatenate((group_start, [len(f)])))
            rank = np.arange(len(f)) - np.repeat(group_start, sizes)
            where = cursor[f] + rank
            docs[where] = chunk_docs
            counts[where] = chunk_counts
            cursor[f[group_start]] += sizes
            weights = (1 + np.log(chunk_counts.astype(np.float64))) * idf[f]
            norms += np.bincount(chunk_docs, weights=weights**2, minlength=total)
        return {"indptr": indptr, "docs": docs, "counts": counts, "norms": np.sqrt(norms).astype(np.float32)}


def build_index(
    registry: Registry,
    path: Path,
    refs: Sequence[Ref] | None = None,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
) -> tuple[int, int]:
    """Index every provision of ``refs`` (default: the whole corpus) into ``path``.

    Args:
        workers: processes that read and parse the texts (0: this one; default: one per
            core, at most 4, when there are many texts). The file does not depend on it.

    Returns:
        (texts, provisions) indexed.
    """
    refs = corpus_refs(registry) if refs is None else list(refs)
    workers = default_workers(len(refs)) if workers is None else workers
    members: list[Member] = []
    doc_member: list[int] = []
    doc_ids: list[str] = []
    texts = bytearray()
    lengths: list[npt.NDArray[np.int64]] = []
    shingle_chunks, concept_chunks = _Chunks.empty(), _Chunks.empty()
    with contextlib.closing(_parts(registry, refs, workers)) as parts:
        for done, part in enumerate(parts, 1):
            first = len(doc_ids)
            members.append(part.member)
            doc_member.extend([len(members) - 1] * len(part.ids))
            doc_ids.extend(part.ids)
            texts += part.texts
            lengths.append(part.lengths)
            shingle_chunks.add(part.shingles, first)
            if part.concepts is not None:
                concept_chunks.add(part.concepts, first)
            if progress is not None:
                progress(done, len(refs), f"{part.member.treaty} ({part.member.lang})")
    total = len(doc_ids)
    arrays: dict[str, npt.NDArray[Any]] = {
        "doc_member": np.array(doc_member, dtype=np.int32),
        "text_offsets": np.concatenate(
            ([0], np.cumsum(np.concatenate([np.zeros(0, np.int64), *lengths])))
        ).astype(np.int64),
        "text_bytes": np.frombuffer(texts, dtype=np.uint8),
    }
    for prefix, chunks in (("shingle", shingle_chunks), ("concept", concept_chunks)):
        for name, array in chunks.postings(total).items():
            arrays[f"{prefix}_{name}"] = array
    header = {"members": [vars(m) for m in members], "doc_ids": doc_ids}
    write_arrays(path, header, arrays)
    return len(members), total
