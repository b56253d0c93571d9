"""Run the real ``treatydiff`` command on hostile input in a scratch folder, and judge the result.

# synthetic: every text, map and file written by these helpers is invented for the
# hostile-input suite (ids demo-a / demo-b, placeholder provision text); no treaty text.

Each run is a subprocess (``python -m treatydiff``) with a timeout that guards against
hangs: a run that outlives it is a hang or a runaway (quadratic) computation, never
mere slowness, so the guard is generous. Every run records which files of the scratch
folder it added, changed or removed, so a test can say that nothing outside the
intended output was touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# Seconds a single run may take before it counts as a hang. Far above any honest run
# of the small inputs used here (a few seconds), far below a FIFO's "forever".
HANG_GUARD = 120.0

# synthetic: two short agreements in the plain-text format treatydiff ingests.
DEMO_A = """Agreement on Synthetic Cooperation

Article 1
1. The Parties shall exchange synthetic data.
2. Each Party may publish results.

Article 2
This Agreement enters into force on signature.

Article 3
Either Party may end this Agreement.
"""
DEMO_B = DEMO_A.replace("exchange synthetic data", "exchange synthetic data promptly")

MAP_HEADER = """treatydiff-map: 1
title: Synthetic map
treaties: [demo-a, demo-b]
authors: [Test Author]
status: draft
links:
"""
"""A clause-map header; its first link is on line 7."""

# Characters a terminal obeys: ESC (clear screen, window title, OSC 8 links), CSI as
# one C1 byte, BEL, and a bidirectional override that hides text.
CONTROL_PAYLOADS = {
    "clear-screen": "\x1b[2J\x1b[H",
    "window-title": "\x1b]0;pwned\x07",
    "osc8-link": "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "c1-csi": "\x9b31m",
    "bidi-override": "\u202egnp.exe",
}
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


@dataclass(frozen=True)
class Run:
    """One finished run of the command."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str
    changed: frozenset[str]
    """Files of the scratch folder (relative paths) added, changed or removed by the run."""

    def error_line(self) -> str:
        """The one ``error: …`` line on stderr; fails the test unless there is exactly one."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert "Traceback" not in self.err, self.err
        assert "internal error" not in self.err, self.err
        assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{self.err}"
        assert lines[0].startswith("error: "), lines[0]
        return lines[0]


def refused(run: Run, *where: str) -> str:
    """Assert a clean refusal: exit 2, one located line naming each of ``where``, no file touched."""
    line = run.error_line()
    assert run.code == 2, f"exit {run.code}: {run.err}"
    for part in where:
        assert part in line, f"{part!r} not in {line!r}"
    assert run.changed == frozenset(), f"files changed: {sorted(run.changed)}"
    return line


def no_crash(run: Run) -> None:
    """Assert the run ended as treatydiff intends (0, 1 or 2), never as a bug (70) or a signal."""
    assert run.code in (0, 1, 2), f"exit {run.code}: {run.err}"
    assert "Traceback" not in run.err and "internal error" not in run.err, run.err


def _fingerprint(path: Path, info: os.stat_result) -> tuple[object, ...]:
    if stat.S_ISREG(info.st_mode):
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if info.st_size < 50_000_000 else ""
        return ("file", info.st_size, info.st_mtime_ns, digest, stat.S_IMODE(info.st_mode))
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    return ("other", stat.S_IFMT(info.st_mode), info.st_mtime_ns)


class Sandbox:
    """A scratch folder with its own store, registry and home; runs the CLI inside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = root / "store"
        self.texts = root / "texts"
        self.home = root / "home"
        for folder in (self.store, self.texts, self.home):
            folder.mkdir(parents=True, exist_ok=True)

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TREATYDIFF_")}
        env.update(
            TREATYDIFF_STORE=str(self.store),
            TREATYDIFF_TEXTS=str(self.texts),
            HOME=str(self.home),
            # schema verdicts (treatydiff.verdicts) are kept beside the root, not in it
            TREATYDIFF_CACHE=str(self.root.parent / f"{self.root.name}.cache"),
            COLUMNS="120",
            PYTHONIOENCODING="utf-8",
        )
        env.pop("TREATYDIFF_DEBUG", None)
        env.update(extra or {})
        return env

    def snapshot(self) -> dict[str, tuple[object, ...]]:
        """Every file and link under the root, with what identifies its content."""
        found: dict[str, tuple[object, ...]] = {}
        for folder, dirs, names in os.walk(self.root, onerror=lambda _error: None):
            for name in [*dirs, *names]:
                path = Path(folder) / name
                try:
                    info = path.lstat()
                    if stat.S_ISDIR(info.st_mode):
                        continue
                    found[os.fsdecode(path.relative_to(self.root))] = _fingerprint(path, info)
                except OSError:
                    continue
        return found

    def run(
        self,
        *args: str | Path,
        timeout: float = HANG_GUARD,
        env: Mapping[str, str] | None = None,
        prefix: Sequence[str] = (),
        cwd: Path | None = None,
    ) -> Run:
        """Run ``treatydiff ARGS`` (after ``prefix``, e.g. ``unshare --user``) in the root."""
        argv = [*prefix, sys.executable, "-m", "treatydiff", *(os.fspath(a) for a in args)]
        before = self.snapshot()
        done = subprocess.run(
            argv,
            cwd=cwd or self.root,
            env=self.env(env),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        after = self.snapshot()
        changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
        return Run(
            tuple(os.fsdecode(a) for a in argv[len(prefix) + 3 :]),
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
            frozenset(changed),
        )

    def write(self, name: str | bytes, content: str | bytes) -> Path:
        """Write a file in the root (``name`` may be bytes, for names that are not UTF-8)."""
        path = Path(os.fsdecode(self.root)) / os.fsdecode(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    def write_map(self, links: str, name: str = "map.yaml", header: str = MAP_HEADER) -> Path:
        """A clause map of ``links`` (YAML list items) after the synthetic header."""
        return self.write(name, header + links)

    def ingest_demo(self) -> None:
        """Store the synthetic agreements demo-a and demo-b (English)."""
        for treaty_id, text in (("demo-a", DEMO_A), ("demo-b", DEMO_B)):
            path = self.write(f"{treaty_id}.txt", text)
            done = self.run("ingest", treaty_id, path, "--lang", "en", "--title", treaty_id.upper())
            assert done.code == 0, done.err

    def versions(self, treaty_id: str, lang: str = "en") -> list[Path]:
        """The stored version files of a body (``bodies/ID/LANG/N-SHA256.json``), oldest first."""
        folder = self.store / "bodies" / treaty_id / lang
        return sorted(folder.glob("*-*.json"), key=lambda path: int(path.name.split("-", 1)[0]))

    def current(self, treaty_id: str, lang: str = "en") -> Path:
        """The file of the current (newest) version of a stored body."""
        versions = self.versions(treaty_id, lang)
        assert versions, f"no stored version of {treaty_id} ({lang})"
        return versions[-1]

    def to_layout_1(self, treaty_id: str, lang: str = "en") -> Path:
        """Turn a stored body into one stored before versions: ``bodies/ID/LANG.json``, no checksums."""
        document = json.loads(self.current(treaty_id, lang).read_text(encoding="utf-8"))
        document["format"] = "treatydiff.body/1"
        del document["source_sha256"], document["document_sha256"]
        for path in self.versions(treaty_id, lang):
            path.unlink()
        (self.store / "bodies" / treaty_id / lang).rmdir()
        legacy = self.store / "bodies" / treaty_id / f"{lang}.json"
        legacy.write_text(json.dumps(document), encoding="utf-8")
        return legacy

    def store_text(self, treaty_id: str, text: str, lang: str = "en") -> Path:
        """Store ``text`` as a new version of ``treaty_id`` as treatydiff would, checksums and all,
        without the ingest checks: what a store written by another tool or version may hold."""
        from treatydiff.ingest.text import parse_text
        from treatydiff.model import Provenance
        from treatydiff.store import Store, source_sha256

        provenance = Provenance("hostile.txt", source_sha256(text), "2026-01-01T00:00:00+00:00", "text")
        saved = Store(self.store).save_body(treaty_id, parse_text(text, lang=lang), provenance)
        return saved.version.path


def changed_within(run: Run, allowed: Iterable[str]) -> None:
    """Assert the run touched no file but the ``allowed`` ones (relative to the root)."""
    outside = run.changed - set(allowed)
    assert not outside, f"files changed outside the intended output: {sorted(outside)}"
