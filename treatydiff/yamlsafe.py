"""Read a data file (a clause map, a family, a manifest) as safe YAML into plain data
that remembers the line of every value and key.

Anchors, aliases, tags, duplicate keys, keys that are not text, deep nesting, oversized
files, files that are not regular (a FIFO, a device), text that is not UTF-8 and
characters a terminal would obey (C0/C1 controls, lone surrogates) are refused with one
located error of the kind's class. Dates stay text (no YAML 1.1 timestamps); floats such
as ``.inf`` load as floats, for the caller's schema to refuse.

The YAML is read as a stream of parser events (libyaml's when PyYAML has it, else
PyYAML's own) and built into plain data in one pass, so a map of 100,000 links loads in
seconds, and refusals happen at the first offending event, before anything grows.
Below every package module except ``files``, ``model`` and ``errors``.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from treatydiff.errors import InputError, TreatydiffError
from treatydiff.files import read_regular

__all__ = ["MAX_DEPTH", "Document", "Kind", "Where", "read_document"]

# Maps nest four levels (links > link > left > id), manifests three; deeper is malformed or hostile.
MAX_DEPTH = 20
# Characters a terminal obeys, and lone surrogates (which UTF-8 cannot encode), that
# YAML's escapes ("\x1b", "\ud800") can put into a value; tab and newline are text.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_STR = "tag:yaml.org,2002:str"

Where = tuple[str | int, ...]
"""A place in the parsed data: the keys and list indices leading to a value."""


@dataclass(frozen=True)
class Kind:
    """What kind of data file is read, for its limits and the wording of its errors."""

    error: type[TreatydiffError]
    short: str  # "map": "map is empty", "cannot read map: …"
    what: str  # "clause map": "deeper than a clause map can be"
    plural: str  # "clause maps": "tags are not allowed in clause maps"
    max_bytes: int
    docs_hint: str | None = None  # where the format is described
    empty_hint: str | None = None


@dataclass
class Document:
    """Plain data parsed from a YAML file, with the line of every value and key."""

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


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a data file may not use: anchors, aliases, tags, deep nesting."""


def _timestamp_free(resolvers: dict[Any, list[Any]]) -> dict[Any, list[Any]]:
    # YAML 1.1 would turn `date: 2026-11-25` into a datetime.date; JSON Schema wants text.
    return {
        first: [(tag, rx) for tag, rx in found if tag != "tag:yaml.org,2002:timestamp"]
        for first, found in resolvers.items()
    }


# libyaml's parser is C and some thirty times faster than PyYAML's; both give the same events.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader whose implicit types leave dates as text."""

    yaml_implicit_resolvers = _timestamp_free(yaml.SafeLoader.yaml_implicit_resolvers)


