"""What ``treatydiff obligations`` prints: the statements of a treaty or of one provision."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.text import Text

from treatydiff.model import Provision, Treaty
from treatydiff.obligations.extract import analyse_body
from treatydiff.obligations.types import MODALITIES, ProvisionObligations

__all__ = ["ObligationReport", "obligation_report", "render_report", "report_json"]

SCHEMA_VERSION = "1"
_STYLE = {
    "obligation": "bold green",
    "prohibition": "bold red",
    "permission": "bold cyan",
    "aspiration": "bold yellow",
    "declaration": "dim",
}


@dataclass(frozen=True)
class ObligationReport:
    """The analysed provisions of a treaty, or of one provision and its leaves."""

    treaty: Treaty
    scope: Provision | None
    results: tuple[ProvisionObligations, ...]
    """Every analysed leaf, in document order (declarations included)."""


def obligation_report(treaty: Treaty, provision_id: str | None = None) -> ObligationReport:
    """Analyse a whole treaty, or one provision (its leaves, when it has children).

    Raises:
        UnknownProvision: when the treaty has no such provision.
        TreatydiffError: when no vocabulary exists for the treaty's language.
    """
    scope = treaty.get(provision_id) if provision_id else None
    wanted = None if scope is None else [p.id for p in scope.walk() if not p.children]
    results = analyse_body(treaty.body, wanted)
    return ObligationReport(treaty, scope, tuple(results.values()))


def _counts(report: ObligationReport) -> dict[str, int]:
    counts: Counter[str] = Counter(result.modality for result in report.results)
    return {modality: counts[modality] for modality in MODALITIES}


def report_json(report: ObligationReport) -> str:
    """The report as JSON (``schema`` versioned; spans are offsets into each provision's text)."""
    index = report.treaty.body.index
    data: dict[str, Any] = {
        "schema": f"treatydiff-obligations/{SCHEMA_VERSION}",
        "treaty": report.treaty.meta.id,
        "lang": report.treaty.lang,
        "provision": report.scope.id if report.scope else None,
        "primary_modalities": _counts(report),
        "provisions": [{"label": index[r.provision].label, **r.to_dict()} for r in report.results],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _highlighted(provision: Provision, result: ProvisionObligations) -> Text:
    text = Text(provision.text)
    for statement in result.statements:
        if statement.inherited_from is None:
            text.stylize(_STYLE[statement.modality], *statement.span)
    return text


def render_report(report: ObligationReport, console: Console) -> None:
    """Print the report: a summary line, then each statement with its bearer, trigger and rule.

    One provision is shown with its text, the modal phrases highlighted.
    """
    treaty = report.treaty
    where = f"{treaty.meta.id}:{report.scope.id}" if report.scope else treaty.meta.id
    counts = ", ".join(f"{modality} {n}" for modality, n in _counts(report).items() if n)
    console.print(
        f"{where} ({treaty.lang}): {len(report.results)} provisions — primary modality: {counts or 'none'}",
        markup=False,
    )
    index = treaty.body.index
    single = len(report.results) == 1
    shown = 0
    for result in report.results:
        if not result.statements and not single:
            continue
        console.print()
        console.print(Text(f"{result.provision}  {index[result.provision].label}", style="bold"))
        if single:
            console.print(_highlighted(index[result.provision], result))
        for statement in result.statements:
            line = Text("  ")
            line.append(statement.modality, style=_STYLE[statement.modality])
            line.append(f"  {statement.modal!r} → {statement.action}")
            console.print(line)
            bearer = statement.bearer + (f" ({statement.bearer_text})" if statement.bearer_text else "")
            details = [f"bearer: {bearer}"]
            if statement.condition:
                details.append(f"trigger: {statement.condition}")
            details += [f"exception: {text}" for text in statement.exceptions]
            rule = f"rule: {statement.rule}, span {statement.span[0]}–{statement.span[1]}"
            if statement.inherited_from:
                rule += f", from the chapeau {statement.inherited_from}"
            details.append(rule)
            console.print(Text("    " + " · ".join(details), style="dim"))
            shown += 1
    if not shown:
        console.print("no obligation statements (declarations only)", markup=False)
