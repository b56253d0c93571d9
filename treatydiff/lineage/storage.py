"""The index file: a JSON header, then raw arrays that are memory-mapped when read.

One file in the local store. A query maps the arrays instead of reading them, so it
touches only the postings of its own features and the texts it shows.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from treatydiff.errors import StoreError

__all__ = ["FORMAT", "read_arrays", "write_arrays"]

FORMAT = 1
"""Version of the layout and features; an index of another version is rebuilt."""
_MAGIC = b"TDLINEAG"
_ALIGN = 64


@dataclass(frozen=True)
class _Slot:
    dtype: str
    shape: tuple[int, ...]
    offset: int


def write_arrays(path: Path, header: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]) -> None:
    """Write the header and arrays to ``path`` through a temporary file, atomically."""
    slots: dict[str, list[Any]] = {}
    offset = 0
    for name, array in arrays.items():
        slots[name] = [array.dtype.str, list(array.shape), offset]
        offset += -(-array.nbytes // _ALIGN) * _ALIGN
    meta = json.dumps({"format": FORMAT, "arrays": slots, **header}, ensure_ascii=False).encode("utf-8")
    start = -(-(len(_MAGIC) + 8 + len(meta)) // _ALIGN) * _ALIGN
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as out:
        out.write(_MAGIC + struct.pack("<Q", len(meta)) + meta)
        out.write(b"\0" * (start - out.tell()))
        for name, array in arrays.items():
            out.seek(start + slots[name][2])
            np.ascontiguousarray(array).tofile(out)
        out.truncate(start + offset)
    temporary.replace(path)


def read_arrays(path: Path) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
    """The header and the memory-mapped arrays of an index file.

    Raises:
        StoreError: when the file is missing, truncated, of another format or corrupt.
    """
    hint = "rebuild it: treatydiff index build"
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_MAGIC) + 8)
            if len(head) < len(_MAGIC) + 8 or not head.startswith(_MAGIC):
                raise StoreError("not a treatydiff lineage index", file=path, hint=hint)
            (length,) = struct.unpack("<Q", head[len(_MAGIC) :])
            header = json.loads(handle.read(length).decode("utf-8"))
        if header.get("format") != FORMAT:
            raise StoreError(
                f"lineage index of format {header.get('format')}, not {FORMAT}", file=path, hint=hint
            )
        start = -(-(len(_MAGIC) + 8 + length) // _ALIGN) * _ALIGN
        size = path.stat().st_size
        arrays: dict[str, npt.NDArray[Any]] = {}
        # one read-only mapping of the whole file; plain array views over it slice cheaply
        raw = np.memmap(path, dtype=np.uint8, mode="r").view(np.ndarray) if size else np.zeros(0, np.uint8)
        for name, (dtype, shape, offset) in header.pop("arrays").items():
            count = int(np.prod(shape)) if shape else 1
            if start + offset + count * np.dtype(dtype).itemsize > size:
                raise StoreError("lineage index is truncated", file=path, hint=hint)
            if count == 0:
                arrays[name] = np.zeros(shape, dtype=dtype)
            else:
                first = start + offset
                chunk = raw[first : first + count * np.dtype(dtype).itemsize]
                arrays[name] = chunk.view(dtype).reshape(shape)
    except FileNotFoundError:
        raise StoreError("no lineage index yet", file=path, hint="build it: treatydiff index build") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise StoreError(
            f"lineage index is unreadable ({type(error).__name__}: {error})", file=path, hint=hint
        ) from None
    return header, arrays
