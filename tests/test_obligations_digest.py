"""The extraction's output over real texts is pinned by digests, so that speed work cannot
change a single statement unnoticed.

For every 20th ToTA agreement written in English and for the English and Russian UN
Charter, tests/data/obligation-digests.json holds two SHA-256 digests: one of the input
(provision ids, kinds, texts and shape) and one of everything ``analyse_body`` found in it
(every statement with its rule, span, bearer, condition, exceptions and action). No treaty
text is stored. When a rule is changed on purpose, regenerate the file with
``python tests/test_obligations_digest.py --write`` and say so in the commit message.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from treatydiff.ingest import parse_text, parse_tota
from treatydiff.model import Body
from treatydiff.obligations import analyse_body

DIGESTS = Path(__file__).parent / "data" / "obligation-digests.json"
STEP = 20  # every 20th ToTA file (pta_20, pta_40 …); the non-English ones are left out


def _bodies(corpus: Path) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for number in range(STEP, 451, STEP):
        path = corpus / "tota" / "xml" / f"pta_{number}.xml"
        body = parse_tota(path.read_bytes(), origin=str(path))[1]
        if body.lang == "en":
            bodies[f"tota:{number}"] = body
    for lang in ("en", "ru"):
        path = corpus / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt"
        bodies[f"un-charter:{lang}"] = parse_text(path.read_text(encoding="utf-8"), origin=str(path))
    return bodies


def _sha(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _input_digest(body: Body) -> str:
    return _sha([body.lang] + [json.dumps([p.id, p.kind, p.text, len(p.children)]) for p in body.walk()])


def _output_digest(body: Body) -> str:
    found = analyse_body(body)
    return _sha([json.dumps(found[k].to_dict(), ensure_ascii=False, sort_keys=True) for k in sorted(found)])


def digests(corpus: Path) -> dict[str, list[str]]:
    """``{ref: [input digest, output digest]}`` for the sampled texts."""
    return {ref: [_input_digest(body), _output_digest(body)] for ref, body in _bodies(corpus).items()}


@pytest.mark.corpus
def test_extraction_output_is_unchanged(corpus_dir: Path) -> None:
    pinned: dict[str, list[str]] = json.loads(DIGESTS.read_text(encoding="utf-8"))
    bodies = _bodies(corpus_dir)
    assert set(bodies) == set(pinned)
    # Texts whose parse changed (ingest work elsewhere) say nothing about extraction; most
    # must still be the same, or the pins are stale and must be regenerated on main.
    same_input = {ref for ref, body in bodies.items() if _input_digest(body) == pinned[ref][0]}
    assert len(same_input) >= 0.75 * len(pinned), f"inputs changed: {sorted(set(pinned) - same_input)}"
    changed = [ref for ref in sorted(same_input) if _output_digest(bodies[ref]) != pinned[ref][1]]
    assert changed == [], f"extraction output changed on {changed}"


if __name__ == "__main__":  # pragma: no cover - regenerates the pins
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    found = digests(corpus)
    if "--write" in sys.argv:
        DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(found, indent=1, sort_keys=True))
