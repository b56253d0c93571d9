"""Renderers: a :class:`~treatydiff.model.Comparison` as terminal output, HTML, Markdown or JSON.

Renderers read only the model; they neither compute diffs nor write files. Each is
loaded on first use, so the terminal view does not import jinja2 and the HTML annex
does not import rich.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from treatydiff.render.html import render_html
    from treatydiff.render.json import render_json
    from treatydiff.render.markdown import render_markdown
    from treatydiff.render.terminal import render_terminal

__all__ = ["render_html", "render_json", "render_markdown", "render_terminal"]

_MODULES = {
    "render_html": "treatydiff.render.html",
    "render_json": "treatydiff.render.json",
    "render_markdown": "treatydiff.render.markdown",
    "render_terminal": "treatydiff.render.terminal",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module 'treatydiff.render' has no attribute {name!r}")
    return getattr(import_module(_MODULES[name]), name)
