"""Baseline command for ``run.py``: the naive side-by-side HTML diff of two ToTA files.

Reads both XML files with lxml (entities off, no network, as treatydiff does),
takes the whole text of each ``<body>``, and writes ``difflib.HtmlDiff`` 's
standalone page for the two line lists. No ids, no alignment, no normalisation:
the floor that a treaty-aware annex is measured against. Imports nothing from
treatydiff, so its start-up cost is the interpreter's plus lxml's.

Usage: python benchmark/difflib_annex.py LEFT.xml RIGHT.xml OUT.html
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from lxml import etree


def body_text(path: Path) -> str:
    """All text inside the file's ``<body>`` (the whole document if there is none)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(path.read_bytes(), parser)
    body = root.find("body")
    return "".join((body if body is not None else root).itertext())


def annex(left: Path, right: Path) -> str:
    """difflib's standalone HTML table of the two texts, line by line."""
    return difflib.HtmlDiff(wrapcolumn=80).make_file(
        body_text(left).splitlines(), body_text(right).splitlines(), left.name, right.name
    )


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    left, right, out = (Path(arg) for arg in argv)
    out.write_text(annex(left, right), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
