"""Validate a parsed map against the clause-map JSON Schema, as located, readable MappingErrors.

The schema ships as ``treatydiff/schemas/clause-map-1.schema.json`` (published as
``docs/schemas/clause-map-1.schema.json``) and is read as package data, so it loads
from an installed wheel too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from treatydiff.errors import MappingError
from treatydiff.mapping.wording import DOCS, indefinite, suggest
from treatydiff.mapping.yaml_source import Document, Where
from treatydiff.model import RELATIONS
from treatydiff.verdicts import remember_valid, remembered_valid

if TYPE_CHECKING:  # jsonschema is imported when a map is validated, not by every command
    from jsonschema import Draft202012Validator, ValidationError

__all__ = ["FORMAT_VERSION", "load_schema", "schema_errors"]

FORMAT_VERSION = 1
SCHEMA_FILE = "clause-map-1.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema of clause maps (format 1), as a dict."""
    return cast(dict[str, Any], json.loads(_schema_text()))


@cache
def _schema_text() -> str:
    return resources.files("treatydiff").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(doc: Document, path: Path) -> list[MappingError]:
    """Every schema violation as a MappingError, in line order, duplicates dropped."""
    if _plainly_valid(doc.data):
        return []
    found: dict[str, MappingError] = {}
    for error in _validator().iter_errors(doc.data):
        for problem in _translate(error, doc, path):
            found.setdefault(str(problem), problem)
    return sorted(found.values(), key=lambda problem: problem.line or 0)


@dataclass(frozen=True)
class _LinkRules:
    """What the schema asks of one link, read from the schema itself."""

    keys: frozenset[str]
    relations: frozenset[str]
    confidences: frozenset[str]
    ref: re.Pattern[str]
    ref_max: int
    treaty: re.Pattern[str]
    treaty_max: int


_PLAIN_KEYS = frozenset({"left", "right", "relation", "note", "evidence", "confidence", "between"})


@cache
def _link_rules() -> _LinkRules:
    defs = load_schema()["$defs"]
    props = defs["link"]["properties"]
    return _LinkRules(
        # Only the keys the plain test below understands; a link with any other key
        # (an aligner's score or reasons) goes to jsonschema.
        keys=frozenset(props) & _PLAIN_KEYS,
        relations=frozenset(props["relation"]["enum"]),
        confidences=frozenset(props["confidence"]["enum"]),
        ref=re.compile(defs["ref"]["pattern"]),
        ref_max=defs["ref"]["maxLength"],
        treaty=re.compile(defs["treatyId"]["pattern"]),
        treaty_max=defs["treatyId"]["maxLength"],
    )


def _plainly_valid(data: Any) -> bool:
    """True only when the map is certainly schema-valid; False means "ask jsonschema".

    jsonschema takes some 150 µs a link, 15 s for a map of 100,000 links. The header
    is still checked by jsonschema (links left out); each link by the plain test
    below, whose patterns and enums come from the schema. It never says yes to a link
    the schema refuses (a property test holds it to that); when it says no, jsonschema
    checks the whole map and explains every problem.
    """
    if not isinstance(data, dict) or not isinstance(data.get("links"), list):
        return False
    if not _header_valid({**data, "links": []}):
        return False
    rules = _link_rules()
    return all(_plain_link(link, rules) for link in data["links"])


def _header_valid(header: dict[str, Any]) -> bool:
    """The map without its links satisfies the schema (remembered by content: treatydiff.verdicts)."""
    if remembered_valid(_schema_text(), header):
        return True
    if not _validator().is_valid(header):
        return False
    remember_valid(_schema_text(), header)
    return True


def _plain_link(link: Any, rules: _LinkRules) -> bool:
    if not isinstance(link, dict) or not link.keys() <= rules.keys:
        return False
    relation = link.get("relation")
    if not isinstance(relation, str) or relation not in rules.relations:
        return False
    sides = ("left" in link, "right" in link)
    if sides != {"added": (False, True), "dropped": (True, False)}.get(relation, (True, True)):
        return False
    if not all(_plain_refs(link[side], rules) for side in ("left", "right") if side in link):
        return False
    if "note" in link and not _text(link["note"]):
        return False
    evidence = link.get("evidence", [])
    if not isinstance(evidence, list) or not all(_text(entry) for entry in evidence):
        return False
    confidence = link.get("confidence", next(iter(rules.confidences)))
    if not isinstance(confidence, str) or confidence not in rules.confidences:
        return False
    between = link.get("between", ["a", "b"])
    return isinstance(between, list) and len(between) == 2 and all(_plain_treaty(t, rules) for t in between)


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) >= 1


def _plain_refs(value: Any, rules: _LinkRules) -> bool:
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(
        isinstance(ref, str) and len(ref) <= rules.ref_max and rules.ref.search(ref) is not None
        for ref in items
    )


def _plain_treaty(value: Any, rules: _LinkRules) -> bool:
    return (
        isinstance(value, str) and len(value) <= rules.treaty_max and rules.treaty.search(value) is not None
    )


