"""JSON Schema validation of dossiers and families, as located, readable MappingErrors."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match

from treatydiff.errors import MappingError
from treatydiff.mapping.yaml_source import Document, Where

__all__ = ["load_schema", "schema_errors"]


def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped in ``treatydiff/schemas`` (``dossier-1``, ``family-1``), as a dict."""
    text = resources.files("treatydiff").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return cast(dict[str, Any], json.loads(text))


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(name: str, data: Any, doc: Document, path: Path, prefix: Where = ()) -> list[MappingError]:
    """Every violation of schema ``name`` by ``data`` (found at ``prefix`` in ``doc``), in line order."""
    found: dict[str, MappingError] = {}
    for error in _validator(name).iter_errors(data):
        problem = _translate(error, doc, path, prefix)
        found.setdefault(str(problem), problem)
    return sorted(found.values(), key=lambda problem: problem.line or 0)


def _translate(error: ValidationError, doc: Document, path: Path, prefix: Where) -> MappingError:
    if error.validator == "oneOf" and isinstance(error.instance, dict) and "treaty" in error.instance:
        where = (*prefix, *error.absolute_path)
        return MappingError(
            "a member needs exactly one of 'ref', 'locator' or 'absent'",
            file=path,
            line=doc.key_line(where),
            hint="ref only where a source states the article; else a locator (topic, terms)",
        )
    branches = [e for e in error.context or () if e.validator != "type"]
    if error.validator in ("anyOf", "oneOf") and branches:
        return _translate(best_match(branches), doc, path, prefix)
    where = (*prefix, *error.absolute_path)
    name = next((str(p) for p in reversed(where) if isinstance(p, str)), "the file")
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(cast(dict[str, Any], error.schema).get("properties", {}))
        unknown = next((k for k in error.instance if k not in allowed), "?")
        return MappingError(
            f"unknown key {unknown!r}",
            file=path,
            line=doc.key_line((*where, unknown)),
            hint=f"expected one of: {', '.join(allowed)}",
        )
    if error.validator == "required":
        return MappingError(f"{name}: {error.message}", file=path, line=doc.key_line(where))
    if error.validator == "enum":
        choices = ", ".join(str(v) for v in cast(list[Any], error.validator_value))
        return MappingError(
            f"unknown {name} {error.instance!r}",
            file=path,
            line=doc.key_line(where),
            hint=f"use one of: {choices}",
        )
    return MappingError(f"{name}: {error.message}", file=path, line=doc.key_line(where))