def _read_text(path: Path, kind: Kind) -> tuple[str, bytes]:
    """The file's text, decoded as UTF-8 (a BOM is dropped), and the bytes it was decoded from."""
    try:
        data = read_regular(path, limit=kind.max_bytes, what=f"a {kind.what}")
    except InputError as exc:
        message = exc.message.replace("more than treatydiff reads", f"more than a {kind.what} can need")
        raise kind.error(
            message if message.startswith("is ") else f"cannot read {kind.short}: {message}",
            file=path,
            hint=exc.hint,
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise kind.error(
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded",
            file=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            hint=f"save the {kind.short} as UTF-8",
        ) from None
    if text.startswith("\ufeff"):
        text, data = text[1:], data[3:]
    if not text.strip():
        raise _empty(path, kind)
    return text, data


def _empty(path: Path, kind: Kind) -> TreatydiffError:
    return kind.error(f"{kind.short} is empty", file=path, line=1, hint=kind.empty_hint)


def read_document(path: Path, kind: Kind) -> Document:
    """The single YAML document in the file at ``path``.

    Raises:
        TreatydiffError: of ``kind.error``, when the file cannot be read or decoded, is
            empty, is not YAML, or uses YAML a data file may not (see the module docstring).
    """
    text, data = _read_text(path, kind)
    loader = _Loader(text)
    try:
        with _collector_paused():
            return _Builder(loader, path, kind).document()
    except yaml.reader.ReaderError as exc:  # control characters, before they are parsed
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        # libyaml counts bytes of the UTF-8 text, PyYAML characters.
        before = data[: exc.position] if _Base is not yaml.SafeLoader else text[: exc.position].encode()
        raise kind.error(
            f"character U+{code:04X} is not allowed in YAML",
            file=path,
            line=before.count(b"\n") + 1,
            hint="delete it",
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, kind) from None
    except (RecursionError, ValueError, OverflowError) as exc:  # a constructor's own limits
        raise kind.error(f"cannot read {kind.short}: {type(exc).__name__}", file=path) from None
    finally:
        loader.dispose()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: a map is hundreds of thousands of small objects
    and no cycles, and collections triggered while it grows would take half the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Builder:
    """Plain data from the loader's events, with the line of every value and key."""

    def __init__(self, loader: _Loader, path: Path, kind: Kind) -> None:
        self.loader = loader
        self.path = path
        self.kind = kind
        self.doc = Document(None, {}, {})

    def document(self) -> Document:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):  # nothing but comments
            raise _empty(self.path, self.kind)
        loader.get_event()  # document start
        self.doc.data = self._value(loader.get_event(), (), 0)
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            event: Any = loader.peek_event()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                None,
                "but found another document",
                event.start_mark,
            )
        return self.doc

    def _value(self, event: Any, where: Where, depth: int) -> Any:
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            # Refusing the first anchor stops an alias bomb ("billion laughs") before it grows.
            raise _Refused(
                problem=f"anchors and aliases (&name, *name) are not allowed in {self.kind.plural}",
                problem_mark=mark,
            )
        if depth >= MAX_DEPTH:
            raise _Refused(problem=_too_deep(self.kind), problem_mark=mark)
        self.doc.lines[where] = mark.line + 1
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event)
        self._refuse_tag(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not self.loader.check_event(yaml.SequenceEndEvent):
                items.append(self._value(self.loader.get_event(), (*where, len(items)), depth + 1))
            self.loader.get_event()
            return items
        result: dict[str, Any] = {}
        while not self.loader.check_event(yaml.MappingEndEvent):
            key_event = self.loader.get_event()
            line = key_event.start_mark.line + 1
            key = self._scalar(key_event) if isinstance(key_event, yaml.ScalarEvent) else None
            if not isinstance(key, str):
                raise self.kind.error(
                    "keys must be plain words", file=self.path, line=line, hint=self.kind.docs_hint
                )
            if key in result:
                first = self.doc.key_lines[(*where, key)]
                message = f"duplicate key {key!r} (first on line {first})"
                raise self.kind.error(message, file=self.path, line=line)
            self.doc.key_lines[(*where, key)] = line
            result[key] = self._value(self.loader.get_event(), (*where, key), depth + 1)
        self.loader.get_event()
        return result

    def _scalar(self, event: Any) -> Any:
        self._refuse_tag(event)
        found = _FORBIDDEN.search(event.value)
        if found:
            raise self.kind.error(
                f"character U+{ord(found.group()):04X} is not allowed in a {self.kind.what}",
                file=self.path,
                line=event.start_mark.line + 1,
                hint="delete the escape that writes it",
            )
        tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:  # most values: no need to build a node
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.loader.construct_object(node)

    def _refuse_tag(self, event: Any) -> None:
        """Explicit tags (``!!python/object/apply``, ``!!binary``, ``!x``) on any value are refused."""
        tag = getattr(event, "tag", None)
        if tag is None or tag == "!":  # no tag, or the non-specific "!" (plain text)
            return
        raise _Refused(
            problem=f"YAML tags are not allowed in {self.kind.plural}: {tag!r}", problem_mark=event.start_mark
        )


def _too_deep(kind: Kind) -> str:
    return f"YAML nested deeper than a {kind.what} can be ({MAX_DEPTH})"


def _yaml_error(exc: yaml.MarkedYAMLError, path: Path, kind: Kind) -> TreatydiffError:
    """A one-line error at the line PyYAML points to."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = exc.problem or exc.context or "invalid YAML"
    if "maximum nesting depth" in problem:  # libyaml's own limit, met while scanning ahead
        return kind.error(_too_deep(kind), file=path, line=line, hint=kind.docs_hint)
    if isinstance(exc, _Refused):
        fix: str | None = kind.docs_hint
        if problem.startswith("YAML tags"):
            fix = "remove the !tag; put a value in quotes to make it text"
        elif "alias" in problem:
            fix = "write each value out in full"
        return kind.error(problem, file=path, line=line, hint=fix)
    if isinstance(exc, yaml.constructor.ConstructorError):
        return kind.error(
            f"YAML tags are not allowed in {kind.plural}: {problem}",
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
    return kind.error(f"YAML syntax error: {problem}", file=path, line=line, hint=hint)
