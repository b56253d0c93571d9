"""Obligation change classification across a link, in one language and across two.

All texts here are SYNTHETIC: written for these tests in treaty style, not copied from any
treaty (the mutual-assistance pair only paraphrases the subject of issue 11's example).
"""

from __future__ import annotations

import pytest
from factories import comparison, provision

from treatydiff.model import ComparedLink, Link
from treatydiff.obligations import (
    CHANGE_KINDS,
    analyse_provision,
    compare_obligations,
    comparison_obligations,
    obligation_changes,
)


def change(left: tuple[str, str], right: tuple[str, str]):  # type: ignore[no-untyped-def]
    a = analyse_provision(provision("art-1", left[1]), left[0])
    b = analyse_provision(provision("art-1", right[1]), right[0])
    return compare_obligations([a], [b])


NON_ASSISTANCE_RU = (
    "ru",
    "В случае если одна из Сторон подвергнется агрессии, другая Сторона не оказывает агрессору "
    "никакой военной или иной помощи.",
)
NON_ASSISTANCE_EN = (
    "en",
    "If one of the Parties is subjected to aggression, the other Party shall not provide the aggressor "
    "with any military or other assistance.",
)
ASSISTANCE_EN = (
    "en",
    "If one of the Parties is subjected to an armed attack, the other Party shall immediately provide "
    "military and other assistance with all means at its disposal.",
)
ASSISTANCE_RU = (
    "ru",
    "В случае если одна из Сторон подвергнется вооруженному нападению, другая Сторона незамедлительно "
    "оказывает ей военную и иную помощь всеми имеющимися у нее средствами.",
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (NON_ASSISTANCE_EN, ASSISTANCE_EN),
        (NON_ASSISTANCE_RU, ASSISTANCE_EN),
        (NON_ASSISTANCE_EN, ASSISTANCE_RU),
        (NON_ASSISTANCE_RU, ASSISTANCE_RU),
    ],
    ids=["en-en", "ru-en", "en-ru", "ru-ru"],
)
def test_non_assistance_against_assistance_is_a_polarity_reversal(
    left: tuple[str, str], right: tuple[str, str]
) -> None:
    result = change(left, right)
    assert result.kind == "reversed", result
    assert result.summary.startswith("reversed: ")
    assert "→" in result.summary
    assert "bearer-changed" not in result.kinds  # the other Party on both sides
    assert "condition-added" not in result.kinds and "condition-removed" not in result.kinds


@pytest.mark.parametrize(
    ("left", "right", "kind", "summary"),
    [
        (
            "Each Party shall publish its laws.",
            "Each Party shall endeavour to publish its laws.",
            "weakened",
            "weakened: shall → shall endeavour (obligation → aspiration)",
        ),
        (
            "Each Party may publish its laws.",
            "Each Party shall publish its laws.",
            "strengthened",
            "strengthened: may → shall (permission → obligation)",
        ),
        ("Each Party shall publish its laws.", "Each Party may publish its laws.", "weakened", None),
        ("Each Party may export arms.", "No Party may export arms.", "reversed", None),
        (
            "This Treaty is concluded for five years.",
            "Each Party shall publish its laws.",
            "added",
            "added: shall publish its laws",
        ),
        (
            "Each Party shall publish its laws.",
            "This Treaty is concluded for five years.",
            "dropped",
            "dropped: shall publish its laws",
        ),
        (
            "Each Party shall publish its laws.",
            "The Joint Council shall publish the laws.",
            "bearer-changed",
            "bearer changed: Each Party → The Joint Council",
        ),
        (
            "Each Party shall notify the other Party.",
            "If it adopts a measure, each Party shall notify the other Party.",
            "condition-added",
            None,
        ),
        (
            "Upon request, each Party shall notify the other Party.",
            "Each Party shall notify the other Party.",
            "condition-removed",
            None,
        ),
        (
            "If asked, each Party shall notify the other Party.",
            "In case of doubt, each Party shall notify the other Party.",
            "condition-changed",
            None,
        ),
        (
            "Each Party shall publish its laws.",
            "Each Party shall publish all its laws promptly.",
            "unchanged",
            "unchanged: obligation (shall → shall)",
        ),
        (
            "This Treaty is concluded for five years.",
            "This Treaty is concluded for ten years.",
            "unchanged",
            "unchanged: no obligation on either side",
        ),
    ],
)
def test_change_kinds(left: str, right: str, kind: str, summary: str | None) -> None:
    result = change(("en", left), ("en", right))
    assert result.kind == kind, result
    if summary is not None:
        assert result.summary == summary


def test_cross_language_same_obligation_is_unchanged() -> None:
    result = change(
        ("en", "Each Party shall publish its laws."), ("ru", "Каждая Сторона публикует свои законы.")
    )
    assert result.kinds == ("unchanged",), result


def test_kinds_are_ranked_and_serialisable() -> None:
    result = change(
        ("en", "Each Party may publish its laws."), ("en", "If asked, the Joint Council shall publish them.")
    )
    assert list(result.kinds) == sorted(result.kinds, key=CHANGE_KINDS.index)
    assert result.kinds[:2] == ("strengthened", "bearer-changed")
    data = result.to_dict()
    assert data["kind"] == "strengthened" and data["left"]["rule"] == "en.may"


def test_obligation_changes_of_a_comparison_row() -> None:
    compared = comparison()
    changes = comparison_obligations(compared)
    assert len(changes) == len(compared.rows)
    assert all(c is not None for c in changes)
    row = ComparedLink(
        Link(("art-1",), ("art-1",), "modified"),
        (provision("art-1", "Each Party shall publish its laws."),),
        (provision("art-1", "Each Party shall endeavour to publish its laws."),),
        None,
        "changed",
    )
    result = obligation_changes(row, "en", "en")
    assert result is not None and result.kind == "weakened"
    assert obligation_changes(row, "en", "zh") is None  # no vocabulary: no verdict, no error
