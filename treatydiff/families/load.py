"""Load clause families (``mappings/families/*.yaml``): safe YAML, the family schema, then the model."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from treatydiff.errors import MappingError
from treatydiff.families.model import Confidence, Family, Locator, Member, MemberRelation, Profile
from treatydiff.families.schema import schema_errors
from treatydiff.mapping.yaml_source import Document, read_document

__all__ = ["family_paths", "load_family", "try_load_family"]

SCHEMA = "family-1"


def family_paths(folder: Path) -> list[Path]:
    """The family files in ``folder`` (``mappings/families``), sorted by name."""
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def load_family(path: Path) -> Family:
    """Read and validate one family.

    Raises:
        MappingError: the first problem, located as ``file:line``.
    """
    family, errors = try_load_family(path)
    if family is None:
        raise errors[0]
    return family


def try_load_family(path: Path) -> tuple[Family | None, list[MappingError]]:
    """The family and no errors, or None with every problem found before building it."""
    try:
        doc = read_document(path)
        errors = schema_errors(SCHEMA, doc.data, doc, path)
        if errors:
            return None, errors
        return _build(doc, path), []
    except MappingError as exc:
        return None, [exc]


def _member(item: dict[str, Any], index: int, doc: Document) -> Member:
    locator = item.get("locator")
    profile = item.get("profile")
    return Member(
        id=item.get("id", item["treaty"]),
        treaty=item["treaty"],
        summary=item["summary"],
        evidence=tuple(item["evidence"]),
        confidence=cast(Confidence, item["confidence"]),
        line=doc.line(("members", index)),
        ref=item.get("ref"),
        locator=Locator(locator["topic"], {k: tuple(v) for k, v in locator["terms"].items()})
        if locator
        else None,
        absent=bool(item.get("absent", False)),
        profile=Profile(profile["modality"], profile["action"], profile.get("bearer"), profile.get("trigger"))
        if profile
        else None,
        relations=tuple(
            MemberRelation(r["to"], r["relation"], r.get("note")) for r in item.get("relations", ())
        ),
        note=item.get("note"),
        resolution=dict(item["resolution"]) if "resolution" in item else None,
        ref_line=doc.key_line(("members", index, "ref")) if "ref" in item else None,
    )


def _build(doc: Document, path: Path) -> Family:
    data = doc.data
    if data["name"] != path.stem:
        raise MappingError(
            f"name {data['name']!r} does not match the file name",
            file=path,
            line=doc.line(("name",)),
            hint=f"rename the file {data['name']}.yaml or the family {path.stem}",
        )
    members = tuple(_member(item, i, doc) for i, item in enumerate(data["members"]))
    seen: dict[str, int | None] = {}
    for member in members:
        if member.id in seen:
            raise MappingError(
                f"member id {member.id!r} is used twice (first on line {seen[member.id]})",
                file=path,
                line=member.line,
                hint="give the second member of one treaty an id such as TREATY#2",
            )
        seen[member.id] = member.line
    for i, member in enumerate(members):
        for j, relation in enumerate(member.relations):
            if relation.to not in seen or relation.to == member.id:
                raise MappingError(
                    f"relation of {member.id!r} names {relation.to!r}, which is not another member",
                    file=path,
                    line=doc.line(("members", i, "relations", j)),
                    hint=f"use a member id: {', '.join(seen)}",
                )
    return Family(
        path=str(path),
        name=data["name"],
        title=data["title"],
        subject=data["subject"],
        authors=tuple(data["authors"]),
        status=data["status"],
        members=members,
        lineages=tuple(tuple(chain) for chain in data.get("lineages", ())),
        date=data.get("date"),
        sources=tuple(data.get("sources", ())),
        note=data.get("note"),
    )
