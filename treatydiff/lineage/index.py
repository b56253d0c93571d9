"""The corpus index a lineage query searches, opened from its file (``build`` writes it).

Every article-level provision of every treaty the registry can see (its manifests,
the local store, a ToTA folder) is one document. For each kind of feature
(character 5-gram shingles; translation-surviving tokens) the index keeps postings:
for each hashed feature, the documents that have it and how often. A query's cosine
against the whole corpus is then a gather over its own features' postings. Opening
the index maps the file and parses nothing: a query loads only this module, numpy and
what it needs to featurise its own text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from treatydiff.lineage.storage import read_arrays

if TYPE_CHECKING:
    from treatydiff.store import Store

__all__ = ["Index", "Member", "Postings", "index_path", "open_index"]

MAX_COUNT = 255
"""Counts above this are stored as this (one byte each)."""
_TF_WEIGHT = 1 + np.log(np.maximum(np.arange(MAX_COUNT + 1), 1))
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
        docs, counts = self.docs, self.counts
        for start, end, factor in zip(starts.tolist(), ends.tolist(), scale.tolist(), strict=True):
            if end > start:
                # ufunc.at adds in place without the gather and scatter of ``dots[docs] +=``
                # (twice as fast; the same sums, feature by feature in query order)
                np.add.at(dots, docs[start:end], (factor * _TF_WEIGHT).take(counts[start:end]))
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
