"""The obligation analysis's own value types: modalities, bearers, statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Modality = Literal["obligation", "prohibition", "permission", "aspiration", "declaration"]
MODALITIES: tuple[str, ...] = get_args(Modality)

Bearer = Literal["parties", "other-party", "named-party", "body", "other", "none"]
BEARERS: tuple[str, ...] = get_args(Bearer)

STRENGTH: dict[str, int] = {
    "obligation": 3,
    "prohibition": 3,
    "aspiration": 2,
    "permission": 1,
    "declaration": 0,
}
"""Normative strength; the strongest statement of a provision is its primary one."""

POLARITY: dict[str, int] = {"obligation": 1, "aspiration": 1, "permission": 1, "prohibition": -1}
"""+1 for a duty (or licence) to act, -1 for a duty not to act; declarations have none."""


@dataclass(frozen=True)
class Statement:
    """One obligation statement found in a provision's text."""

    modality: Modality
    rule: str
    """Name of the vocabulary rule that matched, e.g. ``en.shall-not`` (docs/obligations.md)."""
    span: tuple[int, int]
    """Character offsets ``[start, end)`` of the modal phrase in the provision's text."""
    modal: str
    """The modal phrase itself ("shall not", "undertake to make every effort", "обязуются")."""
    bearer: Bearer
    bearer_text: str | None = None
    """The words the bearer was read from ("the Contracting Parties"), if any."""
    condition: str | None = None
    """The trigger or condition marker and the words after it, if any ("in case of …")."""
    condition_rule: str | None = None
    exceptions: tuple[str, ...] = ()
    """Exception clauses ("unless …", "except …") attached to the statement."""
    action: str = ""
    """The verb phrase governed by the modal phrase, shortened to one clause."""
    inherited_from: str | None = None
    """Id of the chapeau this statement was inherited from (points of a list)."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "modality": self.modality,
            "rule": self.rule,
            "span": list(self.span),
            "modal": self.modal,
            "bearer": self.bearer,
            "bearer_text": self.bearer_text,
            "condition": self.condition,
            "condition_rule": self.condition_rule,
            "exceptions": list(self.exceptions),
            "action": self.action,
            "inherited_from": self.inherited_from,
        }


@dataclass(frozen=True)
class ProvisionObligations:
    """The statements of one provision and its primary (strongest) one."""

    provision: str
    """The provision's id."""
    lang: str
    statements: tuple[Statement, ...] = field(default=())

    @property
    def primary(self) -> Statement | None:
        """The first statement of the greatest strength; ``None`` when there is none."""
        best: Statement | None = None
        for statement in self.statements:
            if best is None or STRENGTH[statement.modality] > STRENGTH[best.modality]:
                best = statement
        return best

    @property
    def modality(self) -> Modality:
        """The primary modality; ``declaration`` when no normative phrase was found."""
        primary = self.primary
        return primary.modality if primary is not None else "declaration"

    @property
    def bearer(self) -> Bearer:
        """The primary statement's bearer (``none`` for a declaration)."""
        primary = self.primary
        return primary.bearer if primary is not None else "none"

    @property
    def has_condition(self) -> bool:
        """True when a statement of the primary modality carries a condition."""
        primary = self.primary
        if primary is None:
            return False
        return any(s.condition for s in self.statements if s.modality == primary.modality)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "provision": self.provision,
            "lang": self.lang,
            "modality": self.modality,
            "bearer": self.bearer,
            "condition": self.has_condition,
            "statements": [s.to_dict() for s in self.statements],
        }
