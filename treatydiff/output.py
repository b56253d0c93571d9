"""Where ``--out`` may write, and writing there: the one module every command with ``--out`` uses.

The rules, in order:

- ``-`` is standard output.
- A path that exists and is not a regular file is written *through*, never replaced,
  when it is this process's standard output or error, a FIFO or ``/dev/null``; any
  other special file (a device, a socket) and a folder are refused.
- Nothing is written inside the store, or over an input of the command (the map,
  a manifest, a treaty file), also not through a symbolic or hard link.
- An existing regular file is replaced only when treatydiff wrote it (its bytes are
  exactly those of a report this store recorded writing there, in ``outputs.json``)
  or with ``--force``. So a file of yours, or a report you have since edited, is never
  replaced without ``--force``; a read-only file is refused without it too.
- A file is replaced atomically (temporary file, then rename), so a failed write
  leaves the old one; a symbolic link stays a link and its target is replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from treatydiff.errors import StoreError, TreatydiffError
from treatydiff.store import Store, write_atomic

__all__ = ["OutputError", "check_output", "write_output"]

LEDGER_FORMAT = "treatydiff.outputs/1"
MAX_LEDGER_ENTRIES = 2000
_MAX_RECOGNISED_BYTES = 512_000_000


class OutputError(TreatydiffError):
    """``--out`` names a place treatydiff may not write."""


@dataclass(frozen=True)
class _Target:
    path: Path
    stream: TextIO | None = None
    special: os.stat_result | None = None
    real: Path | None = None


def check_output(
    out: str | Path, *, store: Store, inputs: Iterable[str | Path | None] = (), force: bool = False
) -> None:
    """Refuse a ``--out`` before the work that fills it (same rules as :func:`write_output`).

    Raises:
        OutputError: the target is refused.
    """
    _target(out, store, inputs, force)


def write_output(
    out: str | Path,
    text: str,
    *,
    store: Store,
    inputs: Iterable[str | Path | None] = (),
    force: bool = False,
) -> str:
    """Write ``text`` (UTF-8) to ``out`` under the rules in the module docstring.

    Args:
        out: the ``--out`` value; ``-`` for standard output.
        text: the report.
        store: the store, never written into, and where reports written are recorded.
        inputs: files the command read, never written over.
        force: replace an existing regular file treatydiff did not write.

    Returns:
        Where the text went, for the confirmation line ("standard output" or the path).

    Raises:
        OutputError: the target is refused (one line saying why and, where one exists, the fix).
        StoreError: the file cannot be written.
    """
    target = _target(out, store, inputs, force)
    if target.stream is not None:
        _write_stream(target.stream, text)
    elif target.special is not None:
        _write_special(target.path, target.special, text)
    else:
        assert target.real is not None
        data = text.encode("utf-8")
        write_atomic(target.real, data)
        _record(store, target.real, data)
    return "standard output" if str(out) == "-" else str(target.path)


def _target(out: str | Path, store: Store, inputs: Iterable[str | Path | None], force: bool) -> _Target:
    if str(out) == "-":
        return _Target(Path("-"), stream=sys.stdout)
    path = Path(out).expanduser()
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
        if path.is_symlink():
            raise OutputError(
                "is a symbolic link to a missing file; refusing to follow it", file=path
            ) from None
    except OSError as error:
        raise OutputError(f"cannot write here ({error.strerror or error})", file=path) from None
    real = Path(os.path.realpath(path))
    _refuse_store(real, store, path)
    if info is None:
        return _Target(path, real=real)
    for fd, stream in ((1, sys.stdout), (2, sys.stderr)):
        if _same(info, fd):  # /dev/stdout, or the file standard output is redirected to
            return _Target(path, stream=stream)
    if not stat.S_ISREG(info.st_mode):
        _refuse_special(path, info)
        return _Target(path, special=info)
    _refuse_inputs(path, real, info, inputs)
    if not force:
        _refuse_foreign(path, real, info, store)
    return _Target(path, real=real)


def _write_stream(stream: TextIO, text: str) -> None:
    stream.write(text)
    stream.flush()


def _same(info: os.stat_result, fd: int) -> bool:
    try:
        return os.path.samestat(info, os.fstat(fd))
    except OSError:
        return False


def _refuse_special(path: Path, info: os.stat_result) -> None:
    """Refuse a special file other than a FIFO or /dev/null."""
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("is a folder; name a file in it", file=path)
    if stat.S_ISFIFO(info.st_mode) or os.path.samestat(info, os.stat(os.devnull)):
        return
    kind = "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file"
    raise OutputError(f"is {kind}; refusing to write to it", file=path, hint="name a regular file")


def _write_special(path: Path, info: os.stat_result, text: str) -> None:
    """Write through a FIFO or /dev/null, checking it is still the file that was checked."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        raise OutputError(f"cannot open it for writing ({error.strerror or error})", file=path) from None
    try:
        if not os.path.samestat(os.fstat(fd), info):  # replaced between the check and the open
            raise OutputError("changed while it was being opened; refusing to write to it", file=path)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(text.encode("utf-8"))
    except BrokenPipeError:
        pass  # the reader went away: like any command writing into a closed pipe
    except OSError as error:
        raise OutputError(f"cannot write to it ({error.strerror or error})", file=path) from None
    finally:
        os.close(fd)


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def _refuse_store(real: Path, store: Store, path: Path) -> None:
    root = Path(os.path.realpath(store.root))
    if _inside(real, root):
        raise OutputError(
            f"is inside the treatydiff store ({store.root}); refusing to write there",
            file=path,
            hint="choose a --out outside the store",
        )


def _refuse_inputs(path: Path, real: Path, info: os.stat_result, inputs: Iterable[str | Path | None]) -> None:
    for item in inputs:
        if not item:
            continue
        try:
            same = os.path.samestat(info, os.stat(item))
        except OSError:
            same = Path(os.path.realpath(item)) == real
        if same:
            raise OutputError(
                "is an input of this command; refusing to overwrite it",
                file=path,
                hint="choose another --out",
            )


def _refuse_foreign(path: Path, real: Path, info: os.stat_result, store: Store) -> None:
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):  # root may write anything: ask the mode
        raise OutputError(
            "exists and is read-only; refusing to replace it", file=path, hint="add --force to replace it"
        )
    if not _recognised(real, info, store):
        raise OutputError(
            "exists and was not written by treatydiff (or has changed since); refusing to replace it",
            file=path,
            hint="add --force to replace it, or choose another --out",
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ledger(store: Store) -> dict[str, str]:
    """Reports written from this store: real path to the SHA-256 of the bytes written."""
    try:
        with store.outputs_path.open("rb") as handle:
            data = json.loads(handle.read(10_000_000))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != LEDGER_FORMAT:
        return {}
    files = data.get("files")
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def _recognised(real: Path, info: os.stat_result, store: Store) -> bool:
    expected = _ledger(store).get(str(real))
    if expected is None or info.st_size > _MAX_RECOGNISED_BYTES:
        return False
    try:
        return _sha256(real.read_bytes()) == expected
    except OSError:
        return False


def _record(store: Store, real: Path, data: bytes) -> None:
    """Remember what was written to ``real``; a store that cannot be written only costs a --force later."""
    files = _ledger(store)
    files.pop(str(real), None)
    files[str(real)] = _sha256(data)
    kept = dict(list(files.items())[-MAX_LEDGER_ENTRIES:])
    document = json.dumps({"format": LEDGER_FORMAT, "files": kept}, ensure_ascii=False, indent=1)
    with contextlib.suppress(StoreError):
        write_atomic(store.outputs_path, document.encode("utf-8"))
