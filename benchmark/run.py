"""Benchmark treatydiff against difflib baselines and write the figures to docs/benchmarks.md.

One run measures, on the reference corpus in ``../shared/corpus``:

1. whole commands, each in a fresh process (best and median wall-clock of N runs,
   peak RSS from ``os.wait4``), beside the interpreter's start-up and a naive
   ``difflib.HtmlDiff`` annex of the same two agreements; the issue's two start-up
   ratios (``--version`` against ``python -c pass``, the html diff against the
   difflib annex) are measured again in pairs, each run of one beside a run of the
   other, so that load on the machine falls on both sides alike;
2. hot functions in-process (``time.perf_counter``, best of repeats; peak Python
   allocations from ``tracemalloc`` in a separate run), each beside a baseline;
3. diff-match-patch against difflib over the Russian 1992-93 free-trade family;
4. where the time of ``treatydiff diff … --format html`` goes: cold phase
   timings, import costs and a cProfile of the command.

Read the ratios rather than the absolute times: both sides of each ratio ran on
the same machine in the same run. The corpus is read at run time; treaty text is
written only to temporary files, which are deleted.

Usage: python benchmark/run.py [--corpus DIR] [--out docs/benchmarks.md] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import itertools
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from diff_match_patch import diff_match_patch
from difflib_annex import body_text
from lxml import etree

from treatydiff.compare import article_level, compare
from treatydiff.corpus import Registry
from treatydiff.diff import diff_texts, diff_texts_difflib, diff_texts_dmp, tokenize
from treatydiff.errors import IngestError, MappingError
from treatydiff.ingest import parse_text, parse_tota
from treatydiff.ingest.folder import default_workers, parse_tota_files, start_method
from treatydiff.mapping import load_map
from treatydiff.model import Body, ClauseMap, ProvisionDiff, Treaty
from treatydiff.obligations import analyse_body
from treatydiff.render import render_html
from treatydiff.store import Store

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MAP = Path("mappings") / "tota-420_tota-423.yaml"  # relative to REPO, where the commands run
# The Russian Federation's early-1990s FTAs share one template (../shared/corpus/README.md).
FAMILY = (420, 423, 94, 421, 422, 424, 43, 431, 432)
CHARTER_LANGS = ("ar", "en", "es", "fr", "ru", "zh")
ACCEPTANCE_SECONDS = 1.0  # the first issue's target for the whole html diff command
VERSION_TARGET = 5.0  # `treatydiff --version` at most 5× `python -c pass`
HTML_TARGET = 3.0  # the html diff command at most 3× the difflib annex
MIB = 1024 * 1024
HTML_LABEL = "diff 420↔423, html annex"
BASELINE_LABEL = "**baseline**: difflib.HtmlDiff annex"
FLOOR_LABEL = "interpreter start-up"
IMPORT_LABEL = "import treatydiff.cli (typer; the library loads per command)"
VERSION_LABEL = "treatydiff --version"
HELP_LABEL = "treatydiff --help"
# Costs worth naming in the profile: (label, file suffix, function).
SINKS = (
    ("typer coercing parameters (through pydantic)", "typer/_coercion.py", "build_runtime_param"),
    ("jinja2 compiling the annex template", "jinja2/environment.py", "compile"),
    ("jsonschema validating the map", "jsonschema/validators.py", "iter_errors"),
)
# The naive baseline for parse_text: split at article headings in the six languages.
_NAIVE_HEADING = re.compile(
    r"^[ \t\u3000]*(?:Article|Artículo|Статья|المادة)\s+\d+|^[ \t\u3000]*第[一二三四五六七八九十百零〇]+条",
    re.MULTILINE,
)

T = TypeVar("T")
Action = Callable[[], object]
Pairs = list[tuple[str, str]]


# --- settings, environment and inputs ------------------------------------------------


@dataclass(frozen=True)
class Settings:
    corpus: Path
    out: Path
    quick: bool
    runs: int
    """Timed runs per whole command (after one warm-up run)."""
    repeats: int
    """Repeats per hot function (the best is kept)."""
    slow_repeats: int
    """Repeats for workloads that take seconds (parse_tota over the corpus)."""
    tota_step: int
    """Parse every n-th ToTA file (1: all 450)."""


@dataclass(frozen=True)
class Bench:
    """One run: its settings, its temporary folder and the environment commands get."""

    settings: Settings
    tmp: Path
    env: dict[str, str]

    @property
    def tota_dir(self) -> Path:
        return self.settings.corpus / "tota"


@dataclass(frozen=True)
class Inputs:
    left: Treaty
    right: Treaty
    clause_map: ClauseMap | None
    tota: list[tuple[str, bytes]]
    charters: list[tuple[str, str]]


def parse_args(argv: Sequence[str] | None) -> Settings:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus",
                        help="reference corpus with tota/ and un-charter/ (default: ../shared/corpus)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md",
                        help="Markdown file to write (default: docs/benchmarks.md)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs, every 10th ToTA file: a smoke test, not figures to publish")
    args = parser.parse_args(argv)
    quick: bool = args.quick
    return Settings(corpus=args.corpus.resolve(), out=args.out, quick=quick, runs=3 if quick else 5,
                    repeats=2 if quick else 5, slow_repeats=1 if quick else 2, tota_step=10 if quick else 1)


def tota_xml(corpus: Path, number: int) -> Path:
    return corpus / "tota" / "xml" / f"pta_{number}.xml"


def charter_raw(corpus: Path, lang: str) -> Path:
    return corpus / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt"


def has_map() -> bool:
    return (REPO / MAP).is_file()


def check_corpus(corpus: Path) -> None:
    """Exit with a clear message when the reference corpus is not where it should be."""
    needed = [tota_xml(corpus, n) for n in FAMILY] + [charter_raw(corpus, lang) for lang in CHARTER_LANGS]
    missing = [path for path in needed if not path.is_file()]
    if missing:
        sys.exit(
            f"benchmark: reference corpus not found ({missing[0]} is missing).\n"
            "Check out the shared corpus beside the repository as ../shared/corpus, or pass --corpus DIR."
        )


def inherited_env() -> dict[str, str]:
    """This shell's environment without treatydiff's own variables (no user store or folder)."""
    return {key: value for key, value in os.environ.items() if not key.startswith("TREATYDIFF_")}


def cached_env(tmp: Path) -> dict[str, str]:
    """The inherited environment with Python's bytecode and treatydiff's caches on, kept in ``tmp``.

    A user's installation caches compiled modules after the first run; a sandbox with
    ``PYTHONDONTWRITEBYTECODE`` set compiles treatydiff's own modules on every run. The
    cache goes to a temporary prefix, so nothing is written into the repository.
    """
    env = inherited_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    # schema verdicts too (treatydiff.verdicts): the warm-up run validates each manifest once
    env["TREATYDIFF_CACHE"] = str(tmp / "cache")
    return env


def load_inputs(bench: Bench) -> Inputs:
    corpus = bench.settings.corpus
    registry = Registry(store=Store(bench.tmp / "store"), tota_dir=bench.tota_dir)
    files = sorted((bench.tota_dir / "xml").glob("pta_*.xml"), key=lambda p: int(p.stem[4:]))
    return Inputs(
        left=registry.load("tota:420"),
        right=registry.load("tota:423"),
        clause_map=load_map(REPO / MAP) if has_map() else None,
        tota=[(str(path), path.read_bytes()) for path in files[:: bench.settings.tota_step]],
        charters=[(lang, charter_raw(corpus, lang).read_text(encoding="utf-8")) for lang in CHARTER_LANGS],
    )


# --- measuring -----------------------------------------------------------------------


def best_of(action: Action, repeats: int) -> float:
    """The shortest of ``repeats`` wall-clock times of ``action``, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def best_cpu_of(action: Action, repeats: int) -> float:
    """The shortest of ``repeats`` CPU times (``time.process_time``) of ``action``, in seconds:
    what load from other processes on the machine disturbs least."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return min(times)


def traced_peak(action: Action) -> float:
    """Peak Python heap allocated while ``action`` runs once, in MiB (tracemalloc)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds and peak RSS (MiB) of one run of a command; exit on failure."""
    wall, rss, _cpu = run_timed(argv, env)
    return wall, rss


def run_timed(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall-clock seconds, peak RSS (MiB) and CPU seconds of one run of a command; exit on failure.

    The command starts from ``spawn.py``, a small process, so that its peak RSS does not
    include this benchmark's own memory (see that file).
    """
    launcher = [sys.executable, "-S", str(HERE / "spawn.py"), *argv]
    with tempfile.TemporaryFile() as stderr:
        done = subprocess.run(launcher, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
        report = done.stdout.split()
        if done.returncode != 0 or len(report) != 4 or report[2] != "0":
            stderr.seek(0)
            message = stderr.read().decode("utf-8", "replace")
            sys.exit(f"benchmark: {' '.join(argv)} failed:\n{message}")
    return float(report[0]), int(report[1]) / 1024, float(report[3])  # ru_maxrss is in KiB on Linux


def run_json(argv: Sequence[str], env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


# --- 1. whole commands ---------------------------------------------------------------


@dataclass(frozen=True)
class CommandTiming:
    label: str
    command: str
    best: float
    median: float
    rss: float


def treatydiff_executable() -> str:
    beside = Path(sys.executable).parent / "treatydiff"
    found = str(beside) if beside.is_file() else shutil.which("treatydiff")
    if found is None:
        sys.exit("benchmark: no treatydiff command; install the package first (pip install -e .)")
    return found


def diff_argv(bench: Bench, fmt: str, out: str) -> list[str]:
    map_args = ["--map", str(MAP)] if has_map() else []
    return [treatydiff_executable(), "diff", "tota:420", "tota:423", "--tota-dir", str(bench.tota_dir),
            *map_args, "--format", fmt, "--out", str(bench.tmp / out), "--store", str(bench.tmp / "store")]


def command_list(bench: Bench) -> list[tuple[str, list[str]]]:
    python, tool, corpus = sys.executable, treatydiff_executable(), bench.settings.corpus
    baseline = [python, str(HERE / "difflib_annex.py"), *(str(tota_xml(corpus, n)) for n in (420, 423)),
                str(bench.tmp / "difflib.html")]
    show = [tool, "show", "tota:420", "--format", "json", "--tota-dir", str(bench.tota_dir),
            "--store", str(bench.tmp / "store")]
    ingest = [tool, "ingest", "un-charter", str(charter_raw(corpus, "en")), "--lang", "en",
              "--store", str(bench.tmp / "ingest-store")]
    return [
        (FLOOR_LABEL, [python, "-c", "pass"]),
        (IMPORT_LABEL, [python, "-c", "import treatydiff.cli"]),
        (VERSION_LABEL, [tool, "--version"]),
        (HELP_LABEL, [tool, "--help"]),
        (BASELINE_LABEL, baseline),
        (HTML_LABEL, diff_argv(bench, "html", "annex.html")),
        ("diff 420↔423, terminal text", diff_argv(bench, "term", "annex.txt")),
        ("show tota:420 as JSON", show),
        ("ingest UN Charter (en, raw text)", ingest),
    ]


def shower(bench: Bench) -> Callable[[list[str]], str]:
    """A function that prints an argv with placeholders for machine-specific paths."""
    replacements = [
        (str(bench.tmp), "<tmp>"),
        (str(bench.settings.corpus), "<corpus>"),
        (str(HERE), "benchmark"),
        (sys.executable, "python"),
        (treatydiff_executable(), "treatydiff"),
    ]

    def shown(argv: list[str]) -> str:
        words = []
        for word in argv:
            for old, new in replacements:
                word = word.replace(old, new)
            words.append(f'"{word}"' if " " in word else word)
        return " ".join(words)

    return shown


def time_command(bench: Bench, label: str, argv: list[str], env: dict[str, str]) -> CommandTiming:
    run_once(argv, env)  # warm-up: page cache and bytecode cache, as on a machine in use
    samples = [run_once(argv, env) for _ in range(bench.settings.runs)]
    times = [seconds for seconds, _ in samples]
    return CommandTiming(label, shower(bench)(argv), min(times), statistics.median(times),
                         max(rss for _, rss in samples))


@dataclass(frozen=True)
class Paired:
    """Two commands timed in alternation: ``runs`` pairs, each run of one beside one of the other."""

    label: str
    base_label: str
    best: float
    base_best: float
    ratios: list[float]
    """Per pair: this command's time over the base's."""
    target: float
    cpu: float
    """Least CPU time (user + system) of this command over the runs."""
    base_cpu: float

    @property
    def ratio(self) -> float:
        """The ratio of the two bests: the figure least disturbed by other work on the machine."""
        return self.best / self.base_best

    @property
    def median_ratio(self) -> float:
        return statistics.median(self.ratios)


def paired(bench: Bench, label: str, argv: list[str], base_label: str, base: list[str],
           target: float) -> Paired:
    run_once(base, bench.env), run_once(argv, bench.env)  # warm-up
    pairs = [(run_timed(argv, bench.env), run_timed(base, bench.env))
             for _ in range(max(bench.settings.runs, 3) * 2)]
    return Paired(label, base_label, min(a[0] for a, _ in pairs), min(b[0] for _, b in pairs),
                  [a[0] / b[0] for a, b in pairs], target,
                  min(a[2] for a, _ in pairs), min(b[2] for _, b in pairs))


@dataclass(frozen=True)
class Commands:
    timings: list[CommandTiming]
    rss_floor: float
    """Peak RSS (MiB) the launcher reports for ``true``: no figure can be lower."""
    pairs: list[Paired]


def whole_commands(bench: Bench) -> Commands:
    listed = command_list(bench)
    timings = [time_command(bench, label, argv, bench.env) for label, argv in listed]
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        label = f"{HTML_LABEL}, as this shell runs it (PYTHONDONTWRITEBYTECODE set)"
        timings.append(time_command(bench, label, diff_argv(bench, "html", "annex.html"), inherited_env()))
    true = shutil.which("true") or "/bin/true"
    argv = dict(listed)
    pairs = [
        paired(bench, VERSION_LABEL, argv[VERSION_LABEL], FLOOR_LABEL, argv[FLOOR_LABEL], VERSION_TARGET),
        paired(bench, HTML_LABEL, argv[HTML_LABEL], BASELINE_LABEL, argv[BASELINE_LABEL], HTML_TARGET),
    ]
    return Commands(timings, run_once([true], bench.env)[1], pairs)


# --- 2. hot functions ----------------------------------------------------------------


@dataclass(frozen=True)
class HotRow:
    function: str
    workload: str
    seconds: float
    peak: float | None
    """tracemalloc peak in MiB; None when tracing would take too long."""
    baseline: str
    baseline_seconds: float
    baseline_peak: float | None
    note: str = ""


def article_pairs(left: Treaty, right: Treaty) -> Pairs:
    """Texts of the article-level units with the same id in both treaties."""
    index = right.body.index
    return [(p.text, index[p.id].text) for p in article_level(left) if p.id in index]


def words(pairs: Pairs) -> int:
    return sum(len(a.split()) + len(b.split()) for a, b in pairs)


def diff_all(engine: Callable[[str, str], ProvisionDiff], pairs: Pairs) -> Action:
    return lambda: [engine(a, b) for a, b in pairs]


def article_diff_row(inputs: Inputs, settings: Settings) -> HotRow:
    pairs = article_pairs(inputs.left, inputs.right)
    ours, base = diff_all(diff_texts, pairs), diff_all(diff_texts_difflib, pairs)
    return HotRow("`diff_texts` (rapidfuzz Indel)",
                  f"420↔423, {len(pairs)} same-id article pairs ({words(pairs):,} words)",
                  best_of(ours, settings.repeats), traced_peak(ours),
                  "`diff_texts_difflib`", best_of(base, settings.repeats), traced_peak(base))


def long_diff_row(inputs: Inputs, settings: Settings) -> HotRow:
    whole = [(inputs.left.body.source_text, inputs.right.body.source_text)]
    ours, base = diff_all(diff_texts, whole), diff_all(diff_texts_difflib, whole)
    repeats = settings.slow_repeats + 1
    return HotRow("`diff_texts` (rapidfuzz Indel)",
                  f"420↔423, whole text against whole text ({words(whole):,} words)",
                  best_of(ours, repeats), traced_peak(ours),
                  "`diff_texts_difflib`", best_of(base, repeats), traced_peak(base))


TOTA_LOAD_TARGET_SECONDS = 3.0  # issue 8: all 450 ToTA files on this 2-core machine


def parse_tota_row(inputs: Inputs, settings: Settings) -> HotRow:
    """``parse_tota`` of every ToTA file into one list (the whole-corpus load), beside bare lxml."""
    files = inputs.tota
    size = sum(len(data) for _, data in files) / MIB
    name, largest = max(files, key=lambda item: len(item[1]))
    ours: Action = lambda: [parse_tota(data, origin=origin) for origin, data in files]  # noqa: E731
    base: Action = lambda: [etree.fromstring(data) for _, data in files]  # noqa: E731
    seconds_ours, seconds_base = best_of(ours, settings.slow_repeats), best_of(base, settings.slow_repeats)
    cpu_ours, cpu_base = best_cpu_of(ours, settings.slow_repeats), best_cpu_of(base, settings.slow_repeats)
    target = TOTA_LOAD_TARGET_SECONDS * len(files) / 450
    verdict = "meets" if cpu_ours <= target else "misses"
    return HotRow("`parse_tota`", f"{len(files)} ToTA files ({size:.1f} MiB of XML)",
                  seconds_ours, traced_peak(lambda: parse_tota(largest, origin=name)),
                  "bare `lxml.etree.fromstring`", seconds_base,
                  traced_peak(lambda: etree.fromstring(largest)),
                  note=f"CPU time {cpu_ours:.2f} s (lxml {cpu_base:.3f} s, {ratio(cpu_ours, cpu_base)}); "
                  f"by CPU time {verdict} the target of {TOTA_LOAD_TARGET_SECONDS:.0f} s for all 450 files "
                  f"(scaled to the files read: {target:.2f} s, "
                  f"{ratio(target, cpu_base)} lxml); "
                  f"peak measured on the largest file, {Path(name).name} ({len(largest) / MIB:.1f} MiB)")


def folder_load_row(inputs: Inputs, settings: Settings) -> HotRow:
    """``parse_tota_files`` of the same files, in worker processes on every core, by wall-clock time."""
    paths = [Path(origin) for origin, _data in inputs.tota]
    workers = default_workers(len(paths))
    ours: Action = lambda: parse_tota_files(paths)  # noqa: E731
    base: Action = lambda: [etree.fromstring(path.read_bytes()) for path in paths]  # noqa: E731
    seconds_ours, seconds_base = best_of(ours, settings.slow_repeats), best_of(base, settings.slow_repeats)
    target = TOTA_LOAD_TARGET_SECONDS * len(paths) / 450
    verdict = "meets" if seconds_ours <= target else "misses"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return HotRow("whole-corpus load, all cores", f"the same {len(paths)} files read and parsed",
                  seconds_ours, None, "bare `lxml.etree.fromstring` (reading the files, one core)",
                  seconds_base, None,
                  note=f"wall-clock time on this machine's {cores} cores ({workers or 'no'} worker "
                  f"processes, {start_method()}ed in the time measured; "
                  "the machine's other load counts too); "
                  f"{verdict} the target of {TOTA_LOAD_TARGET_SECONDS:.0f} s for all 450 files "
                  f"(scaled to the files read: {target:.2f} s, {ratio(target, seconds_base)} lxml); "
                  "no peak: tracemalloc does not see the workers")


def parseable(charters: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[str]]:
    """The texts ``parse_text`` accepts, and the languages it rejects."""
    accepted, rejected = [], []
    for lang, text in charters:
        try:
            parse_text(text, lang=lang)
        except IngestError:
            rejected.append(lang)
        else:
            accepted.append((lang, text))
    return accepted, rejected


def parse_text_row(inputs: Inputs, settings: Settings) -> HotRow:
    texts, rejected = parseable(inputs.charters)
    size = sum(len(text.encode("utf-8")) for _, text in texts) / 1024
    ours: Action = lambda: [parse_text(text, lang=lang) for lang, text in texts]  # noqa: E731
    base: Action = lambda: [_NAIVE_HEADING.split(text) for _, text in texts]  # noqa: E731
    note = f"rejects {', '.join(rejected)} (no article heading it knows); left out" if rejected else ""
    langs = ", ".join(lang for lang, _ in texts)
    return HotRow("`parse_text`", f"UN Charter raw texts, {langs} ({size:.0f} KiB)",
                  best_of(ours, settings.repeats), traced_peak(ours), "one regex split at article headings",
                  best_of(base, settings.repeats), traced_peak(base), note=note)


def long_charter(inputs: Inputs) -> str:
    """The English Charter five times over, its articles numbered on (about 120 printed pages)."""
    text = dict(inputs.charters)["en"]
    def renumbered(copy: int) -> str:
        return re.sub(r"(?m)^Article (\d+)$", lambda m: f"Article {int(m.group(1)) + 111 * copy}", text)

    return "\n\n".join(renumbered(copy) for copy in range(5))


def document_rows(inputs: Inputs, bench: Bench) -> list[HotRow]:
    """PDF and Word ingest of a treaty of about 100 pages, beside ``parse_text`` of the same text."""
    sys.path.insert(0, str(REPO / "tests"))
    import docx_factory
    import layout_factory

    from treatydiff.ingest import parse_bytes

    if not layout_factory.font_available():
        return []
    text = long_charter(inputs)
    pdf, docx = bench.tmp / "long.pdf", bench.tmp / "long.docx"
    pages = layout_factory.text_to_pdf(pdf, [text])
    while pages > 100:  # trim to 100 pages at a paragraph
        text = text[: int(len(text) * 100 / pages)].rsplit("\n", 1)[0]
        pages = layout_factory.text_to_pdf(pdf, [text])
    docx_factory.text_to_docx(docx, text)
    share = len(text) / len(dict(inputs.charters)["en"])
    workload = f"{pages}-page treaty: the English Charter ×{share:.1f}, articles numbered on"
    repeats = max(1, bench.settings.slow_repeats)
    base: Action = lambda: parse_text(text, lang="en")  # noqa: E731
    base_time = best_of(base, repeats)
    rows = []
    for label, path in (("PDF", pdf), ("Word .docx", docx)):
        data = path.read_bytes()

        def ours(data: bytes = data, path: Path = path) -> object:
            return parse_bytes(data, origin=path, lang="en")

        seconds_taken = best_of(ours, repeats)
        rows.append(HotRow(f"`parse_bytes` of a {label} file", workload,
                           seconds_taken, None, "`parse_text` of the same text", base_time, None,
                           note=f"target < 5 s: {'met' if seconds_taken < 5 else 'NOT met'}; not traced"))
    return rows


# The naive baseline for obligation extraction: find the modal words, understand nothing.
_MODAL_WORDS = re.compile(r"\b(?:shall|may|must|will|should)\b", re.IGNORECASE)
OBLIGATIONS_TARGET_SECONDS = 20.0  # issue 10: all ToTA articles, beyond parsing


def obligations_row(inputs: Inputs, settings: Settings) -> HotRow:
    """``analyse_body`` over every English ToTA agreement, parsed beforehand (not timed)."""
    bodies: list[Body] = [parse_tota(data, origin=origin)[1] for origin, data in inputs.tota]
    english = [body for body in bodies if body.lang == "en"]
    leaves = [p.text for body in english for p in body.walk() if not p.children]
    articles = sum(len(body.articles()) for body in english)
    ours: Action = lambda: [analyse_body(body) for body in english]  # noqa: E731
    base: Action = lambda: [_MODAL_WORDS.findall(text) for text in leaves]  # noqa: E731
    largest = max(english, key=lambda body: len(body.source_text))
    seconds_ours = best_of(ours, settings.slow_repeats)
    cpu_ours, cpu_base = best_cpu_of(ours, settings.slow_repeats), best_cpu_of(base, settings.slow_repeats)
    verdict = "meets" if cpu_ours < OBLIGATIONS_TARGET_SECONDS * len(inputs.tota) / 450 else "misses"
    # No comma in the workload: the note below repeats it up to its first comma.
    workload = f"{len(english)} English ToTA agreements ({articles} articles and {len(leaves)} leaves)"
    return HotRow("`analyse_body` (obligations)", workload,
                  seconds_ours, traced_peak(lambda: analyse_body(largest)),
                  "one regex finding modal words", best_of(base, settings.slow_repeats),
                  traced_peak(lambda: [_MODAL_WORDS.findall(p.text) for p in largest.walk()]),
                  note=f"CPU time {cpu_ours:.2f} s (regex {cpu_base:.3f} s, {ratio(cpu_ours, cpu_base)}); "
                  "peak on the largest agreement; "
                  f"by CPU time {verdict} the target of "
                  f"{OBLIGATIONS_TARGET_SECONDS:.0f} s for all 450 files (scaled to the files read)")


def annex_rows(inputs: Inputs, bench: Bench) -> list[HotRow]:
    left, right, clause_map, repeats = inputs.left, inputs.right, inputs.clause_map, bench.settings.repeats
    left_lines, right_lines = (body_text(tota_xml(bench.settings.corpus, n)).splitlines() for n in (420, 423))
    base: Action = lambda: difflib.HtmlDiff(wrapcolumn=80).make_file(left_lines, right_lines)  # noqa: E731
    base_time, base_peak = best_of(base, repeats), traced_peak(base)
    links = len(compare(left, right, clause_map).rows)
    workload = f"420↔423, {links} links ({'curated map' if clause_map else 'no map: articles by number'})"
    rows = []
    for label, differ, obligations in (
        ("`compare` + `render_html`", diff_texts, True),
        ("`compare(obligations=False)` + `render_html` (no obligation analysis)", diff_texts, False),
        ("`compare(differ=diff_texts_difflib)` + `render_html`", diff_texts_difflib, True),
    ):

        def ours(differ: Callable[[str, str], ProvisionDiff] = differ, analyse: bool = obligations) -> str:
            return render_html(compare(left, right, clause_map, differ=differ, obligations=analyse))

        note = f"CPU time {best_cpu_of(ours, repeats):.3f} s"
        if not obligations:
            note += "; the obligation analysis costs the difference from the first row"
        rows.append(HotRow(label, workload, best_of(ours, repeats), traced_peak(ours),
                           "`difflib.HtmlDiff.make_file` on the whole texts", base_time, base_peak,
                           note=note))
    return rows


def alias_bomb_row(bench: Bench) -> HotRow:
    """``load_map`` must refuse a map of nested YAML aliases before expanding them."""
    bomb = bench.tmp / "alias-bomb.yaml"
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def refuse() -> None:
        try:
            load_map(bomb)
        except MappingError:
            return
        sys.exit("benchmark: load_map accepted the alias bomb")

    base: Action = lambda: load_map(REPO / MAP)  # noqa: E731
    repeats = bench.settings.repeats
    return HotRow("`load_map` refusing an alias bomb", "10 levels of 9 aliases (9¹⁰ strings if expanded)",
                  best_of(refuse, repeats), traced_peak(refuse), f"`load_map` of `{MAP.as_posix()}`",
                  best_of(base, repeats), traced_peak(base))


def difflib_alignment(
    left: Sequence[str], right: Sequence[str], threshold: float = 0.5
) -> list[tuple[int, int]]:
    """The baseline aligner: ``SequenceMatcher.ratio`` over every pair of units (as word lists),
    then the best pairs taken greedily, one partner each."""
    words_l, words_r = [t.split() for t in left], [t.split() for t in right]
    scored = sorted(
        ((difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(), i, j)
         for i, a in enumerate(words_l) for j, b in enumerate(words_r)),
        reverse=True,
    )
    taken_l: set[int] = set()
    taken_r: set[int] = set()
    pairs = []
    for ratio, i, j in scored:
        if ratio < threshold:
            break
        if i not in taken_l and j not in taken_r:
            pairs.append((i, j))
            taken_l.add(i)
            taken_r.add(j)
    return pairs


# --- 5. alignment and lineage (issue 9) ---------------------------------------------

LINEAGE_QUERIES = 100
SAMPLED_PAIRS = 3000  # the all-pairs baseline of the largest pairs is estimated from this many pairs


@dataclass(frozen=True)
class Issue9:
    hot: list[HotRow]
    commands: list[tuple[str, str, float, float, float, str, float | None, float | None]]
    """(label, argv, seconds, CPU seconds, peak RSS MiB, baseline, baseline seconds, baseline RSS)."""
    index_docs: int
    scaling: list[ScalingRow]


def estimated_difflib_alignment(left: Sequence[str], right: Sequence[str]) -> float:
    """Seconds the all-pairs baseline would take, from ``SAMPLED_PAIRS`` random pairs (seed 9):
    all pairs of a 2,400×2,400 treaty pair would take hours."""
    import random

    rng = random.Random(9)
    words_l, words_r = [t.split() for t in left], [t.split() for t in right]
    pairs = [(rng.randrange(len(words_l)), rng.randrange(len(words_r))) for _ in range(SAMPLED_PAIRS)]
    start = time.perf_counter()
    for i, j in pairs:
        difflib.SequenceMatcher(None, words_l[i], words_r[j], autojunk=False).ratio()
    return (time.perf_counter() - start) * len(words_l) * len(words_r) / SAMPLED_PAIRS


def issue9_align_rows(inputs: Inputs, settings: Settings, registry: Registry) -> list[HotRow]:
    """(a)–(c), (e): ``align_bodies`` beside difflib all-pairs + greedy on the same units."""
    sys.path.insert(0, str(REPO / "tests"))
    from perturb import perturb  # tests/perturb.py: synthetic perturbation made at run time

    from treatydiff.align import align_bodies
    from treatydiff.align.units import units

    charter = dict(inputs.charters)
    english, russian = parse_text(charter["en"], lang="en"), parse_text(charter["ru"], lang="ru")
    perturbed, _gold = perturb(english, 7)
    rows = []
    cases = [
        ("(a) 420↔423 (25 and 22 articles)", inputs.left.body, inputs.right.body, False),
        ("(b) UN Charter en↔perturbed copy", english, perturbed, False),
        ("(c) UN Charter en↔ru", english, russian, False),
        ("(e) 449↔112, TPP↔NAFTA (en)", registry.load("tota:449").body, registry.load("tota:112").body, True),
        ("(e) 449↔450, TPP en↔es", registry.load("tota:449").body, registry.load("tota:450").body, True),
    ]
    for label, left, right, large in cases:
        texts_l = [u.text for u in units(left)]
        texts_r = [u.text for u in units(right)]
        ours: Action = lambda a=left, b=right: align_bodies(a, b)  # noqa: E731
        repeats = 1 if large else settings.repeats
        if large:
            base_seconds = estimated_difflib_alignment(texts_l, texts_r)
            base_peak = None
        else:
            base: Action = lambda a=texts_l, b=texts_r: difflib_alignment(a, b)  # noqa: E731
            base_seconds, base_peak = best_of(base, 1), None
        notes = []
        if large:
            notes.append(f"baseline estimated from {SAMPLED_PAIRS} random pairs")
        if left.lang != right.lang:
            notes.append("the baseline ignores language: across languages its pairs are noise")
        rows.append(HotRow("`align_bodies`", f"{label}, {len(texts_l)}×{len(texts_r)} units",
                           best_of(ours, repeats), None if large else traced_peak(ours),
                           "difflib `SequenceMatcher.ratio` all pairs + greedy", base_seconds, base_peak,
                           note="; ".join(notes)))
    return rows


def lineage_rows(bench: Bench, index_store: Path) -> tuple[HotRow, int]:
    """(g) 100 lineage queries in-process beside difflib ratio of each query against every provision
    (the baseline measured on one query, times 100)."""
    import random

    from treatydiff.lineage.index import index_path, open_index
    from treatydiff.lineage.query import lineage

    index = open_index(index_path(Store(index_store)))
    rng = random.Random(5)
    docs = [rng.randrange(len(index)) for _ in range(LINEAGE_QUERIES)]

    def ours() -> None:
        for doc in docs:
            member = index.members[int(index.doc_member[doc])]
            lineage(index, member.treaty, index.doc_ids[doc], index.text(doc), member.lang, date=member.date)

    query_words = index.text(docs[0]).split()
    corpus_words = [index.text(d).split() for d in range(len(index))]

    def base_one() -> None:
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(query_words)
        for words in corpus_words:
            matcher.set_seq1(words)
            matcher.ratio()

    base_seconds = best_of(base_one, 1) * LINEAGE_QUERIES
    row = HotRow("`lineage` ×100", f"(g) {LINEAGE_QUERIES} queries over {len(index)} provisions",
                 best_of(ours, 2), traced_peak(ours),
                 "difflib `SequenceMatcher.ratio` of the query against every provision", base_seconds, None,
                 note="baseline timed on one query, times 100")
    return row, len(index)


SCALING_SHARES = (0.125, 0.25, 0.5, 1.0)


@dataclass(frozen=True)
class ScalingRow:
    pair: str
    share: float
    chars: int
    links: int
    by_number: float
    """Least CPU seconds of ``compare`` with links by article number (diffs of unrelated pairs too)."""
    suggested: float
    """CPU seconds of ``compare`` with the links the aligner suggests (aligning included)."""


def prefix(treaty: Treaty, share: float) -> Treaty:
    """The treaty cut after the first top-level provisions that hold ``share`` of its text."""
    from dataclasses import replace

    body = treaty.body
    total = sum(len(p.text) for p in body.provisions)
    kept: list = []
    size = 0
    for provision in body.provisions:
        if kept and size >= share * total:
            break
        kept.append(provision)
        size += len(provision.text)
    return replace(treaty, body=Body(body.lang, body.source_text, tuple(kept), body.title, body.warnings))


def scaling_rows(registry: Registry, settings: Settings) -> list[ScalingRow]:
    """(e) comparison time against size: the largest pairs cut to 1/8, 1/4, 1/2 and all of
    their text (obligations and rendering left out; CPU time, which load disturbs least)."""
    from treatydiff.align.links import suggest_links

    rows = []
    for left_n, right_n in ((449, 112), (449, 450)):
        left, right = registry.load(f"tota:{left_n}"), registry.load(f"tota:{right_n}")
        for share in SCALING_SHARES:
            a, b = prefix(left, share), prefix(right, share)
            chars = sum(len(p.text) for t in (a, b) for p in t.body.provisions)
            links = len(compare(a, b, obligations=False).rows)
            by_number = best_cpu_of(lambda a=a, b=b: compare(a, b, obligations=False), settings.repeats)
            suggested = best_cpu_of(
                lambda a=a, b=b: compare(a, b, aligner=suggest_links, obligations=False), 1
            )
            rows.append(ScalingRow(f"{left_n}↔{right_n}", share, chars, links, by_number, suggested))
    return rows


def scaling_section(rows: list[ScalingRow]) -> str:
    def exponent(row: ScalingRow, previous: ScalingRow | None, value: Callable[[ScalingRow], float]) -> str:
        if previous is None or previous.pair != row.pair:
            return "—"
        import math

        return f"{math.log(value(row) / value(previous)) / math.log(row.chars / previous.chars):.2f}"

    body = []
    for k, row in enumerate(rows):
        previous = rows[k - 1] if k else None
        body.append((row.pair, f"{row.share:g}", f"{row.chars:,}", str(row.links), seconds(row.by_number),
                     exponent(row, previous, lambda r: r.by_number), seconds(row.suggested),
                     exponent(row, previous, lambda r: r.suggested)))
    head = ("pair", "share", "characters", "links by number", "compare, by number", "growth",
            "compare, aligned", "growth")
    return (
        "Scaling series (e): each pair cut after the top-level provisions holding 1/8, 1/4, 1/2 and all of "
        "its text; `compare()` CPU time without obligations or rendering, with links by article number "
        "(every same-number pair diffed, related or not) and with the aligner's links (aligning included). "
        "*Growth* is the exponent between two successive sizes (1 = linear).\n\n"
        + table(head, body, "llrrrrrr")
    )


def issue9(bench: Bench) -> Issue9:
    inputs, settings = load_inputs(bench), bench.settings
    registry = Registry(store=Store(bench.tmp / "store"), tota_dir=bench.tota_dir)
    hot = issue9_align_rows(inputs, settings, registry)
    tool, python = treatydiff_executable(), sys.executable
    shown = shower(bench)
    index_store = bench.tmp / "index-store"
    tota = ["--tota-dir", str(bench.tota_dir)]
    commands: list[tuple[str, str, float, float, float, str, float | None, float | None]] = []

    def command(label: str, argv: list[str], base_label: str, base: list[str] | None, runs: int,
                store: Path | None = None) -> None:
        """Time ``argv`` (and ``base``); with ``store``, each run of ours starts from an empty one."""
        ours = []
        for _ in range(runs):
            if store is not None:
                shutil.rmtree(store, ignore_errors=True)
            ours.append(run_timed(argv, bench.env))
        theirs = [run_once(base, bench.env) for _ in range(runs)] if base else []
        commands.append((label, shown(argv), min(t for t, _, _ in ours), min(c for _, _, c in ours),
                         max(r for _, r, _ in ours), base_label,
                         min(t for t, _ in theirs) if theirs else None,
                         max(r for _, r in theirs) if theirs else None))

    runs = bench.settings.runs
    pair = (str(tota_xml(bench.settings.corpus, n)) for n in (420, 423))
    annex = [python, str(HERE / "difflib_annex.py"), *pair, str(bench.tmp / "difflib9.html")]
    no_map = [tool, "diff", "tota:420", "tota:423", *tota, "--format", "html", "--out",
              str(bench.tmp / "nomap.html"), "--store", str(bench.tmp / "store")]
    run_once(no_map, bench.env)  # warm-up
    command("(d) diff 420↔423 without a map (align + diff + html)", no_map, "difflib.HtmlDiff annex", annex,
            runs)
    large_runs = 2 if bench.settings.quick else 3
    for left, right, what in ((449, 112, "same language"), (449, 450, "across languages")):
        cold = bench.tmp / f"cold-{left}-{right}"  # no parse of either text kept yet
        for store, when in ((cold, "cold store: both texts parsed"), (bench.tmp / "store", "warm store")):
            argv = [tool, "diff", f"tota:{left}", f"tota:{right}", *tota, "--format", "html", "--out",
                    str(bench.tmp / f"{left}-{right}.html"), "--force", "--store", str(store)]
            command(f"(e) diff {left}↔{right} without a map, html ({what}; {when})", argv, "", None,
                    large_runs, store if store == cold else None)
    warm = ["--store", str(bench.tmp / "store")]
    term = [tool, "diff", "tota:449", "tota:112", *tota, "--format", "term", "--no-pager", *warm]
    html = [tool, "diff", "tota:449", "tota:112", *tota, "--format", "html", "--out",
            str(bench.tmp / "449-112.html"), "--force", *warm]
    command("(e) diff 449↔112 without a map, terminal report to a pipe (warm store)", term,
            "the same diff as an html annex", html, large_runs)
    loader = [python, "-c", "import sys; from pathlib import Path; from treatydiff.corpus import Registry; "
              "from treatydiff.store import Store; r = Registry(store=Store(Path(sys.argv[1])), "
              "tota_dir=Path(sys.argv[2])); [r.forget(f'tota:{n}') for n in range(1, 451) "
              "if r.load(f'tota:{n}')]", str(bench.tmp / "load-store"), str(bench.tota_dir)]
    build = [tool, "index", "build", *tota, "--store", str(index_store)]
    command("(f) index build over the ToTA folder", build, "reading and parsing the 450 agreements alone",
            loader, 1)
    query = [tool, "lineage", "tota:420:art-5", *tota, "--format", "json", "--store", str(index_store)]
    run_once(query, bench.env)
    command("(g) lineage tota:420:art-5, whole command", query, "", None, runs)
    row, docs = lineage_rows(bench, index_store)
    return Issue9([*hot, row], commands, docs, scaling_rows(registry, settings))


def issue9_section(found: Issue9) -> str:
    rows = [(label, f"`{argv}`", f"{seconds_:.3f} s", f"{cpu:.3f} s", f"{rss:.0f}", base or "—",
             f"{base_s:.3f} s" if base_s is not None else "—",
             ratio(seconds_, base_s) if base_s is not None else "—",
             f"{base_rss:.0f}" if base_rss is not None else "—")
            for label, argv, seconds_, cpu, rss, base, base_s, base_rss in found.commands]
    head = ("command", "argv", "time", "CPU time", "peak RSS MiB", "baseline", "baseline time",
            "time × baseline", "baseline RSS MiB")
    return (
        "The issue's suite, (a)–(g). In-process rows (best of the repeats; the largest pairs and the index "
        "once):\n\n" + hot_section(found.hot)
        + "\n\nWhole commands (best of the runs; the largest pairs 3 times each, from an empty store and "
        "from one that holds both texts parsed; the index build once; CPU time is user + system, the "
        "least of the runs, which load disturbs less than wall-clock time):\n\n"
        + table(head, rows, "llrrrlrrr")
        + "\n\n" + scaling_section(found.scaling)
        + "\n\nTargets: alignment ≥ 20× faster than the difflib baseline (the ratio column, inverted); the "
        "largest pair < 2 s and two ~50-article treaties < 0.5 s as whole commands; index build < 60 s and "
        "< 1 GB peak; one lineage query < 100 ms in-process (the ×100 row over 100) and < 0.6 s as a whole "
        "command. On a loaded machine the absolute times are the load's; read the ratios."
    )


def hot_functions(bench: Bench) -> list[HotRow]:
    inputs, settings = load_inputs(bench), bench.settings
    return [article_diff_row(inputs, settings), long_diff_row(inputs, settings),
            parse_tota_row(inputs, settings), folder_load_row(inputs, settings),
            parse_text_row(inputs, settings), *document_rows(inputs, bench),
            obligations_row(inputs, settings), *annex_rows(inputs, bench), alias_bomb_row(bench)]


# --- 3. diff engines on the FTA family ----------------------------------------------


@dataclass(frozen=True)
class EngineRow:
    engine: str
    seconds: float
    similarities: list[float]


@dataclass(frozen=True)
class FamilyResult:
    pairs: int
    words: int
    rows: list[EngineRow]


def dmp_floor(left: str, right: str) -> float:
    """diff-match-patch alone on ``tokenize`` output: no cleanup, no paragraph marks, no ops."""
    a, b = tokenize(left), tokenize(right)
    codes: dict[str, str] = {}
    for token in (*a, *b):
        codes.setdefault(token, chr(0xF0000 + len(codes)))
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    ops = engine.diff_main("".join(codes[t] for t in a), "".join(codes[t] for t in b), checklines=False)
    kept = sum(len(chars) for op, chars in ops if op == 0)
    return 2 * kept / (len(a) + len(b)) if a or b else 1.0


def family_pairs(bench: Bench) -> Pairs:
    registry = Registry(store=Store(bench.tmp / "store"), tota_dir=bench.tota_dir)
    treaties = {n: registry.load(f"tota:{n}") for n in FAMILY}
    agreements = itertools.combinations(FAMILY, 2)
    return [pair for a, b in agreements for pair in article_pairs(treaties[a], treaties[b])]


def engine_row(name: str, similarity: Callable[[str, str], float], pairs: Pairs, repeats: int) -> EngineRow:
    found: list[float] = []

    def run() -> None:
        found[:] = [similarity(a, b) for a, b in pairs]

    return EngineRow(name, best_of(run, repeats), list(found))


def diff_engines(bench: Bench) -> FamilyResult:
    pairs = family_pairs(bench)
    repeats = max(1, bench.settings.repeats - 2)
    rows = [
        engine_row("`diff_texts` (rapidfuzz Indel, treatydiff clean-up)",
                   lambda a, b: diff_texts(a, b).similarity, pairs, repeats),
        engine_row("`diff_texts_dmp` (diff-match-patch, treatydiff clean-up)",
                   lambda a, b: diff_texts_dmp(a, b).similarity, pairs, repeats),
        engine_row("diff-match-patch alone on `tokenize` output", dmp_floor, pairs, repeats),
        engine_row("`diff_texts_difflib` (SequenceMatcher, autojunk off)",
                   lambda a, b: diff_texts_difflib(a, b).similarity, pairs, repeats),
    ]
    return FamilyResult(len(pairs), words(pairs), rows)


# --- 4. where the time goes ----------------------------------------------------------


@dataclass(frozen=True)
class ProfileEntry:
    where: str
    calls: int
    own: float
    cumulative: float


@dataclass(frozen=True)
class Breakdown:
    phases: dict[str, float]
    links: int
    diffs: int
    imports: list[tuple[str, float, float]]
    """(module, own ms, cumulative ms) from ``-X importtime``."""
    top_cumulative: list[ProfileEntry]
    top_own: list[ProfileEntry]
    profile_total: float
    sinks: dict[str, float]
    """Cumulative profiled seconds of each of ``SINKS`` (outermost calls)."""


def cold_phases(bench: Bench) -> tuple[dict[str, float], int, int]:
    """Best time per phase over N fresh processes running ``phases.py``."""
    argv = [sys.executable, str(HERE / "phases.py"), str(bench.tota_dir), str(bench.tmp / "store"),
            str(bench.tmp / "phases.html"), *([str(REPO / MAP)] if has_map() else [])]
    reports = [run_json(argv, bench.env) for _ in range(bench.settings.runs)]
    names: list[str] = list(reports[0]["phases"])  # type: ignore[call-overload]
    phases = {name: min(r["phases"][name] for r in reports) for name in names}  # type: ignore[index]
    return phases, int(reports[0]["links"]), int(reports[0]["diffs"])  # type: ignore[call-overload]


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)")


def import_times(bench: Bench) -> list[tuple[str, float, float]]:
    """(module, own ms, cumulative ms) for every module the html diff command imports."""
    command = diff_argv(bench, "html", "imports.html")[1:]
    argv = [sys.executable, "-X", "importtime", "-m", "treatydiff", *command]
    done = subprocess.run(argv, cwd=REPO, env=bench.env, capture_output=True, text=True, check=True)
    matches = (_IMPORT_LINE.match(line) for line in done.stderr.splitlines())
    return [(m.group(3), int(m.group(1)) / 1000, int(m.group(2)) / 1000) for m in matches if m]


def short_path(filename: str) -> str:
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1]
    if filename.startswith(str(REPO)):
        return os.path.relpath(filename, REPO)
    return Path(filename).name if filename.startswith("/") else filename


