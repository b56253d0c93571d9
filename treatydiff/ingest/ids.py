"""The id rules of docs/ids.md, written once for every parser.

Segments: ``art-5`` and ``art-u2`` (unnumbered), containers ``ch-7`` / ``ch-u1``,
repeats told apart by their container (``annex-1.art-1``) and then by ``_2`` …,
and every id held to the length limits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from treatydiff.ingest.numbers import number_slug
from treatydiff.languages import language, records
from treatydiff.model import MAX_ID_LENGTH

__all__ = [
    "MAX_SEGMENT_LENGTH",
    "RULES_VERSION",
    "IdRegistry",
    "article_segment",
    "container_segment",
    "fit_id",
    "nested_label",
    "point_segment",
]

RULES_VERSION = 8
"""The version of the id rules in docs/ids.md; stored bodies carry the version they were made under."""

_HASH_CHARS = 10
MAX_SEGMENT_LENGTH = 40
"""A segment (the part of an id between dots) longer than this is shortened."""


def _shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters: its head, ``-h`` and 10 hex digits of its SHA-256."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_CHARS]
    head = text[: limit - _HASH_CHARS - 2].rstrip(".-_")
    return f"{head}-h{digest}"


def fit_id(wanted: str) -> str:
    """``wanted`` within the id limits, shortened the same way every time (docs/ids.md rule 10).

    A segment longer than 40 characters (``art-7-7-7-…`` from a garbled number) keeps
    its first 28 and gains ``-h`` and a hash of the whole segment, so the path of the
    id stays readable (``art-7-7-…-h1a2b3c4d5e.2.a``); an id still longer than 120
    characters is cut the same way as a whole. The id stays citable.
    """
    if len(wanted) <= MAX_SEGMENT_LENGTH:
        return wanted
    segments = [
        _shortened(segment, MAX_SEGMENT_LENGTH) if len(segment) > MAX_SEGMENT_LENGTH else segment
        for segment in wanted.split(".")
    ]
    fitted = ".".join(segments)
    return fitted if len(fitted) <= MAX_ID_LENGTH else _shortened(fitted, MAX_ID_LENGTH)


def article_segment(printed: str | None, unnumbered_position: int) -> str:
    """The article segment of an id: ``art-5``, ``art-2-3``, or ``art-u2`` when unnumbered (rule 4)."""
    slug = number_slug(printed) if printed else ""
    return f"art-{slug}" if slug else f"art-u{unnumbered_position}"


def container_segment(prefix: str, printed: str | None, unnumbered_position: int | None = None) -> str:
    """A container's segment: ``ch-7``; unnumbered ``ch-u1`` by position, or the bare ``annex``."""
    slug = number_slug(printed) if printed else ""
    if slug:
        return f"{prefix}-{slug}"
    return prefix if unnumbered_position is None else f"{prefix}-u{unnumbered_position}"


def nested_label(pid: str, container_id: str | None, container_label: str, label: str) -> str:
    """An article's label, naming its container when the id had to (``annex-1.art-1``: rule 3)."""
    if container_id is not None and pid.startswith(container_id + "."):
        return f"{container_label}, {label}"
    return label


def _ranks() -> dict[str, int]:
    ranks: dict[str, int] = {}
    for record in records():
        for alphabet in record.point_alphabets:
            for rank, letter in enumerate(alphabet, start=1):
                ranks.setdefault(letter, rank)
    return ranks


_RANKS = _ranks()


def _latin(rank: int) -> str:
    """The Latin letter of a rank: 1 → ``a``, 26 → ``z``, 27 → ``aa``."""
    letters = ""
    while rank > 0:
        rank, rest = divmod(rank - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def point_segment(printed: str, lang: str, *, numbered: bool = False) -> str | None:
    """A lettered point's segment: the Latin letter of the point's rank in its alphabet (rule 1).

    ``(c)``, ``в)``, ``ج)``, ``다.`` and ``(寅)`` are all the third point, ``c``;
    Korean numbered points ``3)`` too, and points ``3)`` under a paragraph ``1.``
    (``numbered``). ``None`` for letters of no alphabet ("(aa)").
    """
    rank = _RANKS.get(printed.lower())
    if rank is None and printed.isdigit() and (numbered or language(lang).numbered_points):
        rank = int(printed)
    return _latin(rank) if rank else None


@dataclass
class IdRegistry:
    """Hands out ids unique within one body (docs/ids.md rule 3)."""

    used: set[str] = field(default_factory=set)
    _next: dict[str, int] = field(default_factory=dict)
    """The smallest suffix not yet tried per base, so a thousand repeats stay linear."""

    def claim(self, wanted: str, *, container: str | None = None) -> str:
        """Reserve ``wanted``; on a repeat try ``CONTAINER.wanted``, then append ``_2``, ``_3`` …"""
        first = fit_id(wanted)
        if first not in self.used:
            self.used.add(first)
            return first
        candidates = [wanted]
        if container:
            candidates.append(f"{container}.{wanted}")
        for candidate in map(fit_id, candidates):
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        base = candidates[-1]
        n = self._next.get(base, 2)
        while fit_id(f"{base}_{n}") in self.used:
            n += 1
        self._next[base] = n + 1
        claimed = fit_id(f"{base}_{n}")
        self.used.add(claimed)
        return claimed
