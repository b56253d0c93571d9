"""Write an alignment as a draft clause map (``status: draft``, every link suggested)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from treatydiff.align.result import Alignment, Suggestion

__all__ = ["draft_map"]


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def _refs(ids: Sequence[str]) -> str:
    return ids[0] if len(ids) == 1 else "[" + ", ".join(ids) + "]"


def _treaty(treaty_id: str, lang: str) -> str:
    shown = treaty_id.replace("tota-", "tota:", 1) if treaty_id.startswith("tota-") else treaty_id
    return f"{{id: {_quote(shown)}, lang: {lang}}}"


def _link(s: Suggestion) -> list[str]:
    lines = []
    first = "  - "
    if s.left:
        lines.append(f"{first}left: {_refs(s.left)}")
        first = "    "
    if s.right:
        lines.append(f"{first}right: {_refs(s.right)}")
    lines.append(f"    relation: {s.relation}")
    lines.append("    suggested: true")
    lines.append(f"    score: {s.score:.3f}")
    if s.similarity is not None:
        lines.append(f"    similarity: {s.similarity:.3f}")
    lines.append("    reasons:")
    lines += [f"      - {_quote(reason)}" for reason in s.reasons]
    return lines


def draft_map(alignment: Alignment, *, title: str, date: str, schema: str | None = None) -> str:
    """The YAML text of a draft map holding the suggestions, for a scholar to review.

    Args:
        alignment: the suggestions.
        title: the map's title (our words, never treaty text).
        date: ``YYYY-MM-DD``.
        schema: path of the clause-map schema for the editor's language-server comment.
    """
    head = [f"# yaml-language-server: $schema={schema}"] if schema else []
    head += [
        "# Draft suggested by `treatydiff align`: review every link, then replace `changed` with",
        "# reworded, modified, expanded, narrowed …, delete `suggested`, `score`, `similarity`",
        "# and `reasons` from the links you have checked, and set `status: reviewed`.",
        "treatydiff-map: 1",
        f"title: {_quote(title)}",
        "treaties:",
        f"  - {_treaty(alignment.left, alignment.left_lang)}",
        f"  - {_treaty(alignment.right, alignment.right_lang)}",
        'authors: ["treatydiff align (suggested)"]',
        f"date: {date}",
        "status: draft",
        "links:" if alignment.suggestions else "links: []",
    ]
    body = [line for s in alignment.suggestions for line in _link(s)]
    return "\n".join(head + body) + "\n"
