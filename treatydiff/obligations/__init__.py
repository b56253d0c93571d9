"""Obligation analysis: who must do what, how strongly, on what trigger, and how that changed.

Rule-based and explainable: every statement names the vocabulary rule that found it
(docs/obligations.md lists them). Languages are data (``vocab/en.py``, ``vocab/ru.py``).
"""

from __future__ import annotations

from treatydiff.obligations.changes import (
    CHANGE_KINDS,
    ChangeKind,
    ObligationChange,
    compare_obligations,
    comparison_obligations,
    obligation_changes,
)
from treatydiff.obligations.extract import analyse_body, analyse_provision, chapeau_of, extract
from treatydiff.obligations.types import (
    BEARERS,
    MODALITIES,
    STRENGTH,
    Bearer,
    Modality,
    ProvisionObligations,
    Statement,
)
from treatydiff.obligations.vocab import LANGUAGES, vocabulary

__all__ = [
    "BEARERS",
    "CHANGE_KINDS",
    "ChangeKind",
    "ObligationChange",
    "compare_obligations",
    "comparison_obligations",
    "obligation_changes",
    "LANGUAGES",
    "MODALITIES",
    "STRENGTH",
    "Bearer",
    "Modality",
    "ProvisionObligations",
    "Statement",
    "analyse_body",
    "analyse_provision",
    "chapeau_of",
    "extract",
    "vocabulary",
]
