"""The local store: ingested bodies, minimal manifests and downloads, outside the repository.

Layout under the store root (``--store``, ``$TREATYDIFF_STORE`` or the platform's
user data folder)::

    bodies/<treaty-id>/<lang>.json   one parsed body with its provenance
    manifests/<treaty-id>.yaml       minimal manifests for treaties the registry lacks
    tota/pta_<N>.xml                 ToTA files downloaded on demand

Every write is atomic (temporary file, then rename), so an interrupted run never
leaves a half-written file behind.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

from treatydiff.errors import StoreError, TreatydiffError
from treatydiff.files import expand_user
from treatydiff.ingest.stale import RULES_VERSION, current_body
from treatydiff.model import Body, Provenance, Provision, Span, is_treaty_id

__all__ = [
    "BODY_FORMAT",
    "Store",
    "body_from_dict",
    "body_to_dict",
    "check_lang",
    "default_store_dir",
    "write_atomic",
]

BODY_FORMAT = "treatydiff.body/1"
STORE_ENV = "TREATYDIFF_STORE"
_LANG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


def default_store_dir() -> Path:
    """``$TREATYDIFF_STORE`` if set, else the platform's user data folder."""
    configured = os.environ.get(STORE_ENV)
    if configured:
        return expand_user(Path(configured))
    return Path(platformdirs.user_data_dir("treatydiff", appauthor=False))


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a language code such as ``en``, ``ru`` or ``pt-br``.

    Raises:
        TreatydiffError: otherwise (it becomes part of a file name).
    """
    if not _LANG.fullmatch(lang):
        raise TreatydiffError(
            f"{lang!r} is not a language code", hint="use an ISO 639 code such as en, ru, fa, ko"
        )
    return lang


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


def _provision_from_dict(data: dict[str, Any]) -> Provision:
    start, end = data["span"]
    return Provision(
        id=data["id"],
        kind=data["kind"],
        label=data["label"],
        text=data["text"],
        span=Span(int(start), int(end)),
        number=data.get("number"),
        heading=data.get("heading"),
        children=tuple(_provision_from_dict(child) for child in data.get("children", ())),
    )


def body_to_dict(body: Body, provenance: Provenance) -> dict[str, Any]:
    """A body and its provenance as the store's JSON document."""
    return {
        "format": BODY_FORMAT,
        "rules_version": RULES_VERSION,
        "lang": body.lang,
        "title": body.title,
        "warnings": list(body.warnings),
        "provenance": provenance.to_dict(),
        "source_text": body.source_text,
        "provisions": [p.to_dict() for p in body.provisions],
    }


def body_from_dict(data: dict[str, Any]) -> tuple[Body, Provenance]:
    """Inverse of :func:`body_to_dict`.

    Raises:
        KeyError, TypeError, ValueError: on a malformed document (callers name the file).
    """
    if data.get("format") != BODY_FORMAT:
        raise ValueError(f"format is {data.get('format')!r}, expected {BODY_FORMAT!r}")
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


class Store:
    """A local store rooted at one folder; see the module docstring for the layout."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = expand_user(root or default_store_dir())

    def _treaty_dir(self, treaty_id: str) -> Path:
        if not is_treaty_id(treaty_id):  # ids become folder names: never let '../' through
            raise TreatydiffError(f"{treaty_id!r} is not a treaty id")
        return self.root / "bodies" / treaty_id

    def body_path(self, treaty_id: str, lang: str) -> Path:
        """Where the body of ``treaty_id`` in ``lang`` is (or would be) stored."""
        return self._treaty_dir(treaty_id) / f"{check_lang(lang)}.json"

    def langs(self, treaty_id: str) -> list[str]:
        """Languages in which a body of this treaty is stored, sorted."""
        folder = self._treaty_dir(treaty_id)
        if not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob("*.json") if _LANG.fullmatch(p.stem))

    def save_body(self, treaty_id: str, body: Body, provenance: Provenance) -> Path:
        """Store a parsed body atomically and return its path."""
        path = self.body_path(treaty_id, body.lang)
        document = json.dumps(body_to_dict(body, provenance), ensure_ascii=False, indent=1)
        write_atomic(path, document.encode("utf-8"))
        return path

    def load_body(self, treaty_id: str, lang: str) -> tuple[Body, Provenance] | None:
        """The stored body of ``treaty_id`` in ``lang``, or None if there is none.

        Raises:
            StoreError: when the stored file is unreadable or corrupt.
        """
        path = self.body_path(treaty_id, lang)
        if not path.is_file():
            return None
        try:
            return body_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise StoreError(
                f"stored body is unreadable ({type(error).__name__}: {error})",
                file=path,
                hint=f"ingest the text again: treatydiff ingest {treaty_id} FILE --lang {lang}",
            ) from None

    @property
    def manifest_dir(self) -> Path:
        """Folder of the minimal manifests created by ``ingest``."""
        return self.root / "manifests"

    def manifest_path(self, treaty_id: str) -> Path:
        """Where a minimal manifest for ``treaty_id`` lives."""
        self._treaty_dir(treaty_id)  # validates the id
        return self.manifest_dir / f"{treaty_id}.yaml"

    def tota_path(self, number: int) -> Path:
        """Cache path of a downloaded ToTA file."""
        return self.root / "tota" / f"pta_{number}.xml"
