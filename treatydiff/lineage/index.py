"""Build and open the corpus index a lineage query searches.

Every article-level provision of every treaty the registry can see (its manifests,
the local store, a ToTA folder) becomes one document. For each kind of feature
(character 5-gram shingles; translation-surviving tokens) the index keeps postings:
for each hashed feature, the documents that have it and how often. A query's cosine
against the whole corpus is then a gather over its own features' postings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from treatydiff.align.lexicon import LANGUAGES, stems_for
from treatydiff.align.units import units
from treatydiff.corpus import Registry
from treatydiff.lineage.shingles import BITS, Pairs, concept_pairs, shingle_pairs
from treatydiff.lineage.storage import read_arrays, write_arrays
from treatydiff.model import Treaty
from treatydiff.store import Store

__all__ = ["Index", "Member", "Postings", "build_index", "corpus_refs", "index_path", "open_index"]

Progress = Callable[[int, int, str], None]
"""Called after each treaty with (done, total, what was just indexed)."""

_TOTA_FILE = re.compile(r"pta_(\d+)\.xml")
_MAX_COUNT = 255
_TF_WEIGHT = 1 + np.log(np.maximum(np.arange(_MAX_COUNT + 1), 1))
"""1 + ln tf for every stored count (0 never occurs)."""


def index_path(store: Store) -> Path:
    """Where the lineage index lives in a local store."""
    return store.root / "lineage" / "index.bin"


@dataclass(frozen=True)
class Member:
    """One indexed text: a treaty in one language."""

    treaty: str
    lang: str
    date: str | None
    """Signature date (else entry into force), ISO; None when unknown."""
    title: str


@dataclass(frozen=True)
class Postings:
    """Documents per hashed feature, with counts and each document's vector norm."""

    indptr: npt.NDArray[np.int64]
    docs: npt.NDArray[np.int32]
    counts: npt.NDArray[np.uint8]
    norms: npt.NDArray[np.float32]

    def cosines(self, query: dict[int, int]) -> npt.NDArray[np.float64]:
        """Cosine of the query's (1 + ln tf)·idf vector with every document's."""
        total = len(self.norms)
        result = np.zeros(total)
        if not query or total == 0:
            return result
        features = np.fromiter(query.keys(), dtype=np.int64, count=len(query))
        tf = np.fromiter(query.values(), dtype=np.float64, count=len(query))
        starts, ends = self.indptr[features], self.indptr[features + 1]
        df = ends - starts
        idf = np.log((total + 1) / (df + 1.0))
        weights = (1 + np.log(tf)) * idf
        query_norm = float(np.sqrt(np.sum(weights**2)))
        if query_norm == 0:
            return result
        dots = np.zeros(total)
        scale = weights * idf
        for start, end, factor in zip(starts.tolist(), ends.tolist(), scale.tolist(), strict=True):
            if end > start:  # a feature's documents are distinct: += over them is exact
                dots[self.docs[start:end]] += factor * _TF_WEIGHT[self.counts[start:end]]
        norms = self.norms.astype(np.float64) * query_norm
        return np.divide(dots, norms, out=result, where=norms > 0)


@dataclass(frozen=True)
class Index:
    """The opened index: documents, their texts and both kinds of postings."""

    members: tuple[Member, ...]
    doc_member: npt.NDArray[np.int32]
    doc_ids: tuple[str, ...]
    text_bytes: npt.NDArray[np.uint8]
    text_offsets: npt.NDArray[np.int64]
    shingles: Postings
    concepts: Postings

    def __len__(self) -> int:
        return len(self.doc_ids)

    def text(self, doc: int) -> str:
        """The text of one document."""
        start, end = int(self.text_offsets[doc]), int(self.text_offsets[doc + 1])
        return bytes(self.text_bytes[start:end]).decode("utf-8")

    def find(self, treaty: str, lang: str | None, provision: str) -> int | None:
        """The document of a provision (in ``lang``, or the first language indexed), if any."""
        for doc, doc_id in enumerate(self.doc_ids):
            if doc_id == provision:
                member = self.members[int(self.doc_member[doc])]
                if member.treaty == treaty and (lang is None or member.lang == lang):
                    return doc
        return None

    def langs(self, treaty: str) -> list[str]:
        """Languages in which a treaty is indexed."""
        return [m.lang for m in self.members if m.treaty == treaty]


