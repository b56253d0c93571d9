"""The local store: every ingested version of every body, minimal manifests and downloads.

Layout under the store root (``--store``, ``$TREATYDIFF_STORE`` or the platform's
user data folder)::

    bodies/<treaty-id>/<lang>/<N>-<sha256>.json   version N of a body; sha256 of its source text
    bodies/<treaty-id>/<lang>.json                a body stored before versions (layout 1), read as version 0
    manifests/<treaty-id>.yaml                    manifests for treaties the registry lacks
    tota/pta_<N>.xml                              ToTA files downloaded on demand
    outputs.json                                  reports written with --out (see treatydiff.output)

Nothing is ever deleted: ingesting a different text adds version N+1, which becomes
current; ingesting the current text again refreshes it in place; ingesting an older
text again moves it to the top. Every write is atomic (temporary file, then rename),
so an interrupted run never leaves a half-written file. Every read is verified
(:func:`verify_body`): a body that is malformed, whose text or document does not
match its SHA-256 checksum, or whose spans do not point at its provisions' text is
refused with one line naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import platformdirs

from treatydiff.errors import StoreError, TreatydiffError
from treatydiff.files import expand_user
from treatydiff.ingest.stale import RULES_VERSION, current_body
from treatydiff.langcodes import check_lang
from treatydiff.model import Body, Kind, Provenance, Provision, Span, is_provision_id, is_treaty_id

__all__ = [
    "BODY_FORMAT",
    "SaveResult",
    "Store",
    "Version",
    "VersionInfo",
    "body_document",
    "body_from_dict",
    "body_to_dict",
    "check_lang",
    "default_store_dir",
    "source_sha256",
    "verify_body",
    "write_atomic",
]

BODY_FORMAT = "treatydiff.body/2"
LEGACY_FORMAT = "treatydiff.body/1"
STORE_ENV = "TREATYDIFF_STORE"
MAX_BODY_BYTES = 256_000_000  # a 50 MB text with its provision tree; anything larger is not a body
MAX_TREE_DEPTH = 32  # parts > chapters > sections > articles > paragraphs > points nest far less
_VERSION_FILE = re.compile(r"([0-9]{1,9})-([0-9a-f]{64})\.json")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_KINDS = frozenset(get_args(Kind))


def default_store_dir() -> Path:
    """``$TREATYDIFF_STORE`` if set, else the platform's user data folder."""
    configured = os.environ.get(STORE_ENV)
    if configured:
        return expand_user(Path(configured))
    return Path(platformdirs.user_data_dir("treatydiff", appauthor=False))