# Frames that only wrap the whole command: interpreter, import machinery, click dispatch.
_WRAPPERS = ("<frozen", "<string>", "runpy", "importlib", "/click/", "/typer/", "treatydiff/__main__.py")


def is_wrapper(filename: str, function: str) -> bool:
    if filename == "~":  # builtins such as exec and __import__
        return True
    if filename.endswith("treatydiff/cli.py") and function in ("run", "main"):
        return True
    return any(part in filename for part in _WRAPPERS)


@dataclass(frozen=True)
class Profile:
    top_cumulative: list[ProfileEntry]
    top_own: list[ProfileEntry]
    total: float
    sinks: dict[str, float]


def sink_times(stats: dict[tuple[str, int, str], tuple[int, int, float, float, object]]) -> dict[str, float]:
    found = dict.fromkeys((label for label, _file, _function in SINKS), 0.0)
    for (filename, _line, function), (_cc, _nc, _tt, ct, _callers) in stats.items():
        for label, suffix, name in SINKS:
            if filename.endswith(suffix) and function == name:
                found[label] += ct
    return found


def profile_command(bench: Bench) -> Profile:
    """cProfile one html diff command; top 5 by cumulative (wrappers left out) and by own time."""
    output = bench.tmp / "diff.prof"
    argv = diff_argv(bench, "html", "profiled.html")
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "treatydiff", *argv[1:]]
    subprocess.run(command, cwd=REPO, env=bench.env, capture_output=True, check=True)
    stats = pstats.Stats(str(output)).stats  # type: ignore[attr-defined]
    entries = [(key, ProfileEntry(f"{short_path(key[0])}:{key[1]}({key[2]})", nc, tt, ct))
               for key, (_cc, nc, tt, ct, _callers) in stats.items()]
    useful = [entry for key, entry in entries if not is_wrapper(key[0], key[2])]
    return Profile(
        top_cumulative=sorted(useful, key=lambda e: e.cumulative, reverse=True)[:5],
        top_own=sorted((entry for _, entry in entries), key=lambda e: e.own, reverse=True)[:5],
        total=max(entry.cumulative for _, entry in entries),
        sinks=sink_times(stats),
    )


