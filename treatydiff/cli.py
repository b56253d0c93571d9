"""The ``treatydiff`` command: a thin typed layer over the library.

Each command parses its options, calls one library function and hands the result
to a renderer. Every expected failure is a ``TreatydiffError``; ``main`` prints it
as one line on stderr and exits with code 2 (usage errors too).

Start-up stays cheap because every command runs in a fresh process:

- ``treatydiff --version`` is answered by :mod:`treatydiff.launch` before this
  module is imported; ``--help`` builds only the typer app defined here.
- At the top, this module imports only the standard library and typer. Library
  modules (``treatydiff.corpus``, ``treatydiff.compare``, ``treatydiff.mapping``,
  renderers) and rich are imported inside the command that uses them, so ``show``
  never loads jinja2 and ``diff --format html`` never loads rich's tables. A new
  command does the same: ``from treatydiff.x import y`` as the first lines of its
  body, library types in annotations only under ``TYPE_CHECKING`` (this module has
  ``from __future__ import annotations``). tests/test_startup.py checks it.
- typer 0.2x coerces every parameter through a pydantic adapter, which costs more
  than some whole commands; :func:`_plain_coercion` gives our parameter types
  (str, int, Path, StrEnum, lists of them) plain converters instead.

Output that reaches a terminal goes through :func:`~treatydiff.safe.visible`
(control characters and bidi overrides shown as ``\\x1b``, ``\\u202e``; rich never
reads data as markup). A new command prints data as ``safe_text(...)`` (rich) or
``visible(...)`` (plain), its own stderr lines through ``_say``, repairs made while
reading through ``_read_notes``, JSON through ``safe_json``, and pages with
``_paged(console, pager)``. Paged output follows git: ``$PAGER`` (default ``less``),
``LESS=FRX`` when ``LESS`` is unset, ``--no-pager`` to print directly.
"""

from __future__ import annotations

import math
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum, StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from treatydiff.safe import visible

if TYPE_CHECKING:
    from rich.console import Console

    from treatydiff.corpus import IngestResult, Registry
    from treatydiff.model import Body, ClauseMap, Comparison, Treaty

