"""Benchmark the diff-match-patch adapter against the difflib baseline on real texts.

Pairs the articles of equal number in ToTA's early-1990s Russian free-trade
agreements (one template, many texts) and reports time and similarity per engine.
Reads the corpus at run time; nothing from it is stored.

Usage: python benchmark/bench_diff.py [CORPUS_DIR]   (default: ../shared/corpus)
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from treatydiff.diff import diff_texts, diff_texts_difflib
from treatydiff.model import ProvisionDiff

FAMILY = (420, 423, 94, 421, 422, 424, 43, 431, 432)  # see ../shared/corpus/README.md
Engine = Callable[[str, str], ProvisionDiff]


def articles(corpus: Path, number: int) -> dict[str, str]:
    """Article texts of one ToTA agreement by their printed number."""
    tree = etree.parse(str(corpus / "tota" / "xml" / f"pta_{number}.xml"))
    return {a.get("number"): "".join(a.itertext()) for a in tree.iter("article") if a.get("number")}


def run(engine: Engine, pairs: list[tuple[str, str]]) -> tuple[float, list[float]]:
    """Seconds taken and similarities found by ``engine`` over ``pairs``."""
    start = time.perf_counter()
    similarities = [engine(left, right).similarity for left, right in pairs]
    return time.perf_counter() - start, similarities


def main() -> None:
    corpus = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    )
    texts = {n: articles(corpus, n) for n in FAMILY}
    pairs = [
        (texts[a][key], texts[b][key])
        for a, b in itertools.combinations(FAMILY, 2)
        for key in texts[a]
        if key in texts[b]
    ]
    words = sum(len(left.split()) + len(right.split()) for left, right in pairs)
    print(f"{len(pairs)} article pairs, {words} words")
    dmp_time, dmp = run(diff_texts, pairs)
    lib_time, lib = run(diff_texts_difflib, pairs)
    for name, seconds, found in (("diff-match-patch", dmp_time, dmp), ("difflib", lib_time, lib)):
        print(f"{name:17} {seconds * 1000:8.0f} ms   mean similarity {statistics.mean(found):.3f}")
    gaps = [b - a for a, b in zip(dmp, lib, strict=True)]
    close = [abs(g) for g, s in zip(gaps, lib, strict=True) if s >= 0.8]
    print(f"difflib − dmp similarity: mean {statistics.mean(gaps):+.3f}, max {max(gaps):+.3f}")
    print(f"pairs with difflib similarity ≥ 0.8: {len(close)}, largest gap {max(close, default=0):.3f}")


if __name__ == "__main__":
    main()