def breakdown(bench: Bench) -> Breakdown:
    phases, links, diffs = cold_phases(bench)
    profile = profile_command(bench)
    return Breakdown(phases, links, diffs, import_times(bench), profile.top_cumulative, profile.top_own,
                     profile.total, profile.sinks)


# --- the report: figures ------------------------------------------------------------


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.1f} ms"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base > 0 else "–"


def mib(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def table(head: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> str:
    """A Markdown table; ``align`` holds ``l`` or ``r`` for each column."""
    marks = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(marks) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def by_label(commands: list[CommandTiming], label: str) -> CommandTiming:
    return next(c for c in commands if c.label == label)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout


def commit_line() -> str:
    commit = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    changed = [line[3:] for line in git("status", "--porcelain", "--", "treatydiff").splitlines()]
    listed = ", ".join(f"`{c}`" for c in changed)
    return commit + (f" plus uncommitted changes in {listed}" if changed else "")


def machine_section(settings: Settings, load: tuple[float, float]) -> str:
    mode = "`--quick` (smoke test: fewer runs, every 10th ToTA file)" if settings.quick else "full"
    rows = [
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", f"{cpu_model()}; nproc {len(os.sched_getaffinity(0))}"),
        ("load average (1 min)", f"{load[0]:.2f} at the start, {load[1]:.2f} at the end"),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()}, {platform.system()})"),
        ("treatydiff", f"commit {commit_line()}"),
        ("mode", f"{mode}; {settings.runs} timed runs per command, best of {settings.repeats} per function"),
    ]
    return table(("", ""), [(f"**{key}**", value) for key, value in rows], "ll")


