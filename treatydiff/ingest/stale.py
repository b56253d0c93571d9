"""Bodies stored under older id rules, brought up to the current ones (docs/ids.md, "Versions")."""

from __future__ import annotations

from treatydiff.ingest.ids import RULES_VERSION
from treatydiff.model import Body

__all__ = ["RULES_VERSION", "current_body"]

# Parsers whose body can be rebuilt from its own source text alone.
_REPARSABLE = frozenset({"text", "html"})


def current_body(body: Body, rules_version: int, parser: str) -> Body:
    """``body`` with ids under the current rules: re-parsed from its source text when it is older.

    A text or web-page body keeps its source text, so it is parsed again and says so
    in a warning; a body of another parser is kept as it is, with a warning that its
    ids follow older rules.
    """
    if rules_version >= RULES_VERSION:
        return body
    note = f"stored under id rules {rules_version}, now {RULES_VERSION} (docs/ids.md)"
    if parser in _REPARSABLE:
        from treatydiff.ingest.text import parse_text  # the text parser loads only to re-parse

        fresh = parse_text(body.source_text, lang=body.lang)
        warnings = (*body.warnings, f"re-parsed: {note}")
        return Body(body.lang, body.source_text, fresh.provisions, body.title, warnings)
    return Body(
        body.lang, body.source_text, body.provisions, body.title,
        (*body.warnings, f"ids may be out of date: {note}; ingest the text again"),
    )  # fmt: skip
