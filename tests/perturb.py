"""Synthetic perturbations of a real treaty body, made at test time (no treaty text is stored).

``perturb`` takes a parsed text, moves, splits, merges, rewords and drops some of its
articles, adds a few invented ones (words drawn at random from the text's own
vocabulary), renumbers every article in order, and returns the new body with the
article-level clause links that describe what was done: the gold an aligner should find.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from treatydiff.model import Body, Link, Provision, Relation, Span

_WORD = re.compile(r"\w+")


@dataclass
class _Piece:
    sources: list[str]
    parts: list[str]
    kind: str = "kept"  # kept, reworded, split-1, split-2, merged, added
    origin: Provision | None = None
    tail: _Piece | None = None
    """The second half of a split."""


_HEADING = re.compile(r"\A\w+ \d+\n+")


def _parts(article: Provision) -> list[str]:
    """The article's paragraphs, or its text without a heading line such as "Article 5"."""
    return [c.text for c in article.children] if article.children else [_HEADING.sub("", article.text)]


def reword(text: str, rng: random.Random, vocabulary: list[str], rate: float = 0.2) -> str:
    """Replace about ``rate`` of the words by random words of the vocabulary, drop a few."""

    def swap(match: re.Match[str]) -> str:
        roll = rng.random()
        if roll < rate:
            return rng.choice(vocabulary)
        if roll < rate + 0.05:
            return ""
        return match.group()

    return _WORD.sub(swap, text)


def perturb(
    body: Body,
    seed: int = 7,
    *,
    heading: str = "Article",
    moves: int = 5,
    splits: int = 4,
    merges: int = 4,
    rewords: int = 10,
    drops: int = 4,
    adds: int = 3,
) -> tuple[Body, list[Link]]:
    """A perturbed copy of ``body`` (flat: no chapters) and the gold links from ``body`` to it."""
    rng = random.Random(seed)
    articles = [p for p in body.walk() if p.kind == "article"]
    vocabulary = sorted(
        {w for p in articles for w in _WORD.findall(p.text) if len(w) > 3 and not w.isdigit()}
    )
    pieces = [_Piece([a.id], _parts(a), origin=a) for a in articles]
    chosen: set[int] = set()

    def pick(condition: object = None, span: int = 1) -> int:
        for _ in range(10_000):
            k = rng.randrange(1, len(pieces) - span)
            window = set(range(k, k + span))
            ok = all(pieces[i].kind == "kept" and i not in chosen for i in window)
            if ok and (condition is None or condition(pieces[k])):  # type: ignore[operator]
                chosen.update(window | {k - 1, k + span})  # keep operations apart
                return k
        raise ValueError("text too short for this many perturbations")

    for _ in range(drops):
        pieces[pick()].kind = "dropped"
    for _ in range(rewords):
        piece = pieces[pick()]
        piece.kind = "reworded"
        piece.parts = [reword(t, rng, vocabulary) for t in piece.parts]
    for _ in range(splits):
        k = pick(lambda p: len(p.parts) >= 2)
        piece = pieces[k]
        half = len(piece.parts) // 2
        piece.kind, tail = "split-1", _Piece(piece.sources, piece.parts[half:], "split-2")
        piece.parts, piece.tail = piece.parts[:half], tail
        pieces.insert(k + 1, tail)
        chosen = {i + (i > k) for i in chosen} | {k + 1}
    for _ in range(merges):
        k = pick(span=2)
        first, second = pieces[k], pieces.pop(k + 1)
        first.kind, first.sources, first.parts = (
            "merged",
            first.sources + second.sources,
            first.parts + second.parts,
        )
        chosen = {i - (i > k) for i in chosen}
    for _ in range(moves):
        k = pick()
        piece = pieces.pop(k)
        piece.kind = "moved"
        target = (k + len(pieces) // 3 + rng.randrange(5)) % (len(pieces) - 1) + 1
        pieces.insert(target, piece)
        chosen = set()  # positions shifted; the kinds still keep pieces apart
    for _ in range(adds):
        words = [rng.choice(vocabulary) for _ in range(rng.randrange(25, 60))]
        pieces.insert(rng.randrange(1, len(pieces)), _Piece([], [" ".join(words) + "."], "added"))
    kept = [p for p in pieces if p.kind != "dropped"]
    new_body, new_ids = _rebuild(body, kept, heading)
    gold: list[Link] = []
    new_id_of = {id(piece): new_id for piece, new_id in zip(kept, new_ids, strict=True)}
    for piece, new_id in zip(kept, new_ids, strict=True):
        if piece.kind == "added":
            gold.append(Link(left=(), right=(new_id,), relation="added"))
        elif piece.kind == "split-2":
            continue
        elif piece.kind == "split-1":
            right = (new_id, new_id_of[id(piece.tail)])
            gold.append(Link(left=tuple(piece.sources), right=right, relation="split"))
        elif piece.kind == "merged":
            gold.append(Link(left=tuple(piece.sources), right=(new_id,), relation="merged"))
        else:
            relation: Relation = (
                "modified" if piece.kind == "reworded" else "same" if piece.sources[0] == new_id else "moved"
            )
            gold.append(Link(left=tuple(piece.sources), right=(new_id,), relation=relation))
    gold += [Link(left=tuple(p.sources), right=(), relation="dropped") for p in pieces if p.kind == "dropped"]
    preamble = body.index.get("preamble")
    if preamble is not None:
        gold.insert(0, Link(left=("preamble",), right=("preamble",), relation="same"))
    return new_body, gold


def _rebuild(body: Body, pieces: list[_Piece], heading: str) -> tuple[Body, list[str]]:
    chunks: list[str] = []
    provisions: list[Provision] = []
    offset = 0

    def add(text: str) -> Span:
        nonlocal offset
        span = Span(offset, offset + len(text))
        chunks.append(text + "\n\n")
        offset += len(text) + 2
        return span

    preamble = body.index.get("preamble")
    if preamble is not None:
        start = offset
        recitals = [
            Provision(c.id, c.kind, c.label, c.text, add(c.text), c.number) for c in preamble.children
        ]
        provisions.append(
            Provision("preamble", "preamble", "Preamble", "", Span(start, offset), children=tuple(recitals))
        )
    ids = []
    for number, piece in enumerate(pieces, start=1):
        art_id = f"art-{number}"
        ids.append(art_id)
        start = offset
        title_span = add(f"{heading} {number}")
        children: tuple[Provision, ...] = ()
        if len(piece.parts) > 1:
            children = tuple(
                Provision(f"{art_id}.p{k}", "paragraph", f"{heading} {number}, paragraph {k}", t, add(t))
                for k, t in enumerate(piece.parts, start=1)
            )
        else:
            add(piece.parts[0])
        del title_span
        provisions.append(
            Provision(
                art_id,
                "article",
                f"{heading} {number}",
                "",
                Span(start, offset),
                str(number),
                children=children,
            )
        )
    source = "".join(chunks)
    # Texts are the exact spans of the rebuilt source, as in a parsed body.
    fixed = tuple(_with_text(p, source) for p in provisions)
    return Body(lang=body.lang, source_text=source, provisions=fixed), ids


def _with_text(p: Provision, source: str) -> Provision:
    children = tuple(_with_text(c, source) for c in p.children)
    text = source[p.span.start : p.span.end].strip("\n")
    return Provision(
        p.id,
        p.kind,
        p.label,
        text,
        Span(p.span.start, p.span.start + len(text)),
        p.number,
        p.heading,
        children,
    )
