"""Child process for ``run.py``: time each phase of ``treatydiff diff … --format html`` once, cold.

Runs in a fresh interpreter so that imports, regex compilation and template
loading cost what they cost in a real command. Follows ``treatydiff.cli.diff``:
import the CLI module (typer only), load the map, load both treaties, compare,
render the annex, write it, each phase with the imports it brings. Prints one JSON object of
seconds per phase, plus the number of links and of word diffs computed.

Usage: python benchmark/phases.py TOTA_DIR STORE OUT.html [MAP.yaml]
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _timed(phases: dict[str, float], name: str, action: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = action()
    phases[name] = time.perf_counter() - start
    return result


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    tota_dir, store_dir, out = (Path(arg) for arg in argv[:3])
    map_path = Path(argv[3]) if len(argv) == 4 else None
    phases: dict[str, float] = {}
    # Imports are part of what is measured: each phase imports what the command imports for
    # it, as lazily as ``treatydiff.cli`` does, so nothing is imported at the top.
    _timed(phases, "import treatydiff.cli (typer)", lambda: importlib.import_module("treatydiff.cli"))
    calls = 0

    def counting_differ(left: str, right: str) -> Any:
        nonlocal calls
        from treatydiff.diff import diff_texts

        calls += 1
        return diff_texts(left, right)

    def load_map() -> Any:
        from treatydiff.mapping import load_map

        return load_map(map_path) if map_path else None

    def registry() -> Any:
        from treatydiff.corpus import Registry
        from treatydiff.store import Store

        return Registry(store=Store(store_dir), tota_dir=tota_dir)

    def compare() -> Any:
        from treatydiff.compare import compare

        return compare(left, right, clause_map, differ=counting_differ)

    def render() -> str:
        from treatydiff.render.html import render_html

        return render_html(comparison)

    def write() -> None:
        from treatydiff.store import write_atomic

        write_atomic(out, html.encode("utf-8"))

    clause_map = _timed(phases, "load map (mapping, yaml, jsonschema)", load_map)
    treaties = _timed(phases, "open the registry (corpus, ingest, store)", registry)
    left = _timed(phases, "load + parse tota:420", lambda: treaties.load("tota:420"))
    right = _timed(phases, "load + parse tota:423", lambda: treaties.load("tota:423"))
    comparison = _timed(phases, "compare (with diff-match-patch)", compare)
    html = _timed(phases, "render_html (with jinja2 and the template)", render)
    _timed(phases, "write", write)
    print(json.dumps({"phases": phases, "links": len(comparison.rows), "diffs": calls}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
