"""Resolve a link's refs (ids and ``FIRST..LAST`` ranges) to provision ids of one treaty body."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from treatydiff.errors import MappingError
from treatydiff.mapping.wording import indefinite, suggest
from treatydiff.model import Body, Provision

__all__ = ["RANGE", "UNRESOLVED", "expand_refs", "lookup"]

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
    ids: list[str] = []
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
            ids.append(provision_id)
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
    # Ties go to the later provision: one past the last paragraph is the commonest slip.
    candidates = list(reversed(body.index))
    raise MappingError(
        f"unknown provision {provision_id!r} in {treaty} ({body.lang})",
        file=file,
        line=line,
        ref=f"{treaty}:{provision_id}",
        hint=suggest(provision_id, candidates, listing),
    )


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
    order = list(body.index)  # ids in document order
    start, end = order.index(first.id), order.index(last.id)
    if start > end:
        raise MappingError(
            f"range {ref!r} runs backwards in {treaty}",
            file=file,
            line=line,
            hint=f"write {last_id}..{first_id}",
        )
    return [i for i in order[start : end + 1] if body.index[i].kind == first.kind]
