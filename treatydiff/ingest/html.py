"""Saved web pages: main-text extraction with trafilatura, then the plain-text parser."""

from __future__ import annotations

from treatydiff.errors import IngestError
from treatydiff.model import Body

__all__ = ["parse_html"]


def parse_html(data: bytes, *, lang: str | None = None, origin: str = "<html>") -> Body:
    """Placeholder until the trafilatura extraction lands."""
    raise IngestError("HTML input is not supported yet", file=origin)
