"""How a link's obligations changed: added, dropped, strengthened, weakened, reversed …

The comparison reads only modality, polarity, bearer and condition, never word overlap,
so it works between language versions as well as within one language: "не оказывает
помощи агрессору" against "shall immediately provide military assistance" is a polarity
reversal whatever the words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from treatydiff.errors import TreatydiffError
from treatydiff.model import OBLIGATION_CHANGE_KINDS as CHANGE_KINDS
from treatydiff.model import Body, ComparedLink, Comparison, Provision
from treatydiff.model import ObligationChangeKind as ChangeKind
from treatydiff.obligations.extract import analyse_body
from treatydiff.obligations.types import POLARITY, STRENGTH, ProvisionObligations, Statement
from treatydiff.obligations.vocab import LANGUAGES

__all__ = [
    "CHANGE_KINDS",
    "ChangeKind",
    "ObligationChange",
    "analyse_side",
    "compare_obligations",
    "comparison_obligations",
    "obligation_changes",
]


_ACTION_WORDS = 8


@dataclass(frozen=True)
class ObligationChange:
    """The obligation change across one link, with a one-line summary."""

    kinds: tuple[ChangeKind, ...]
    """Every change found, most important first; ``("unchanged",)`` when there is none."""
    summary: str
    """One line: "weakened: shall → shall endeavour"."""
    left: Statement | None
    """The left side's primary statement (``None``: no obligation statement)."""
    right: Statement | None
    left_statements: int = 0
    right_statements: int = 0

    @property
    def kind(self) -> ChangeKind:
        """The most important change."""
        return self.kinds[0]

    @property
    def changed(self) -> bool:
        return self.kinds != ("unchanged",)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "kind": self.kind,
            "kinds": list(self.kinds),
            "summary": self.summary,
            "left": self.left.to_dict() if self.left else None,
            "right": self.right.to_dict() if self.right else None,
            "left_statements": self.left_statements,
            "right_statements": self.right_statements,
        }


def _normative(results: Iterable[ProvisionObligations]) -> list[Statement]:
    return [s for r in results for s in r.statements if s.modality != "declaration"]


def _primary(statements: Sequence[Statement]) -> Statement | None:
    best: Statement | None = None
    for statement in statements:
        if best is None or STRENGTH[statement.modality] > STRENGTH[best.modality]:
            best = statement
    return best


def _phrase(statement: Statement) -> str:
    words = statement.action.replace(" …", "").split()
    action = " ".join(words[:_ACTION_WORDS]) + (" …" if len(words) > _ACTION_WORDS else "")
    return f"{statement.modal} {action}".strip()


# Condition markers by what they make the duty depend on; across languages only the family
# is compared (en.if ~ ru.in-case "в случае если"), within one language the words too.
_CONDITION_FAMILY = {
    "if": "event",
    "in-case": "event",
    "should": "event",
    "when": "event",
    "where": "event",
    "absence": "event",
    "upon-request": "request",
    "provided": "proviso",
    "in-so-far": "proviso",
}


def _condition_key(statement: Statement, same_language: bool) -> str | None:
    if statement.condition_rule is None:
        return None
    marker = statement.condition_rule.split(".", 1)[-1]
    if same_language:
        return f"{marker}:{' '.join((statement.condition or '').lower().split())}"
    return _CONDITION_FAMILY.get(marker, marker)


def compare_obligations(
    left: Sequence[ProvisionObligations], right: Sequence[ProvisionObligations]
) -> ObligationChange:
    """Classify the change between the obligations of a link's two sides.

    Args:
        left: the analysed provisions of the left side (any language).
        right: those of the right side.
    """
    left_all, right_all = _normative(left), _normative(right)
    a, b = _primary(left_all), _primary(right_all)
    counts = {"left_statements": len(left_all), "right_statements": len(right_all)}
    if a is None and b is None:
        return ObligationChange(
            ("unchanged",), "unchanged: no obligation on either side", None, None, **counts
        )
    if a is None:
        assert b is not None
        return ObligationChange(("added",), f"added: {_phrase(b)}", None, b, **counts)
    if b is None:
        return ObligationChange(("dropped",), f"dropped: {_phrase(a)}", a, None, **counts)

    kinds: list[ChangeKind] = []
    parts: list[str] = []
    if POLARITY[a.modality] != POLARITY[b.modality]:
        kinds.append("reversed")
        parts.append(f"reversed: {_phrase(a)} → {_phrase(b)}")
    elif STRENGTH[b.modality] != STRENGTH[a.modality]:
        kind: ChangeKind = "strengthened" if STRENGTH[b.modality] > STRENGTH[a.modality] else "weakened"
        kinds.append(kind)
        parts.append(f"{kind}: {a.modal} → {b.modal} ({a.modality} → {b.modality})")
    if a.bearer != b.bearer and "none" not in (a.bearer, b.bearer):
        kinds.append("bearer-changed")
        parts.append(f"bearer changed: {a.bearer_text or a.bearer} → {b.bearer_text or b.bearer}")
    same_language = a.rule.split(".")[0] == b.rule.split(".")[0]
    ca, cb = _condition_key(a, same_language), _condition_key(b, same_language)
    if ca is None and cb is not None:
        kinds.append("condition-added")
        parts.append(f"condition added: {b.condition}")
    elif ca is not None and cb is None:
        kinds.append("condition-removed")
        parts.append(f"condition removed: {a.condition}")
    elif ca != cb:
        kinds.append("condition-changed")
        parts.append(f"condition changed: {a.condition} → {b.condition}")
    if not kinds:
        return ObligationChange(
            ("unchanged",), f"unchanged: {a.modality} ({a.modal} → {b.modal})", a, b, **counts
        )
    order = {kind: i for i, kind in enumerate(CHANGE_KINDS)}
    ranked = sorted(zip(kinds, parts, strict=True), key=lambda pair: order[pair[0]])
    return ObligationChange(
        tuple(kind for kind, _ in ranked), "; ".join(part for _, part in ranked), a, b, **counts
    )


def analyse_side(
    provisions: Sequence[Provision], lang: str, known: Mapping[str, tuple[Statement, ...]] | None = None
) -> list[ProvisionObligations]:
    """Leaves of the given provisions, points inheriting their chapeau within each provision
    (``known``: statements by text, found beforehand)."""
    body = Body(lang=lang, source_text="", provisions=tuple(provisions))
    return list(analyse_body(body, known=known).values())


def obligation_changes(link_diff: ComparedLink, left_lang: str, right_lang: str) -> ObligationChange | None:
    """The obligation change of one compared link; ``None`` when a language has no vocabulary.

    Args:
        link_diff: a row of a :class:`~treatydiff.model.Comparison`.
        left_lang: the language of its left provisions (``comparison.left.lang``).
        right_lang: that of its right provisions.
    """
    if left_lang not in LANGUAGES or right_lang not in LANGUAGES:
        return None
    try:
        left, right = analyse_side(link_diff.left, left_lang), analyse_side(link_diff.right, right_lang)
        return compare_obligations(left, right)
    except TreatydiffError:  # pragma: no cover - guarded by the LANGUAGES check above
        return None


def comparison_obligations(comparison: Comparison) -> tuple[ObligationChange | None, ...]:
    """One obligation change per row of a comparison (``None`` where a language is unsupported).

    This is the face the report renderers call: pure data, the same for every format.
    """
    left, right = comparison.left.lang, comparison.right.lang
    return tuple(obligation_changes(row, left, right) for row in comparison.rows)
