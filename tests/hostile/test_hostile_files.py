"""Hostile files and paths (issue 7, items 5 and 6): special files, sizes, odd names.

# synthetic: every file here is written by the test (see hostile_cli.py).

Special files are made in the scratch folder (a FIFO with mkfifo, symbolic links to
/dev/zero and /dev/urandom, which are only ever read); nothing on the machine's /dev
is written or replaced.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hostile_cli import MAP_HEADER, Sandbox, no_crash, refused

from treatydiff.files import MAX_INPUT_BYTES
from treatydiff.mapping.yaml_source import MAX_MAP_BYTES

# A FIFO read blocks until a writer comes: a short guard is enough to call it a hang.
FIFO_GUARD = 30.0


def _fifo(sandbox: Sandbox, name: str) -> Path:
    path = sandbox.root / name
    os.mkfifo(path)
    return path


def _device(sandbox: Sandbox, name: str, device: str) -> Path:
    if not Path(device).exists():
        pytest.skip(f"{device} is not there")
    path = sandbox.root / name
    path.symlink_to(device)
    return path


def _sparse(sandbox: Sandbox, name: str, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (its length is all that matters)."""
    path = sandbox.root / name
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


# --- special files: refused before they are read ---------------------------------------


def test_ingest_of_a_fifo_is_refused_not_a_hang(sandbox: Sandbox) -> None:
    fifo = _fifo(sandbox, "pipe.txt")
    run = sandbox.run("ingest", "demo", fifo, "--lang", "en", timeout=FIFO_GUARD)
    refused(run, "pipe.txt", "named pipe (FIFO)")


def test_check_of_a_fifo_is_a_located_problem_not_a_hang(sandbox: Sandbox) -> None:
    fifo = _fifo(sandbox, "pipe.yaml")
    run = sandbox.run("check", fifo, timeout=FIFO_GUARD)
    assert run.code == 1, run.err
    assert f"{fifo}: error: is a named pipe (FIFO), not a regular file" in run.out
    assert run.err == ""


def test_diff_with_a_fifo_map_is_refused_not_a_hang(demo: Sandbox) -> None:
    fifo = _fifo(demo, "pipe.yaml")
    run = demo.run("diff", "demo-a", "demo-b", "--map", fifo, timeout=FIFO_GUARD)
    refused(run, "pipe.yaml", "named pipe (FIFO)")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_ingest_of_an_endless_device_is_refused(sandbox: Sandbox, device: str) -> None:
    link = _device(sandbox, "device.txt", device)
    run = sandbox.run("ingest", "demo", link, "--lang", "en", timeout=FIFO_GUARD)
    refused(run, "device.txt", "character device")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_check_of_an_endless_device_is_a_located_problem(sandbox: Sandbox, device: str) -> None:
    link = _device(sandbox, "device.yaml", device)
    run = sandbox.run("check", link, timeout=FIFO_GUARD)
    assert run.code == 1, run.err
    assert f"{link}: error: is a character device" in run.out


def test_ingest_of_a_folder_is_refused(sandbox: Sandbox) -> None:
    (sandbox.root / "folder").mkdir()
    refused(sandbox.run("ingest", "demo", "folder", "--lang", "en"), "folder", "is a directory")


# --- sizes: a documented limit and a clear message past it ------------------------------


def test_a_treaty_file_over_the_size_limit_is_refused_unread(sandbox: Sandbox) -> None:
    big = _sparse(sandbox, "huge.txt", MAX_INPUT_BYTES + 1)
    line = refused(sandbox.run("ingest", "demo", big, "--lang", "en"), "huge.txt")
    assert f"more than treatydiff reads ({MAX_INPUT_BYTES:,} bytes)" in line


def test_a_map_over_the_size_limit_is_refused_unread(demo: Sandbox) -> None:
    big = _sparse(demo, "huge.yaml", MAX_MAP_BYTES + 1)
    line = refused(demo.run("diff", "demo-a", "demo-b", "--map", big), "huge.yaml")
    assert f"more than a clause map can need ({MAX_MAP_BYTES:,} bytes)" in line


# --- odd names and paths: one clear line, exit 2 (or success) ---------------------------

NOT_UTF8 = b"caf\xe9-\xff.txt"


def test_a_file_name_that_is_not_utf8_ingests_and_shows(sandbox: Sandbox) -> None:
    path = sandbox.write(NOT_UTF8, "Article 1\nThe Parties shall cooperate.\n")
    run = sandbox.run("ingest", "demo", path, "--lang", "en", "--title", "Demo")
    assert run.code == 0, run.err
    assert "\\xe9" in run.err or "demo" in run.err
    shown = sandbox.run("show", "demo", "--format", "json")
    assert shown.code == 0, shown.err
    assert "caf\\\\xe9" in shown.out  # the name as escapes, never as broken UTF-8


