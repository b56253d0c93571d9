"""The lineage annex of clause families: one self-contained, escaped, printable HTML file.

Reads only :mod:`treatydiff.families.model`. No scripts, nothing loaded from the
network; every string goes through Jinja's autoescape.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from treatydiff.families.model import Annex, Cell, Member

__all__ = ["anchor", "render_family_annex"]

_ENV = Environment(
    loader=PackageLoader("treatydiff.render", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

STATE_WORDS = {
    "resolved": "article stated by a source",
    "unresolved": "unresolved: no source states the article",
    "absent": "absent: a source says there is none",
}


def anchor(family: str, member_id: str) -> str:
    """The element id of a member's column: ``mutual-military-assistance:ru-kp-2024``."""
    return f"{family}:{member_id.replace('#', '-')}"


def _origin(cell: Cell) -> str:
    if cell.origin == "text":
        return "; ".join(f"ingested {t.lang} text, SHA-256 {t.sha256}" for t in cell.texts)
    member: Member = cell.member
    return f"sourced summary, confidence {member.confidence}"


def render_family_annex(annex: Annex) -> str:
    """The annex as a standalone HTML document (a string; the caller writes it)."""
    return _ENV.get_template("families.html.j2").render(
        a=annex, anchor=anchor, states=STATE_WORDS, origin=_origin
    )