app = typer.Typer(
    name="treatydiff",
    help="Compare treaties clause by clause. Exit codes: 0 success, 1 differences found "
    "(only with --exit-code), 2 bad input or usage.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

# Shared options, declared once so every command spells them the same way.
StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store", envvar="TREATYDIFF_STORE", help="Local store folder (default: user data folder)."
    ),
]
TotaDirOption = Annotated[
    Path | None,
    typer.Option(
        "--tota-dir",
        envvar="TREATYDIFF_TOTA_DIR",
        help="Local ToTA folder (with xml/pta_N.xml); without it tota:N is downloaded and cached.",
    ),
]
TextsOption = Annotated[
    Path | None,
    typer.Option(
        "--texts", envvar="TREATYDIFF_TEXTS", help="Registry folder of manifests (default: texts/)."
    ),
]
LangOption = Annotated[str | None, typer.Option("--lang", help="Language version: en, ru, fa, ko …")]
PagerOption = Annotated[
    bool,
    typer.Option(
        "--pager/--no-pager",
        help="Page terminal output through $PAGER (default less, with LESS=FRX unless LESS is set).",
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="List each repair made while reading the texts.")
]
OutOption = Annotated[
    str | None,
    typer.Option(
        "--out",
        help="Write to this file ('-' for standard output). Never over an input or inside the store; "
        "an existing file only if treatydiff wrote it, else with --force.",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace an existing --out file that treatydiff did not write.")
]


_COUNTED = (("article", "articles"), ("chapter", "chapters"), ("section", "sections"), ("annex", "annexes"))


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


class DiffFormat(StrEnum):
    term = "term"
    html = "html"
    md = "md"
    json = "json"


class DiffOnly(StrEnum):
    obligations = "obligations"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    tota = "tota"
    pdf = "pdf"
    docx = "docx"


def _registry(
    store: Path | None, tota_dir: Path | None, texts: Path | None, *, keep_parsed: bool = True
) -> Registry:
    from treatydiff.corpus import Registry
    from treatydiff.store import Store

    return Registry(texts_dir=texts, store=Store(store), tota_dir=tota_dir, keep_parsed=keep_parsed)


def _no_color() -> bool:
    """``NO_COLOR`` set and not empty (https://no-color.org), as rich reads it."""
    return bool(os.environ.get("NO_COLOR"))


@cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class QuietConsole(Console):
        """rich exits with status 1 on a closed pipe; ``main`` ends quietly with 0 instead."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return QuietConsole


def _console(*, stderr: bool = False) -> Console:
    """A console that never reads emoji codes, and under ``NO_COLOR`` writes no escape codes at all."""
    plain: dict[str, Any] = {"color_system": None} if _no_color() else {}
    return _console_class()(stderr=stderr, highlight=False, emoji=False, soft_wrap=stderr, **plain)


def _stdout() -> Console:
    return _console()


@cache
def _stderr() -> Console:
    return _console(stderr=True)


def _say(message: str) -> None:
    """One line of ours on stderr; any data in it is shown, never obeyed."""
    try:
        sys.stderr.write(visible(message) + "\n")
        sys.stderr.flush()
    except BrokenPipeError:
        pass


def _warn(messages: Sequence[str]) -> None:
    for message in messages:
        _say(f"warning: {' '.join(message.split())}")


def _read_notes(treaties: Sequence[Treaty], verbose: bool) -> None:
    """Repairs made while reading the texts: each with ``--verbose``, else counted in one line.

    They are the same on every read of a file, so repeating them on every command
    would bury the output (``ingest`` lists them in full).
    """
    seen: dict[tuple[str, str], tuple[str, ...]] = {}
    for treaty in treaties:
        if treaty.body.warnings:
            seen.setdefault((treaty.meta.id, treaty.lang), treaty.body.warnings)
    if verbose:
        _warn([message for messages in seen.values() for message in messages])
    elif seen:
        count = sum(len(messages) for messages in seen.values())
        names = ", ".join(dict.fromkeys(treaty_id for treaty_id, _lang in seen))
        repairs = "repair" if count == 1 else "repairs"
        _say(f"note: {count} {repairs} made while reading {names}; --verbose lists them")


# --- paging, as git does it ----------------------------------------------------------


def _pager_command() -> str | None:
    """``$PAGER`` (default ``less``); None when it is empty, ``cat`` or not installed."""
    import shlex  # paging only: a command whose output is not a terminal never loads it

    command = os.environ.get("PAGER", "less").strip()
    try:
        words = shlex.split(command)
    except ValueError:
        return None
    if not words or words == ["cat"] or shutil.which(words[0]) is None:
        return None
    return command


def _page(text: str, command: str) -> None:
    """Feed ``text`` to the pager and wait for it; a reader who quits early is no error."""
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # R: show colours, F: quit if one screen, X: leave it on the screen
    env.setdefault("LV", "-c")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602 (the user's $PAGER)
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode(encoding, "replace"))
        pager.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit before the end
    while True:
        try:
            pager.wait()
            return
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager while it runs


@contextmanager
def _paged(console: Console, enabled: bool = True) -> Iterator[None]:
    """Page what is printed inside the block when stdout and stdin are an interactive terminal."""
    command = _pager_command() if enabled and console.is_terminal and sys.stdin.isatty() else None
    if command is None:
        yield
        return
    with console.capture() as captured:
        yield
    _page(captured.get(), command)


# --- commands ------------------------------------------------------------------------


@app.command("list")
def list_treaties(
    store: StoreOption = None, tota_dir: TotaDirOption = None, texts: TextsOption = None
) -> None:
    """List registry entries and which language versions are available.

    Example: treatydiff list
    """
    from rich.table import Table
    from rich.text import Text

    from treatydiff.safe import safe_text

    registry = _registry(store, tota_dir, texts)
    table = Table(
        title="treatydiff registry",
        title_justify="left",
        caption="Any ToTA agreement is also available as tota:N (N = 1…450): from --tota-dir, "
        "else downloaded once and cached.",
        caption_justify="left",
    )
    for column in ("id", "title", "signed", "parties", "available"):
        table.add_column(column, overflow="fold")
    for entry in registry.entries():
        meta = entry.meta
        shown = [
            f"{lang} ({entry.versions[lang]} versions)" if entry.versions.get(lang, 0) > 1 else lang
            for lang in entry.available
        ]
        shown += [f"{lang}: broken" for lang in entry.versions if lang not in entry.available]
        available = safe_text(", ".join(shown)) if shown else Text("no text yet", "dim")
        name = safe_text(meta.id)
        if entry.origin != "registry":
            name.append(" (local)", style="dim")
        table.add_row(
            name,
            safe_text(meta.title()),
            safe_text(meta.signed_date or ""),
            safe_text(" ".join(meta.parties)),
            available,
        )
    _stdout().print(table)
    _warn([str(problem) for problem in registry.problems()])


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="TREATY or TREATY:ID, e.g. tota:420 or un-charter:art-51.")],
    lang: LangOption = None,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", help="text (a tree) or json.")
    ] = ShowFormat.text,
    depth: Annotated[
        int,
        typer.Option(
            help="Outline depth below chapters and sections: 1 articles, 2 paragraphs, 3 points.", min=1
        ),
    ] = 3,
    pager: PagerOption = True,
    verbose: VerboseOption = False,
    version: Annotated[
        str | None, typer.Option("--version", help="A stored version: its number (2) or SHA-256 prefix.")
    ] = None,
    history: Annotated[
        bool, typer.Option("--history", help="List the stored versions of this text instead.")
    ] = False,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Show a treaty's outline, or one provision's text.

    Example: treatydiff show un-charter:art-51 --lang ru
    """
    from treatydiff.model import Citation
    from treatydiff.render.outline import render_outline, render_provision, treaty_json

    citation = Citation.parse(ref)
    registry = _registry(store, tota_dir, texts)
    if history:
        for line in history_lines(registry, citation.treaty, lang):
            typer.echo(line)
        return
    treaty = registry.load(citation.treaty, lang, version)
    provision = treaty.get(citation.provision) if citation.provision else None
    _read_notes([treaty], verbose)
    if output_format is ShowFormat.json:
        typer.echo(treaty_json(treaty, provision))
        return
    console = _stdout()
    with _paged(console, pager):
        if provision is None:
            render_outline(treaty, console, max_depth=depth)
        else:
            render_provision(treaty, provision, console)


@app.command()
def ingest(
    treaty_id: Annotated[str, typer.Argument(metavar="ID", help="Registry id to store the text under.")],
    file: Annotated[
        Path, typer.Argument(help="The text: plain text/Markdown, HTML page, ToTA XML, PDF or Word (.docx).")
    ],
    lang: LangOption = None,
    input_format: Annotated[InputFormat, typer.Option("--format", help="Input format.")] = InputFormat.auto,
    title: Annotated[
        str | None, typer.Option(help="Title of the treaty in this language (store manifests only).")
    ] = None,
    signed: Annotated[str | None, typer.Option(help="Date of signature, e.g. 1992-11-13.")] = None,
    place: Annotated[str | None, typer.Option(help="Place of signature.")] = None,
    party: Annotated[
        list[str] | None, typer.Option(help="A party (ISO 3166-1 alpha-3, e.g. RUS); repeat for each.")
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="Fail (instead of warn) when the structure differs from the manifest.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Store the text even if its script contradicts --lang; replace a broken manifest."
        ),
    ] = False,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Parse a copy of a treaty and save it, with its provenance, in the local store.

    Every version is kept: a different text becomes the current version, the previous
    one stays readable with show --version. Example: treatydiff ingest un-charter
    charter_ru.txt --lang ru
    """
    from treatydiff.manifest import MetaEdit

    registry = _registry(store, tota_dir, texts)

    edit = MetaEdit(title=title, signed=signed, place=place, parties=tuple(party or ()))
    result = registry.ingest(
        treaty_id, file, lang=lang, fmt=input_format.value, strict=strict, edit=edit, force=force
    )
    _warn(result.warnings)
    for line in ingest_report(result):
        _say(line)


@app.command()
def check(
    maps: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Map, family or manifest files (default: every map, family and manifest dossier).",
            show_default=False,
        ),
    ] = None,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Validate clause maps, clause families and manifests' dossiers: schema, refs, duplicates, coverage.

    Prints one line per problem (file:line: error|warning: message) and a summary per
    map. Exits 1 when any map has an error. Example: treatydiff check mappings/*.yaml
    """
    from treatydiff.corpus import default_mappings_dir
    from treatydiff.errors import FetchError, TreatydiffError, UnknownTreaty
    from treatydiff.families.workspace import Workspace, is_family_file, is_manifest_file
    from treatydiff.mapping import check_maps

    registry = _registry(store, tota_dir, texts)
    family_files = [path for path in maps or () if is_family_file(path)]
    manifest_files = [path for path in maps or () if is_manifest_file(path, registry)]
    named = (*family_files, *manifest_files)
    paths = [path for path in maps if path not in named] if maps else None
    if paths is None:
        paths = sorted(default_mappings_dir().glob("*.yaml"))
    if not paths and not named:
        raise TreatydiffError("no maps to check", file=default_mappings_dir(), hint="name map files")

    def body_of(treaty_id: str, lang: str | None) -> Body | None:
        try:
            registry.meta(treaty_id)  # an id no registry knows is an error in the map
        except FetchError:
            return None  # a ToTA agreement without a manifest, offline: only the schema is checked
        try:
            return registry.load(treaty_id, lang).body
        except (UnknownTreaty, FetchError):
            return None  # no text available: only the schema is checked

    results = check_maps(paths, body_of)
    workspace = Workspace(registry)  # families, manifests' dossiers, locators of unresolved map sides
    results += workspace.check_locators(paths)
    results += workspace.check_families(family_files if maps else None)
    if not maps:
        results += workspace.check_dossiers()
    results += workspace.check_manifests(manifest_files)
    out = _stdout()

    def say(line: str, style: str | None = None) -> None:
        out.print(visible(line), markup=False, soft_wrap=True, style=style)

    for result in results:
        for problem in result.problems:
            say(str(problem), "red" if problem.severity == "error" else "yellow")
        for coverage in result.coverage:
            if coverage.missing:
                shown = ", ".join(coverage.missing[:_MAX_LISTED])
                more = (
                    f" and {len(coverage.missing) - _MAX_LISTED} more"
                    if len(coverage.missing) > _MAX_LISTED
                    else ""
                )
                say(f"{result.path}: {coverage.treaty}: no link mentions {shown}{more}")
        say(result.summary(), "bold" if result.ok else "bold red")
    if not all(result.ok for result in results):
        raise typer.Exit(1)


_MAX_LISTED = 40  # unlinked ids listed per treaty by `check`


def history_lines(registry: Registry, ref: str, lang: str | None) -> list[str]:
    """The lines of ``show --history``: every stored version, oldest first, each verified."""
    from treatydiff.errors import UnknownTreaty
    from treatydiff.model import Citation

    treaty_id = Citation.parse(ref).treaty
    registry.meta(treaty_id)
    langs = [lang] if lang else registry.store.langs(treaty_id)
    lines = []
    for code in langs:
        for info in registry.store.history(treaty_id, code):
            mark = "current" if info.current else "       "
            if info.provenance is not None:
                prov = info.provenance
                shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in prov.file)
                what = f"{prov.ingested_at} {prov.parser} {shown}"
                lines.append(f"{treaty_id} {code} {info.version.name} {mark} {what}")
            else:
                lines.append(f"{treaty_id} {code} {info.version.name} {mark} BROKEN: {info.error}")
    if not lines:
        raise UnknownTreaty(f"no text of {treaty_id}{f' in {lang}' if lang else ''} is stored", ref=treaty_id)
    return lines


