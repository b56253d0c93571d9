"""What ``treatydiff lineage`` prints: the query, then its relatives oldest first."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING

from treatydiff.errors import TreatydiffError
from treatydiff.lineage.index import Index
from treatydiff.lineage.query import Lineage, lineage
from treatydiff.model import Citation

if TYPE_CHECKING:
    from rich.console import Console

    from treatydiff.corpus import Registry

__all__ = ["SCHEMA_VERSION", "lineage_json", "query", "render_lineage"]

SCHEMA_VERSION = "1"


def query(
    index: Index,
    registry: Registry | Callable[[], Registry],
    citation: Citation,
    *,
    lang: str | None = None,
    other_lang: str | None = None,
    limit: int = 10,
    threshold: float = 0.3,
) -> Lineage:
    """The lineage of a cited provision: its text from the index, else from the registry.

    ``registry`` may be a function that opens it: it is then called only for a provision
    the index does not hold (a paragraph, a text not yet indexed).

    Raises:
        TreatydiffError: when the citation names no provision, or an unknown one.
    """
    if citation.provision is None:
        raise TreatydiffError(
            f"{citation} names a whole treaty",
            ref=str(citation),
            hint="cite one provision, e.g. tota:420:art-5",
        )
    doc = index.find(citation.treaty, lang, citation.provision)
    if doc is not None:
        member = index.members[int(index.doc_member[doc])]
        text, query_lang, date = index.text(doc), member.lang, member.date
    else:
        opened = registry if not callable(registry) else registry()
        treaty = opened.load(citation.treaty, lang)
        text = treaty.get(citation.provision).body_text()
        query_lang, date = treaty.lang, treaty.meta.signed_date or treaty.meta.in_force_date
    return lineage(
        index,
        citation.treaty,
        citation.provision,
        text,
        query_lang,
        date=date,
        other_lang=other_lang,
        limit=limit,
        threshold=threshold,
    )


def _cite(treaty: str, provision: str) -> str:
    """``tota:N:ID`` for a ToTA agreement (as the commands take it), else ``TREATY:ID``."""
    cited = str(Citation(treaty, provision))
    return "tota:" + cited.removeprefix("tota-") if treaty.startswith("tota-") else cited


def lineage_json(result: Lineage) -> str:
    """The lineage as JSON (``schema_version`` 1)."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "query": {
            "citation": _cite(result.treaty, result.provision),
            "lang": result.lang,
            "date": result.date,
        },
        "relatives": [{"citation": _cite(r.treaty, r.provision), **asdict(r)} for r in result.relatives],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_lineage(result: Lineage, console: Console) -> None:
    """A table, oldest first, with the query in its place in time."""
    from rich.table import Table  # rich loads only for the text table, not for JSON
    from rich.text import Text

    query = _cite(result.treaty, result.provision)
    table = Table(
        title=f"Relatives of {query} ({result.lang}, {result.date or 'undated'})",
        title_justify="left",
    )
    for column, justify in (
        ("date", "left"),
        ("", "left"),
        ("provision", "left"),
        ("sim", "right"),
        ("jaccard", "right"),
        ("difference", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    rows = list(result.relatives)
    placed = False
    for relative in rows:
        if not placed and relative.relation in ("later", "undated"):
            table.add_row(
                result.date or "",
                "this",
                Text(_cite(result.treaty, result.provision), style="bold"),
                "",
                "",
                "",
            )
            placed = True
        mark = {
            "earlier": "↑ earlier",
            "later": "↓ later",
            "same date": "= same date",
            "undated": "? undated",
        }
        table.add_row(
            relative.date or "",
            mark[relative.relation],
            Text(f"{_cite(relative.treaty, relative.provision)} ({relative.lang}) {relative.title}"),
            f"{relative.similarity:.2f}",
            "" if relative.jaccard is None else f"{relative.jaccard:.2f}",
            Text(relative.summary),
        )
    if not placed:
        table.add_row(
            result.date or "", "this", Text(_cite(result.treaty, result.provision), style="bold"), "", "", ""
        )
    console.print(table)
    if not rows:
        console.print("no relatives above the similarity threshold", markup=False)
