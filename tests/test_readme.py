"""The README's "Using it" commands run as written, in order, from the repository root.

They run in bash after the set-up (the test suite's ``.venv`` is the one the README's
set-up command makes), with a private store and nothing of the caller's PATH that
already holds a ``treatydiff``: the block itself must put it there.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def using_it_block() -> str:
    """The first ```sh block under the README's "## Using it" heading."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Using it\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert found, "no sh block in Using it"
    return found.group(1)


def test_the_block_uses_only_paths_that_exist() -> None:
    block = using_it_block()
    for path in re.findall(r"(?:\.\./shared/|mappings/|\.venv/)\S+", block):
        if path.startswith("../shared/"):
            continue  # the corpus, checked by the test below when it is there
        assert path.startswith(".venv/") or (ROOT / path).exists(), path
    assert "charter-en.txt" not in block


@pytest.mark.corpus
def test_using_it_runs_as_written(corpus_dir: Path, tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "activate").is_file():
        pytest.skip("no .venv in the checkout: run the README's set-up command first")
    if not (ROOT.parent / "shared" / "corpus" / "tota").is_dir():
        pytest.skip("the README reads the corpus at ../shared/corpus")
    path = os.pathsep.join(
        entry
        for entry in os.environ.get("PATH", "").split(os.pathsep)
        if entry and not (Path(entry) / "treatydiff").exists()
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TREATYDIFF_", "VIRTUAL_ENV", "PAGER", "LESS"))
    }
    env.update(PATH=path, TREATYDIFF_STORE=str(tmp_path / "store"))
    script = "set -euo pipefail\n" + "\n".join(
        f"echo '$ {line}' >&2\n{line}" for line in using_it_block().splitlines() if line.strip()
    )
    outputs = [ROOT / name for name in re.findall(r"--out (?!-)(\S+)", using_it_block())]
    if any(path.exists() for path in outputs):
        pytest.skip(f"{[p.name for p in outputs if p.exists()]} already exist; the block writes them")
    try:
        done = subprocess.run(
            ["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
    finally:
        for path in outputs:
            path.unlink(missing_ok=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ingested un-charter (ru)" in done.stderr
    assert "0 errors" in done.stdout and "Charter of the United Nations" in done.stdout
