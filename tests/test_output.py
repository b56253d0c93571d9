"""--out writes only what it should: special files in a scratch folder, never the machine's /dev.

Device nodes are made inside a private mount namespace (``unshare``) on a tmpfs of
its own, and the test skips with the reason when that is not possible.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from treatydiff.cli import main
from treatydiff.output import OutputError, check_output, looks_generated, write_output
from treatydiff.store import Store

REPORT = "# synthetic report\n\nwritten by the tests\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store")


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def run() -> None:
        with path.open("rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_new_file_is_written_and_recorded(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "out" / "report.md"
    assert write_output(target, REPORT, store=store) == str(target)
    assert target.read_text(encoding="utf-8") == REPORT
    # written by treatydiff and unchanged since: it may be replaced without --force
    write_output(target, REPORT + "v2", store=store)
    assert target.read_text(encoding="utf-8").endswith("v2")


def test_a_file_treatydiff_did_not_write_needs_force(tmp_path: Path, store: Store) -> None:
    thesis = tmp_path / "thesis.tex"
    thesis.write_text("my thesis", encoding="utf-8")
    with pytest.raises(OutputError, match=r"thesis\.tex: exists and was not written by treatydiff.*--force"):
        write_output(thesis, REPORT, store=store)
    assert thesis.read_text(encoding="utf-8") == "my thesis"
    write_output(thesis, REPORT, store=store, force=True)
    assert thesis.read_text(encoding="utf-8") == REPORT


def test_a_report_edited_since_it_was_written_needs_force(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "annex.html"
    write_output(target, REPORT, store=store)
    with target.open("a", encoding="utf-8") as handle:
        handle.write("my notes")
    with pytest.raises(OutputError, match="not written by treatydiff"):
        write_output(target, REPORT, store=store)
    assert target.read_text(encoding="utf-8").endswith("my notes")


def test_a_read_only_file_is_refused_without_force(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "annex.html"
    write_output(target, REPORT, store=store)  # even one treatydiff wrote
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        write_output(target, "new", store=store)
    assert target.read_text(encoding="utf-8") == REPORT


def test_nothing_is_written_inside_the_store(tmp_path: Path, store: Store) -> None:
    body = store.root / "bodies" / "demo" / "en" / "1-x.json"
    body.parent.mkdir(parents=True)
    body.write_text("{}", encoding="utf-8")
    for target in (body, store.root / "new.html", store.root / "bodies" / "sub" / "new.html"):
        with pytest.raises(OutputError, match="inside the treatydiff store"):
            write_output(target, REPORT, store=store, force=True)
    assert body.read_text(encoding="utf-8") == "{}"
    assert not (store.root / "new.html").exists()
    link = tmp_path / "into-store"
    link.symlink_to(store.root / "bodies")
    with pytest.raises(OutputError, match="inside the treatydiff store"):
        write_output(link / "demo" / "en" / "1-x.json", REPORT, store=store, force=True)


def test_never_over_an_input_even_through_links(tmp_path: Path, store: Store) -> None:
    source = tmp_path / "treaty.txt"
    source.write_text("text", encoding="utf-8")
    hard = tmp_path / "hard.txt"
    os.link(source, hard)
    soft = tmp_path / "soft.txt"
    soft.symlink_to(source)
    for target in (source, hard, soft):
        with pytest.raises(OutputError, match="is an input of this comparison"):
            write_output(target, REPORT, store=store, inputs=[None, str(source)], force=True)
    assert source.read_text(encoding="utf-8") == "text"


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "real.md"
    write_output(target, REPORT, store=store)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_output(link, "second", store=store)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "second"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere" / "x.md")
    with pytest.raises(OutputError, match="symbolic link to a missing file"):
        write_output(dangling, REPORT, store=store)
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_is_refused(tmp_path: Path, store: Store) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_output(tmp_path, REPORT, store=store, force=True)


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path, store: Store) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = _read_fifo(fifo, received)
    write_output(fifo, REPORT, store=store)
    reader.join(timeout=10)
    assert received == [REPORT.encode()]
    assert fifo.is_fifo()


def test_a_socket_is_refused(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OutputError, match="not a regular file"):
            write_output(path, REPORT, store=store, force=True)
    finally:
        server.close()
    assert path.is_socket()


def test_check_output_refuses_before_any_work(tmp_path: Path, store: Store) -> None:
    thesis = tmp_path / "thesis.tex"
    thesis.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError):
        check_output(thesis, store=store)
    check_output(thesis, store=store, force=True)
    check_output(tmp_path / "new.html", store=store)
    assert thesis.read_text(encoding="utf-8") == "mine" and not (tmp_path / "new.html").exists()


_SCRIPT = """
import sys
from pathlib import Path
from treatydiff.output import write_output
from treatydiff.store import Store
target, store = Path(sys.argv[1]), Store(Path(sys.argv[2]))
print("wrote", write_output(target, "REPORT-TEXT\\n", store=store, force=True), file=sys.stderr)
"""


def _python(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", _SCRIPT, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=60
    )


def test_standard_output_through_a_link_is_written_through(tmp_path: Path) -> None:
    # a scratch link to this process's fd 1 stands for /dev/stdout: if it were replaced,
    # only the scratch link would be lost
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = _python(str(link), str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "REPORT-TEXT\n"
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_the_file_standard_output_is_redirected_to_is_written_through(tmp_path: Path) -> None:
    redirected = tmp_path / "redirected.txt"
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    with redirected.open("w") as handle:
        result = _python(str(link), str(tmp_path / "store"), stdout=handle)
    assert result.returncode == 0, result.stderr
    assert redirected.read_text() == "REPORT-TEXT\n"


_NAMESPACE = """
set -e
mount -t tmpfs scratch "$1"
mknod "$1/zero" c 1 5
mknod "$1/null" c 1 3
for dev in zero null; do
  if "$2" -c "$3" "$1/$dev" "$1/store" 2>"$1/$dev.err"
  then echo "$dev: written"
  else echo "$dev: refused"
  fi
  cat "$1/$dev.err"
  [ -c "$1/$dev" ] && echo "$dev: still a device"
