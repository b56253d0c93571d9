"""One clause family in the terminal (rich) and as JSON; reads only :mod:`treatydiff.families.model`."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from treatydiff.families.model import Cell, FamilyView

__all__ = ["FAMILY_JSON_SCHEMA", "family_data", "family_json", "render_family"]

FAMILY_JSON_SCHEMA = "treatydiff.family/1"


def _text(cell: Cell) -> Text:
    body = Text()
    for version in cell.texts:
        head = f"{version.label} ({version.lang})"
        if version.against:
            head += f", changes against {version.against}"
        body.append(head + "\n", style="bold")
        if version.ops:
            for op in version.ops:
                style = {"delete": "red strike", "insert": "green underline"}.get(op.op, "")
                marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}.get(op.op, ("", ""))
                body.append(f"{marks[0]}{op.text}{marks[1]} ", style=style)
            body.append("\n")
        else:
            body.append(version.text + "\n")
    return body


def render_family(view: FamilyView, console: Console) -> None:
    """The family's members in date order, one panel each."""
    family = view.family
    console.print(Text(family.title, style="bold"), Text(f"({family.name}, {len(view.cells)} members)"))
    if family.note:
        console.print(Text(family.note, style="italic"))
    for cell in view.cells:
        member = cell.member
        lines = Text()
        lines.append(f"{cell.label}", style="bold")
        lines.append(f"  [{member.state}]" + (f" {member.ref}" if member.ref else "") + "\n")
        lines.append(member.summary + "\n")
        lines.append(f"profile: {cell.profile or '—'} ({cell.profile_origin})\n")
        for change in cell.changes:
            style = "bold red" if change.changed else "dim"
            lines.append(f"change against {change.against}: {change.summary}\n", style=style)
        for other, relation, note in cell.neighbours:
            lines.append(f"{relation} ← {other}" + (f": {note}" if note else "") + "\n")
        if member.locator:
            terms = "; ".join(f"{lang}: {', '.join(t)}" for lang, t in member.locator.terms.items())
            lines.append(f"locator: {member.locator.topic} ({terms})\n", style="dim")
        lines.append(f"sources ({member.confidence}): {'; '.join(member.evidence)}\n", style="dim")
        if cell.texts:
            lines.append_text(_text(cell))
            lines.append(
                "from: " + "; ".join(f"{t.lang} text {t.sha256[:12]}" for t in cell.texts), style="dim"
            )
        else:
            lines.append(f"text not loaded — `{cell.ingest_hint}`", style="dim")
        title = f"{member.id} · signed {cell.signed or 'unknown'} · {escape(cell.title)}"  # id first
        console.print(Panel(lines, title=title, title_align="left"))
    for contradiction in view.contradictions:
        console.print(Text(f"open: {contradiction.id}: {contradiction.summary}", style="yellow"))


def family_data(view: FamilyView) -> dict[str, Any]:
    """The family view as plain JSON-ready data."""
    family = view.family
    return {
        "schema": FAMILY_JSON_SCHEMA,
        "family": {k: v for k, v in asdict(family).items() if k != "members"},
        "cells": [
            {
                "member": asdict(cell.member),
                "title": cell.title,
                "signed": cell.signed,
                "label": cell.label,
                "origin": cell.origin,
                "profile": cell.profile,
                "profile_origin": cell.profile_origin,
                "profile_change": cell.profile_change,
                "changes": [
                    {"against": c.against, "kinds": list(c.kinds), "summary": c.summary} for c in cell.changes
                ],
                "neighbours": [{"member": m, "relation": r, "note": n} for m, r, n in cell.neighbours],
                "ingest_hint": cell.ingest_hint,
                "texts": [asdict(t) for t in cell.texts],
            }
            for cell in view.cells
        ],
        "contradictions": [asdict(c) for c in view.contradictions],
    }


def family_json(view: FamilyView) -> str:
    """The family view as indented JSON."""
    return json.dumps(family_data(view), ensure_ascii=False, indent=2) + "\n"
