"""Child process for ``run.py``: time each phase of ``treatydiff diff … --format html`` once, cold.

Runs in a fresh interpreter so that imports, regex compilation and template
loading cost what they cost in a real command. Follows ``treatydiff.cli.diff``:
import the CLI module (and with it the library), load the map, load both
treaties, compare, render the annex, write it. Prints one JSON object of
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
    # The import is the thing measured, so it happens here and not at the top.
    _timed(phases, "import treatydiff.cli", lambda: importlib.import_module("treatydiff.cli"))
    from treatydiff.compare import compare
    from treatydiff.corpus import Registry
    from treatydiff.diff import diff_texts
    from treatydiff.mapping import load_map
    from treatydiff.render import render_html
    from treatydiff.store import Store, write_atomic

    calls = 0

    def counting_differ(left: str, right: str) -> Any:
        nonlocal calls
        calls += 1
        return diff_texts(left, right)

    clause_map = _timed(phases, "load map", lambda: load_map(map_path) if map_path else None)
    registry = Registry(store=Store(store_dir), tota_dir=tota_dir)
    left = _timed(phases, "load + parse tota:420", lambda: registry.load("tota:420"))
    right = _timed(phases, "load + parse tota:423", lambda: registry.load("tota:423"))
    comparison = _timed(phases, "compare", lambda: compare(left, right, clause_map, differ=counting_differ))
    html = _timed(phases, "render_html", lambda: render_html(comparison))
    _timed(phases, "write", lambda: write_atomic(out, html.encode("utf-8")))
    print(json.dumps({"phases": phases, "links": len(comparison.rows), "diffs": calls}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
