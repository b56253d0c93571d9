"""Clause alignment maps: load ``mappings/*.yaml``, resolve their refs, check them.

A map is YAML validated against ``treatydiff/schemas/clause-map-1.schema.json``
(published as ``docs/schemas/clause-map-1.schema.json``); the format, the relations
and the coverage rules are described in ``docs/mapping-format.md``. Every problem
is reported with the map file and line, and says how to fix it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

import yaml
from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match
from rapidfuzz import fuzz, process

from treatydiff.errors import MappingError, TreatydiffError
from treatydiff.model import (
    RELATIONS,
    Body,
    Citation,
    ClauseMap,
    Link,
    Provision,
    Relation,
    normalize_treaty_id,
)

__all__ = [
    "FORMAT_VERSION",
    "BodyProvider",
    "CheckResult",
    "Coverage",
    "Problem",
    "Severity",
    "check_map",
    "check_maps",
    "expand_refs",
    "load_map",
    "load_schema",
    "split_key",
]

FORMAT_VERSION = 1
SCHEMA_FILE = "clause-map-1.schema.json"
# A map holds ids and short notes; a file this large is a mistake (or hostile).
MAX_MAP_BYTES = 5_000_000
# Maps nest four levels (links > link > left > id); deeper input is malformed or hostile.
MAX_DEPTH = 20
RANGE = ".."
# Relations under which one provision may legitimately appear in several links.
ONE_TO_MANY: frozenset[str] = frozenset({"split", "merged"})
DOCS = "see docs/mapping-format.md"

Severity = Literal["error", "warning"]
_Path = tuple[str | int, ...]


# --- reading YAML with line numbers ----------------------------------------------


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


@dataclass
class _Document:
    """Plain data parsed from a map, with the line of every value and key."""

    data: Any
    lines: dict[_Path, int]
    key_lines: dict[_Path, int]

    def line(self, where: Sequence[str | int]) -> int | None:
        """The line of the value at ``where``, or of its nearest ancestor."""
        path = tuple(where)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def key_line(self, where: Sequence[str | int]) -> int | None:
        """The line of the key whose value is at ``where`` (falls back to the value's line)."""
        return self.key_lines.get(tuple(where)) or self.line(where)


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
        raise MappingError("map is empty", file=path, line=1, hint=f"start with 'treatydiff-map: 1'; {DOCS}")
    return text


def _parse(text: str, path: Path) -> _Document:
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
        if node is None:
            raise MappingError(
                "map is empty", file=path, line=1, hint=f"start with 'treatydiff-map: 1'; {DOCS}"
            )
        document = _Document(None, {}, {})
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


def _to_data(node: yaml.Node, where: _Path, doc: _Document, loader: _MapLoader, path: Path) -> Any:
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


# --- schema validation -------------------------------------------------------------


def load_schema() -> dict[str, Any]:
    """The JSON Schema of clause maps (format 1), as a dict."""
    text = resources.files("treatydiff").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    return cast(dict[str, Any], json.loads(text))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _schema_errors(doc: _Document, path: Path) -> list[MappingError]:
    """Every schema violation as a MappingError, in line order, duplicates dropped."""
    found: dict[str, MappingError] = {}
    for error in _validator().iter_errors(doc.data):
        for problem in _translate(error, doc, path):
            found.setdefault(str(problem), problem)
    return sorted(found.values(), key=lambda problem: problem.line or 0)


def _translate(error: ValidationError, doc: _Document, path: Path) -> list[MappingError]:
    """Turn one jsonschema error into located, readable MappingErrors."""
    # Of "one id or a list of ids", explain the branch whose type the value has.
    branches = [e for e in error.context or () if e.validator != "type"]
    if error.validator in ("anyOf", "oneOf") and branches:
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
                hint=_suggest(key, allowed, f"expected one of: {', '.join(allowed)}"),
            )
            for key in error.instance
            if key not in allowed
        ]
    if error.validator == "not" and isinstance(error.instance, dict):
        relation = error.instance.get("relation")
        side = "left" if relation == "added" else "right"
        return [
            MappingError(
                f"{_a(relation)} {relation!r} link has no {side} side: remove {side!r}",
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


def _explain(error: ValidationError, where: _Path) -> tuple[str, str | None]:
    """Message and hint for a schema error located at ``where``."""
    keys = [part for part in where if isinstance(part, str)]
    name = keys[-1] if keys else "the map"
    instance = error.instance
    match error.validator:
        case "enum" if name == "relation":
            return f"unknown relation {instance!r}", _suggest(
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


def _explain_required(error: ValidationError, where: _Path) -> tuple[str, str | None]:
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
            f"{_a(relation)} {relation!r} link needs both 'left' and 'right'",
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
        return f"{instance!r} is not a language code", "use a code such as en, ru or fr"
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
    hint = "put the value in quotes" if wanted == "text" else DOCS
    if not name or name == "the map":
        return (
            f"a clause map must be {wanted}, not {_kind_of(instance)}",
            f"start with 'treatydiff-map: 1'; {DOCS}",
        )
    return f"'{name}' must be {wanted}, not {_kind_of(instance)}", hint


def _a(word: object) -> str:
    """The indefinite article for ``word``."""
    return "an" if str(word)[:1] in ("a", "e", "i", "o", "u") else "a"


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no/true/false read as a boolean)"
    if isinstance(value, int | float):
        return f"the number {value}"
    return {"list": "a list", "dict": "a mapping", "str": "text"}.get(
        type(value).__name__, type(value).__name__
    )


def _suggest(word: str, choices: Sequence[str], fallback: str) -> str:
    """``did you mean 'x'? <fallback>`` when a choice is close to ``word``."""
    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=60)
    return f"did you mean {found[0]!r}? {fallback}" if found else fallback


# --- building the ClauseMap -----------------------------------------------------------


def _build(doc: _Document, path: Path) -> ClauseMap:
    """A ClauseMap from schema-valid data; checks what the schema cannot."""
    data = doc.data
    treaties, langs = _header_treaties(data["treaties"], doc, path)
    links = tuple(_build_link(item, i, treaties, doc, path) for i, item in enumerate(data["links"]))
    return ClauseMap(
        path=str(path),
        treaties=treaties,
        title=data["title"],
        authors=tuple(data["authors"]),
        date=data.get("date"),
        status=data["status"],
        links=links,
        sources=tuple(data.get("sources", ())),
        langs=langs,
    )


def _treaty_id(text: str, where: _Path, doc: _Document, path: Path) -> str:
    try:
        return normalize_treaty_id(text)
    except TreatydiffError as exc:
        raise MappingError(exc.message, file=path, line=doc.line(where), hint=exc.hint) from None


def _header_treaties(
    entries: list[Any], doc: _Document, path: Path
) -> tuple[tuple[str, ...], dict[str, str]]:
    """Treaty keys in order, and the language fixed for each (if any).

    A key is the normalised treaty id; when one treaty is listed twice in two
    languages (``{id: un-charter, lang: en}``, ``{id: un-charter, lang: ru}``), the
    keys are ``un-charter@en`` and ``un-charter@ru``: see :func:`split_key`.
    """
    parsed: list[tuple[str, str | None]] = []
    for i, entry in enumerate(entries):
        raw = entry if isinstance(entry, str) else entry["id"]
        lang = entry.get("lang") if isinstance(entry, dict) else None
        treaty = _treaty_id(raw, ("treaties", i), doc, path)
        for j, (seen, seen_lang) in enumerate(parsed):
            if seen == treaty and (lang is None or seen_lang is None or lang == seen_lang):
                raise MappingError(
                    f"treaty {treaty!r} is listed twice (first on line {doc.line(('treaties', j))})",
                    file=path,
                    line=doc.line(("treaties", i)),
                    hint="list a treaty twice only to compare two of its languages, each with its own lang",
                )
        parsed.append((treaty, lang))
    repeated = {t for t, _ in parsed if sum(1 for u, _ in parsed if u == t) > 1}
    keys = tuple(f"{t}@{lang}" if t in repeated else t for t, lang in parsed)
    langs = {key: lang for key, (_, lang) in zip(keys, parsed, strict=True) if lang is not None}
    return keys, langs


def split_key(key: str) -> tuple[str, str | None]:
    """``un-charter@ru`` → (``un-charter``, ``ru``); a plain id → (id, None)."""
    treaty, _, lang = key.partition("@")
    return treaty, lang or None


def _build_link(
    item: dict[str, Any], index: int, treaties: tuple[str, ...], doc: _Document, path: Path
) -> Link:
    where: _Path = ("links", index)
    return Link(
        left=_as_refs(item.get("left")),
        right=_as_refs(item.get("right")),
        relation=cast(Relation, item["relation"]),
        note=item.get("note"),
        evidence=tuple(_check_evidence(item.get("evidence", []), where, doc, path)),
        confidence=item.get("confidence"),
        line=doc.line(where),
        between=_between(item.get("between"), treaties, where, doc, path),
    )


def _as_refs(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _between(
    value: list[str] | None, treaties: tuple[str, ...], where: _Path, doc: _Document, path: Path
) -> tuple[str, str]:
    """The (left, right) pair of a link: its ``between``, else the first two treaties."""
    if value is None:
        return treaties[0], treaties[1]
    left, right = (
        raw if raw in treaties else _treaty_id(raw, (*where, "between", i), doc, path)
        for i, raw in enumerate(value)
    )
    line = doc.line((*where, "between"))
    for treaty in (left, right):
        if treaty not in treaties:
            raise MappingError(
                f"'between' names {treaty!r}, which is not in 'treaties'",
                file=path,
                line=line,
                hint=f"use ids from the header: {', '.join(treaties)}",
            )
    if left == right:
        raise MappingError("'between' names the same treaty twice", file=path, line=line)
    return left, right


# A citation is written without spaces (TREATY:ID); bibliographic references have spaces,
# and URLs or DOIs contain '/'.
_CITATION_LIKE = re.compile(r"[^\s/]+:[^\s/]+")


def _check_evidence(entries: list[str], where: _Path, doc: _Document, path: Path) -> Iterator[str]:
    """Yield evidence entries; a citation-like entry must parse as ``TREATY:ID``."""
    for i, entry in enumerate(entries):
        if _CITATION_LIKE.fullmatch(entry.strip()):
            try:
                Citation.parse(entry)
            except TreatydiffError as exc:
                raise MappingError(
                    f"evidence {entry!r} is not a citation: {exc.message}",
                    file=path,
                    line=doc.line((*where, "evidence", i)),
                    hint="write TREATY:ID (tota:423:art-1.2) or a reference with spaces (Kaleji 2025, p. 1)",
                ) from None
        yield entry


def _load(path: Path) -> tuple[ClauseMap | None, list[MappingError]]:
    """The map, or None with every problem found before building it."""
    try:
        doc = _parse(_read_text(path), path)
        errors = _schema_errors(doc, path)
        if errors:
            return None, errors
        return _build(doc, path), []
    except MappingError as exc:
        return None, [exc]


def load_map(path: Path) -> ClauseMap:
    """Read and validate a clause map.

    Raises:
        MappingError: the first problem (by line), located as ``file:line``.
    """
    clause_map, errors = _load(Path(path))
    if clause_map is None:
        raise errors[0]
    return clause_map


# --- resolving refs -----------------------------------------------------------------


def expand_refs(
    refs: Sequence[str], body: Body, *, treaty: str, file: str | Path | None, line: int | None
) -> tuple[str, ...]:
    """Resolve ids and ranges (``art-18..art-27``) to provision ids in document order.

    A range is every provision of its endpoints' kind from the first to the last,
    inclusive. ``treaty``, ``file`` and ``line`` locate errors.

    Raises:
        MappingError: unknown id (with a did-you-mean hint), malformed or reversed
            range, endpoints of different kinds, or a provision named twice.
    """
    ids: list[str] = []
    for ref in refs:
        for provision_id in _expand_one(ref, body, treaty, file, line):
            if provision_id in ids:
                raise MappingError(
                    f"{provision_id!r} of {treaty} is named twice on one side of the link",
                    file=file,
                    line=line,
                    hint="list each provision once",
                )
            ids.append(provision_id)
    return tuple(ids)


def _expand_one(ref: str, body: Body, treaty: str, file: str | Path | None, line: int | None) -> list[str]:
    if RANGE not in ref:
        return [_lookup(ref, body, treaty, file, line).id]
    first_id, _, last_id = ref.partition(RANGE)
    if not first_id or not last_id or RANGE in last_id:
        raise MappingError(
            f"{ref!r} is not a range", file=file, line=line, hint="write FIRST..LAST, e.g. art-18..art-27"
        )
    first = _lookup(first_id, body, treaty, file, line)
    last = _lookup(last_id, body, treaty, file, line)
    if first.kind != last.kind:
        raise MappingError(
            f"range {ref!r} joins {_a(first.kind)} {first.kind} and {_a(last.kind)} {last.kind}",
            file=file,
            line=line,
            hint="both ends of a range are of the same kind, e.g. art-18..art-27 or art-3.1..art-3.4",
        )
    order = list(body.index)  # ids in document order
    start, end = order.index(first.id), order.index(last.id)
    if start > end:
        raise MappingError(
            f"range {ref!r} runs backwards in {treaty}",
            file=file,
            line=line,
            hint=f"write {last_id}..{first_id}",
        )
    return [i for i in order[start : end + 1] if body.index[i].kind == first.kind]


def _lookup(
    provision_id: str, body: Body, treaty: str, file: str | Path | None, line: int | None
) -> Provision:
    found = body.index.get(provision_id)
    if found is not None:
        return found
    listing = f"run `treatydiff show {treaty} --lang {body.lang}` to list its ids"
    # Ties go to the later provision: one past the last paragraph is the commonest slip.
    candidates = list(reversed(body.index))
    raise MappingError(
        f"unknown provision {provision_id!r} in {treaty} ({body.lang})",
        file=file,
        line=line,
        ref=f"{treaty}:{provision_id}",
        hint=_suggest(provision_id, candidates, listing),
    )


# --- checking maps against texts ------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One finding of a check, printed as ``file:line: severity: message``."""

    file: str
    line: int | None
    severity: Severity
    message: str
    """One sentence; ends with how to fix it, in parentheses, where that is not obvious."""

    @classmethod
    def from_error(cls, error: TreatydiffError, severity: Severity = "error") -> Problem:
        """The problem an exception describes (its hint becomes part of the message)."""
        message = f"{error.message} ({error.hint})" if error.hint else error.message
        return cls(error.file or "", error.line, severity, message)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.severity}: {' '.join(self.message.split())}"


@dataclass(frozen=True)
class Coverage:
    """How much of one treaty a map's links mention (rules in docs/mapping-format.md)."""

    treaty: str
    total: int
    """Number of units: articles and the preamble, or their parts where the map links parts."""
    covered: int
    missing: tuple[str, ...]
    """Ids of the units no link mentions, in document order."""


@dataclass(frozen=True)
class CheckResult:
    """Everything ``check_map`` found in one map."""

    path: str
    problems: tuple[Problem, ...]
    """In line order."""
    coverage: tuple[Coverage, ...] = ()
    """One entry per treaty whose text was available."""
    unchecked: tuple[str, ...] = ()
    """Treaties whose text was not available: for them only the schema was checked."""
    clause_map: ClauseMap | None = None
    """The map, or None when it could not be loaded."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def summary(self) -> str:
        """One line: counts, coverage per treaty, treaties not checked."""
        parts = [f"{_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')}"]
        parts += [f"{c.treaty} {c.covered}/{c.total} covered" for c in self.coverage]
        if self.unchecked:
            parts.append(f"no text to check against: {', '.join(self.unchecked)}")
        return f"{self.path}: {'; '.join(parts)}"


BodyProvider = Callable[[str, str | None], Body | None]
"""``(treaty id, language or None) -> Body``, or None when the text is not available."""


@dataclass(frozen=True)
class _Side:
    """One side of a link: expanded ids when checked, else the raw refs."""

    treaty: str
    ids: tuple[str, ...]
    checked: bool


@dataclass(frozen=True)
class _Resolved:
    index: int
    link: Link
    left: _Side
    right: _Side

    @property
    def line(self) -> int | None:
        return self.link.line

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.left.treaty, self.right.treaty))

    @property
    def key(self) -> tuple[str, str, frozenset[str], frozenset[str]]:
        """What makes two links duplicates: same treaties, same provisions on each side."""
        return self.left.treaty, self.right.treaty, frozenset(self.left.ids), frozenset(self.right.ids)


def check_map(clause_map: ClauseMap, bodies: Mapping[str, Body | None]) -> CheckResult:
    """Check a loaded map against the texts available in ``bodies`` (keyed by treaty id).

    Errors: unresolvable refs, duplicated links, a provision both dropped (or added)
    and linked elsewhere, evidence citing unknown provisions. Warnings: a provision in
    two links neither of which is split/merged; a provision linked together with a
    provision it contains. Treaties missing from ``bodies`` (or None) are listed as
    unchecked.
    """
    path = clause_map.path
    available = {t: body for t in clause_map.treaties if (body := bodies.get(t)) is not None}
    problems: list[Problem] = []
    resolved = [_resolve(i, link, clause_map, available, problems) for i, link in enumerate(clause_map.links)]
    problems += _duplicates(resolved, path)
    problems += _overlaps(resolved, path)
    problems += _nesting(resolved, available, path)
    problems += _evidence(clause_map.links, bodies, path)
    coverage = tuple(
        _coverage(treaty, body, _mentioned(resolved, treaty)) for treaty, body in available.items()
    )
    unchecked = tuple(t for t in clause_map.treaties if t not in available)
    ordered = sorted(problems, key=lambda p: (p.line or 0, p.severity))
    return CheckResult(path, tuple(ordered), coverage, unchecked, clause_map)


def check_maps(paths: Iterable[str | Path], body_provider: BodyProvider) -> list[CheckResult]:
    """Load and check each map; bodies are requested once per (treaty, language).

    A map that cannot be loaded gives a result holding its schema problems. Errors
    raised by ``body_provider`` propagate.
    """
    cache: dict[tuple[str, str | None], Body | None] = {}

    def body(treaty: str, lang: str | None) -> Body | None:
        if (treaty, lang) not in cache:
            cache[treaty, lang] = body_provider(treaty, lang)
        return cache[treaty, lang]

    results: list[CheckResult] = []
    for path in paths:
        clause_map, errors = _load(Path(path))
        if clause_map is None:
            results.append(CheckResult(str(path), tuple(Problem.from_error(e) for e in errors)))
            continue
        wanted: dict[str, str | None] = {c.treaty: None for _, _, c in _citations(clause_map.links)}
        wanted.update({t: clause_map.langs.get(t) for t in clause_map.treaties})
        results.append(check_map(clause_map, {t: body(split_key(t)[0], lang) for t, lang in wanted.items()}))
    return results


def _resolve(
    index: int, link: Link, clause_map: ClauseMap, bodies: Mapping[str, Body], problems: list[Problem]
) -> _Resolved:
    left_treaty, right_treaty = link.between or (clause_map.treaties[0], clause_map.treaties[1])

    def side(refs: tuple[str, ...], treaty: str) -> _Side:
        body = bodies.get(treaty)
        if body is None or not refs:
            return _Side(treaty, refs, checked=body is not None)
        try:
            return _Side(
                treaty, expand_refs(refs, body, treaty=treaty, file=clause_map.path, line=link.line), True
            )
        except MappingError as exc:
            problems.append(Problem.from_error(exc))
            return _Side(treaty, refs, checked=False)

    return _Resolved(index, link, side(link.left, left_treaty), side(link.right, right_treaty))


def _duplicates(resolved: list[_Resolved], path: str) -> Iterator[Problem]:
    first_line: dict[tuple[str, str, frozenset[str], frozenset[str]], int | None] = {}
    for item in resolved:
        if item.key in first_line:
            yield Problem(
                path,
                item.line,
                "error",
                f"duplicate link: lines {first_line[item.key]} and {item.line} join the same provisions "
                "(keep one and merge their notes and evidence)",
            )
        else:
            first_line[item.key] = item.line


def _overlaps(resolved: list[_Resolved], path: str) -> Iterator[Problem]:
    """Provisions named by two links: contradictions (errors) and plain reuse (warnings)."""
    uses: dict[tuple[frozenset[str], str, str], list[_Resolved]] = {}
    for item in resolved:
        for side in (item.left, item.right):
            for provision_id in side.ids:
                if RANGE not in provision_id:  # an unexpanded range is opaque
                    uses.setdefault((item.pair, side.treaty, provision_id), []).append(item)
    shared: dict[tuple[int, int, str], list[str]] = {}
    for (_, treaty, provision_id), items in uses.items():
        first = items[0]
        for later in items[1:]:
            if later is not first and later.key != first.key:  # duplicates are reported once, above
                shared.setdefault((first.index, later.index, treaty), []).append(provision_id)
    for (first_index, later_index, treaty), ids in shared.items():
        problem = _overlap(resolved[first_index], resolved[later_index], treaty, ids, path)
        if problem is not None:
            yield problem


def _overlap(first: _Resolved, later: _Resolved, treaty: str, ids: list[str], path: str) -> Problem | None:
    names = f"{treaty}:{', '.join(ids)}"
    verb = "is" if len(ids) == 1 else "are"
    one, other = first.link.relation, later.link.relation
    where = f"{one} on line {first.line} and {other} on line {later.line}"
    for one_sided in ("dropped", "added"):
        if one_sided in (one, other):
            return Problem(
                path,
                later.line,
                "error",
                f"{names} {verb} {where}: {_a(one_sided)} {one_sided} provision has no counterpart "
                "(remove one of the links)",
            )
    if ONE_TO_MANY & {one, other}:
        return None
    return Problem(
        path,
        later.line,
        "warning",
        f"{names} {verb} linked twice ({where}) (use split for one-to-many or merged for many-to-one, "
        "or combine the links)",
    )


def _nesting(resolved: list[_Resolved], bodies: Mapping[str, Body], path: str) -> Iterator[Problem]:
    """A provision linked on the same side of a pair as a provision that contains it."""
    mentions: dict[tuple[frozenset[str], str], dict[str, int | None]] = {}
    for item in resolved:
        for side in (item.left, item.right):
            if side.checked:
                ids = mentions.setdefault((item.pair, side.treaty), {})
                for provision_id in side.ids:
                    ids.setdefault(provision_id, item.line)
    parents = {treaty: _parents(body) for treaty, body in bodies.items()}
    found: dict[tuple[str, int | None, str, int | None], list[str]] = {}
    for (_, treaty), ids in mentions.items():
        for provision_id, line in ids.items():
            outer = next((a for a in _ancestors(provision_id, parents[treaty]) if a in ids), None)
            if outer is not None:
                found.setdefault((treaty, line, outer, ids[outer]), []).append(provision_id)
    for (treaty, line, outer, outer_line), inner in found.items():
        yield Problem(
            path,
            line,
            "warning",
            f"{treaty}:{', '.join(inner)} {'lies' if len(inner) == 1 else 'lie'} inside {outer}, "
            f"which is linked on line {outer_line} (link either the whole provision or its parts)",
        )


def _citations(links: Iterable[Link]) -> Iterator[tuple[Link, str, Citation]]:
    """Evidence entries written as citations, with their link."""
    for link in links:
        for entry in link.evidence:
            if _CITATION_LIKE.fullmatch(entry.strip()):
                try:
                    yield link, entry, Citation.parse(entry)
                except TreatydiffError:
                    continue  # load_map rejects these; a hand-built map is not our concern


def _evidence(links: Iterable[Link], bodies: Mapping[str, Body | None], path: str) -> Iterator[Problem]:
    """Evidence citing a provision that does not exist in an available text."""
    for link, entry, citation in _citations(links):
        body = bodies.get(citation.treaty)
        if body is None or citation.provision is None:
            continue
        try:
            _lookup(citation.provision, body, citation.treaty, path, link.line)
        except MappingError as exc:
            yield Problem(path, link.line, "error", f"evidence {entry!r}: {exc.message} ({exc.hint})")


def _parents(body: Body) -> dict[str, str]:
    return {child.id: p.id for p in body.walk() for child in p.children}


def _ancestors(provision_id: str, parents: Mapping[str, str]) -> Iterator[str]:
    while provision_id in parents:
        provision_id = parents[provision_id]
        yield provision_id


def _mentioned(resolved: list[_Resolved], treaty: str) -> set[str]:
    """Ids of ``treaty`` named (after expansion) by any link."""
    return {
        provision_id
        for item in resolved
        for side in (item.left, item.right)
        if side.treaty == treaty and side.checked
        for provision_id in side.ids
    }


def _coverage(treaty: str, body: Body, mentioned: set[str]) -> Coverage:
    """Units no link mentions; a unit is covered when it or a provision containing it is named."""
    covered = {d.id for m in mentioned if m in body.index for d in body.index[m].walk()}
    parents = _parents(body)
    refined = {a for m in mentioned for a in _ancestors(m, parents)}
    units = [unit for base in _base_units(body) for unit in _refine(base, refined)]
    missing = tuple(u.id for u in units if u.id not in covered)
    return Coverage(treaty, len(units), len(units) - len(missing), missing)


def _base_units(body: Body) -> list[Provision]:
    """The preamble and every article; a text without articles counts its top-level provisions."""
    units = [p for p in body.walk() if p.kind in ("preamble", "article")]
    return units if any(p.kind == "article" for p in units) else list(body.provisions)


def _refine(unit: Provision, refined: set[str]) -> list[Provision]:
    """A unit, or its children (recursively) when the map links something inside it."""
    if unit.id in refined and unit.children:
        return [part for child in unit.children for part in _refine(child, refined)]
    return [unit]


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
