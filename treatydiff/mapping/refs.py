"""Resolve a link's refs (ids and ``FIRST..LAST`` ranges) to provision ids of one treaty body."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from treatydiff.errors import MappingError
from treatydiff.mapping.wording import indefinite, suggest
from treatydiff.model import Body, Provision

__all__ = ["MAX_SUGGESTIONS", "RANGE", "UNRESOLVED", "expand_refs", "fresh_hints", "lookup"]

RANGE = ".."
UNRESOLVED = "unresolved"
"""A side no source numbers yet: the link's ``locator`` says how to find it (docs/mapping-format.md)."""


def expand_refs(
    refs: Sequence[str], body: Body, *, treaty: str, file: str | Path | None, line: int | None
) -> tuple[str, ...]:
    """Resolve ids and ranges (``art-18..art-27``) to provision ids in document order.

    A range is every provision of its endpoints' kind from the first to the last,
    inclusive. ``treaty``, ``file`` and ``line`` locate errors. The placeholder
    ``unresolved`` names no provision and is left out.

    Raises:
        MappingError: unknown id (with a did-you-mean hint), malformed or reversed
            range, endpoints of different kinds, or a provision named twice.
    """
    ids: dict[str, None] = {}  # ordered, and a membership test that does not grow with the range
    for ref in refs:
        if ref == UNRESOLVED:
            continue
        for provision_id in _expand_one(ref, body, treaty, file, line):
            if provision_id in ids:
                raise MappingError(
                    f"{provision_id!r} of {treaty} is named twice on one side of the link",
                    file=file,
                    line=line,
                    hint="list each provision once",
                )
            ids[provision_id] = None
    return tuple(ids)


def lookup(
    provision_id: str, body: Body, treaty: str, file: str | Path | None, line: int | None
) -> Provision:
    """The provision with this id in ``body``.

    Raises:
        MappingError: there is none; the hint suggests a close id or how to list them.
    """
    found = body.index.get(provision_id)
    if found is not None:
        return found
    listing = f"run `treatydiff show {treaty} --lang {body.lang}` to list its ids"
    facts = _facts(body)
    if facts.suggestions_left > 0:
        facts.suggestions_left -= 1
        hint = suggest(provision_id, facts.candidates, listing)
    else:  # a map full of unknown ids: a fuzzy search for each would cost minutes
        hint = listing
    raise MappingError(
        f"unknown provision {provision_id!r} in {treaty} ({body.lang})",
        file=file,
        line=line,
        ref=f"{treaty}:{provision_id}",
        hint=hint,
    )


# Did-you-mean hints per body and run: each is a fuzzy search over all the body's ids,
# and a hostile map of 100,000 unknown ids against a long text would take minutes.
MAX_SUGGESTIONS = 200


class _Facts:
    """What range expansion and hints need of one body, computed once."""

    def __init__(self, body: Body) -> None:
        self.body = body  # held, so that id(body) is not reused while this is cached
        self.position = {provision_id: i for i, provision_id in enumerate(body.index)}
        self.order = list(body.index)
        # Ties go to the later provision: one past the last paragraph is the commonest slip.
        self.candidates = self.order[::-1]
        self.suggestions_left = MAX_SUGGESTIONS


_FACTS: dict[int, _Facts] = {}
_FACTS_KEPT = 8


def fresh_hints() -> None:
    """Start a new run (a check, a comparison) with a full budget of did-you-mean hints."""
    _FACTS.clear()


def _facts(body: Body) -> _Facts:
    """The facts of ``body``, from a small cache keyed by identity (a body is immutable)."""
    found = _FACTS.get(id(body))
    if found is None or found.body is not body:
        if len(_FACTS) >= _FACTS_KEPT:
            del _FACTS[next(iter(_FACTS))]
        found = _FACTS[id(body)] = _Facts(body)
    return found


def _expand_one(ref: str, body: Body, treaty: str, file: str | Path | None, line: int | None) -> list[str]:
    if RANGE not in ref:
        return [lookup(ref, body, treaty, file, line).id]
    first_id, _, last_id = ref.partition(RANGE)
    if not first_id or not last_id or RANGE in last_id:
        raise MappingError(
            f"{ref!r} is not a range", file=file, line=line, hint="write FIRST..LAST, e.g. art-18..art-27"
        )
    first = lookup(first_id, body, treaty, file, line)
    last = lookup(last_id, body, treaty, file, line)
    if first.kind != last.kind:
        raise MappingError(
            f"range {ref!r} joins {indefinite(first.kind)} {first.kind} "
            f"and {indefinite(last.kind)} {last.kind}",
            file=file,
            line=line,
            hint="both ends of a range are of the same kind, e.g. art-18..art-27 or art-3.1..art-3.4",
        )
    facts = _facts(body)
    order, start, end = facts.order, facts.position[first.id], facts.position[last.id]
    if start > end:
        raise MappingError(
            f"range {ref!r} runs backwards in {treaty}",
            file=file,
            line=line,
            hint=f"write {last_id}..{first_id}",
        )
    return [i for i in order[start : end + 1] if body.index[i].kind == first.kind]