def acceptance(measured: Commands, runs: int) -> str:
    commands = measured.timings
    html = by_label(commands, HTML_LABEL)
    verdict = "meets" if html.best < ACCEPTANCE_SECONDS else "does **not** meet"
    how = (f"with `--map {MAP}`" if has_map()
           else f"**without** `--map` (`{MAP}` is not in the repository yet; articles paired by number)")
    text = (f"**Acceptance.** The first issue asks that the whole command `treatydiff diff tota:420 tota:423 "
            f"--map … --format html` run in under {ACCEPTANCE_SECONDS:.0f} s on this 2-core machine. "
            f"Measured {how}: best of {runs} runs **{html.best:.3f} s** (median {html.median:.3f} s, "
            f"peak RSS {html.rss:.0f} MiB); it {verdict} the target.")
    shell = [c for c in commands if c.label.startswith(f"{HTML_LABEL}, as this shell")]
    if shell:
        text += (f" Without a bytecode cache, as this sandbox runs it (`PYTHONDONTWRITEBYTECODE=1`), "
                 f"the same command takes {shell[0].best:.3f} s (median {shell[0].median:.3f} s).")
    rows = [(f"`{p.label}` ÷ {p.base_label.replace('**', '')}", f"{p.best:.3f} s / {p.base_best:.3f} s",
             f"**{p.ratio:.2f}×**", f"{p.median_ratio:.2f}×", f"{p.cpu / p.base_cpu:.2f}×",
             f"≤ {p.target:.0f}×", "meets" if p.ratio <= p.target else "does **not** meet")
            for p in measured.pairs]
    pairs = len(measured.pairs[0].ratios) if measured.pairs else 0
    text += (f"\n\n**Start-up (issue 6).** Each ratio comes from {pairs} pairs run in alternation, one run "
             "of each command beside one of its baseline, so that load from other work falls on both sides: "
             "the ratio of the two bests (the verdict), the median of the per-pair ratios, and the ratio "
             "of the least CPU time (user + system) of each, which other work on the machine "
             "disturbs less than wall-clock time.\n\n"
             + table(("ratio", "best / best", "ratio of bests", "median of pairs", "CPU time ratio",
                      "target", ""), rows, "lrrrrrl"))
    return text