def _translate(error: ValidationError, doc: Document, path: Path) -> list[MappingError]:
    """Turn one jsonschema error into located, readable MappingErrors."""
    # Of "one id or a list of ids", explain the branch whose type the value has.
    branches = [e for e in error.context or () if e.validator != "type"]
    if error.validator in ("anyOf", "oneOf") and branches:
        from jsonschema.exceptions import best_match

        return _translate(best_match(branches), doc, path)
    where = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        allowed = sorted(schema.get("properties", {}))
        return [
            MappingError(
                f"unknown key {key!r}",
                file=path,
                line=doc.key_line((*where, key)),
                hint=suggest(key, allowed, f"expected one of: {', '.join(allowed)}"),
            )
            for key in error.instance
            if key not in allowed
        ]
    if error.validator == "not" and isinstance(error.instance, dict):
        relation = error.instance.get("relation")
        side = "left" if relation == "added" else "right"
        return [
            MappingError(
                f"{indefinite(relation)} {relation!r} link has no {side} side: remove {side!r}",
                file=path,
                line=doc.key_line((*where, side)),
                hint="a provision with a counterpart takes another relation, e.g. modified or moved",
            )
        ]
    message, hint = _explain(error, where)
    return [MappingError(message, file=path, line=doc.key_line(where), hint=hint)]


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "integer": "a whole number",
}
_EXPECTED = {
    "left": "a provision id, a list of ids, or a range (art-3, [art-3.1, art-3.2], art-18..art-27)",
    "right": "a provision id, a list of ids, or a range (art-3, [art-3.1, art-3.2], art-18..art-27)",
    "treaties": "a treaty id (un-charter, tota:420) or {id: …, lang: …}",
}
_ENUM_HINTS = {
    "status": "use draft or reviewed",
    "confidence": "use high, medium or low",
}


def _explain(error: ValidationError, where: Where) -> tuple[str, str | None]:
    """Message and hint for a schema error located at ``where``."""
    keys = [part for part in where if isinstance(part, str)]
    name = keys[-1] if keys else "the map"
    instance = error.instance
    match error.validator:
        case "enum" if name == "relation":
            return f"unknown relation {instance!r}", suggest(
                str(instance), RELATIONS, f"use one of: {', '.join(RELATIONS)}"
            )
        case "enum":
            return f"unknown {name} {instance!r}", _ENUM_HINTS.get(name)
        case "const":
            return (
                f"unsupported map format {instance!r}",
                f"this treatydiff reads 'treatydiff-map: {FORMAT_VERSION}'",
            )
        case "required":
            return _explain_required(error, where)
        case "pattern" | "format":
            return _explain_pattern(instance, keys)
        case "type" | "anyOf" | "oneOf":
            return _explain_type(instance, name, error)
        case "minItems" | "maxItems" if name == "between":
            return (
                "'between' names exactly two treaties",
                "write between: [LEFT, RIGHT] using ids from 'treaties'",
            )
        case "minItems" if name == "treaties":
            return "a map compares at least two treaties", "list them under 'treaties'"
        case "minItems" if name in ("left", "right"):
            return f"'{name}' is an empty list", "name at least one provision, or use relation added/dropped"
        case "minItems" | "minLength":
            return f"'{name}' is empty", DOCS
    return error.message, DOCS


def _explain_required(error: ValidationError, where: Where) -> tuple[str, str | None]:
    found = re.match(r"'(.+)' is a required property", error.message)
    missing = found.group(1) if found else "?"
    if not where:
        return (
            f"missing key {missing!r}",
            f"a map has treatydiff-map, title, treaties, authors, status, links; {DOCS}",
        )
    if missing == "relation":
        return "link has no 'relation'", f"add relation: one of {', '.join(RELATIONS)}"
    relation = error.instance.get("relation") if isinstance(error.instance, dict) else None
    if relation == "added":
        return "an 'added' link needs 'right' (the provision that was added)", None
    if relation == "dropped":
        return "a 'dropped' link needs 'left' (the provision that was dropped)", None
    if relation is not None:
        return (
            f"{indefinite(relation)} {relation!r} link needs both 'left' and 'right'",
            "use added or dropped for a provision without counterpart",
        )
    return f"missing key {missing!r}", DOCS


def _explain_pattern(instance: Any, keys: list[str]) -> tuple[str, str | None]:
    if "left" in keys or "right" in keys:
        return (
            f"{instance!r} is not a provision id or range",
            "ids look like art-3, art-3.3.a or preamble.4, ranges like art-18..art-27; see docs/ids.md",
        )
    if keys and keys[-1] == "lang":
        return f"{instance!r} is not a language code", "use a lowercase code such as en, ru, fr or pt-br"
    if keys and keys[-1] == "date":
        return f"{instance!r} is not a date", "write YYYY-MM-DD, e.g. 2026-11-25"
    return (
        f"{instance!r} is not a treaty id",
        "ids are lowercase letters, digits and single hyphens, or tota:N",
    )


def _explain_type(instance: Any, name: str, error: ValidationError) -> tuple[str, str | None]:
    if name in _EXPECTED:
        return f"'{name}' must be {_EXPECTED[name]}", None
    expected = error.validator_value if error.validator == "type" else "?"
    wanted = _TYPE_WORDS.get(str(expected), str(expected))
    if name == "the map":
        return (
            f"a clause map must be {wanted}, not {_kind_of(instance)}",
            f"start with 'treatydiff-map: 1'; {DOCS}",
        )
    hint = "put the value in quotes" if wanted == "text" else DOCS
    return f"'{name}' must be {wanted}, not {_kind_of(instance)}", hint


def _kind_of(value: Any) -> str:
    """How a YAML value reads to the map's author: empty, a boolean, a number, a list, …"""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no/true/false read as a boolean)"
    if isinstance(value, int | float):
        return f"the number {value}"
    return {"list": "a list", "dict": "a mapping", "str": "text"}.get(
        type(value).__name__, type(value).__name__
    )
