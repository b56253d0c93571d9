"""Start-up: each command imports only what it uses (the speed itself is in benchmark/run.py).

Each case runs the console script's entry point in a fresh interpreter and lists
the modules loaded by the time it exits. The treaty texts are synthetic.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# synthetic: a two-article agreement written for this test
TEXT = "Agreement on Testing\n\nArticle 1\nThe Parties shall test.\n\nArticle 2\nIt enters into force.\n"

_PROBE = """
import json, sys
sys.argv = ["treatydiff", *json.loads(sys.argv[1])]
from treatydiff.launch import run
try:
    run()
except SystemExit as done:
    code = done.code
with open(OUT, "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""

HEAVY = ("jsonschema", "jinja2", "ftfy", "trafilatura", "rapidfuzz", "pydantic", "lxml.html")
LIBRARY = (
    "treatydiff.corpus",
    "treatydiff.compare",
    "treatydiff.mapping",
    "treatydiff.ingest",
    "treatydiff.model",
    "treatydiff.store",
    "treatydiff.fetch",
    "treatydiff.render.html",
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("startup")
    for name in ("example-one", "example-two"):
        (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "treatydiff",
                "ingest",
                name,
                str(folder / f"{name}.txt"),
                "--lang",
                "en",
                "--store",
                str(folder / "store"),
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    return folder / "store"


def _loaded(tmp_path: Path, *argv: str) -> set[str]:
    out = tmp_path / "modules.json"
    probe = _PROBE.replace("OUT", repr(str(out)))
    done = subprocess.run([sys.executable, "-c", probe, json.dumps(argv)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["code"] in (0, None), done.stderr
    return set(report["modules"])


def _none_of(loaded: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in names))


def test_version_imports_neither_typer_nor_the_library(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, "--version")
    assert _none_of(loaded, ("typer", "click", "rich", "treatydiff.cli", *LIBRARY, *HEAVY)) == []


@pytest.mark.parametrize("argv", [["--help"], ["diff", "--help"], ["show", "--help"]])
def test_help_imports_no_library_module(argv: list[str], tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, *argv)
    assert _none_of(loaded, (*LIBRARY, *HEAVY, "yaml", "lxml")) == []


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["show", "example-one", "--format", "json"], ()),
        (["show", "example-one"], ()),
        # the word diff itself uses rapidfuzz's Indel distance
        (["diff", "example-one", "example-two", "--format", "md"], ("rapidfuzz",)),
        (["diff", "example-one", "example-two", "--format", "html"], ("jinja2", "rapidfuzz")),
        (["list"], ()),
    ],
)
def test_commands_import_only_the_heavy_libraries_they_use(
    argv: list[str], allowed: tuple[str, ...], store: Path, tmp_path: Path
) -> None:
    loaded = _loaded(tmp_path, *argv, "--store", str(store))
    # every command that reads the registry validates its manifests with jsonschema
    heavy = tuple(name for name in HEAVY if name not in (*allowed, "jsonschema"))
    assert _none_of(loaded, (*heavy, "treatydiff.fetch", "treatydiff.ingest.html")) == []
    if "html" in argv:
        assert "jinja2" in loaded and "rich.table" not in loaded