def corpus_refs(registry: Registry) -> list[tuple[str, str | None]]:
    """(treaty, language) of every text the registry can see, ToTA folder included."""
    found: dict[tuple[str, str | None], None] = {}
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


@dataclass
class _Chunks:
    """The (document, feature, count) triples of each treaty, compact, until all are in."""

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
        self.docs.append((docs[order] + first_doc).astype(np.int32))
        self.features.append(features[order].astype(np.uint32))
        self.counts.append(np.minimum(counts[order], _MAX_COUNT).astype(np.uint8))
        # each (document, feature) pair occurs once: a feature's documents are its run's length
        sorted_features = features[order]
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
        for chunk_docs, features, chunk_counts in zip(self.docs, self.features, self.counts, strict=True):
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
        self.docs.clear()
        self.features.clear()
        self.counts.clear()
        return {"indptr": indptr, "docs": docs, "counts": counts, "norms": np.sqrt(norms).astype(np.float32)}


def _date(treaty: Treaty) -> str | None:
    return treaty.meta.signed_date or treaty.meta.in_force_date


def build_index(
    registry: Registry,
    path: Path,
    refs: Sequence[tuple[str, str | None]] | None = None,
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Index every provision of ``refs`` (default: the whole corpus) into ``path``.

    Returns:
        (texts, provisions) indexed.
    """
    refs = corpus_refs(registry) if refs is None else list(refs)
    members: list[Member] = []
    doc_member: list[int] = []
    doc_ids: list[str] = []
    texts: list[bytes] = []
    shingle_chunks, concept_chunks = _Chunks.empty(), _Chunks.empty()
    caches: dict[str, dict[str, int]] = {}
    for done, (treaty_id, lang) in enumerate(refs, 1):
        treaty = registry.load(treaty_id, lang)
        registry.forget(treaty_id)
        provisions = [u for u in units(treaty.body, paragraphs=False) if u.text.strip()]
        bodies = [u.text for u in provisions]
        first = len(doc_ids)
        members.append(Member(treaty.meta.id, treaty.lang, _date(treaty), treaty.meta.title(treaty.lang)))
        doc_member.extend([len(members) - 1] * len(provisions))
        doc_ids.extend(u.id for u in provisions)
        texts.extend(t.encode("utf-8") for t in bodies)
        shingle_chunks.add(shingle_pairs(bodies), first)
        if treaty.lang in LANGUAGES:
            cache = caches.setdefault(treaty.lang, {})
            concept_chunks.add(concept_pairs(bodies, stems_for(treaty.lang, treaty.lang), cache), first)
        if progress is not None:
            progress(done, len(refs), f"{treaty.meta.id} ({treaty.lang})")
    total = len(doc_ids)
    arrays: dict[str, npt.NDArray[Any]] = {
        "doc_member": np.array(doc_member, dtype=np.int32),
        "text_offsets": np.concatenate(([0], np.cumsum([len(t) for t in texts]))).astype(np.int64),
        "text_bytes": np.frombuffer(b"".join(texts), dtype=np.uint8),
    }
    del texts
    for prefix, chunks in (("shingle", shingle_chunks), ("concept", concept_chunks)):
        for name, array in chunks.postings(total).items():
            arrays[f"{prefix}_{name}"] = array
    header = {"members": [vars(m) for m in members], "doc_ids": doc_ids}
    write_arrays(path, header, arrays)
    return len(members), total


def open_index(path: Path) -> Index:
    """Open an index file (memory-mapped).

    Raises:
        StoreError: when it is missing or unreadable.
    """
    header, arrays = read_arrays(path)

    def postings(prefix: str) -> Postings:
        return Postings(*(arrays[f"{prefix}_{name}"] for name in ("indptr", "docs", "counts", "norms")))

    return Index(
        members=tuple(Member(**m) for m in header["members"]),
        doc_member=arrays["doc_member"],
        doc_ids=tuple(header["doc_ids"]),
        text_bytes=arrays["text_bytes"],
        text_offsets=arrays["text_offsets"],
        shingles=postings("shingle"),
        concepts=postings("concept"),
    )