def test_a_map_name_that_is_not_utf8_is_checked_and_diffed(demo: Sandbox) -> None:
    name = os.fsdecode(b"map-\xff.yaml")
    demo.write(name, MAP_HEADER + "  - {left: art-1, right: art-1, relation: modified}\n")
    checked = demo.run("check", name)
    assert checked.code == 0, checked.out + checked.err
    assert "map-\\xff.yaml: 0 errors" in checked.out
    for output_format in ("term", "json", "html", "md"):
        diffed = demo.run("diff", "demo-a", "demo-b", "--map", name, "--format", output_format)
        assert diffed.code == 0, (output_format, diffed.err)


LONG = "a" * 5000


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("ingest", "demo", LONG, "--lang", "en"), id="ingest"),
        pytest.param(("diff", "demo-a", "demo-b", "--map", LONG), id="diff-map"),
        pytest.param(("list", "--store", LONG), id="store"),
    ],
)
def test_a_path_too_long_is_one_line(demo: Sandbox, args: tuple[str, ...]) -> None:
    run = demo.run(*args)
    no_crash(run)
    assert run.code == 2
    assert "file name too long" in run.error_line()


def test_check_of_a_path_too_long_is_a_located_problem(sandbox: Sandbox) -> None:
    run = sandbox.run("check", LONG)
    assert run.code == 1 and "file name too long" in run.out, run.out + run.err


def _unprivileged() -> list[str]:
    """A prefix that runs the command without root's power to read any folder."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("root reads every folder, and unshare is not there to drop that")
    probe = subprocess.run([unshare, "--user", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("root reads every folder, and user namespaces are not available")
    return [unshare, "--user"]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("ingest", "demo", "locked/t.txt", "--lang", "en"), id="ingest-file"),
        pytest.param(("diff", "demo-a", "demo-b", "--map", "locked/m.yaml"), id="diff-map"),
        pytest.param(("list", "--store", "locked/store"), id="list-store"),
        pytest.param(("show", "demo-a", "--store", "locked/store"), id="show-store"),
        pytest.param(("list", "--texts", "locked/texts"), id="list-texts"),
    ],
)
def test_an_unsearchable_folder_is_one_line(demo: Sandbox, args: tuple[str, ...]) -> None:
    prefix = _unprivileged()
    locked = demo.root / "locked"
    locked.mkdir()
    (locked / "t.txt").write_text("Article 1\nThe Parties shall cooperate.\n", encoding="utf-8")
    (locked / "m.yaml").write_text(MAP_HEADER + "  - {left: art-1, right: art-1, relation: same}\n")
    os.chmod(demo.root, 0o755)  # the namespace's user must reach the scratch folder itself
    for parent in list(demo.root.parents)[:3]:
        if not os.access(parent, os.X_OK, effective_ids=False):
            pytest.skip(f"{parent} is not searchable by others")
    locked.chmod(0)
    try:
        run = demo.run(*args, prefix=prefix)
    finally:
        locked.chmod(0o755)
    no_crash(run)
    assert run.code == 2, run.err
    assert "permission denied" in run.error_line()


def test_check_of_a_map_in_an_unsearchable_folder_is_a_located_problem(sandbox: Sandbox) -> None:
    prefix = _unprivileged()
    locked = sandbox.root / "locked"
    locked.mkdir()
    (locked / "m.yaml").write_text(MAP_HEADER, encoding="utf-8")
    os.chmod(sandbox.root, 0o755)
    locked.chmod(0)
    try:
        run = sandbox.run("check", "locked/m.yaml", prefix=prefix)
    finally:
        locked.chmod(0o755)
    assert run.code == 1, run.err
    assert "locked/m.yaml: error: cannot read map: permission denied" in run.out


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        pytest.param(("list", "--store", "~nouser-treatydiff"), {}, "no such user", id="store-option"),
        pytest.param(
            ("list",), {"TREATYDIFF_STORE": "~nouser-treatydiff/store"}, "no such user", id="store-env"
        ),
        pytest.param(
            ("show", "tota:1"),
            {"TREATYDIFF_TOTA_DIR": "~nouser-treatydiff/tota"},
            "no ToTA agreement",
            id="tota-dir-env",
        ),
    ],
)
def test_a_home_of_no_user_is_one_line(
    sandbox: Sandbox, args: tuple[str, ...], env: dict[str, str], says: str
) -> None:
    run = sandbox.run(*args, env=env)
    refused(run, "~nouser-treatydiff", says)


def test_an_out_path_in_the_home_of_no_user_is_one_line(demo: Sandbox) -> None:
    run = demo.run("diff", "demo-a", "demo-b", "--format", "html", "--out", "~nouser-treatydiff/x.html")
    refused(run, "~nouser-treatydiff")
