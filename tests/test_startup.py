"""Start-up: each command imports only what it uses (the speed itself is in benchmark/run.py).

Each case runs the console script's entry point in a fresh interpreter and lists
the modules loaded by the time it exits. The treaty texts are synthetic.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# synthetic: a two-article agreement written for this test (with two term-family members
# of one family that overlap, "charges having equivalent" and "equivalent effect")
TEXT = (
    "Agreement on Testing\n\nArticle 1\nThe Parties shall test without charges having equivalent effect.\n\n"
    "Article 2\nIt enters into force.\n"
)

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


def _loaded(tmp_path: Path, *argv: str, cache: Path | None = None) -> set[str]:
    """The modules a run of ``treatydiff ARGV`` loaded (schema verdicts kept in ``cache``)."""
    out = tmp_path / "modules.json"
    probe = _PROBE.replace("OUT", repr(str(out)))
    env = {**os.environ, "TREATYDIFF_CACHE": str(cache or tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(argv)], capture_output=True, text=True, env=env
    )
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
    cache = tmp_path / "cache"
    _loaded(tmp_path, *argv, "--store", str(store), cache=cache)  # validates the manifests once
    loaded = _loaded(tmp_path, *argv, "--store", str(store), cache=cache)
    # a stored body is read as it is: no parser loads, and manifests validated before are not again
    heavy = tuple(name for name in HEAVY if name not in allowed)
    parsers = ("treatydiff.ingest.text", "treatydiff.ingest.tota")
    # numpy.ma (10 ms) loads with np.unique called without its optional outputs
    assert _none_of(loaded, (*heavy, "treatydiff.fetch", *parsers, "numpy.ma")) == []
    if "html" in argv:
        assert "jinja2" in loaded and "rich.table" not in loaded


@pytest.mark.corpus
def test_a_tota_annex_with_a_map_loads_no_validator_and_no_parser_the_second_time(
    corpus_dir: Path, tmp_path: Path
) -> None:
    argv = ("diff", "tota:420", "tota:423", "--tota-dir", str(corpus_dir / "tota"),
            "--map", str(Path(__file__).parent.parent / "mappings" / "tota-420_tota-423.yaml"),
            "--format", "html", "--out", str(tmp_path / "annex.html"), "--force",
            "--store", str(tmp_path / "store"))  # fmt: skip
    first = _loaded(tmp_path, *argv)
    assert "jsonschema" in first  # the manifests and the map's header, validated once
    loaded = _loaded(tmp_path, *argv)
    # ... and both agreements come parsed from the store (treatydiff.parsed): no parser loads
    assert _none_of(loaded, ("jsonschema", "ftfy", "treatydiff.ingest.tota", "treatydiff.ingest.text")) == []


def test_a_first_run_validates_with_jsonschema(store: Path, tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, "list", "--store", str(store), cache=tmp_path / "empty-cache")
    assert "jsonschema" in loaded


@pytest.fixture(scope="module")
def indexed(store: Path) -> Path:
    """The synthetic store with a lineage index over its two texts."""
    done = subprocess.run(
        [sys.executable, "-m", "treatydiff", "index", "build", "--store", str(store)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return store


@pytest.mark.parametrize("output", ["json", "text"])
def test_lineage_imports_neither_pydantic_nor_the_registry(
    output: str, indexed: Path, tmp_path: Path
) -> None:
    argv = ("lineage", "example-one:art-1", "--min", "0.1", "--format", output, "--no-pager")
    loaded = _loaded(tmp_path, *argv, "--store", str(indexed))
    # the one-line diff summary uses rapidfuzz; an indexed provision needs no registry or parser
    heavy = tuple(name for name in HEAVY if name != "rapidfuzz")
    registry = ("treatydiff.corpus", "treatydiff.ingest.text", "treatydiff.ingest.tota", "treatydiff.fetch")
    assert _none_of(loaded, (*heavy, *registry, "treatydiff.compare", "treatydiff.mapping", "yaml")) == []
    assert "treatydiff.lineage.query" in loaded
    assert ("rich.table" in loaded) == (output == "text")
