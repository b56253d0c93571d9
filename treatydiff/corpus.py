"""The treaty registry (``texts/``) and access to treaty bodies.

A treaty is named by a registry id (``ir-ru-2025``, ``un-charter``) or a ToTA
reference (``tota:420``). Registry manifests live in the repository's ``texts/``;
manifests created by ``ingest`` for treaties the registry lacks live in the local
store. Bodies never live in the repository: they are ingested from a user's file
into the store, or read from ToTA XML (a local folder, else a cached download).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from treatydiff.errors import IngestError, RegistryError, TreatydiffError, UnknownTreaty, printable
from treatydiff.fetch import fetch_tota
from treatydiff.files import expand_user
from treatydiff.ingest import parse_bytes, parse_tota, read_file
from treatydiff.model import Body, Provenance, Source, Treaty, TreatyMeta, normalize_treaty_id
from treatydiff.store import Store, check_lang, write_atomic

__all__ = [
    "Entry",
    "IngestResult",
    "Registry",
    "default_mappings_dir",
    "default_texts_dir",
    "parse_manifest",
    "shipped_dir",
]

TEXTS_ENV = "TREATYDIFF_TEXTS"
TOTA_DIR_ENV = "TREATYDIFF_TOTA_DIR"
_TOTA_ID = re.compile(r"tota-(\d{1,4})")
_MANIFEST_KEYS = {
    "id", "titles", "parties", "signed", "in_force", "languages", "sources",
    "expected", "licence", "attribution", "notes",
}  # fmt: skip


def shipped_dir(name: Literal["texts", "mappings"]) -> Path:
    """A folder shipped with treatydiff: the registry (``texts``) or the curated maps (``mappings``).

    An installed wheel carries them inside the package (``treatydiff/_shipped/``); a
    checkout keeps them at the repository's top level, beside the package.
    """
    package = Path(__file__).resolve().parent
    installed = package / "_shipped" / name
    return installed if installed.is_dir() else package.parent / name


def default_texts_dir() -> Path:
    """``$TREATYDIFF_TEXTS`` if set, else the shipped registry (:func:`shipped_dir`)."""
    configured = os.environ.get(TEXTS_ENV)
    if configured:
        return expand_user(Path(configured))
    return shipped_dir("texts")


def default_mappings_dir() -> Path:
    """The shipped curated maps (:func:`shipped_dir`)."""
    return shipped_dir("mappings")


def default_tota_dir() -> Path | None:
    """``$TREATYDIFF_TOTA_DIR`` if set (a ToTA checkout with an ``xml/`` folder)."""
    configured = os.environ.get(TOTA_DIR_ENV)
    return expand_user(Path(configured)) if configured else None


def _text(value: Any, key: str, path: Path) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float, dt.date)):
        return str(value)
    raise RegistryError(f"{key} must be text, not {type(value).__name__}", file=path)


def _sources(value: Any, path: Path) -> tuple[Source, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RegistryError("sources must be a list", file=path)
    sources = []
    for item in value:
        if not isinstance(item, dict) or "publisher" not in item:
            raise RegistryError("each source needs at least a publisher", file=path)
        sources.append(
            Source(
                publisher=str(item["publisher"]),
                url=_text(item.get("url"), "sources.url", path),
                date=_text(item.get("date"), "sources.date", path),
                note=_text(item.get("note"), "sources.note", path),
            )
        )
    return tuple(sources)


def parse_manifest(path: Path) -> TreatyMeta:
    """Read one manifest (``texts/<id>.yaml``).

    Raises:
        RegistryError: naming the file (and line, for YAML syntax errors).
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise RegistryError(f"YAML syntax error: {error.problem}", file=path, line=line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RegistryError(f"cannot read manifest: {error}", file=path) from None
    if not isinstance(data, dict):
        raise RegistryError("a manifest must be a mapping of keys", file=path)
    unknown = sorted(set(data) - _MANIFEST_KEYS)
    if unknown:
        raise RegistryError(
            f"unknown key {unknown[0]!r}", file=path, hint=f"known keys: {', '.join(sorted(_MANIFEST_KEYS))}"
        )
    try:
        treaty_id = normalize_treaty_id(str(data.get("id", "")))
    except TreatydiffError as error:
        raise RegistryError(f"bad id: {error.message}", file=path) from None
    if path.stem != treaty_id:
        raise RegistryError(
            f"id {treaty_id!r} does not match the file name", file=path, hint=f"rename it {treaty_id}.yaml"
        )
    titles = data.get("titles")
    if not isinstance(titles, dict) or not titles:
        raise RegistryError("titles must map language codes to titles", file=path)
    signed = data.get("signed") or {}
    expected = data.get("expected") or {}
    if not isinstance(signed, dict) or not isinstance(expected, dict):
        raise RegistryError("signed and expected must be mappings", file=path)
    try:
        return TreatyMeta(
            id=treaty_id,
            titles={check_lang(str(k)): str(v) for k, v in titles.items()},
            parties=tuple(str(p) for p in data.get("parties") or ()),
            signed_date=_text(signed.get("date"), "signed.date", path),
            signed_place=_text(signed.get("place"), "signed.place", path),
            in_force_date=_text(data.get("in_force"), "in_force", path),
            languages=tuple(check_lang(str(lang)) for lang in data.get("languages") or ()),
            sources=_sources(data.get("sources"), path),
            expected_articles=int(expected["articles"]) if "articles" in expected else None,
            expected_chapters=int(expected["chapters"]) if "chapters" in expected else None,
            licence=_text(data.get("licence"), "licence", path),
            attribution=_text(data.get("attribution"), "attribution", path),
            manifest=str(path),
        )
    except RegistryError:
        raise
    except (TreatydiffError, TypeError, ValueError) as error:
        raise RegistryError(str(error), file=path) from None


def _manifest_yaml(meta: TreatyMeta) -> str:
    data: dict[str, Any] = {"id": meta.id, "titles": dict(meta.titles), "languages": list(meta.languages)}
    data["notes"] = "Minimal manifest created by `treatydiff ingest`; complete it and move it to texts/."
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@dataclass(frozen=True)
class Entry:
    """One line of ``treatydiff list``."""

    meta: TreatyMeta
    origin: Literal["registry", "store"]
    available: tuple[str, ...]
    """Languages whose body can be loaded now."""


@dataclass(frozen=True)
class IngestResult:
    """What ``ingest`` did."""

    treaty: Treaty
    path: Path
    created_manifest: Path | None
    warnings: tuple[str, ...]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class Registry:
    """Manifests plus bodies: the one way the rest of treatydiff finds a treaty."""

    def __init__(
        self,
        texts_dir: Path | None = None,
        store: Store | None = None,
        tota_dir: Path | None = None,
        fetcher: Callable[[int, Path], Path] = fetch_tota,
    ) -> None:
        self.texts_dir = texts_dir or default_texts_dir()
        self.store = store or Store()
        self.tota_dir = tota_dir if tota_dir is not None else default_tota_dir()
        self._fetch = fetcher
        self._manifests: dict[str, TreatyMeta] | None = None
        # Parsed ToTA agreements by id: `check` asks for a treaty's metadata and then its
        # body, `diff` may name one agreement twice; each file is read and parsed once.
        self._tota: dict[str, tuple[TreatyMeta, Body, Provenance]] = {}

    # -- manifests -------------------------------------------------------------

    def manifests(self) -> dict[str, TreatyMeta]:
        """All manifests by id: the repository's ``texts/`` first, then the store's."""
        if self._manifests is None:
            found: dict[str, TreatyMeta] = {}
            for folder in (self.texts_dir, self.store.manifest_dir):
                if folder.is_dir():
                    for path in sorted(folder.glob("*.yaml")):
                        meta = parse_manifest(path)
                        found.setdefault(meta.id, meta)
            self._manifests = found
        return self._manifests

    def meta(self, ref: str) -> TreatyMeta:
        """The metadata of a treaty reference.

        Raises:
            UnknownTreaty: when neither the registry nor ToTA knows it.
        """
        treaty_id = normalize_treaty_id(ref)
        manifest = self.manifests().get(treaty_id)
        if manifest is not None:
            return manifest
        if _TOTA_ID.fullmatch(treaty_id):
            meta, _body, _prov = self._load_tota(treaty_id)
            return meta
        raise UnknownTreaty(
            f"unknown treaty {treaty_id!r}",
            ref=treaty_id,
            hint="see `treatydiff list`, or ingest a text under this id: treatydiff ingest ID FILE",
        )

    # -- bodies ----------------------------------------------------------------

    def load(self, ref: str, lang: str | None = None) -> Treaty:
        """A treaty with one of its bodies (``lang``, or the first available).

        Raises:
            UnknownTreaty: unknown id, or no body ingested (the hint says how to ingest one).
        """
        treaty_id = normalize_treaty_id(ref)
        if lang is not None:
            check_lang(lang)
        if _TOTA_ID.fullmatch(treaty_id):
            return self._tota_treaty(treaty_id, lang)
        meta = self.meta(treaty_id)
        stored = self.store.langs(treaty_id)
        if lang is None:
            preferred = [x for x in meta.languages if x in stored] + stored
            if not preferred:
                raise UnknownTreaty(
                    f"no text of {treaty_id} has been ingested",
                    ref=treaty_id,
                    hint=f"run: treatydiff ingest {treaty_id} FILE --lang {(meta.languages or ('en',))[0]}",
                )
            lang = preferred[0]
        loaded = self.store.load_body(treaty_id, lang)
        if loaded is None:
            have = f" (available: {', '.join(stored)})" if stored else ""
            raise UnknownTreaty(
                f"no {lang} text of {treaty_id} has been ingested{have}",
                ref=treaty_id,
                hint=f"run: treatydiff ingest {treaty_id} FILE --lang {lang}",
            )
        body, provenance = loaded
        return Treaty(meta, body, provenance)

    def _tota_treaty(self, treaty_id: str, lang: str | None) -> Treaty:
        meta, body, provenance = self._load_tota(treaty_id)
        manifest = self.manifests().get(treaty_id)
        if manifest is not None:
            meta = _merge(manifest, meta)
        if lang is not None and lang != body.lang:
            raise UnknownTreaty(
                f"{treaty_id} has no {lang} text in ToTA (it is in {body.lang})", ref=treaty_id
            )
        return Treaty(meta, body, provenance)

    def _local_tota(self, number: int) -> Path | None:
        """ToTA file ``number`` in the configured folder (``xml/`` or flat), if there is one."""
        if self.tota_dir is None:
            return None
        for candidate in (self.tota_dir / "xml" / f"pta_{number}.xml", self.tota_dir / f"pta_{number}.xml"):
            if candidate.is_file():
                return candidate
        return None

    def _tota_file(self, number: int) -> Path:
        if self.tota_dir is not None:
            local = self._local_tota(number)
            if local is not None:
                return local
            raise UnknownTreaty(
                f"no ToTA agreement number {number} in {self.tota_dir}",
                ref=f"tota:{number}",
                hint="ToTA numbers run from 1 to 450; check --tota-dir / TREATYDIFF_TOTA_DIR",
            )
        cached = self.store.tota_path(number)
        if cached.is_file():
            return cached
        return self._fetch(number, cached)

    def _load_tota(self, treaty_id: str) -> tuple[TreatyMeta, Body, Provenance]:
        if treaty_id not in self._tota:
            self._tota[treaty_id] = self._parse_tota(treaty_id)
        return self._tota[treaty_id]

    def _parse_tota(self, treaty_id: str) -> tuple[TreatyMeta, Body, Provenance]:
        match = _TOTA_ID.fullmatch(treaty_id)
        assert match is not None
        number = int(match.group(1))
        path = self._tota_file(number)
        data = read_file(path)
        meta, body = parse_tota(data, origin=str(path), number=number)
        provenance = Provenance(
            file=str(path),
            sha256=_sha256(data),
            ingested_at=_now(),  # when the tool read it; the file's own date says nothing of that
            parser="tota-xml",
            warnings=body.warnings,
        )
        return meta, body, provenance

    # -- ingest ----------------------------------------------------------------

    def ingest(
        self,
        ref: str,
        file: Path,
        *,
        lang: str | None = None,
        fmt: Literal["auto", "text", "html", "tota"] = "auto",
        title: str | None = None,
        strict: bool = False,
    ) -> IngestResult:
        """Parse a user's copy of a treaty and save it to the store with its provenance.

        Checks the article count against the manifest: a mismatch is a warning, or an
        error with ``strict``. Creates a minimal manifest when the id has none.

        Raises:
            TreatydiffError: on unreadable input, a parse failure or a strict mismatch.
        """
        treaty_id = normalize_treaty_id(ref)
        if _TOTA_ID.fullmatch(treaty_id):
            raise TreatydiffError(
                f"{treaty_id} is read from ToTA directly; ingest it under another id",
                ref=treaty_id,
            )
        data = read_file(file)
        _meta_from_file, body, parser = parse_bytes(data, origin=file, lang=lang, fmt=fmt)
        if lang is not None and body.lang != lang:
            body = replace(body, lang=check_lang(lang))
        warnings = list(body.warnings)
        manifest = self.manifests().get(treaty_id)
        created = None
        if manifest is None:
            manifest = TreatyMeta(
                id=treaty_id,
                titles={body.lang: title or body.title or treaty_id},
                languages=(body.lang,),
            )
            created = self.store.manifest_path(treaty_id)
            write_atomic(created, _manifest_yaml(manifest).encode("utf-8"))
            self._manifests = None
        else:
            warnings.extend(_structure_warnings(manifest, body, file, strict))
        provenance = Provenance(
            file=printable(str(file.resolve())),
            sha256=_sha256(data),
            ingested_at=_now(),
            parser="tota-xml" if parser == "tota" else parser,
            warnings=tuple(warnings),
        )
        path = self.store.save_body(treaty_id, body, provenance)
        return IngestResult(Treaty(manifest, body, provenance), path, created, tuple(warnings))

    # -- listing ---------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """Every manifest with the languages whose body is available now."""
        result = []
        store_dir = self.store.manifest_dir.resolve()
        for treaty_id, meta in sorted(self.manifests().items()):
            origin: Literal["registry", "store"] = (
                "store" if meta.manifest and Path(meta.manifest).resolve().parent == store_dir else "registry"
            )
            if _TOTA_ID.fullmatch(treaty_id):
                available = self._tota_available(treaty_id, meta)
            else:
                available = tuple(self.store.langs(treaty_id))
            result.append(Entry(meta, origin, available))
        return result

    def _tota_available(self, treaty_id: str, meta: TreatyMeta) -> tuple[str, ...]:
        match = _TOTA_ID.fullmatch(treaty_id)
        assert match is not None
        number = int(match.group(1))
        if self._local_tota(number) is not None or self.store.tota_path(number).is_file():
            return meta.languages or ("en",)
        return ()


def _merge(manifest: TreatyMeta, from_xml: TreatyMeta) -> TreatyMeta:
    """Registry manifest first; ToTA's own metadata fills what the manifest leaves out."""
    return replace(
        manifest,
        parties=manifest.parties or from_xml.parties,
        signed_date=manifest.signed_date or from_xml.signed_date,
        in_force_date=manifest.in_force_date or from_xml.in_force_date,
        languages=manifest.languages or from_xml.languages,
        sources=manifest.sources or from_xml.sources,
        licence=manifest.licence or from_xml.licence,
        attribution=manifest.attribution or from_xml.attribution,
    )


def _structure_warnings(manifest: TreatyMeta, body: Body, file: Path, strict: bool) -> list[str]:
    warnings = []
    checks = (
        ("articles", manifest.expected_articles, len(body.articles())),
        ("chapters", manifest.expected_chapters, sum(1 for p in body.walk() if p.kind == "chapter")),
    )
    for what, expected, found in checks:
        if expected is not None and expected != found:
            message = f"found {found} {what}, the manifest of {manifest.id} expects {expected}"
            if strict:
                raise IngestError(message, file=file, hint="check the file is complete, or drop --strict")
            warnings.append(f"{file}: {message}")
    return warnings