def ingest_report(result: IngestResult) -> list[str]:
    """The lines ``ingest`` prints: what was stored, and what it replaced (kept)."""
    from collections import Counter

    body, meta = result.treaty.body, result.treaty.meta
    kinds: Counter[str] = Counter(p.kind for p in body.walk())
    structure = ", ".join(f"{kinds[kind]} {name}" for kind, name in _COUNTED if kinds[kind])
    saved = result.saved
    version = f" {saved.version.name}" if saved else ""
    count = sum(kinds.values())
    lines = [f"ingested {meta.id} ({body.lang}){version}: {structure}, {count} provisions → {result.path}"]
    if saved and saved.unchanged:
        lines.append(f"same text as the current version {saved.version.name}: refreshed in place")
    elif saved and saved.replaced:
        lines.append(
            f"replaced {meta.id} ({body.lang}) {saved.replaced.name} as the current text (previous kept: "
            f"treatydiff show {meta.id} --lang {body.lang} --version {saved.replaced.number})"
        )
    if result.created_manifest:
        lines.append(f"created a manifest: {result.created_manifest}")
    elif result.updated_manifest:
        lines.append(f"updated the manifest: {result.updated_manifest}")
    return lines


def _report(comparison: Comparison, output_format: DiffFormat) -> str:
    if output_format is DiffFormat.html:
        from treatydiff.render.html import render_html

        return render_html(comparison)
    if output_format is DiffFormat.md:
        from treatydiff.render.markdown import render_markdown

        return render_markdown(comparison)
    if output_format is DiffFormat.json:
        from treatydiff.render.json import render_json

        return render_json(comparison)
    import io

    from rich.console import Console

    from treatydiff.render.terminal import render_terminal

    buffer = io.StringIO()
    console = Console(width=120, no_color=True, force_terminal=False, emoji=False, file=buffer)
    render_terminal(comparison, console)
    return buffer.getvalue()