def commands_section(commands: list[CommandTiming]) -> str:
    base = by_label(commands, BASELINE_LABEL)
    rows = [(c.label, f"`{c.command}`", f"{c.best:.3f} s", f"{c.median:.3f} s", ratio(c.best, base.best),
             f"{c.rss:.0f}", ratio(c.rss, base.rss)) for c in commands]
    head = ("command", "argv", "best", "median", "time × baseline", "peak RSS MiB", "RSS × baseline")
    return table(head, rows, "llrrrrr")


def hot_section(rows: list[HotRow]) -> str:
    body = [(r.function, r.workload, seconds(r.seconds), r.baseline, seconds(r.baseline_seconds),
             ratio(r.seconds, r.baseline_seconds), f"{mib(r.peak)} / {mib(r.baseline_peak)}") for r in rows]
    notes = "\n".join(f"- {r.function}, {r.workload.split(',')[0]}: {r.note}." for r in rows if r.note)
    head = ("function", "workload", "time", "baseline", "baseline time", "ratio",
            "tracemalloc MiB (ours / base)")
    return table(head, body, "llrlrrr") + (f"\n\n{notes}" if notes else "")


def family_section(result: FamilyResult) -> str:
    base = result.rows[-1]
    rows = [(r.engine, seconds(r.seconds), ratio(r.seconds, base.seconds),
             f"{statistics.mean(r.similarities):.3f}") for r in result.rows]
    gaps = [b - a for a, b in zip(result.rows[0].similarities, base.similarities, strict=True)]
    close = [abs(g) for g, s in zip(gaps, base.similarities, strict=True) if s >= 0.8]
    return (
        f"All {result.pairs} same-id article pairs between any two of the {len(FAMILY)} agreements "
        f"{', '.join(f'pta_{n}' for n in FAMILY)} ({result.words:,} words; this section replaces "
        "`benchmark/bench_diff.py`):\n\n"
        + table(("engine", "time", "× difflib", "mean similarity"), rows, "lrrr")
        + f"\n\nSimilarity, difflib minus `diff_texts`: mean {statistics.mean(gaps):+.3f}, largest "
        f"{max(gaps):+.3f}, smallest {min(gaps):+.3f}. On the {len(close)} pairs difflib finds at least 80 % "
        f"similar, the two differ by at most {max(close, default=0.0):.3f} ([diff.md](diff.md) says how "
        f"similarity is counted). The middle row is the cost of "
        "diff-match-patch itself; the gap to the first row is `diff_texts`' own work (per-line normalisation "
        "for paragraph marks, treatydiff's clean-up, building the ops and passages)."
    )


