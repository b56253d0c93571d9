"""Write a resolved member or map side back into its YAML file, keeping comments and layout.

Round-trips with ruamel.yaml (comments, key order, quoting and flow style survive),
keeps a backup ``FILE.bak`` of the previous version and writes atomically.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from treatydiff.errors import MappingError
from treatydiff.store import write_atomic

__all__ = ["Choice", "write_choices"]


@dataclass(frozen=True)
class Choice:
    """One accepted proposal: where it goes and what it records."""

    where: tuple[str | int, ...]
    """``("members", i)`` for a family member, ``("links", i, "left")`` for a map side."""
    ref: str
    method: str
    lang: str
    sha256: str
    score: float
    date: str


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-fold long lines
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def _insert_after(mapping: CommentedMap, after: str, key: str, value: Any) -> None:
    keys = list(mapping.keys())
    position = keys.index(after) + 1 if after in keys else len(keys)
    mapping.insert(position, key, value)


def _apply(data: Any, choice: Choice, path: Path) -> None:
    resolution = CommentedMap(
        [("method", choice.method), ("lang", choice.lang), ("sha256", choice.sha256),
         ("score", round(choice.score, 3)), ("date", choice.date)]
    )  # fmt: skip
    if choice.where[0] == "members":
        number = int(choice.where[1])
        member = data["members"][number]
        if "locator" not in member:
            raise MappingError(f"member {number + 1} is not unresolved", file=path)
        position = list(member.keys()).index("locator")
        del member["locator"]
        member.insert(position, "ref", choice.ref)
        _insert_after(member, "confidence", "resolution", resolution)
        return
    index, side = int(choice.where[1]), str(choice.where[2])
    link = data["links"][index]
    if link.get(side) != "unresolved":
        raise MappingError(f"link {index + 1}: {side} is not unresolved", file=path)
    link[side] = choice.ref
    locator = link.get("locator")
    if isinstance(locator, dict):
        locator.pop(side, None)
        if not locator:
            del link["locator"]
    link.yaml_add_eol_comment(
        f"{side} resolved by treatydiff resolve ({choice.method}, {choice.lang} text "
        f"{choice.sha256[:12]}, score {choice.score:.2f}, {choice.date})",
        side,
    )


def write_choices(path: Path, choices: Sequence[Choice]) -> Path:
    """Write ``choices`` into the file at ``path``; return the backup's path.

    Raises:
        MappingError: the file changed so that a choice no longer fits.
    """
    yaml = _yaml()
    original = path.read_text(encoding="utf-8")
    data = yaml.load(original)
    for choice in choices:
        _apply(data, choice, path)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    backup = path.with_name(path.name + ".bak")
    shutil.copy2(path, backup)
    write_atomic(path, buffer.getvalue().encode("utf-8"))
    return backup