def _for_stdout(report: str, output_format: DiffFormat) -> str:
    """A report as printed to stdout: the same data, with nothing a terminal would obey."""
    from treatydiff.safe import safe_json

    if output_format is DiffFormat.json:
        return safe_json(report)  # lossless: the controls become JSON escapes
    return visible(report, lines=True)


def _compare_with_progress(left: Treaty, right: Treaty, clause_map: ClauseMap | None) -> Comparison:
    # The aligner makes the links a map does not: all of them without a map, else the gaps.
    from treatydiff.align.links import fill_gaps, suggest_links
    from treatydiff.compare import compare

    if not sys.stderr.isatty():
        return compare(left, right, clause_map, aligner=suggest_links, fill_gaps=fill_gaps)
    from rich.progress import Progress

    with Progress(console=_stderr(), transient=True) as progress:
        task = progress.add_task("comparing", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return compare(left, right, clause_map, aligner=suggest_links, fill_gaps=fill_gaps, progress=advance)


@app.command()
def diff(
    left: Annotated[str, typer.Argument(help="Left treaty: registry id or tota:N.")],
    right: Annotated[str, typer.Argument(help="Right treaty: registry id or tota:N.")],
    map_file: Annotated[Path | None, typer.Option("--map", help="Clause map (mappings/*.yaml).")] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", help="term, html, md or json.")
    ] = DiffFormat.term,
    out: OutOption = None,
    force: ForceOption = False,
    left_lang: Annotated[str | None, typer.Option("--left-lang", help="Language version of LEFT.")] = None,
    right_lang: Annotated[str | None, typer.Option("--right-lang", help="Language version of RIGHT.")] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when differences were found.")
    ] = False,
    only: Annotated[
        DiffOnly | None,
        typer.Option("--only", help="obligations: list only the links whose obligations changed."),
    ] = None,
    pager: PagerOption = True,
    verbose: VerboseOption = False,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Compare two treaties link by link, side by side.

    Without --map, the aligner suggests the links (see `treatydiff align`) and the report
    says so; with a partial map, it links only what the map leaves out.
    Example: treatydiff diff tota:420 tota:423 --map mappings/tota-420_tota-423.yaml
    --format html --out annex.html
    """
    from treatydiff.output import check_output, write_output

    registry = _registry(store, tota_dir, texts)
    clause_map, left_treaty, right_treaty, inputs = _load_pair(
        left, right, (left_lang, right_lang), map_file, registry
    )
    if out is not None:
        check_output(out, store=registry.store, inputs=inputs, force=force)
    _read_notes([left_treaty, right_treaty], verbose)
    comparison = _compare_with_progress(left_treaty, right_treaty, clause_map)
    if only is DiffOnly.obligations:
        from treatydiff.compare import obligations_changed

        comparison = obligations_changed(comparison)
    if out is not None:
        where = write_output(
            out, _report(comparison, output_format), store=registry.store, inputs=inputs, force=force
        )
        summary = comparison.summary
        _say(
            f"wrote {where}: {len(comparison.rows)} links — {summary.changed} changed, "
            f"{summary.unchanged} unchanged, "
            f"{summary.added} added, {summary.dropped} dropped"
            + (f", {summary.parallel} in parallel" if summary.parallel else "")
        )
    elif output_format is DiffFormat.term:
        from treatydiff.render.terminal import render_terminal

        console = _stdout()
        with _paged(console, pager):
            render_terminal(comparison, console)
    else:
        typer.echo(_for_stdout(_report(comparison, output_format), output_format), nl=False)
    summary = comparison.summary
    if exit_code and summary.added + summary.dropped + summary.changed:
        raise typer.Exit(1)


def _load_pair(
    left: str, right: str, langs: tuple[str | None, str | None], map_file: Path | None, registry: Registry
) -> tuple[ClauseMap | None, Treaty, Treaty, list[Path | str | None]]:
    """The map (if any) and the two treaties in the languages it names, and every input file.

    The inputs are what ``--out`` must never overwrite: the map, both texts and both manifests.
    """
    from treatydiff.compare import map_langs
    from treatydiff.mapping import load_map
    from treatydiff.model import normalize_treaty_id

    clause_map = load_map(map_file) if map_file is not None else None
    if clause_map is not None:
        ids = normalize_treaty_id(left), normalize_treaty_id(right)
        langs = map_langs(clause_map, *ids, given=langs)
    left_treaty = registry.load(left, langs[0])
    right_treaty = registry.load(right, langs[1])
    inputs: list[Path | str | None] = [map_file, left_treaty.provenance.file, right_treaty.provenance.file]
    inputs += [left_treaty.meta.manifest, right_treaty.meta.manifest]
    return clause_map, left_treaty, right_treaty, inputs


class AlignLevel(StrEnum):
    paragraph = "paragraph"
    article = "article"


@app.command()
def align(
    left: Annotated[str, typer.Argument(help="Left treaty: registry id or tota:N.")],
    right: Annotated[str, typer.Argument(help="Right treaty: registry id or tota:N.")],
    out: OutOption = None,
    force: ForceOption = False,
    against: Annotated[
        Path | None, typer.Option("--against", help="Score the suggestions against this curated map.")
    ] = None,
    level: Annotated[
        AlignLevel, typer.Option("--level", help="paragraph (where both articles have them) or article.")
    ] = AlignLevel.paragraph,
    left_lang: Annotated[str | None, typer.Option("--left-lang", help="Language version of LEFT.")] = None,
    right_lang: Annotated[str | None, typer.Option("--right-lang", help="Language version of RIGHT.")] = None,
    verbose: VerboseOption = False,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Suggest the links between two treaties, as a draft clause map to review.

    Each link carries a score and its reasons. With --against MAP, print precision,
    recall and F1 of the links, relation accuracy and every miss instead of the map
    (the map is still written with --out).
    Example: treatydiff align tota:420 tota:423 --out mappings/draft.yaml
    """
    import datetime as dt

    from treatydiff.align import align as suggest_links
    from treatydiff.align.draft import draft_map
    from treatydiff.align.evaluate import evaluate, links_between, report_lines
    from treatydiff.output import check_output, write_output

    registry = _registry(store, tota_dir, texts)
    clause_map, left_treaty, right_treaty, inputs = _load_pair(
        left, right, (left_lang, right_lang), against, registry
    )
    if out is not None:
        check_output(out, store=registry.store, inputs=inputs, force=force)
    _read_notes([left_treaty, right_treaty], verbose)
    alignment = suggest_links(left_treaty, right_treaty, paragraphs=level is AlignLevel.paragraph)
    title = (
        f"Suggested alignment of {left_treaty.meta.id} ({left_treaty.lang}) "
        f"and {right_treaty.meta.id} ({right_treaty.lang})"
    )
    if out is not None:
        text = draft_map(alignment, title=title, date=dt.date.today().isoformat())
        where = write_output(out, text, store=registry.store, inputs=inputs, force=force)
        _say(f"wrote {where}: {len(alignment.suggestions)} suggested links")
    if clause_map is not None:
        links = links_between(
            clause_map, (left_treaty.meta.id, left_treaty.lang), (right_treaty.meta.id, right_treaty.lang)
        )
        evaluation = evaluate(alignment, links, left_treaty.body, right_treaty.body)
        typer.echo(visible("\n".join(report_lines(evaluation)), lines=True))
    elif out is None:
        draft = draft_map(alignment, title=title, date=dt.date.today().isoformat())
        typer.echo(visible(draft, lines=True), nl=False)