done
"""


def test_device_nodes_are_refused_in_a_private_mount_namespace(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare(1): device nodes need a private mount namespace")
    probe = subprocess.run([unshare, "-m", "true"], capture_output=True, timeout=30)
    if probe.returncode != 0 or os.geteuid() != 0:
        pytest.skip("cannot make a private mount namespace with device nodes here (needs root)")
    folder = tmp_path / "devices"
    folder.mkdir()
    result = subprocess.run(
        [
            unshare,
            "-m",
            "--propagation",
            "private",
            "sh",
            "-c",
            _NAMESPACE,
            "sh",
            str(folder),
            sys.executable,
            _SCRIPT,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "zero: refused" in out and "null: refused" in out, out
    assert "zero: still a device" in out and "null: still a device" in out, out
    assert "is a device; refusing to write to it" in out


# --- through the command line --------------------------------------------------------

SYNTHETIC = "Agreement on Output Tests\n\nArticle 1\nThe Parties shall write.\n\nArticle 2\nIt ends.\n"


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.delenv("TREATYDIFF_TEXTS", raising=False)
    source = tmp_path / "t.txt"
    source.write_text(SYNTHETIC, encoding="utf-8")
    assert main(["ingest", "demo", str(source), "--lang", "en"]) == 0
    return tmp_path


def test_diff_out_dash_writes_standard_output(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["diff", "demo", "demo", "--format", "md", "--out", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# ") and "wrote standard output" in captured.err
    assert not (cli_env / "-").exists()


def test_diff_out_refuses_a_users_file_and_the_store(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    thesis = cli_env / "thesis.tex"
    thesis.write_text("mine", encoding="utf-8")
    bodies = sorted((cli_env / "store" / "bodies").rglob("*.json"))
    before = [p.read_bytes() for p in bodies]
    capsys.readouterr()
    for target in (thesis, bodies[0], cli_env / "t.txt"):
        assert main(["diff", "demo", "demo", "--format", "html", "--out", str(target)]) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and err.startswith(f"error: {target}: "), err
    assert thesis.read_text(encoding="utf-8") == "mine"
    assert [p.read_bytes() for p in bodies] == before
    assert main(["diff", "demo", "demo", "--format", "html", "--out", str(thesis), "--force"]) == 0
    assert thesis.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["show", "demo"]) == 0  # the store still reads


@pytest.mark.parametrize(
    ("content", "ours"),
    [
        (
            '<!DOCTYPE html>\n<html><head><meta name="generator" content="treatydiff 0.1.0"></head></html>\n',
            True,
        ),
        ("<!DOCTYPE html>\n<html><head><title>my page</title></head></html>\n", False),
        ('<!DOCTYPE html>\n<meta name="generator" content="treatydiff 0.1.0">\n<p>cut off', False),
        ('{"schema": "treatydiff.comparison/2", "rows": []}', True),
        ('{"schema": "my-thing/1"}', False),
        ("{not json", False),
        ("# A — B\n\nrows\n\n- **Generated by** treatydiff 0.1.0, 2026-01-01T00:00:00+00:00\n", True),
        ("# My thesis\n\n- **Generated by** treatydiff 0.1.0, x\n" + "my own text\n" * 20, False),
        ("report lines\ntreatydiff 0.1.0, 2026-01-01T00:00:00+00:00\n", True),
        ("\\documentclass{article}\nmy thesis\n", False),
        ("", False),
    ],
)
def test_a_report_is_recognised_by_its_whole_shape(content: str, ours: bool) -> None:
    assert looks_generated(content.encode()) is ours


def test_a_report_from_another_store_may_be_replaced(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "annex.json"
    target.write_text('{"schema": "treatydiff.comparison/2", "rows": []}', encoding="utf-8")
    write_output(target, REPORT, store=store)  # no --force: its shape says treatydiff wrote it
    assert target.read_text(encoding="utf-8") == REPORT


def test_a_fifo_nobody_reads_is_refused_not_waited_on(tmp_path: Path, store: Store) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="nobody is reading"):
        write_output(fifo, REPORT, store=store)
    assert fifo.is_fifo()


def test_what_is_written_is_inert_and_json_stays_the_same_data(tmp_path: Path, store: Store) -> None:
    report = tmp_path / "report.md"
    write_output(report, "# synthetic\n\nText \x1b[2J \x9b31m \u202egnp\n", store=store)
    assert report.read_text(encoding="utf-8") == "# synthetic\n\nText \\x1b[2J \\x9b31m \\u202egnp\n"
    document = tmp_path / "report.json"
    data = {"schema": "treatydiff.comparison/2", "text": "a \x1b b \x9b c \u202e d"}
    write_output(document, json.dumps(data, ensure_ascii=False), store=store)
    written = document.read_text(encoding="utf-8")
    assert json.loads(written) == data
    assert not any(c in written for c in "\x1b\x9b\u202e")
