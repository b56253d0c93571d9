"""The one Jinja environment of the HTML renderers: package templates, autoescape, strict."""

from __future__ import annotations

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

__all__ = ["ENV"]

ENV = Environment(
    loader=PackageLoader("treatydiff.render", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    # The compiled template is kept in jinja2's per-user cache folder (mode 0700, checked
    # by jinja2), keyed by the template's checksum: each run would otherwise compile it again.
    bytecode_cache=FileSystemBytecodeCache(),
)
