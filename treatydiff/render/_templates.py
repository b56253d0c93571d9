"""The one Jinja environment of the HTML renderers: package templates, autoescape, strict."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

__all__ = ["ENV"]

ENV = Environment(
    loader=PackageLoader("treatydiff.render", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
