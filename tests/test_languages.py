"""Languages as data: one frozen record per language, read by the parsers and nowhere else written."""

from __future__ import annotations

import dataclasses
import io
import tokenize
from pathlib import Path

import pytest

import treatydiff
from treatydiff.languages import LANGUAGES, language, records

PACKAGE = Path(treatydiff.__file__).parent


def test_registry_holds_one_record_per_language() -> None:
    assert set(LANGUAGES) >= {"en", "ru", "fr", "es", "ar", "zh"}
    assert all(code == record.code for code, record in LANGUAGES.items())
    assert language("xx") is LANGUAGES["en"]
    assert records()[0].code == "en"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_records_are_frozen(code: str) -> None:
    record = LANGUAGES[code]
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.code = "xx"  # type: ignore[misc]
    with pytest.raises(TypeError):
        record.labels.words["article"] = "x"  # type: ignore[index]


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_record_can_head_an_article_and_label_it(code: str) -> None:
    record = LANGUAGES[code]
    assert record.article_words or record.counted is not None
    assert record.labels.words.get("article")
    assert record.closing_formulas


def _string_literals(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [t.string for t in tokens if t.type == tokenize.STRING]


# The names of units in the model ("article", "section") are identifiers, not drafting words.
UNIT_NAMES = {
    "preamble", "recital", "article", "paragraph", "point", "unnumbered", "dash", "chapter", "part",
    "title", "section", "annex", "closing", "intro",
}  # fmt: skip


FORMAT_NAMES = {"treaty"}  # the root element of ToTA's XML


def _drafting_words() -> set[str]:
    found: set[str] = set()
    for record in records():
        for group in (record.article_words, record.annex_words, record.preamble_words, record.treaty_words):
            found.update(group)
        found.update(record.containers)
        found.update(w for w in record.labels.words.values() if len(w) > 2)
    return found - UNIT_NAMES - FORMAT_NAMES


def test_no_parser_module_spells_a_drafting_word() -> None:
    """The words of every language live in treatydiff/languages/ only (comments and docs may cite them)."""
    modules = [*sorted((PACKAGE / "ingest").glob("*.py")), PACKAGE / "diff.py"]
    words = _drafting_words()
    offenders = []
    for path in modules:
        literals = [s for s in _string_literals(path) if not s.startswith(('"""', "r'''", 'r"""'))]
        for literal in literals:
            inner = literal.strip("rbf").strip("\"'")
            if inner in words:
                offenders.append(f"{path.name}: {literal}")
    assert offenders == []