# --- the report: where the time goes -------------------------------------------------


def startup_paragraph(commands: list[CommandTiming]) -> str:
    floor, imported = by_label(commands, FLOOR_LABEL).best, by_label(commands, IMPORT_LABEL).best
    version, html = by_label(commands, VERSION_LABEL).best, by_label(commands, HTML_LABEL).best
    helped = by_label(commands, HELP_LABEL).best
    base = by_label(commands, BASELINE_LABEL).best
    return (
        f"Of the html command's {html:.3f} s, the interpreter takes {floor:.3f} s. `treatydiff --version` "
        f"({version:.3f} s) is answered by `treatydiff.launch` before typer or the library is imported; "
        f"`treatydiff --help` ({helped:.3f} s) builds the typer app, whose module imports typer alone "
        f"({imported - floor:.3f} s over the interpreter). Everything else — the map, the parsers, the "
        f"diff engine, jinja2 — is imported by the command that needs it and counted in the phases "
        f"below. The naive difflib annex, which imports only lxml, takes {base:.3f} s in all."
    )


def phases_table(found: Breakdown) -> str:
    rows = [(name, seconds(value)) for name, value in found.phases.items()]
    rows.append(("**sum**", seconds(sum(found.phases.values()))))
    caption = ("Phases of the same work, timed inside a fresh process (`benchmark/phases.py`, best of runs; "
               "interpreter start and exit and typer's dispatch are outside them):\n\n")
    return caption + table(("phase", "time"), rows, "lr")


