"""Read a clause map (or a clause family) through :mod:`treatydiff.yamlsafe`, refusing
with a located ``MappingError``; see that module for what is refused and why."""

from __future__ import annotations

from pathlib import Path

from treatydiff.errors import MappingError
from treatydiff.mapping.wording import DOCS
from treatydiff.yamlsafe import Document, Kind, Where
from treatydiff.yamlsafe import read_document as _read_document

__all__ = ["MAP_KIND", "MAX_MAP_BYTES", "Document", "Where", "read_document"]

# A map holds ids and short notes; a file this large is a mistake (or hostile).
MAX_MAP_BYTES = 5_000_000

MAP_KIND = Kind(
    error=MappingError,
    short="map",
    what="clause map",
    plural="clause maps",
    max_bytes=MAX_MAP_BYTES,
    docs_hint=DOCS,
    empty_hint=f"start with 'treatydiff-map: 1'; {DOCS}",
)


def read_document(path: Path) -> Document:
    """The single YAML document in the map file at ``path``.

    Raises:
        MappingError: the file cannot be read or decoded, is empty, is not YAML, or
            uses YAML a clause map may not.
    """
    return _read_document(path, MAP_KIND)