def source_sha256(text: str) -> str:
    """The SHA-256 of a body's source text (UTF-8): its version's address in the store."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _file_mode(path: Path) -> int:
    """The mode a replacement of ``path`` should have: the old file's, else the umask's default."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Raises:
        StoreError: when the folder cannot be created or written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _file_mode(path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise StoreError(f"cannot write: {error.strerror or error}", file=path) from None


# --- the body document -------------------------------------------------------------------


def body_to_dict(body: Body, provenance: Provenance) -> dict[str, Any]:
    """A body and its provenance as the store's JSON document (format 2)."""
    return body_document(body, provenance)[0]


def body_document(body: Body, provenance: Provenance) -> tuple[dict[str, Any], bytes]:
    """:func:`body_to_dict`'s document, and the canonical JSON its ``document_sha256`` is taken
    over (the document without that checksum): bytes a reader can hash as they are."""
    document: dict[str, Any] = {
        "format": BODY_FORMAT,
        "rules_version": RULES_VERSION,
        "lang": body.lang,
        "title": body.title,
        "warnings": list(body.warnings),
        "provenance": provenance.to_dict(),
        "source_sha256": source_sha256(body.source_text),
        "document_sha256": "",
        "source_text": body.source_text,
        "provisions": [p.to_dict() for p in body.provisions],
    }
    canonical = _canonical(document)
    document["document_sha256"] = hashlib.sha256(canonical).hexdigest()
    return document, canonical


def _canonical(document: dict[str, Any]) -> bytes:
    """The document's canonical JSON (sorted keys, no spaces, UTF-8), without its checksum."""
    rest = {key: value for key, value in document.items() if key != "document_sha256"}
    canonical = json.dumps(rest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return canonical.encode("utf-8", "surrogatepass")


def _document_sha256(document: dict[str, Any]) -> str:
    """SHA-256 of the document's canonical JSON, without this checksum itself."""
    return hashlib.sha256(_canonical(document)).hexdigest()


def _encode(document: dict[str, Any]) -> bytes:
    """The document as UTF-8 JSON; text that UTF-8 cannot hold (a file name's lone
    surrogates) is written as JSON escapes, which read back to the same text."""
    try:
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(document, ensure_ascii=True, indent=1).encode("ascii")


class _Corrupt(Exception):
    """What is wrong with a stored document, and where in it."""


def _need(condition: bool, problem: str) -> None:
    if not condition:
        raise _Corrupt(problem)


def _str(data: dict[str, Any], key: str, where: str, *, optional: bool = False, limit: int = 0) -> None:
    value = data.get(key)
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise _Corrupt(f"{where}{key} is not text")
    _need(not limit or len(value) <= limit, f"{where}{key} is longer than {limit} characters")


def _strings(data: dict[str, Any], key: str, where: str) -> None:
    value = data.get(key, [])
    _need(
        isinstance(value, list) and all(isinstance(v, str) for v in value),
        f"{where}{key} is not a list of text",
    )


_BODY_KEYS = {
    "format",
    "rules_version",
    "lang",
    "title",
    "warnings",
    "provenance",
    "source_sha256",
    "document_sha256",
    "source_text",
    "provisions",
}
_PROVENANCE_KEYS = {"file", "sha256", "ingested_at", "parser", "warnings"}
_PROVISION_KEYS = {"id", "kind", "label", "number", "heading", "span", "text", "children"}


def verify_body(data: Any, *, lang: str, sha256: str | None, canonical: bytes | None = None) -> None:
    """Check a stored body document: its shape, checksum, spans and ids.

    Args:
        data: the parsed JSON.
        lang: the language its file name says it is in.
        sha256: the checksum its file name gives (``None`` for a layout-1 file, which has none).
        canonical: the bytes ``data`` was parsed from, when they are its canonical JSON without
            ``document_sha256`` (as :func:`body_document` gives them): the checksum is then
            taken over them, with no new encoding of the document.

    Raises:
        ValueError: what is wrong, and where in the document.
    """
    try:
        _verify(data, lang, sha256, canonical)
    except _Corrupt as problem:
        raise ValueError(str(problem)) from None


def _verify(data: Any, lang: str, sha256: str | None, canonical: bytes | None = None) -> None:
    _need(isinstance(data, dict), f"the document is {type(data).__name__}, not an object")
    expected = BODY_FORMAT if sha256 is not None else LEGACY_FORMAT
    _need(
        data.get("format") == expected, f"format is {str(data.get('format'))[:40]!r}, expected {expected!r}"
    )
    allowed = _BODY_KEYS if sha256 is not None else _BODY_KEYS - {"source_sha256", "document_sha256"}
    unknown = sorted(set(data) - allowed)
    _need(not unknown, f"unknown key {str(unknown[0])[:40]!r}" if unknown else "")
    _need(sha256 is None or "rules_version" in data, "rules_version is missing")
    rules = data.get("rules_version", 1)
    _need(type(rules) is int and 1 <= rules <= RULES_VERSION, "rules_version is not a known id-rules version")
    _need(data.get("lang") == lang, f"lang is {str(data.get('lang'))[:40]!r} but the file is the {lang} text")
    _str(data, "title", "", optional=True, limit=10_000)
    _strings(data, "warnings", "")
    prov = data.get("provenance")
    _need(isinstance(prov, dict), "provenance is not an object")
    _need(not set(prov) - _PROVENANCE_KEYS, "provenance has unknown keys")
    for key in ("file", "ingested_at", "parser"):
        _str(prov, key, "provenance.", limit=4096)
    _need(
        isinstance(prov.get("sha256"), str) and bool(_SHA256.fullmatch(prov["sha256"])),
        "provenance.sha256 is not a SHA-256",
    )
    _strings(prov, "warnings", "provenance.")
    _str(data, "source_text", "")
    text: str = data["source_text"]
    _need(bool(text.strip()), "source_text is empty")
    if sha256 is not None:
        _need(data.get("source_sha256") == sha256, "source_sha256 does not match the file name")
        _need(
            source_sha256(text) == sha256,
            "the source text does not match its SHA-256 checksum (changed after ingest)",
        )
    provisions = data.get("provisions")
    _need(isinstance(provisions, list) and bool(provisions), "provisions is empty or not a list")
    seen: set[str] = set()
    stack: list[tuple[Any, str, tuple[int, int], int]] = [
        (item, f"provisions[{i}]", (0, len(text)), 1) for i, item in enumerate(provisions)
    ]
    while stack:
        item, where, bounds, depth = stack.pop()
        span = _provision(item, where, text, bounds)
        _need(item["id"] not in seen, f"{where}: duplicate id {item['id']!r}")
        seen.add(item["id"])
        children = item.get("children", [])
        _need(isinstance(children, list), f"{where}.children is not a list")
        _need(not children or depth < MAX_TREE_DEPTH, f"{where}: nested deeper than {MAX_TREE_DEPTH} levels")
        stack.extend((child, f"{where}.children[{i}]", span, depth + 1) for i, child in enumerate(children))
    if sha256 is not None:
        digest = hashlib.sha256(canonical).hexdigest() if canonical is not None else _document_sha256(data)
        _need(
            data.get("document_sha256") == digest,
            "the document does not match its SHA-256 checksum (changed after ingest)",
        )


def _provision(item: Any, where: str, text: str, bounds: tuple[int, int]) -> tuple[int, int]:
    """A provision's span, once its shape and text are checked (:func:`_checked_provision`)."""
    # The checks of _checked_provision, in its order, as one expression: a store holds
    # thousands of provisions per body. Any that fails is checked again there, for its message.
    if isinstance(item, dict) and item.keys() <= _PROVISION_KEYS:
        ident, label, own, span = item.get("id"), item.get("label"), item.get("text"), item.get("span")
        number, heading = item.get("number"), item.get("heading")
        if (
            isinstance(ident, str)
            and is_provision_id(ident)
            and item.get("kind") in _KINDS
            and isinstance(label, str)
            and len(label) <= 10_000
            and isinstance(own, str)
            and (number is None or isinstance(number, str))
            and (heading is None or isinstance(heading, str))
            and isinstance(span, list)
            and len(span) == 2
            and type(span[0]) is int
            and type(span[1]) is int
            and bounds[0] <= span[0] <= span[1] <= bounds[1]
            and text[span[0] : span[1]] == own
        ):
            return span[0], span[1]
    return _checked_provision(item, where, text, bounds)


def _checked_provision(item: Any, where: str, text: str, bounds: tuple[int, int]) -> tuple[int, int]:
    _need(isinstance(item, dict), f"{where} is not an object")
    _need(not set(item) - _PROVISION_KEYS, f"{where} has unknown keys")
    _need(
        isinstance(item.get("id"), str) and is_provision_id(item["id"]), f"{where}.id is not a provision id"
    )
    _need(item.get("kind") in _KINDS, f"{where}.kind is not a provision kind")
    _str(item, "label", f"{where}.", limit=10_000)
    _str(item, "text", f"{where}.")
    for key in ("number", "heading"):
        _need(
            key not in item or item[key] is None or isinstance(item[key], str), f"{where}.{key} is not text"
        )
    span = item.get("span")
    _need(
        isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span),
        f"{where}.span is not two whole numbers",
    )
    start, end = span
    _need(bounds[0] <= start <= end <= bounds[1], f"{where}.span [{start}, {end}] is out of range")
    _need(text[start:end] == item["text"], f"{where}.text is not the source text at its span")
    return start, end


def _provision_from_dict(data: dict[str, Any]) -> Provision:
    start, end = data["span"]
    return Provision(
        id=data["id"],
        kind=data["kind"],
        label=data["label"],
        text=data["text"],
        span=Span(start, end),
        number=data.get("number"),
        heading=data.get("heading"),
        children=tuple(_provision_from_dict(child) for child in data.get("children", ())),
    )


def body_from_dict(data: dict[str, Any]) -> tuple[Body, Provenance]:
    """Inverse of :func:`body_to_dict`, for a document :func:`verify_body` accepted."""
    prov = data["provenance"]
    provenance = Provenance(
        file=prov["file"],
        sha256=prov["sha256"],
        ingested_at=prov["ingested_at"],
        parser=prov["parser"],
        warnings=tuple(prov.get("warnings", ())),
    )
    body = Body(
        lang=data["lang"],
        source_text=data["source_text"],
        provisions=tuple(_provision_from_dict(p) for p in data["provisions"]),
        title=data.get("title"),
        warnings=tuple(data.get("warnings", ())),
    )
    # A body made under older id rules is re-parsed (or flagged): docs/ids.md, "Versions".
    return current_body(body, int(data.get("rules_version", 1)), provenance.parser), provenance


# --- versions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One stored version of a body."""

    treaty_id: str
    lang: str
    number: int
    """1, 2, … in the order they were ingested; 0 for a body stored before versions."""
    sha256: str | None
    """SHA-256 of its source text; None for a layout-1 body (not known until it is read)."""
    path: Path

    @property
    def name(self) -> str:
        """How the version is shown and named with ``--version``: ``v2 (3f9a1c2b7d4e)``."""
        return f"v{self.number}" + (f" ({self.sha256[:12]})" if self.sha256 else " (layout 1)")


@dataclass(frozen=True)
class VersionInfo:
    """A version with its provenance, or with the reason it cannot be read."""

    version: Version
    provenance: Provenance | None
    error: StoreError | None
    current: bool


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save_body` did."""

    version: Version
    replaced: Version | None
    """The version that was current before, when the text differs from it."""
    unchanged: bool
    """The text was already the current version (refreshed in place)."""
    moved: bool = False
    """The text was an older version, now moved up to be current."""


class Store:
    """A local store rooted at one folder; see the module docstring for the layout."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = expand_user(root or default_store_dir())

    def _treaty_dir(self, treaty_id: str) -> Path:
        if not is_treaty_id(treaty_id):  # ids become folder names: never let '../' through
            raise TreatydiffError(f"{treaty_id[:80]!r} is not a treaty id")
        return self.root / "bodies" / treaty_id

    def body_path(self, treaty_id: str, lang: str) -> Path:
        """The folder of the versions of ``treaty_id`` in ``lang``."""
        return self._treaty_dir(treaty_id) / check_lang(lang)

    def legacy_path(self, treaty_id: str, lang: str) -> Path:
        """Where a layout-1 body (before versions) of ``treaty_id`` in ``lang`` is."""
        return self._treaty_dir(treaty_id) / f"{check_lang(lang)}.json"

    def langs(self, treaty_id: str) -> list[str]:
        """Languages in which a body of this treaty is stored, sorted."""
        folder = self._treaty_dir(treaty_id)
        found = set()
        for entry in _listdir(folder):
            name = entry.name.removesuffix(".json") if entry.name.endswith(".json") else entry.name
            if _is_lang(name) and (entry.name.endswith(".json") or any(self._version_files(entry))):
                found.add(name)
        return sorted(found)

    def _version_files(self, folder: Path) -> Iterator[tuple[int, str, Path]]:
        for entry in _listdir(folder):
            match = _VERSION_FILE.fullmatch(entry.name)
            if match:
                yield int(match.group(1)), match.group(2), entry

    def versions(self, treaty_id: str, lang: str) -> list[Version]:
        """Every stored version, oldest first; the last is current."""
        found = [
            Version(treaty_id, lang, number, sha, path)
            for number, sha, path in self._version_files(self.body_path(treaty_id, lang))
        ]
        legacy = self.legacy_path(treaty_id, lang)
        if legacy.is_file():
            found.append(Version(treaty_id, lang, 0, None, legacy))
        return sorted(found, key=lambda v: (v.number, v.sha256 or ""))

    def find_version(self, treaty_id: str, lang: str, name: str) -> Version:
        """The version named ``name``: its number (``2``, ``v2``) or a prefix of its SHA-256.

        Raises:
            StoreError: when no version, or more than one, has that name.
        """
        versions = self.versions(treaty_id, lang)
        key = name.strip().lower()
        if key.removeprefix("v").isdigit():
            matches = [v for v in versions if v.number == int(key.removeprefix("v"))]
        elif len(key) >= 4 and all(c in "0123456789abcdef" for c in key):
            matches = [v for v in versions if v.sha256 and v.sha256.startswith(key)]
        else:
            matches = []
        if len(matches) == 1:
            return matches[0]
        have = ", ".join(v.name for v in versions) or "none"
        problem = "is ambiguous" if matches else "names no stored version"
        raise StoreError(
            f"--version {name[:40]!r} {problem} of {treaty_id} ({lang}); stored: {have}",
            hint=f"see: treatydiff show {treaty_id} --lang {lang} --history",
        )

    def save_body(self, treaty_id: str, body: Body, provenance: Provenance) -> SaveResult:
        """Store a body as a new version (or refresh the current one if the text is the same).

        Raises:
            StoreError: when the store cannot be written.
        """
        lang = check_lang(body.lang)
        self._migrate_legacy(treaty_id, lang)
        sha = source_sha256(body.source_text)
        document = _encode(body_to_dict(body, provenance))
        versions = self.versions(treaty_id, lang)
        current = versions[-1] if versions else None
        if current is not None and current.sha256 == sha:
            write_atomic(current.path, document)
            return SaveResult(current, None, True)
        number = max((v.number for v in versions), default=0) + 1
        version = Version(
            treaty_id, lang, number, sha, self.body_path(treaty_id, lang) / f"{number}-{sha}.json"
        )
        write_atomic(version.path, document)
        moved = False
        for older in versions:  # the same text stored earlier now lives at the top
            if older.sha256 == sha:
                older.path.unlink(missing_ok=True)
                moved = True
        return SaveResult(version, current, False, moved)

    def _migrate_legacy(self, treaty_id: str, lang: str) -> None:
        """Rewrite a readable layout-1 body as version 0 of layout 2 (a corrupt one stays put)."""
        legacy = self.legacy_path(treaty_id, lang)
        if not legacy.is_file():
            return
        try:
            body, provenance = self._read(Version(treaty_id, lang, 0, None, legacy))
        except StoreError:
            return
        sha = source_sha256(body.source_text)
        document = _encode(body_to_dict(body, provenance))
        write_atomic(self.body_path(treaty_id, lang) / f"0-{sha}.json", document)
        legacy.unlink(missing_ok=True)

    def discard(self, version: Version) -> None:
        """Remove a version just saved (an ingest that could not finish), never an older one."""
        version.path.unlink(missing_ok=True)
        for folder in version.path.parents[:3]:  # <lang>/, <treaty-id>/, bodies/
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: nothing is left of a new treaty

    def load_body(
        self, treaty_id: str, lang: str, version: str | None = None
    ) -> tuple[Body, Provenance] | None:
        """The current (or the named) version of ``treaty_id`` in ``lang``, or None if there is none.

        Raises:
            StoreError: when the stored file is unreadable or fails verification.
        """
        if version is not None:
            return self._read(self.find_version(treaty_id, lang, version))
        versions = self.versions(treaty_id, lang)
        return self._read(versions[-1]) if versions else None

    def history(self, treaty_id: str, lang: str) -> list[VersionInfo]:
        """Every version, oldest first, each verified."""
        versions = self.versions(treaty_id, lang)
        infos = []
        for version in versions:
            try:
                _body, provenance = self._read(version)
                infos.append(VersionInfo(version, provenance, None, version is versions[-1]))
            except StoreError as error:
                infos.append(VersionInfo(version, None, error, version is versions[-1]))
        return infos

    def _read(self, version: Version) -> tuple[Body, Provenance]:
        path = version.path
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_BODY_BYTES + 1)
            if len(raw) > MAX_BODY_BYTES:
                raise _Corrupt(f"larger than {MAX_BODY_BYTES:,} bytes")
            data = json.loads(raw.decode("utf-8"))
            verify_body(data, lang=version.lang, sha256=version.sha256)
            return body_from_dict(data)
        except OSError as error:
            problem = f"cannot be read ({error.strerror or error})"
        except RecursionError:
            problem = "is corrupt (JSON nested too deeply)"
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problem = f"is corrupt (not JSON: {type(error).__name__})"
        except (_Corrupt, ValueError) as error:
            problem = f"is corrupt ({str(error)[:200]})"
        raise StoreError(
            f"stored {version.lang} text of {version.treaty_id}, {version.name}, {problem}",
            file=path,
            hint=f"ingest the text again: treatydiff ingest {version.treaty_id} FILE --lang {version.lang}",
        )

    @property
    def manifest_dir(self) -> Path:
        """Folder of the manifests created by ``ingest``."""
        return self.root / "manifests"

    def manifest_path(self, treaty_id: str) -> Path:
        """Where a store manifest for ``treaty_id`` lives."""
        self._treaty_dir(treaty_id)  # validates the id
        return self.manifest_dir / f"{treaty_id}.yaml"

    def tota_path(self, number: int) -> Path:
        """Cache path of a downloaded ToTA file."""
        return self.root / "tota" / f"pta_{number}.xml"

    @property
    def outputs_path(self) -> Path:
        """The record of reports written with ``--out`` (see :mod:`treatydiff.output`)."""
        return self.root / "outputs.json"


def _is_lang(name: str) -> bool:
    try:
        check_lang(name)
    except TreatydiffError:
        return False
    return True


def _listdir(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []
