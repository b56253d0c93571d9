"""Treaty manifests: read and validate one (``texts/<id>.yaml`` or the store's), and write the store's.

A manifest is read with the safe, alias-free loader of :mod:`treatydiff.yamlsafe`,
validated against ``schemas/manifest-1.schema.json`` and then checked for what a
schema cannot say (the id matches the file name, language codes are known). Every
failure is one :class:`RegistryError` naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

from treatydiff.errors import RegistryError, TreatydiffError
from treatydiff.langcodes import check_lang
from treatydiff.model import Source, TreatyMeta, normalize_treaty_id
from treatydiff.verdicts import remember_valid, remembered_valid
from treatydiff.yamlsafe import Document, Kind, read_document

if TYPE_CHECKING:  # jsonschema loads only for a manifest not validated before (treatydiff.verdicts)
    from jsonschema import Draft202012Validator, ValidationError

__all__ = ["MAX_MANIFEST_BYTES", "MetaEdit", "apply_edit", "manifest_yaml", "parse_manifest"]

MAX_MANIFEST_BYTES = 1_000_000
MANIFEST_KIND = Kind(
    error=RegistryError,
    short="manifest",
    what="manifest",
    plural="manifests",
    max_bytes=MAX_MANIFEST_BYTES,
    docs_hint="see docs/manifest-format.md",
)
SCHEMA_FILE = "manifest-1.schema.json"
STORE_NOTE = "Manifest created by `treatydiff ingest`; complete it and move it to texts/ to share it."


@cache
def _schema_text() -> str:
    return resources.files("treatydiff").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(cast(dict[str, Any], json.loads(_schema_text())))


def _schema_problems(data: dict[str, Any], doc: Document) -> list[ValidationError]:
    """The schema's objections to a manifest, in line order (none for one accepted before)."""
    if remembered_valid(_schema_text(), data):
        return []
    errors = sorted(_validator().iter_errors(data), key=lambda e: doc.key_line(tuple(e.absolute_path)) or 0)
    if not errors:
        remember_valid(_schema_text(), data)
    return errors


def _problem(error: ValidationError) -> str:
    where = ".".join(str(part) for part in error.absolute_path) or "the manifest"
    unknown = _unknown_keys(error)
    if unknown:
        allowed = cast(dict[str, Any], error.schema).get("properties", {})
        where_in = f" in {where}" if error.absolute_path else ""
        return f"unknown key {unknown[0]!r}{where_in} (known keys: {', '.join(sorted(allowed))})"
    if error.validator == "required":
        return str(error.message).replace("is a required property", f"is missing from {where}")
    if error.validator == "type" and tuple(error.absolute_path) == ("titles",):
        return f"titles must map language codes to titles, not {_kind(error.instance)}"
    if error.validator == "type":
        expected = error.validator_value
        return f"{where} must be {_TYPE_WORDS.get(str(expected), expected)}, not {_kind(error.instance)}"
    if "propertyNames" in error.schema_path:
        return f"{error.instance!r} is not a language code in {where}"
    if error.validator in ("pattern", "anyOf") and isinstance(error.instance, (str, int, float)):
        return f"{where}: {str(error.instance)[:60]!r} is not {_PATTERN_WORDS.get(_last(error), 'valid')}"
    return f"{where}: {error.message[:200]}"


_TYPE_WORDS = {
    "string": "text",
    "object": "a mapping of keys",
    "array": "a list",
    "integer": "a whole number",
}
_PATTERN_WORDS = {
    "id": "a treaty id",
    "parties": "a party code such as RUS",
    "languages": "a language code",
    "date": "an ISO date such as 1992-11-13",
    "in_force": "an ISO date such as 1992-11-13",
    "titles": "one line of text",
    "place": "one line of text",
}


def _problem_line(error: ValidationError, doc: Document) -> int | None:
    """The line to point at: an unknown key's own line, else the line of the value at fault."""
    where = tuple(error.absolute_path)
    unknown = _unknown_keys(error)
    if unknown:
        return doc.key_line((*where, unknown[0])) or doc.key_line(where)
    return doc.key_line(where)


