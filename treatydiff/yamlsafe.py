"""Read a small YAML file (a manifest) as plain data, refusing everything a data file needs not.

Anchors and aliases (so an alias bomb stops at its first anchor), explicit tags on
any node (``!!python/object``, ``!!binary``, ``!tag`` on lists and mappings),
duplicate keys, keys that are not text, nesting deeper than ``MAX_DEPTH``, files
larger than a limit, control characters and text that is not UTF-8 are each refused
with one located error of the caller's class. Dates stay text (no YAML 1.1
timestamps); floats such as ``.inf`` and ``.nan`` load as floats, for the caller's
schema to refuse. Below every package module except ``model`` and ``errors``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from treatydiff.errors import TreatydiffError

__all__ = ["MAX_DEPTH", "Document", "Where", "read_yaml"]

MAX_DEPTH = 20

Where = tuple[str | int, ...]
"""A place in the parsed data: the keys and list indices leading to a value."""


@dataclass
class Document:
    """Plain data parsed from a YAML file, with the line of every value and key."""

    data: Any
    lines: dict[Where, int] = field(default_factory=dict)
    key_lines: dict[Where, int] = field(default_factory=dict)

    def line(self, where: Sequence[str | int]) -> int | None:
        """The line of the key (else the value) at ``where``, or of its nearest ancestor."""
        path = tuple(where)
        while path and path not in self.key_lines and path not in self.lines:
            path = path[:-1]
        return self.key_lines.get(path) or self.lines.get(path)


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a data file may not use."""


class _Loader(yaml.SafeLoader):
    """A safe loader that refuses anchors, aliases, tags and deep nesting; dates stay text."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        mark = cast(yaml.error.Mark, event.start_mark)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(problem="anchors and aliases (&name, *name) are not allowed", problem_mark=mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(problem=f"YAML tags are not allowed (found {tag!r})", problem_mark=mark)
        if self.depth >= MAX_DEPTH:
            raise _Refused(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def read_yaml(path: Path, *, error: type[TreatydiffError], max_bytes: int, what: str) -> Document:
    """The single YAML document in the file at ``path``.

    Args:
        path: the file.
        error: the error class to raise (``RegistryError`` for manifests).
        max_bytes: refuse larger files.
        what: what the file is, for messages ("manifest").

    Raises:
        TreatydiffError: of class ``error``, naming the file and, where known, the line.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"cannot read {what}: {exc.strerror or exc}", file=path) from None
    if len(data) > max_bytes:
        raise error(f"{what} is larger than {max_bytes:,} bytes", file=path)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error("not UTF-8", file=path, line=line, hint="save it as UTF-8") from None
    if not text.strip():
        raise error(f"{what} is empty", file=path)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        line = text.count("\n", 0, exc.position) + 1
        raise error(f"character U+{code:04X} is not allowed in YAML", file=path, line=line) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise error(f"{what} is empty", file=path)
        document = Document(None)
        document.data = _to_data(node, (), document, loader, path, error)
        return document
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        prefix = "" if isinstance(exc, _Refused) else "YAML syntax error: "
        raise error(f"{prefix}{problem}", file=path, line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML error: {exc}", file=path) from None
    except (RecursionError, ValueError, OverflowError) as exc:
        raise error(f"cannot read {what}: {type(exc).__name__}", file=path) from None
    finally:
        loader.dispose()


def _to_data(
    node: yaml.Node, where: Where, doc: Document, loader: _Loader, path: Path, error: type[TreatydiffError]
) -> Any:
    doc.lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, (*where, i), doc, loader, path, error) for i, item in enumerate(node.value)]
    if not isinstance(node, yaml.MappingNode):
        return loader.construct_object(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise error("keys must be plain words", file=path, line=line)
        if key in result:
            first = doc.key_lines[(*where, key)]
            raise error(f"duplicate key {key!r} (first on line {first})", file=path, line=line)
        doc.key_lines[(*where, key)] = line
        result[key] = _to_data(value_node, (*where, key), doc, loader, path, error)
    return result