def own_imports(found: Breakdown) -> list[tuple[str, float, float]]:
    mine = (i for i in found.imports if i[0].startswith("treatydiff"))
    return sorted(mine, key=lambda i: i[1], reverse=True)


def imports_table(found: Breakdown) -> str:
    outside = [i for i in found.imports if "." not in i[0] and not i[0].startswith(("treatydiff", "_"))]
    rows = [(f"`{name}`", f"{total:.0f} ms", "cumulative")
            for name, _own, total in sorted(outside, key=lambda i: i[2], reverse=True)[:6]]
    rows += [(f"`{name}`", f"{own:.0f} ms", "own (module body only)")
             for name, own, _ in own_imports(found)[:3]]
    return table(("module", "import time", "kind"), rows, "lrl")


def profile_tables(found: Breakdown) -> str:
    def rows(entries: list[ProfileEntry]) -> list[tuple[str, str, str, str]]:
        return [(f"`{e.where}`", str(e.calls), seconds(e.own), seconds(e.cumulative)) for e in entries]

    head = ("function", "calls", "own", "cumulative")
    return (
        f"cProfile of one html diff command ({seconds(found.profile_total)} under the profiler, which "
        "inflates Python-heavy code). Top 5 by cumulative time, leaving out frames that only wrap the run "
        "(interpreter, runpy, importlib, builtins, click/typer dispatch, `cli.run` and `cli.main`):\n\n"
        + table(head, rows(found.top_cumulative), "lrrr")
        + "\n\nTop 5 by own time (builtins included):\n\n"
        + table(head, rows(found.top_own), "lrrr")
        + "\n\nNamed costs inside the command (cumulative, under the profiler):\n\n"
        + table(("cost", "time"), [(label, seconds(value)) for label, value in found.sinks.items()], "lr")
    )