def _unknown_keys(error: ValidationError) -> list[str]:
    """The keys an ``additionalProperties`` error is about, sorted (none for other errors)."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    allowed = set(cast(dict[str, Any], error.schema).get("properties", {}))
    return sorted(str(key) for key in error.instance if key not in allowed)


def _last(error: ValidationError) -> str:
    names = [part for part in error.absolute_path if isinstance(part, str)]
    return "titles" if names[:1] == ["titles"] else names[-1] if names else ""


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float):
        return f"the number {value}"
    return {dict: "a mapping", list: "a list", str: "text", int: "a number", type(None): "empty"}.get(
        type(value), type(value).__name__
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def parse_manifest(path: Path) -> TreatyMeta:
    """Read and validate one manifest.

    Raises:
        RegistryError: naming the file and, where known, the line.
    """
    doc = read_document(path, MANIFEST_KIND)
    data = doc.data
    if not isinstance(data, dict):
        raise RegistryError("a manifest must be a mapping of keys", file=path, line=1)
    errors = _schema_problems(data, doc)
    if errors:
        first = errors[0]
        raise RegistryError(_problem(first), file=path, line=_problem_line(first, doc))
    treaty_id = normalize_treaty_id(data["id"])
    if path.stem != treaty_id:
        raise RegistryError(
            f"id {treaty_id!r} does not match the file name",
            file=path,
            line=doc.key_line(("id",)),
            hint=f"rename it {treaty_id}.yaml",
        )
    _check_langs(doc, path)
    signed = data.get("signed") or {}
    expected = data.get("expected") or {}
    return TreatyMeta(
        id=treaty_id,
        titles=dict(data["titles"]),
        parties=tuple(data.get("parties") or ()),
        signed_date=_text(signed.get("date")),
        signed_place=signed.get("place"),
        in_force_date=_text(data.get("in_force")),
        languages=tuple(data.get("languages") or ()),
        sources=tuple(
            Source(s["publisher"], s.get("url"), _text(s.get("date")), s.get("note"))
            for s in data.get("sources") or ()
        ),
        expected_articles=expected.get("articles"),
        expected_chapters=expected.get("chapters"),
        licence=data.get("licence"),
        attribution=data.get("attribution"),
        manifest=str(path),
    )


def _check_langs(doc: Document, path: Path) -> None:
    data = doc.data
    codes = [(("titles", code), code) for code in data["titles"]]
    codes += [(("languages", i), code) for i, code in enumerate(data.get("languages") or ())]
    for where, code in codes:
        try:
            check_lang(code)
        except TreatydiffError as error:
            raise RegistryError(error.message, file=path, line=doc.key_line(where), hint=error.hint) from None


@dataclass(frozen=True)
class MetaEdit:
    """Metadata given to ``ingest`` (``--title``, ``--signed``, ``--place``, ``--party``)."""

    title: str | None = None
    signed: str | None = None
    place: str | None = None
    parties: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.title or self.signed or self.place or self.parties)


def apply_edit(meta: TreatyMeta, lang: str, edit: MetaEdit, found_title: str | None) -> TreatyMeta:
    """``meta`` with the ingested language added and the given metadata set.

    A language without a title takes ``--title``, else the title found in the text.

    Raises:
        TreatydiffError: a title, date, place or party that a manifest cannot hold.
    """
    titles = dict(meta.titles)
    if edit.title is not None:
        titles[lang] = _line(edit.title, "--title")
    elif lang not in titles:
        titles[lang] = " ".join((found_title or meta.id).split())[:2000] or meta.id
    return replace(
        meta,
        titles=titles,
        languages=meta.languages if lang in meta.languages else (*meta.languages, lang),
        parties=tuple(_party(p) for p in edit.parties) or meta.parties,
        signed_date=_date(edit.signed) if edit.signed is not None else meta.signed_date,
        signed_place=_line(edit.place, "--place") if edit.place is not None else meta.signed_place,
    )


_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _date(value: str) -> str:
    text = value.strip()
    ok = _DATE.fullmatch(text) is not None
    if ok and len(text) == 10:
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            ok = False
    if not ok:
        raise TreatydiffError(f"--signed {value[:40]!r} is not a date", hint="write it as 1992-11-13")
    return text


def _line(value: str, option: str) -> str:
    shown = " ".join(value.split())
    if not shown or len(shown) > 2000 or any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in shown):
        raise TreatydiffError(f"{option} must be one line of text without control characters")
    return shown


def _party(value: str) -> str:
    code = value.strip().upper()
    if not (2 <= len(code) <= 16 and code[0].isalpha() and all(c.isalnum() or c == "-" for c in code)):
        raise TreatydiffError(
            f"--party {value[:40]!r} is not a party code", hint="use ISO 3166-1 alpha-3, e.g. RUS"
        )
    return code


def manifest_yaml(meta: TreatyMeta) -> str:
    """``meta`` as a manifest in YAML: plain data, no anchors or tags, dates as text."""
    data: dict[str, Any] = {"id": meta.id, "titles": dict(meta.titles)}
    if meta.parties:
        data["parties"] = list(meta.parties)
    signed = {k: v for k, v in (("date", meta.signed_date), ("place", meta.signed_place)) if v}
    if signed:
        data["signed"] = signed
    if meta.in_force_date:
        data["in_force"] = meta.in_force_date
    data["languages"] = list(meta.languages)
    if meta.sources:
        data["sources"] = [
            {k: v for k, v in vars(source).items() if v is not None} for source in meta.sources
        ]
    expected = {
        k: v
        for k, v in (("articles", meta.expected_articles), ("chapters", meta.expected_chapters))
        if v is not None
    }
    if expected:
        data["expected"] = expected
    for key in ("licence", "attribution"):
        if getattr(meta, key):
            data[key] = getattr(meta, key)
    data["notes"] = STORE_NOTE
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
