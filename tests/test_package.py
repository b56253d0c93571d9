"""The package as a user installs it: a wheel built from this checkout, installed into a
fresh virtual environment and run from a folder outside the checkout.

The fresh environment gets the wheel alone (``--no-deps``, no index: nothing is
downloaded); its dependencies are those of the environment running the tests, reached
through a ``.pth`` file, so that only treatydiff itself comes from the wheel. Building
the wheel and the environment takes a while: those tests are marked ``slow``.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import treatydiff

ROOT = Path(__file__).resolve().parents[1]
MANIFESTS = sorted(path.stem for path in (ROOT / "texts").glob("*.yaml"))
MAPS = sorted(path.name for path in (ROOT / "mappings").glob("*.yaml"))


def _run(
    argv: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``pip install .`` would build from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-index", "--no-build-isolation",
         "-w", out, ROOT]
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("treatydiff-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its folder."""
    folder = tmp_path_factory.mktemp("venv")
    venv.create(folder, with_pip=False)
    python = folder / "bin" / "python"
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip()
    ours = dict.fromkeys(sysconfig.get_path(key) for key in ("purelib", "platlib"))
    (Path(site) / "treatydiff-test-deps.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    done = _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel]
    )
    assert done.returncode == 0, done.stderr
    return folder


def test_exports_are_spelled_out_and_each_loads() -> None:
    assert sorted(treatydiff.__all__) == sorted(["__version__", *treatydiff._EXPORTS])
    for name, (module, attribute) in treatydiff._EXPORTS.items():
        assert getattr(treatydiff, name) is getattr(importlib.import_module(module), attribute)


@pytest.fixture
def outside(tmp_path: Path) -> dict[str, str]:
    """Environment for a run in ``tmp_path``: a private store, no checkout on any path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TREATYDIFF_", "PYTHON"))}
    env.update(TREATYDIFF_STORE=str(tmp_path / "store"), COLUMNS="200", NO_COLOR="1")
    return env


@pytest.mark.slow
def test_wheel_carries_registry_maps_and_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "treatydiff/py.typed" in names
    assert {f"treatydiff/_shipped/texts/{m}.yaml" for m in MANIFESTS} <= names
    assert {f"treatydiff/_shipped/mappings/{m}" for m in MAPS} <= names
    families = {
        f"treatydiff/_shipped/mappings/families/{p.name}"
        for p in (ROOT / "mappings" / "families").glob("*.yaml")
    }
    assert families and families <= names


@pytest.mark.slow
def test_installed_package_is_the_wheel_not_the_checkout(
    installed: Path, outside: dict[str, str], tmp_path: Path
) -> None:
    code = "import treatydiff, treatydiff.corpus as c; print(treatydiff.__file__, c.shipped_dir('texts'))"
    done = _run([installed / "bin" / "python", "-c", code], cwd=tmp_path, env=outside)
    assert done.returncode == 0, done.stderr
    for path in done.stdout.split():
        assert Path(path).is_relative_to(installed) and not Path(path).is_relative_to(ROOT), path


@pytest.mark.slow
def test_installed_wheel_lists_the_shipped_treaties(
    installed: Path, outside: dict[str, str], tmp_path: Path
) -> None:
    done = _run([installed / "bin" / "treatydiff", "list"], cwd=tmp_path, env=outside)
    assert done.returncode == 0, done.stderr
    assert MANIFESTS and all(treaty in done.stdout for treaty in MANIFESTS), done.stdout


@pytest.mark.slow
def test_installed_wheel_checks_the_shipped_maps(
    installed: Path, outside: dict[str, str], tmp_path: Path
) -> None:
    done = _run([installed / "bin" / "treatydiff", "check"], cwd=tmp_path, env=outside)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in MAPS:
        assert f"{name}: 0 errors, 0 warnings" in done.stdout, done.stdout


@pytest.mark.slow
@pytest.mark.corpus
def test_installed_wheel_checks_the_shipped_maps_against_the_texts(
    installed: Path, outside: dict[str, str], tmp_path: Path, corpus_dir: Path
) -> None:
    treatydiff = installed / "bin" / "treatydiff"
    env = {**outside, "TREATYDIFF_TOTA_DIR": str(corpus_dir / "tota")}
    for lang in ("en", "ru"):
        source = corpus_dir / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt"
        done = _run([treatydiff, "ingest", "un-charter", source, "--lang", lang], cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
    done = _run([treatydiff, "check"], cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in MAPS:
        assert f"{name}: 0 errors, 0 warnings" in done.stdout, done.stdout
    # every corpus text is found; only the focus pacts (whose texts no corpus holds) stay unchecked
    unchecked = [line for line in done.stdout.splitlines() if "no text to check against" in line]
    assert all("tota-" not in line and "un-charter" not in line for line in unchecked), unchecked


@pytest.mark.slow
def test_installed_api_is_typed_for_users(installed: Path, outside: dict[str, str], tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "import treatydiff\n"
        "wrong: int = treatydiff.render_html\n"
        "also_wrong: int = treatydiff.Registry().texts_dir\n",
        encoding="utf-8",
    )
    done = _run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable",
         installed / "bin" / "python", user],
        cwd=tmp_path, env=outside,
    )  # fmt: skip
    # Exactly the two mistakes, each caught with the real type: nothing typed as Any,
    # no "missing library stubs or py.typed marker".
    errors = [line for line in done.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 2, done.stdout
    assert '"Callable[[Comparison], str]"' in errors[0]
    assert '"Path"' in errors[1]
