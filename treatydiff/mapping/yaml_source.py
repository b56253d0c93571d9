"""Read a map file as safe YAML into plain data that remembers the line of every value and key.

Anchors, aliases, tags, duplicate keys, deep nesting, oversized files and text that
is not UTF-8 are refused with a located ``MappingError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from treatydiff.errors import MappingError
from treatydiff.mapping.wording import DOCS

__all__ = ["Document", "Where", "read_document"]

# A map holds ids and short notes; a file this large is a mistake (or hostile).
MAX_MAP_BYTES = 5_000_000
# Maps nest four levels (links > link > left > id); deeper input is malformed or hostile.
MAX_DEPTH = 20

Where = tuple[str | int, ...]
"""A place in the parsed data: the keys and list indices leading to a value."""


@dataclass
class Document:
    """Plain data parsed from a map, with the line of every value and key."""

    data: Any
    lines: dict[Where, int]
    key_lines: dict[Where, int]

    def line(self, where: Sequence[str | int]) -> int | None:
        """The line of the value at ``where``, or of its nearest ancestor."""
        path = tuple(where)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def key_line(self, where: Sequence[str | int]) -> int | None:
        """The line of the key whose value is at ``where`` (falls back to the value's line)."""
        return self.key_lines.get(tuple(where)) or self.line(where)


def read_document(path: Path) -> Document:
    """The single YAML document in the map file at ``path``.

    Raises:
        MappingError: the file cannot be read or decoded, is empty, is not YAML, or
            uses YAML a clause map may not (see the module docstring).
    """
    return _parse(_read_text(path), path)


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a clause map may not use: anchors, aliases, deep nesting."""


class _MapLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors, aliases and deep nesting, and keeps dates as text."""

    # YAML 1.1 would turn `date: 2026-11-25` into a datetime.date; JSON Schema wants text.
    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # Refusing the first anchor stops an alias bomb ("billion laughs") before it grows.
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        mark = cast(yaml.error.Mark, event.start_mark)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(
                problem="anchors and aliases (&name, *name) are not allowed in clause maps", problem_mark=mark
            )
        if self.depth >= MAX_DEPTH:
            raise _Refused(
                problem=f"YAML nested deeper than a clause map can be ({MAX_DEPTH})", problem_mark=mark
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _empty(path: Path) -> MappingError:
    return MappingError("map is empty", file=path, line=1, hint=f"start with 'treatydiff-map: 1'; {DOCS}")


def _read_text(path: Path) -> str:
    """The map's text, decoded as UTF-8 (a BOM is dropped)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MappingError(f"cannot read map: {exc.strerror}", file=path) from None
    if len(data) > MAX_MAP_BYTES:
        raise MappingError(
            f"map is {len(data):,} bytes, more than a clause map can need ({MAX_MAP_BYTES:,})", file=path
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MappingError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded",
            file=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            hint="save the map as UTF-8",
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _empty(path)
    return text


def _parse(text: str, path: Path) -> Document:
    """Compose the single YAML document and convert it to plain data with lines."""
    try:
        loader = _MapLoader(text)
    except yaml.reader.ReaderError as exc:  # raised for control characters, before parsing
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise MappingError(
            f"character U+{code:04X} is not allowed in YAML",
            file=path,
            line=text.count("\n", 0, exc.position) + 1,
            hint="delete it",
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:  # only comments
            raise _empty(path)
        document = Document(None, {}, {})
        document.data = _to_data(node, (), document, loader, path)
        return document
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path) from None
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.MarkedYAMLError, path: Path) -> MappingError:
    """A one-line MappingError at the line PyYAML points to."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = exc.problem or exc.context or "invalid YAML"
    if isinstance(exc, _Refused):
        return MappingError(
            problem, file=path, line=line, hint="write each value out in full" if "alias" in problem else DOCS
        )
    if isinstance(exc, yaml.constructor.ConstructorError):
        return MappingError(
            f"YAML tags are not allowed in clause maps: {problem}",
            file=path,
            line=line,
            hint="remove the !tag",
        )
    if exc.context and exc.problem:
        where = f" on line {exc.context_mark.line + 1}" if exc.context_mark else ""
        if problem.startswith("but "):  # PyYAML's "expected X …, but found Y"
            problem = f"{exc.context}{where}, {problem}"
        else:
            problem = f"{problem} ({exc.context}{where})"
    hint = f"check indentation and quoting near column {mark.column + 1}" if mark else None
    return MappingError(f"YAML syntax error: {problem}", file=path, line=line, hint=hint)


def _to_data(node: yaml.Node, where: Where, doc: Document, loader: _MapLoader, path: Path) -> Any:
    """Convert a composed node to plain data, recording lines; reject duplicate keys."""
    doc.lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, (*where, i), doc, loader, path) for i, item in enumerate(node.value)]
    if not isinstance(node, yaml.MappingNode):
        return loader.construct_object(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise MappingError("keys must be plain words", file=path, line=line, hint=DOCS)
        if key in result:
            first = doc.key_lines[(*where, key)]
            raise MappingError(f"duplicate key {key!r} (first on line {first})", file=path, line=line)
        doc.key_lines[(*where, key)] = line
        result[key] = _to_data(value_node, (*where, key), doc, loader, path)
    return result
