"""Paged output in a real terminal (tmux) with Debian's ``less``, and output into a closed pipe.

The texts are synthetic: two short agreements written for these tests, long enough
that their comparison fills more than one screen.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from treatydiff.cli import main

# synthetic: agreements written for these tests; their outputs pass a pipe's 64 KiB buffer
ARTICLES = 300


def _agreement(word: str) -> str:
    articles = "\n\n".join(
        f"Article {n}\nThe Parties shall exchange test data of kind {n} every {word}."
        for n in range(1, ARTICLES + 1)
    )
    return f"Agreement on Synthetic Cooperation\n\n{articles}\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private store with example-a and example-b ingested."""
    folder = tmp_path_factory.mktemp("pager")
    for name, word in (("example-a", "month"), ("example-b", "week")):
        source = folder / f"{name}.txt"
        source.write_text(_agreement(word), encoding="utf-8")
        code = main(["ingest", name, str(source), "--lang", "en", "--store", str(folder / "store")])
        assert code == 0
    return folder / "store"


def _env(**changes: str | None) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("TREATYDIFF_", "LESS", "PAGER", "NO_COLOR"))
    }
    for key, value in changes.items():
        if value is not None:
            env[key] = value
    return env


class Terminal:
    """A 100×24 tmux session on a private socket running one command."""

    def __init__(self, folder: Path, argv: list[str], env: dict[str, str]) -> None:
        self.socket, self.rc = folder / "tmux.sock", folder / "rc"
        self.rc.unlink(missing_ok=True)
        command = " ".join(f"'{word}'" for word in argv) + f"; echo $? > '{self.rc}'; sleep 60"
        self.tmux("new-session", "-d", "-x", "100", "-y", "24", command, env=env)

    def tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def screen(self, *, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []))

    def wait_for(self, found: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + 60
        while not found():
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within 60 s; screen:\n{self.screen()}")
            time.sleep(0.2)

    def close(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[[list[str], dict[str, str]], Terminal]]:
    if shutil.which("tmux") is None or shutil.which("less") is None:
        pytest.skip("needs tmux and less (apt-get install tmux less)")
    opened: list[Terminal] = []

    def start(argv: list[str], env: dict[str, str]) -> Terminal:
        opened.append(Terminal(tmp_path, argv, env))
        return opened[-1]

    yield start
    for session in opened:
        session.close()


_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_RESETS = {"", "0", "39", "49", "0;39;49"}


def _paged_screen(terminal: Terminal) -> tuple[str, str]:
    """The screen while ``less`` waits at its prompt (plain and with tmux's attribute codes),
    then quit with ``q`` and check the command's exit code."""
    terminal.wait_for(lambda: terminal.screen().rstrip().endswith(":"), "pager prompt")
    assert not terminal.rc.exists(), "the output was not paged"
    plain, coloured = terminal.screen(), terminal.screen(escapes=True)
    terminal.tmux("send-keys", "q")
    terminal.wait_for(terminal.rc.exists, "exit after q")
    assert terminal.rc.read_text().strip() == "0"
    return plain, coloured


COMMANDS = {
    "diff": ["diff", "example-a", "example-b"],
    "show": ["show", "example-a", "--depth", "1"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_default_less_renders_colours_not_escape_codes(
    command: str, store: Path, terminal: Callable[[list[str], dict[str, str]], Terminal]
) -> None:
    argv = [sys.executable, "-m", "treatydiff", *COMMANDS[command], "--store", str(store)]
    plain, coloured = _paged_screen(terminal(argv, _env()))  # no LESS, no PAGER: Debian's default
    assert "ESC[" not in plain and "\x1b" not in plain, plain
    assert "example-a" in plain
    styles = set(_SGR.findall(coloured)) - _RESETS
    assert styles, "less showed no colours or attributes"
    if command == "diff":
        assert any(code.split(";")[-1] in {"31", "9"} for code in styles), styles  # red, struck through


@pytest.mark.parametrize("command", COMMANDS)
def test_no_color_pages_plain_text_with_marks(
    command: str, store: Path, terminal: Callable[[list[str], dict[str, str]], Terminal]
) -> None:
    argv = [sys.executable, "-m", "treatydiff", *COMMANDS[command], "--store", str(store)]
    # LESS without -R, as a user may have it: there must be no escape codes for it to show
    plain, coloured = _paged_screen(terminal(argv, _env(NO_COLOR="1", LESS="-X")))
    assert "ESC[" not in plain and "\x1b" not in plain, plain
    assert set(_SGR.findall(coloured)) <= _RESETS
    if command == "diff":
        assert "[-month.-]" in plain and "{+week.+}" in plain


def test_pager_honours_pager_variable(
    store: Path, tmp_path: Path, terminal: Callable[[list[str], dict[str, str]], Terminal]
) -> None:
    seen = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\necho \"LESS=$LESS\" > '{seen}'\ncat >> '{seen}'\n", encoding="utf-8")
    pager.chmod(0o755)
    argv = [sys.executable, "-m", "treatydiff", "diff", "example-a", "example-b", "--store", str(store)]
    session = terminal(argv, _env(PAGER=str(pager)))
    session.wait_for(session.rc.exists, "exit")
    text = seen.read_text(encoding="utf-8")
    assert text.startswith("LESS=FRX\n") and "example-b:art-12" in text


def test_no_pager_prints_directly(
    store: Path, tmp_path: Path, terminal: Callable[[list[str], dict[str, str]], Terminal]
) -> None:
    seen = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ncat > '{seen}'\n", encoding="utf-8")
    pager.chmod(0o755)
    argv = [sys.executable, "-m", "treatydiff", "show", "example-a", "--no-pager", "--store", str(store)]
    session = terminal(argv, _env(PAGER=str(pager)))
    session.wait_for(session.rc.exists, "exit")
    assert session.rc.read_text().strip() == "0"
    assert not seen.exists()
    assert "example-a" in session.screen()


@pytest.mark.parametrize(
    "argv",
    [
        ["diff", "example-a", "example-b"],
        ["diff", "example-a", "example-b", "--format", "md"],
        ["diff", "example-a", "example-b", "--format", "json"],
        ["show", "example-a"],
        ["show", "example-a", "--format", "json"],
    ],
)
def test_a_closed_pipe_ends_quietly_with_exit_0(argv: list[str], store: Path) -> None:
    # `treatydiff … | head -1`: the reader goes away after the first line
    command = [sys.executable, "-m", "treatydiff", *argv, "--store", str(store)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, err
    assert "Error" not in err and "Traceback" not in err and "Exception" not in err, err