@app.command()
def obligations(
    ref: Annotated[str, typer.Argument(help="TREATY or TREATY:ID, e.g. tota:420 or un-charter:art-2.")],
    lang: LangOption = None,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", help="text (a table) or json.")
    ] = ShowFormat.text,
    pager: PagerOption = True,
    verbose: VerboseOption = False,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """List obligation statements: modality, bearer, trigger, action, matched rule and span.

    Languages with a vocabulary: en, ru (docs/obligations.md).
    Example: treatydiff obligations un-charter:art-2 --lang ru
    """
    from treatydiff.model import Citation
    from treatydiff.obligations.report import obligation_report, render_report, report_json
    from treatydiff.safe import safe_json

    citation = Citation.parse(ref)
    treaty = _registry(store, tota_dir, texts).load(citation.treaty, lang)
    report = obligation_report(treaty, citation.provision)
    _read_notes([treaty], verbose)
    if output_format is ShowFormat.json:
        typer.echo(safe_json(report_json(report)), nl=False)
        return
    console = _stdout()
    with _paged(console, pager):
        render_report(report, console)


# --- clause families (treatydiff.families): family, annex, resolve ------------------------


class FamilyFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def family(
    name: Annotated[str, typer.Argument(help="Family name (mappings/families/NAME.yaml) or a family file.")],
    output_format: Annotated[
        FamilyFormat, typer.Option("--format", help="text (terminal) or json.")
    ] = FamilyFormat.text,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Show a clause family: its members in date order, with summaries, relations and texts.

    Example: treatydiff family mutual-military-assistance
    """
    from treatydiff.families.annex import build_family_view, obligations_module
    from treatydiff.families.workspace import Workspace
    from treatydiff.render.family_terminal import family_json, render_family

    workspace = Workspace(_registry(store, tota_dir, texts))
    view = build_family_view(workspace, workspace.family(name), obligations_module())
    if output_format is FamilyFormat.json:
        typer.echo(family_json(view), nl=False)
        return
    console = _stdout()
    with _paged(console):
        render_family(view, console)


@app.command()
def annex(
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[FAMILY]...", help="Families to include.", show_default=False),
    ] = None,
    all_families: Annotated[bool, typer.Option("--all", help="Every shipped family.")] = False,
    out: OutOption = None,
    force: ForceOption = False,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Write the lineage annex of clause families as one self-contained HTML file.

    Example: treatydiff annex --all --out out/focus-pacts.html
    """
    from treatydiff.errors import TreatydiffError
    from treatydiff.families.annex import build_annex
    from treatydiff.families.workspace import Workspace
    from treatydiff.output import check_output, write_output
    from treatydiff.render.family_html import render_family_annex

    if bool(names) == all_families:
        raise TreatydiffError("name families or give --all (not both)", hint="e.g. treatydiff annex --all")
    workspace = Workspace(_registry(store, tota_dir, texts))
    chosen = workspace.families() if all_families else [workspace.family(n) for n in names or ()]
    inputs = [f.path for f in chosen] + [d.path for d in workspace.dossiers().values()]
    target = out or "annex.html"
    if target != "-":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    check_output(target, store=workspace.registry.store, inputs=inputs, force=force)
    result = build_annex(workspace, chosen)
    where = write_output(
        target, render_family_annex(result), store=workspace.registry.store, inputs=inputs, force=force
    )
    cells = [cell for view in result.families for cell in view.cells]
    from_text = sum(1 for cell in cells if cell.origin == "text")
    _say(
        f"wrote {where}: {len(result.families)} families, {len(cells)} cells "
        f"({from_text} from ingested texts, {len(cells) - from_text} from sourced summaries), "
        f"{len(result.contradictions)} open contradictions"
    )
    _warn(result.hooks)


@app.command()
def resolve(
    target: Annotated[str, typer.Argument(metavar="FAMILY-OR-MAP", help="Family name or file, or map file.")],
    accept: Annotated[
        bool, typer.Option("--accept", help="Write the best proposal of each gap (at least --min-score).")
    ] = False,
    min_score: Annotated[float, typer.Option(help="Lowest score --accept takes.", min=0, max=1)] = 0.5,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Propose provisions for unresolved members (or map sides) from ingested texts.

    Each proposal shows its score and evidence (locator terms; alignment when installed).
    The file is written only when you confirm a choice, or with --accept; FILE.bak keeps
    the previous version, and comments and layout are kept.
    Example: treatydiff resolve mutual-military-assistance --accept
    """
    import datetime as dt

    from treatydiff.families.resolve import align_module, find_gaps
    from treatydiff.families.workspace import Workspace
    from treatydiff.families.write import Choice, write_choices

    workspace = Workspace(_registry(store, tota_dir, texts))
    path, gaps = find_gaps(workspace, target)
    out = _stdout()
    if align_module() is None:
        _warn(["automatic alignment (treatydiff.align) is not installed: proposals use locator terms only"])
    interactive = sys.stdin.isatty() and not accept
    today = dt.date.today().isoformat()
    choices = []
    for gap in gaps:
        if not gap.texts:
            hint = f"treatydiff ingest {gap.treaty} FILE --lang …"
            line = f"{gap.name} ({gap.treaty}): no text ingested — {hint}"
            out.print(visible(line), markup=False, soft_wrap=True)
            continue
        heading = f"{gap.name} ({gap.treaty}, texts: {', '.join(gap.texts)}):"
        out.print(visible(heading), markup=False, style="bold")
        if not gap.proposals:
            out.print(visible("  no provision matches its locator"), markup=False)
        for number, p in enumerate(gap.proposals, start=1):
            out.print(
                visible(
                    f"  {number}. {p.provision} — {p.label} [{p.lang}] score {p.score:.2f} ({p.method}: "
                    f"{'; '.join(p.evidence)})"
                )
                + "\n     "
                + visible(p.excerpt),
                markup=False,
                soft_wrap=True,
            )
        chosen = None
        if accept and gap.proposals and gap.proposals[0].score >= min_score:
            chosen = gap.proposals[0]
        elif interactive and gap.proposals:
            answer = typer.prompt(f"  accept 1-{len(gap.proposals)}, or s to skip", default="s")
            if answer.isdigit() and 1 <= int(answer) <= len(gap.proposals):
                chosen = gap.proposals[int(answer) - 1]
        if chosen is not None:
            choices.append(Choice(gap.where, chosen.provision, chosen.method, chosen.lang, chosen.sha256,
                                  chosen.score, today))  # fmt: skip
            out.print(visible(f"  → {gap.name} = {chosen.provision}"), markup=False)
    if choices:
        backup = write_choices(path, choices)
        _say(f"wrote {len(choices)} choice(s) into {path} (previous: {backup})")
    elif any(gap.proposals for gap in gaps):
        _say("nothing written: confirm a choice interactively, or use --accept")


index_app = typer.Typer(
    help="The corpus index that lineage queries search. Example: treatydiff index build",
    no_args_is_help=True,
)
app.add_typer(index_app, name="index")


@index_app.command("build")
def index_build(
    refs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TREATY]...",
            help="Index only these (default: every text the tool can see).",
            show_default=False,
        ),
    ] = None,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Index every provision of the registry, the local store and the ToTA folder for `lineage`.

    The index is one file in the local store, rebuilt from scratch each time.
    Example: treatydiff index build --tota-dir ../corpus/tota
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from treatydiff.lineage.build import build_index
    from treatydiff.lineage.index import index_path
    from treatydiff.model import normalize_treaty_id

    registry = _registry(store, tota_dir, texts, keep_parsed=False)  # a pass over all: keep no parses
    chosen = [(normalize_treaty_id(r), None) for r in refs] if refs else None
    path = index_path(registry.store)
    columns = (
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    console = _stderr()
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("", total=None)

        def advance(done: int, total: int, what: str) -> None:
            progress.update(task, completed=done, total=total, description=what)

        members, provisions = build_index(registry, path, chosen, progress=advance)
    _say(f"indexed {provisions} provisions of {members} texts → {path}")


@app.command()
def lineage(
    ref: Annotated[str, typer.Argument(help="A provision: TREATY:ID, e.g. tota:420:art-5.")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="Relatives in this language (default: the provision's own).")
    ] = None,
    ref_lang: Annotated[str | None, typer.Option("--ref-lang", help="Language version of REF.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many relatives.")] = 10,
    threshold: Annotated[
        float, typer.Option("--min", min=0.0, max=1.0, help="Leave out relatives less similar than this.")
    ] = 0.3,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", help="text (a table) or json.")
    ] = ShowFormat.text,
    pager: PagerOption = True,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """List a provision's closest relatives across the indexed corpus, oldest first.

    Earlier ones are possible ancestors, later ones descendants; each with its similarity,
    the 5-character-shingle Jaccard and a one-line diff summary. Build the index first
    (`treatydiff index build`). Example: treatydiff lineage tota:420:art-5
    """
    from treatydiff.lineage.index import index_path, open_index
    from treatydiff.lineage.report import lineage_json, query, render_lineage
    from treatydiff.model import Citation
    from treatydiff.safe import safe_json
    from treatydiff.store import Store, check_lang

    citation = Citation.parse(ref)
    if lang is not None:
        check_lang(lang)
    index = open_index(index_path(Store(store)))
    # the registry (manifests, parsers) loads only for a provision the index does not hold
    result = query(
        index,
        lambda: _registry(store, tota_dir, texts),
        citation,
        lang=ref_lang,
        other_lang=lang,
        limit=limit,
        threshold=threshold,
    )
    if output_format is ShowFormat.json:
        typer.echo(safe_json(lineage_json(result)), nl=False)
        return
    console = _stdout()
    with _paged(console, pager):
        render_lineage(result, console)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        from treatydiff import __version__

        typer.echo(f"treatydiff {__version__}")
        raise typer.Exit(0)


# --- typer's parameter coercion, without pydantic -------------------------------------


def _converter(annotation: Any, minimum: Any, maximum: Any = None) -> Callable[[Any], Any] | None:
    """A plain converter for one of our parameter types, or None to leave it to typer."""
    if annotation is str or annotation is bool:
        return annotation
    if annotation is Path:
        return lambda value: value if isinstance(value, Path) else Path(value)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        enum = annotation

        def choose(value: Any) -> Any:
            try:
                return enum(value)
            except ValueError:
                choices = ", ".join(repr(member.value) for member in enum)
                raise typer.BadParameter(f"{value!r} is not one of {choices}.") from None

        return choose
    if annotation is int:

        def number(value: Any) -> int:
            try:
                result = int(value)
            except (TypeError, ValueError):
                raise typer.BadParameter(f"{value!r} is not a whole number.") from None
            if minimum is not None and result < minimum:
                raise typer.BadParameter(f"{result} is smaller than the minimum {minimum}.")
            return result

        return number
    if annotation is float:

        def fraction(value: Any) -> float:
            try:
                result = float(value)
            except (TypeError, ValueError):
                result = math.nan
            if math.isnan(result):
                raise typer.BadParameter(f"{value!r} is not a number.")
            if minimum is not None and result < minimum:
                raise typer.BadParameter(f"{result} is smaller than the minimum {minimum}.")
            if maximum is not None and result > maximum:
                raise typer.BadParameter(f"{result} is larger than the maximum {maximum}.")
            return result

        return fraction
    return None


class _PlainParam:
    """Stands in for typer's runtime parameter: ``coerce`` with a plain converter."""

    def __init__(self, convert: Callable[[Any], Any], many: bool) -> None:
        self.convert, self.many = convert, many

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        try:
            if self.many:
                return [self.convert(item) for item in value]
            return self.convert(value)
        except typer.BadParameter as error:
            error.ctx, error.param = ctx, param
            raise


def _plain_coercion(command: Any) -> None:
    """Give each parameter of ``command`` and its subcommands a plain converter, when typer has
    the pydantic machinery (``_runtime_param``) and the type is one of ours; else leave it."""
    from typing import get_args, get_origin

    params = list(getattr(command, "params", ()))
    if hasattr(command, "_help_option"):  # click makes --help on first use and caches it
        from typer._click.core import Context

        params.append(command.get_help_option(Context(command)))
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or not hasattr(param, "_runtime_param"):
            continue
        annotation = descriptor.annotation
        many = get_origin(annotation) is list
        if many:
            annotation = get_args(annotation)[0]
        info = descriptor.parameter_info
        convert = _converter(annotation, getattr(info, "min", None), getattr(info, "max", None))
        if convert is not None:
            param._runtime_param = _PlainParam(convert, many)
    for sub in getattr(command, "commands", {}).values():
        _plain_coercion(sub)


# --- entry point ---------------------------------------------------------------------


def _quiet_stdout() -> None:
    """After a closed pipe: send what is left in stdout's buffer nowhere, so exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 differences with --exit-code or map errors,
    2 bad input or usage, 70 internal error, 130 interrupted). A closed pipe on stdout
    (``treatydiff diff … | head``) ends quietly with 0."""
    try:  # typer 0.24 and later vendor click privately; older releases use click itself
        from typer._click import exceptions as click_exceptions
    except ImportError:  # pragma: no cover
        from click import exceptions as click_exceptions  # type: ignore[no-redef]

    from treatydiff.errors import TreatydiffError

    command = typer.main.get_command(app)
    _plain_coercion(command)
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        with command.make_context("treatydiff", args) as ctx:
            result = command.invoke(ctx)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except TreatydiffError as error:
        _say(f"error: {error}")
        return 2
    except click_exceptions.NoArgsIsHelpError as error:
        sys.stderr.write(error.format_message() + "\n")
        return 2
    except click_exceptions.UsageError as error:
        where = f" (see: treatydiff {error.ctx.info_name if error.ctx else ''} --help)".replace("  ", " ")
        where = where.replace("treatydiff treatydiff", "treatydiff")
        _say(f"error: {error.format_message()}{where}")
        return 2
    except click_exceptions.ClickException as error:
        _say(f"error: {error.format_message()}")
        return 2
    except typer.Exit as done:
        return done.exit_code
    except OSError as error:
        if error.filename is None:  # not about a path: a bug, handled below
            return _internal_error(error)
        # A path the system refuses (permissions, length, a file where a folder should be).
        from treatydiff.errors import InputError

        _say(f"error: {InputError.from_os_error(error)}")
        return 2
    except (typer.Abort, KeyboardInterrupt):
        _say("interrupted")
        return 130
    except Exception as error:  # a bug: say so in one line; TREATYDIFF_DEBUG=1 shows the traceback
        return _internal_error(error)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    return result if isinstance(result, int) else 0


def _internal_error(error: Exception) -> int:
    """A bug: say so in one line; TREATYDIFF_DEBUG=1 shows the traceback."""
    if os.environ.get("TREATYDIFF_DEBUG"):
        raise error
    _say(
        f"internal error: {type(error).__name__}: {' '.join(str(error).split())[:200]} "
        "(a bug in treatydiff: please report it with the command you ran; "
        "TREATYDIFF_DEBUG=1 shows details)"
    )
    return 70


def run() -> None:
    """Console-script entry point (``treatydiff.launch.run`` answers ``--version`` first)."""
    sys.exit(main())
