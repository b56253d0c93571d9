"""ToTA agreements kept parsed in the store, so each file is parsed once per parser.

A ToTA file is read on every command that names it, but parsing it (and loading the
parser) is most of the work of a small comparison. The parsed agreement is kept as
``STORE/parsed/tota/<sha256 of the file>-<parser key>.json``: the file's bytes and
the parser's own source decide what the parse gives, so the same file under the same
parser always finds the same entry, and a changed file or parser never finds a stale
one. An entry is checked like a stored body (checksums, spans, ids) when read; an
entry that fails is parsed again and replaced. Deleting the folder only costs time.

An entry is two lines: a header (format, the file's SHA-256, the treaty's metadata and the
body's ``document_sha256``), then the body document's canonical JSON without that checksum,
exactly the bytes the checksum is taken over, so reading hashes them as they are.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from treatydiff.errors import StoreError
from treatydiff.model import Body, Provenance, Source, TreatyMeta
from treatydiff.store import Store, body_document, body_from_dict, verify_body, write_atomic

__all__ = ["PARSED_FORMAT", "parser_key", "read_parsed", "save_parsed"]

PARSED_FORMAT = "treatydiff.parsed-tota/2"
MAX_ENTRY_BYTES = 256_000_000
_PACKAGE = Path(__file__).resolve().parent
# What decides the parse of a ToTA file: the parsers, the language records, the model and
# the store's body format. Their source is hashed into every entry's name.
_PARSER_SOURCES = ("ingest/*.py", "languages/*.py", "model.py", "store.py", "parsed.py")


@cache
def parser_key() -> str:
    """A digest of the parser's own source files (16 hex digits)."""
    digest = hashlib.sha256(PARSED_FORMAT.encode())
    for pattern in _PARSER_SOURCES:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _entry_path(store: Store, file_sha256: str) -> Path:
    return store.root / "parsed" / "tota" / f"{file_sha256}-{parser_key()}.json"


def read_parsed(store: Store, file_sha256: str, origin: str) -> tuple[TreatyMeta, Body] | None:
    """The kept parse of the ToTA file with this SHA-256, or None (none kept, or not intact).

    ``origin`` is the file being read now: the same bytes may have been parsed from another
    copy, and the warnings name the file they were made from.
    """
    path = _entry_path(store, file_sha256)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
        if len(raw) > MAX_ENTRY_BYTES:
            return None
        head, _, canonical = raw.partition(b"\n")
        entry = json.loads(head)
        if not isinstance(entry, dict) or entry.get("format") != PARSED_FORMAT:
            return None
        if entry.get("file_sha256") != file_sha256:
            return None
        document = json.loads(canonical.decode("utf-8", "surrogatepass"))
        if not isinstance(document, dict) or "document_sha256" in document:
            return None
        document["document_sha256"] = entry["document_sha256"]
        lang, sha256 = str(document.get("lang")), document.get("source_sha256")
        verify_body(document, lang=lang, sha256=sha256, canonical=canonical)
        body, provenance = body_from_dict(document)
        return _meta_from_dict(entry["meta"]), _warnings_from(body, provenance.file, origin)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # nothing kept, or a damaged entry: the file is parsed again


def _warnings_from(body: Body, parsed_from: str, origin: str) -> Body:
    """The body with its warnings naming ``origin`` where they named the file it was parsed from."""
    if parsed_from == origin:
        return body
    before, after = f"{parsed_from}: ", f"{origin}: "
    warnings = tuple(
        after + warning[len(before) :] if warning.startswith(before) else warning for warning in body.warnings
    )
    return replace(body, warnings=warnings)


def save_parsed(store: Store, file_sha256: str, meta: TreatyMeta, body: Body, provenance: Provenance) -> None:
    """Keep a parse for next time; a store that cannot be written only means parsing again."""
    document, canonical = body_document(body, provenance)
    entry = {
        "format": PARSED_FORMAT,
        "file_sha256": file_sha256,
        "meta": _meta_to_dict(meta),
        "document_sha256": document["document_sha256"],
    }
    # the header in ASCII (escapes keep it one line); the body as its checksum was taken
    data = json.dumps(entry, ensure_ascii=True).encode("ascii") + b"\n" + canonical
    with contextlib.suppress(StoreError):  # a store that cannot be written only means parsing again
        write_atomic(_entry_path(store, file_sha256), data)


def _meta_to_dict(meta: TreatyMeta) -> dict[str, Any]:
    return {
        "id": meta.id,
        "titles": dict(meta.titles),
        "parties": list(meta.parties),
        "signed_date": meta.signed_date,
        "signed_place": meta.signed_place,
        "in_force_date": meta.in_force_date,
        "languages": list(meta.languages),
        "sources": [[s.publisher, s.url, s.date, s.note] for s in meta.sources],
        "expected_articles": meta.expected_articles,
        "expected_chapters": meta.expected_chapters,
        "licence": meta.licence,
        "attribution": meta.attribution,
    }


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("not text")
    return value


def _count(value: Any) -> int | None:
    if value is not None and type(value) is not int:
        raise TypeError("not a number")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("not a list of text")
    return tuple(value)


def _meta_from_dict(data: dict[str, Any]) -> TreatyMeta:
    titles = data["titles"]
    if not isinstance(titles, dict) or not all(isinstance(v, str) for v in (*titles, *titles.values())):
        raise TypeError("titles")
    sources = tuple(Source(str(s[0]), _text(s[1]), _text(s[2]), _text(s[3])) for s in data["sources"])
    return TreatyMeta(
        id=str(data["id"]),
        titles=dict(titles),
        parties=_texts(data["parties"]),
        signed_date=_text(data["signed_date"]),
        signed_place=_text(data["signed_place"]),
        in_force_date=_text(data["in_force_date"]),
        languages=_texts(data["languages"]),
        sources=sources,
        expected_articles=_count(data["expected_articles"]),
        expected_chapters=_count(data["expected_chapters"]),
        licence=_text(data["licence"]),
        attribution=_text(data["attribution"]),
    )
