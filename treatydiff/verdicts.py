"""Schema verdicts remembered by content, so jsonschema loads only for a new or changed file.

Whether a document satisfies a shipped JSON Schema depends only on the schema, the
document and the validator's code. An acceptance is kept as an empty file named by the
SHA-256 of all three, in ``$TREATYDIFF_CACHE`` or the platform's user cache folder
(``…/treatydiff/verdicts``). A refusal is never kept: the document is validated again,
so its errors can be explained. Reading a manifest and a map then costs a hash instead
of importing jsonschema (some 70 ms per command).

The cache is only trusted when it is a folder of the user's own that nobody else can
write; a missing, foreign or read-only cache simply means validating again.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from treatydiff.files import expand_user

__all__ = ["CACHE_ENV", "remember_valid", "remembered_valid"]

CACHE_ENV = "TREATYDIFF_CACHE"
_VALIDATOR = "jsonschema Draft 2020-12, treatydiff 1"
"""Changes when the way documents are validated changes; old verdicts are then ignored."""


def remembered_valid(schema: str, data: Any) -> bool:
    """True when ``data`` was accepted by ``schema`` (the schema's text) before."""
    path = _verdict_path(schema, data)
    return path is not None and path.is_file()


def remember_valid(schema: str, data: Any) -> None:
    """Note that ``schema`` accepted ``data`` (a no-op when the cache cannot be used)."""
    path = _verdict_path(schema, data)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _trusted(path.parent):
            path.touch(mode=0o600)
    except OSError:
        pass  # a cache that cannot be written only means validating again next time


def _verdict_path(schema: str, data: Any) -> Path | None:
    canonical = _canonical(data)
    if canonical is None:
        return None
    folder = _cache_dir()
    if folder.is_dir() and not _trusted(folder):
        return None
    digest = hashlib.sha256("\0".join((_VALIDATOR, schema, canonical)).encode("utf-8", "surrogatepass"))
    return folder / digest.hexdigest()


def _cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return expand_user(Path(configured)) / "verdicts"
    import platformdirs

    return Path(platformdirs.user_cache_dir("treatydiff", appauthor=False)) / "verdicts"


def _trusted(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    writable_by_others = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not writable_by_others


def _canonical(data: Any) -> str | None:
    """One text per document, or None when the document holds anything but JSON's types.

    Only JSON's own types are encoded, and mapping keys must be text, so two documents
    jsonschema could tell apart (``1`` and ``"1"`` as keys, a date and its text) never
    share a text.
    """
    if not _plain(data, depth=0):
        return None
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=True)


def _plain(value: Any, depth: int) -> bool:
    if depth > 64:
        return False
    if value is None or type(value) in (str, int, float, bool):
        return True
    if type(value) is list:
        return all(_plain(item, depth + 1) for item in value)
    if type(value) is dict:
        return all(type(key) is str and _plain(item, depth + 1) for key, item in value.items())
    return False
