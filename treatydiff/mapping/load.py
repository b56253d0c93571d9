"""Load one map file: read the YAML, validate it against the schema, build the ClauseMap."""

from __future__ import annotations

from pathlib import Path

from treatydiff.errors import MappingError
from treatydiff.mapping.build import build
from treatydiff.mapping.schema import schema_errors
from treatydiff.mapping.yaml_source import Document, read_document
from treatydiff.model import ClauseMap

__all__ = ["load_map", "load_with_lines", "try_load_map"]


def load_map(path: Path) -> ClauseMap:
    """Read and validate a clause map.

    Raises:
        MappingError: the first problem (by line), located as ``file:line``.
    """
    clause_map, errors = try_load_map(Path(path))
    if clause_map is None:
        raise errors[0]
    return clause_map


def try_load_map(path: Path) -> tuple[ClauseMap | None, list[MappingError]]:
    """The map and no errors, or None with every problem found before building it.

    All schema violations are reported together; YAML and build problems stop at the first.
    """
    clause_map, errors, _doc = load_with_lines(path)
    return clause_map, errors


def load_with_lines(path: Path) -> tuple[ClauseMap | None, list[MappingError], Document | None]:
    """As :func:`try_load_map`, with the parsed document (for the line of any value)."""
    try:
        doc = read_document(path)
        errors = schema_errors(doc, path)
        if errors:
            return None, errors, doc
        return build(doc, path), [], doc
    except MappingError as exc:
        return None, [exc], None