def findings(found: Breakdown) -> list[str]:
    """Cheap wins that follow from this run's figures, each only when the figures show it."""
    notes = []
    cumulative = {name: total for name, _own, total in found.imports}
    if cumulative.get("treatydiff.ingest.html", 0.0) >= 20:
        notes.append(
            f"Importing `treatydiff.ingest.html` costs {cumulative['treatydiff.ingest.html']:.0f} ms "
            f"(`trafilatura` {cumulative.get('trafilatura', 0.0):.0f} ms of it, with courlan, htmldate, "
            "justext …), paid by every command through `treatydiff.ingest`, though only `ingest` of a saved "
            "web page uses it. Importing the HTML parser when `load_file` meets an HTML file would take that "
            "off `diff`, `show` and `check`: the largest single saving in sight."
        )
    if found.diffs > found.links:
        saved = found.phases.get("compare", 0.0) * (found.diffs - found.links) / found.diffs
        notes.append(
            f"`compare()` computed {found.diffs} word diffs for {found.links} links: without a map, "
            "`_number_links` diffs each same-number pair to choose its relation and `_compare_link` diffs it "
            f"again. Reusing the first diff would save about {seconds(saved)}."
        )
    template = found.sinks.get("jinja2 compiling the annex template", 0.0)
    if template >= 0.01:
        notes.append(
            f"jinja2 compiles the annex template in every run ({seconds(template)} under the profiler; "
            f"`render_html` takes {seconds(found.phases.get('render_html', 0.0))} cold). A jinja2 bytecode "
            "cache, or templates precompiled into the package, would remove most of it."
        )
    typer = found.sinks.get("typer coercing parameters (through pydantic)", 0.0)
    if typer >= 0.01:
        notes.append(
            f"typer {package_version('typer')} coerces each parameter through pydantic, importing it and "
            f"building type adapters on every command ({seconds(typer)} under the profiler). That is "
            "typer's code, not treatydiff's; it matters when choosing typer's version bounds."
        )
    mine = own_imports(found)
    if mine and mine[0][1] >= 10:
        notes.append(
            f"`{mine[0][0]}` spends {mine[0][1]:.0f} ms in its own module body at import; whatever it "
            "builds there (compiled patterns, tables) is paid by every command, used or not."
        )
    return notes


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "(unknown version)"


def breakdown_section(commands: list[CommandTiming], found: Breakdown) -> str:
    cheap = "\n".join(f"- {note}" for note in findings(found)) or "- None stands out in these figures."
    return "\n\n".join([
        startup_paragraph(commands),
        phases_table(found),
        f"The comparison has {found.links} links and computed {found.diffs} word diffs. Import costs from "
        "`python -X importtime -m treatydiff diff … --format html` (each command imports the library "
        "modules it needs when it runs; a nested import counts in its parent's cumulative time too, so "
        "rows overlap):",
        imports_table(found),
        profile_tables(found),
        "**Cheap wins** (reported here, not applied: the benchmark never changes the library):\n\n" + cheap,
    ])


METHOD = """\
- Whole commands run as subprocesses from the repository root, with `TREATYDIFF_*` variables cleared,
  `--store` in a temporary folder and Python's bytecode cache on (`PYTHONPYCACHEPREFIX` in the temporary
  folder, `PYTHONDONTWRITEBYTECODE` cleared), as on a user's machine after the first run. One warm-up run,
  then {runs} timed runs. Each command starts from `benchmark/spawn.py`, a small launcher that times it
  from `posix_spawn` to `os.wait4` and reports its `ru_maxrss` (the largest of the runs is shown). Linux
  counts a process's memory before `exec` in that peak, so a command started straight from the benchmark
  would carry the benchmark's size; from the launcher the floor is {floor:.1f} MiB (`true`).
- The baseline command, `benchmark/difflib_annex.py`, reads both XML files with lxml and writes
  `difflib.HtmlDiff(wrapcolumn=80).make_file` of the two whole `<body>` texts, line by line: no provision
  ids, no alignment, no normalisation.
- Hot functions run in this process on inputs already in memory: the best of the repeats, then one separate
  run under tracemalloc for the peak. tracemalloc sees only Python's allocator, so libxml2's trees (lxml)
  are counted neither for treatydiff nor for the baseline.
- Whole commands go through `treatydiff.launch`, which turns off numpy's huge-page advice
  (`NUMPY_MADVISE_HUGEPAGE=0`) and collects Python's young generation every 10,000 allocations;
  in-process rows run with numpy's and Python's defaults, so on the largest pairs they carry some system
  time and collector time that the whole commands do not ([alignment.md](alignment.md), "The largest pairs").
- The `parse_tota` row is the whole-corpus load of issue 8: every ToTA file parsed into one list that
  is held until the end, so the cyclic collector's walks over the trees already built are counted, as a
  caller loading the corpus pays them. Its verdict is on CPU time (`time.process_time`), which the other
  work on this 2-core machine disturbs least; its note gives the 3 s target as a multiple of lxml's
  bare parse in the same run. The
  parse's own costs, largest first, as a sampling profiler (py-spy) shares them out: cutting articles
  into paragraph units (`_units`, the per-line rules and their small helpers, about 37 %), building the
  provision tree (nodes, ids, labels, the frozen `Provision` and `Span` objects, about 16 %), the
  collector (about 9 %: the parse holds it off, and the young collection it owes runs once the file is
  done, walking the tree just built; the full collections walk the trees already held), lxml and text
  extraction (about 8 %), the mojibake pre-filter (about 5 %; ftfy is imported only for the few articles
  whose characters may be mojibake), trailing captions and hidden articles (about 6 %), and the
  article-level builder. No single function holds more than a few per cent of the rest: the time is
  spread over the many rules each line passes, so the 3 s target needs fewer passes over each line, not
  a faster helper.
- The "whole-corpus load, all cores" row is the same load as a tool makes it: `parse_tota_files` reads
  and parses the files in worker processes, one per core (forked when the process runs no other thread,
  else spawned; started in the time measured), which send each
  body back packed (the source text once, the provisions without their texts) to be rebuilt in file order.
  Its verdict is on wall-clock time, on this machine's cores as they are shared at the time (two, with
  other work on them): the best of the repeats. Its baseline is lxml's bare parse of the same files on one
  core, reading them included.
- Cold phases come from `benchmark/phases.py` in fresh processes (best per phase); the profile from
  `python -m cProfile -m treatydiff diff …`.
- Other work on the machine during the run shows in the load average above; the best of several runs is
  the figure least disturbed by it.
- Corpus: ToTA v0.5.0 (Alschner, Seiermann, Skougarevskiy; CC BY-NC 4.0) and the UN Charter corpus, read
  from `../shared/corpus` at run time. This page holds figures only, no treaty text."""


def report(settings: Settings, load: tuple[float, float], measured: Commands, hot: list[HotRow],
           family: FamilyResult, found: Breakdown, suite: Issue9) -> str:
    commands = measured.timings
    sections = [
        "# Benchmarks",
        "Speed and memory of treatydiff, each beside a baseline measured in the same run. Generated by "
        "`python benchmark/run.py`; do not edit by hand, re-run it.",
        machine_section(settings, load),
        acceptance(measured, settings.runs),
        "## 1. Whole commands\n\n" + commands_section(commands),
        "## 2. Hot functions\n\n" + hot_section(hot),
        "## 3. Diff engines on the Russian free-trade family\n\n" + family_section(family),
        "## 4. Where the time goes\n\n" + breakdown_section(commands, found),
        "## 5. Alignment and lineage\n\n" + issue9_section(suite),
        "## Method\n\n" + METHOD.format(runs=settings.runs, floor=measured.rss_floor),
    ]
    return "\n\n".join(sections) + "\n"


# --- main ----------------------------------------------------------------------------


def stage(name: str, action: Callable[[], T]) -> T:
    """Run one part of the benchmark, saying on stderr how long it took."""
    print(f"{name} …", end=" ", file=sys.stderr, flush=True)
    start = time.perf_counter()
    result = action()
    print(f"{time.perf_counter() - start:.0f} s", file=sys.stderr)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    settings = parse_args(argv)
    check_corpus(settings.corpus)
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="treatydiff-bench-") as name:
        bench = Bench(settings, Path(name), cached_env(Path(name)))
        commands = stage("1/5 whole commands", lambda: whole_commands(bench))
        hot = stage("2/5 hot functions", lambda: hot_functions(bench))
        family = stage("3/5 diff engines on the FTA family", lambda: diff_engines(bench))
        found = stage("4/5 phases, imports and profile", lambda: breakdown(bench))
        suite = stage("5/5 alignment and lineage", lambda: issue9(bench))
    load = (load_before, os.getloadavg()[0])
    settings.out.parent.mkdir(parents=True, exist_ok=True)
    settings.out.write_text(report(settings, load, commands, hot, family, found, suite), encoding="utf-8")
    print(f"wrote {settings.out} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
