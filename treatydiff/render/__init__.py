"""Renderers: a :class:`~treatydiff.model.Comparison` as terminal output, HTML, Markdown or JSON.

Renderers read only the model; they neither compute diffs nor write files.
"""

from treatydiff.render.html import render_html
from treatydiff.render.json import render_json
from treatydiff.render.markdown import render_markdown
from treatydiff.render.terminal import render_terminal

__all__ = ["render_html", "render_json", "render_markdown", "render_terminal"]
