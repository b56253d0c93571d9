"""The treaty registry (``texts/``) and access to treaty bodies.

A treaty is named by a registry id (``ir-ru-2025``, ``un-charter``) or a ToTA
reference (``tota:420``). Registry manifests live in the repository's ``texts/``;
manifests created by ``ingest`` for treaties the registry lacks live in the local
store. Bodies never live in the repository: they are ingested from a user's file
into the store, or read from ToTA XML (a local folder, else a cached download).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from treatydiff.errors import IngestError, RegistryError, StoreError, TreatydiffError, UnknownTreaty
from treatydiff.files import expand_user
from treatydiff.langcodes import check_lang, script_mismatch
from treatydiff.manifest import MetaEdit, apply_edit, manifest_yaml, parse_manifest
from treatydiff.model import Body, Provenance, Treaty, TreatyMeta, normalize_treaty_id
from treatydiff.store import SaveResult, Store, write_atomic

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


def _fetch_tota(number: int, dest: Path) -> Path:
    """Download ToTA agreement ``number`` (the fetch code is imported only when one is needed)."""
    from treatydiff.fetch import fetch_tota

    return fetch_tota(number, dest)


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


@dataclass(frozen=True)
class Entry:
    """One line of ``treatydiff list``."""

    meta: TreatyMeta
    origin: Literal["registry", "store"]
    available: tuple[str, ...]
    """Languages whose body can be loaded now."""
    versions: dict[str, int] = field(default_factory=dict)
    """Stored versions per language (store bodies only)."""


@dataclass(frozen=True)
class IngestResult:
    """What ``ingest`` did."""

    treaty: Treaty
    path: Path
    created_manifest: Path | None
    warnings: tuple[str, ...]
    saved: SaveResult | None = None
    """The stored version, and the one it replaced as current (kept in the store)."""
    updated_manifest: Path | None = None
    """The store manifest, when this ingest added a language or metadata to it."""


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
        fetcher: Callable[[int, Path], Path] | None = None,
        keep_parsed: bool = True,
    ) -> None:
        """``keep_parsed``: keep each ToTA agreement parsed in the store (treatydiff.parsed),
        so the next command reads it instead of parsing it; off for a pass over the corpus."""
        self.texts_dir = texts_dir or default_texts_dir()
        self.store = store or Store()
        self.tota_dir = tota_dir if tota_dir is not None else default_tota_dir()
        self._fetch = fetcher or _fetch_tota
        self.keep_parsed = keep_parsed
        self._manifests: dict[str, TreatyMeta] | None = None
        self._by_id: dict[str, TreatyMeta | None] = {}
        self._broken: dict[Path, RegistryError] = {}
        self._problems: list[TreatydiffError] = []
        # Parsed ToTA agreements by id: `check` asks for a treaty's metadata and then its
        # body, `diff` may name one agreement twice; each file is read and parsed once.
        self._tota: dict[str, tuple[TreatyMeta, Body, Provenance]] = {}

    # -- manifests -------------------------------------------------------------

    def manifests(self) -> dict[str, TreatyMeta]:
        """All manifests by id: the repository's ``texts/`` first, then the store's."""
        if self._manifests is None:
            found: dict[str, TreatyMeta] = {}
            self._broken = {}
            for folder in (self.texts_dir, self.store.manifest_dir):
                if folder.is_dir():
                    for path in sorted(folder.glob("*.yaml")):
                        try:
                            meta = parse_manifest(path)
                        except RegistryError as error:  # one bad file never hides the others
                            self._broken[path] = error
                            continue
                        found.setdefault(meta.id, meta)
            self._manifests = found
        return self._manifests

    def manifest(self, treaty_id: str) -> TreatyMeta | None:
        """The manifest of one treaty id, as :meth:`manifests` would give it.

        Reads only the files named after the id (a manifest's file name is its id), so a
        command that names two treaties does not parse the whole registry.
        """
        if self._manifests is not None:
            return self._manifests.get(treaty_id)
        if treaty_id in self._by_id:
            return self._by_id[treaty_id]
        found = None
        for folder in (self.texts_dir, self.store.manifest_dir):
            path = folder / f"{treaty_id}.yaml"
            if path.is_file():
                try:
                    found = parse_manifest(path)
                except RegistryError:  # reported through broken_manifests(), as by manifests()
                    continue
                break
        self._by_id[treaty_id] = found
        return found

    def broken_manifests(self) -> list[RegistryError]:
        """Why each manifest that cannot be read was skipped, by file name."""
        self.manifests()
        return [self._broken[path] for path in sorted(self._broken)]

    def _broken_manifest(self, treaty_id: str) -> RegistryError | None:
        self.manifests()
        for path, error in sorted(self._broken.items()):
            if path.stem == treaty_id:
                return error
        return None

    def meta(self, ref: str) -> TreatyMeta:
        """The metadata of a treaty reference.

        Raises:
            UnknownTreaty: when neither the registry nor ToTA knows it.
        """
        treaty_id = normalize_treaty_id(ref)
        manifest = self.manifest(treaty_id)
        if manifest is not None:
            return manifest
        if _TOTA_ID.fullmatch(treaty_id):
            meta, _body, _prov = self._load_tota(treaty_id)
            return meta
        broken = self._broken_manifest(treaty_id)
        if broken is not None:
            hint = (
                f"fix it, or ingest the text again with --force: treatydiff ingest {treaty_id} FILE --force"
            )
            raise RegistryError(broken.message, file=broken.file, line=broken.line, hint=hint)
        raise UnknownTreaty(
            f"unknown treaty {treaty_id!r}",
            ref=treaty_id,
            hint="see `treatydiff list`, or ingest a text under this id: treatydiff ingest ID FILE",
        )

    # -- bodies ----------------------------------------------------------------

    def load(self, ref: str, lang: str | None = None, version: str | None = None) -> Treaty:
        """A treaty with one of its bodies (``lang``, or the first available).

        ``version`` names a stored version (``2`` or a SHA-256 prefix); the current one by default.

        Raises:
            UnknownTreaty: unknown id, or no body ingested (the hint says how to ingest one).
            StoreError: the stored body fails verification.
        """
        treaty_id = normalize_treaty_id(ref)
        if lang is not None:
            check_lang(lang)
        if _TOTA_ID.fullmatch(treaty_id):
            if version is not None:
                raise TreatydiffError(f"{treaty_id} is read from ToTA: it has no stored versions")
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
        loaded = self.store.load_body(treaty_id, lang, version)
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
        manifest = self.manifest(treaty_id)
        if manifest is not None:
            meta = _merge(manifest, meta)
        if lang is not None and lang != body.lang:
            raise UnknownTreaty(
                f"{treaty_id} has no {lang} text in ToTA (it is in {body.lang})", ref=treaty_id
            )
        return Treaty(meta, body, provenance)

    def forget(self, ref: str) -> None:
        """Drop a parsed ToTA agreement from memory (a pass over the corpus reads each once)."""
        self._tota.pop(normalize_treaty_id(ref), None)

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
        from treatydiff import ingest  # its parsers load on first use: here only when nothing is kept
        from treatydiff.parsed import read_parsed, save_parsed

        number = int(match.group(1))
        path = self._tota_file(number)
        data = ingest.read_file(path)
        sha256 = _sha256(data)
        kept = read_parsed(self.store, sha256, str(path))
        if kept is not None and kept[0].id == treaty_id:
            meta, body = kept
        else:
            meta, body = ingest.parse_tota(data, origin=str(path), number=number)
        provenance = Provenance(
            file=str(path),
            sha256=sha256,
            ingested_at=_now(),  # when the tool read it; the file's own date says nothing of that
            parser="tota-xml",
            warnings=body.warnings,
        )
        if kept is None and self.keep_parsed:
            save_parsed(self.store, sha256, meta, body, provenance)
        return meta, body, provenance

    # -- ingest ----------------------------------------------------------------

    def ingest(
        self,
        ref: str,
        file: Path,
        *,
        lang: str | None = None,
        fmt: Literal["auto", "text", "html", "tota", "pdf", "docx"] = "auto",
        title: str | None = None,
        strict: bool = False,
        edit: MetaEdit | None = None,
        force: bool = False,
    ) -> IngestResult:
        """Parse a user's copy of a treaty and save it to the store as a new version.

        All or nothing: every check runs before anything is written, the body is stored
        before the manifest, and a manifest that cannot be written takes the new body
        back out. Checks the article count against the manifest (a warning, or an error
        with ``strict``), and that the text is in a script ``lang`` is written in (unless
        ``force``). A new id gets a store manifest with ``edit``'s title, date, place and
        parties; a store manifest gains each new language and its title.

        Raises:
            TreatydiffError: on a bad option, unreadable input, a parse failure, a
                contradicting language or a strict mismatch; the store is unchanged.
        """
        treaty_id = normalize_treaty_id(ref)
        if _TOTA_ID.fullmatch(treaty_id):
            raise TreatydiffError(
                f"{treaty_id} is read from ToTA directly; ingest it under another id",
                ref=treaty_id,
            )
        if lang is not None:
            check_lang(lang)
        edit = edit or MetaEdit(title=title)
        manifest = self.manifest(treaty_id)
        in_store = manifest is None or self._is_store_manifest(manifest)
        if manifest is None and not force:
            broken = self._broken_manifest(treaty_id)
            if broken is not None:
                raise RegistryError(
                    broken.message,
                    file=broken.file,
                    line=broken.line,
                    hint="fix it, or add --force to replace it with a new manifest",
                )
        if not in_store and edit:
            raise TreatydiffError(
                f"{treaty_id} has a registry manifest; --title, --signed, --place and --party "
                "only set manifests in the store",
                file=manifest.manifest if manifest else None,
                hint="edit the manifest instead",
            )
        from treatydiff.ingest import parse_bytes, read_file

        data = read_file(file)
        _meta_from_file, body, parser = parse_bytes(data, origin=file, lang=lang, fmt=fmt)
        if lang is not None and body.lang != lang:
            body = replace(body, lang=lang)
        check_lang(body.lang)
        mismatch = script_mismatch(body.lang, body.source_text)
        if mismatch and not force:
            raise IngestError(
                f"--lang {body.lang} contradicts the text: {mismatch}",
                file=file,
                hint=f"give the language of the text as --lang, or add --force to store it as {body.lang}",
            )
        warnings = list(body.warnings)
        if manifest is not None:
            warnings.extend(_structure_warnings(manifest, body, file, strict))
        new_manifest: TreatyMeta | None = None
        if in_store:
            base = manifest or TreatyMeta(id=treaty_id, titles={})
            new_manifest = apply_edit(base, body.lang, edit, body.title)
            if new_manifest == base:
                new_manifest = None
        provenance = Provenance(
            # a file name that is not UTF-8 is kept readable: its odd bytes as \xNN
            file=os.fsencode(file.resolve()).decode("utf-8", "backslashreplace"),
            sha256=_sha256(data),
            ingested_at=_now(),
            parser="tota-xml" if parser == "tota" else parser,
            warnings=tuple(warnings),
        )
        saved = self.store.save_body(treaty_id, body, provenance)
        manifest_path = None
        if new_manifest is not None:
            manifest_path = self.store.manifest_path(treaty_id)
            new_manifest = replace(new_manifest, manifest=str(manifest_path))
            if manifest_path.is_file():  # another ingest may have added a language meanwhile
                with contextlib.suppress(RegistryError):
                    latest = parse_manifest(manifest_path)
                    new_manifest = replace(
                        apply_edit(latest, body.lang, edit, body.title), manifest=str(manifest_path)
                    )
            try:
                write_atomic(manifest_path, manifest_yaml(new_manifest).encode("utf-8"))
            except StoreError:
                if not saved.unchanged and not saved.moved:
                    self.store.discard(saved.version)
                raise
            self._manifests = None
            self._by_id.pop(treaty_id, None)
        final = new_manifest or manifest
        assert final is not None
        return IngestResult(
            Treaty(final, body, provenance),
            saved.version.path,
            manifest_path if manifest is None else None,
            tuple(warnings),
            saved,
            manifest_path if manifest is not None else None,
        )

    def _is_store_manifest(self, meta: TreatyMeta) -> bool:
        if not meta.manifest:
            return False
        return Path(meta.manifest).resolve().parent == self.store.manifest_dir.resolve()

    # -- listing ---------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """Every manifest with the languages whose body is available now.

        A stored body that fails verification is left out of ``available``; see
        :meth:`problems` for why.
        """
        result = []
        self._problems = []
        for treaty_id, meta in sorted(self.manifests().items()):
            origin: Literal["registry", "store"] = "store" if self._is_store_manifest(meta) else "registry"
            versions: dict[str, int] = {}
            if _TOTA_ID.fullmatch(treaty_id):
                available = self._tota_available(treaty_id, meta)
            else:
                good = []
                for lang in self.store.langs(treaty_id):
                    versions[lang] = len(self.store.versions(treaty_id, lang))
                    try:
                        self.store.load_body(treaty_id, lang)
                        good.append(lang)
                    except StoreError as error:
                        self._problems.append(error)
                available = tuple(good)
            result.append(Entry(meta, origin, available, versions))
        return result

    def problems(self) -> list[TreatydiffError]:
        """Broken manifests, and stored bodies that failed verification in :meth:`entries`."""
        return [*self.broken_manifests(), *self._problems]

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
