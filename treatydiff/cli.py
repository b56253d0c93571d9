"""The ``treatydiff`` command: a thin typed layer over the library.

Each command parses its options, calls one library function and hands the result
to a renderer. Every expected failure is a ``TreatydiffError``; ``main`` prints it
as one line on stderr and exits with code 2 (usage errors too).
"""

from __future__ import annotations

import io
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from treatydiff import __version__

try:  # typer 0.24 and later vendor click privately; older releases use click itself
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions  # type: ignore[no-redef]
from treatydiff.compare import compare, map_langs
from treatydiff.corpus import Registry, default_mappings_dir
from treatydiff.errors import FetchError, InputError, TreatydiffError, UnknownTreaty
from treatydiff.mapping import check_maps, load_map
from treatydiff.model import Body, Citation, ClauseMap, Comparison, Treaty, normalize_treaty_id
from treatydiff.render import render_html, render_json, render_markdown, render_terminal
from treatydiff.render.outline import render_outline, render_provision, treaty_json
from treatydiff.store import Store, write_atomic

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


_COUNTED = (("article", "articles"), ("chapter", "chapters"), ("section", "sections"), ("annex", "annexes"))


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


class DiffFormat(StrEnum):
    term = "term"
    html = "html"
    md = "md"
    json = "json"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    tota = "tota"


def _registry(store: Path | None, tota_dir: Path | None, texts: Path | None) -> Registry:
    return Registry(texts_dir=texts, store=Store(store), tota_dir=tota_dir)


def _stdout() -> Console:
    return Console(soft_wrap=False, highlight=False)


_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _warn(messages: Sequence[str]) -> None:
    for message in messages:
        _stderr.print(f"warning: {' '.join(message.split())}", markup=False)


@contextmanager
def _paged(console: Console) -> Iterator[None]:
    """Page long output when stdout is an interactive terminal."""
    if console.is_terminal and sys.stdin.isatty():
        with console.pager(styles=True):
            yield
    else:
        yield


@app.command("list")
def list_treaties(
    store: StoreOption = None, tota_dir: TotaDirOption = None, texts: TextsOption = None
) -> None:
    """List registry entries and which language versions are available.

    Example: treatydiff list
    """
    from rich.table import Table

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
        available = ", ".join(entry.available) if entry.available else "[dim]no text yet[/dim]"
        origin = "" if entry.origin == "registry" else " [dim](local)[/dim]"
        table.add_row(
            meta.id + origin, meta.title(), meta.signed_date or "", " ".join(meta.parties), available
        )
    _stdout().print(table)


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
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Show a treaty's outline, or one provision's text.

    Example: treatydiff show un-charter:art-51 --lang ru
    """
    citation = Citation.parse(ref)
    treaty = _registry(store, tota_dir, texts).load(citation.treaty, lang)
    provision = treaty.get(citation.provision) if citation.provision else None
    _warn(treaty.body.warnings)
    if output_format is ShowFormat.json:
        typer.echo(treaty_json(treaty, provision))
        return
    console = _stdout()
    with _paged(console):
        if provision is None:
            render_outline(treaty, console, max_depth=depth)
        else:
            render_provision(treaty, provision, console)


@app.command()
def ingest(
    treaty_id: Annotated[str, typer.Argument(metavar="ID", help="Registry id to store the text under.")],
    file: Annotated[
        Path, typer.Argument(help="The text: plain text/Markdown, saved HTML page, or ToTA XML.")
    ],
    lang: LangOption = None,
    input_format: Annotated[InputFormat, typer.Option("--format", help="Input format.")] = InputFormat.auto,
    title: Annotated[str | None, typer.Option(help="Title for a new id without a manifest.")] = None,
    strict: Annotated[
        bool, typer.Option(help="Fail (instead of warn) when the structure differs from the manifest.")
    ] = False,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Parse a copy of a treaty and save it, with its provenance, in the local store.

    Example: treatydiff ingest un-charter charter_ru.txt --lang ru
    """
    registry = _registry(store, tota_dir, texts)
    result = registry.ingest(treaty_id, file, lang=lang, fmt=input_format.value, title=title, strict=strict)
    _warn(result.warnings)
    body = result.treaty.body
    kinds: Counter[str] = Counter(p.kind for p in body.walk())
    structure = ", ".join(f"{kinds[kind]} {name}" for kind, name in _COUNTED if kinds[kind])
    _stderr.print(
        f"ingested {result.treaty.meta.id} ({body.lang}): {structure}, "
        f"{sum(kinds.values())} provisions → {result.path}",
        markup=False,
    )
    if result.created_manifest:
        _stderr.print(f"created a minimal manifest: {result.created_manifest}", markup=False)


@app.command()
def check(
    maps: Annotated[
        list[Path] | None,
        typer.Argument(help="Map files (default: every mappings/*.yaml).", show_default=False),
    ] = None,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """Validate clause maps: schema, refs, duplicates, contradictions, coverage.

    Prints one line per problem (file:line: error|warning: message) and a summary per
    map. Exits 1 when any map has an error. Example: treatydiff check mappings/*.yaml
    """
    paths = maps or sorted(default_mappings_dir().glob("*.yaml"))
    if not paths:
        raise TreatydiffError("no maps to check", file=default_mappings_dir(), hint="name map files")
    registry = _registry(store, tota_dir, texts)

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
    out = _stdout()
    for result in results:
        for problem in result.problems:
            out.print(
                str(problem),
                markup=False,
                soft_wrap=True,
                style="red" if problem.severity == "error" else "yellow",
            )
        for coverage in result.coverage:
            if coverage.missing:
                shown = ", ".join(coverage.missing[:_MAX_LISTED])
                more = (
                    f" and {len(coverage.missing) - _MAX_LISTED} more"
                    if len(coverage.missing) > _MAX_LISTED
                    else ""
                )
                out.print(
                    f"{result.path}: {coverage.treaty}: no link mentions {shown}{more}",
                    markup=False,
                    soft_wrap=True,
                )
        out.print(result.summary(), markup=False, soft_wrap=True, style="bold" if result.ok else "bold red")
    if not all(result.ok for result in results):
        raise typer.Exit(1)


_MAX_LISTED = 40  # unlinked ids listed per treaty by `check`


def _guard_output(out: Path, inputs: Sequence[str | None]) -> None:
    """Refuse to write a report over one of the comparison's own inputs."""
    target = out.expanduser().resolve()
    if target.is_dir():
        raise TreatydiffError("is a folder; name a file", file=out)
    for path in inputs:
        if path and Path(path).expanduser().resolve() == target:
            raise TreatydiffError(
                "is an input of this comparison; refusing to overwrite it",
                file=out,
                hint="choose another --out",
            )


def _report(comparison: Comparison, output_format: DiffFormat) -> str:
    if output_format is DiffFormat.html:
        return render_html(comparison)
    if output_format is DiffFormat.md:
        return render_markdown(comparison)
    if output_format is DiffFormat.json:
        return render_json(comparison)
    buffer = io.StringIO()
    render_terminal(comparison, Console(width=120, no_color=True, force_terminal=False, file=buffer))
    return buffer.getvalue()


def _compare_with_progress(left: Treaty, right: Treaty, clause_map: ClauseMap | None) -> Comparison:
    # The aligner makes the links a map does not: all of them without a map, else the gaps.
    from treatydiff.align.links import fill_gaps, suggest_links

    if not _stderr.is_terminal:
        return compare(left, right, clause_map, aligner=suggest_links, fill_gaps=fill_gaps)
    from rich.progress import Progress

    with Progress(console=_stderr, transient=True) as progress:
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
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the report to this file (never over an input).")
    ] = None,
    left_lang: Annotated[str | None, typer.Option("--left-lang", help="Language version of LEFT.")] = None,
    right_lang: Annotated[str | None, typer.Option("--right-lang", help="Language version of RIGHT.")] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when differences were found.")
    ] = False,
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
    clause_map = load_map(map_file) if map_file is not None else None
    registry = _registry(store, tota_dir, texts)
    if clause_map is not None:
        ids = normalize_treaty_id(left), normalize_treaty_id(right)
        left_lang, right_lang = map_langs(clause_map, *ids, given=(left_lang, right_lang))
    left_treaty = registry.load(left, left_lang)
    right_treaty = registry.load(right, right_lang)
    if out is not None:
        manifests = [left_treaty.meta.manifest, right_treaty.meta.manifest]
        _guard_output(
            out,
            [
                str(map_file) if map_file else None,
                left_treaty.provenance.file,
                right_treaty.provenance.file,
                *manifests,
            ],
        )
    _warn([*left_treaty.body.warnings, *right_treaty.body.warnings])
    comparison = _compare_with_progress(left_treaty, right_treaty, clause_map)
    if out is not None:
        write_atomic(out, _report(comparison, output_format).encode("utf-8"))
        summary = comparison.summary
        _stderr.print(
            f"wrote {out}: {len(comparison.rows)} links — {summary.changed} changed, "
            f"{summary.unchanged} unchanged, "
            f"{summary.added} added, {summary.dropped} dropped"
            + (f", {summary.parallel} in parallel" if summary.parallel else ""),
            markup=False,
        )
    elif output_format is DiffFormat.term:
        console = _stdout()
        with _paged(console):
            render_terminal(comparison, console)
    else:
        typer.echo(_report(comparison, output_format), nl=False)
    summary = comparison.summary
    if exit_code and summary.added + summary.dropped + summary.changed:
        raise typer.Exit(1)


class AlignLevel(StrEnum):
    paragraph = "paragraph"
    article = "article"


@app.command()
def align(
    left: Annotated[str, typer.Argument(help="Left treaty: registry id or tota:N.")],
    right: Annotated[str, typer.Argument(help="Right treaty: registry id or tota:N.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the draft map to this file (never over an input).")
    ] = None,
    against: Annotated[
        Path | None, typer.Option("--against", help="Score the suggestions against this curated map.")
    ] = None,
    level: Annotated[
        AlignLevel, typer.Option("--level", help="paragraph (where both articles have them) or article.")
    ] = AlignLevel.paragraph,
    left_lang: Annotated[str | None, typer.Option("--left-lang", help="Language version of LEFT.")] = None,
    right_lang: Annotated[str | None, typer.Option("--right-lang", help="Language version of RIGHT.")] = None,
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

    clause_map = load_map(against) if against is not None else None
    registry = _registry(store, tota_dir, texts)
    if clause_map is not None:
        ids = normalize_treaty_id(left), normalize_treaty_id(right)
        left_lang, right_lang = map_langs(clause_map, *ids, given=(left_lang, right_lang))
    left_treaty = registry.load(left, left_lang)
    right_treaty = registry.load(right, right_lang)
    if out is not None:
        _guard_output(
            out,
            [
                str(against) if against else None,
                left_treaty.provenance.file,
                right_treaty.provenance.file,
                left_treaty.meta.manifest,
                right_treaty.meta.manifest,
            ],
        )
    _warn([*left_treaty.body.warnings, *right_treaty.body.warnings])
    alignment = suggest_links(left_treaty, right_treaty, paragraphs=level is AlignLevel.paragraph)
    title = (
        f"Suggested alignment of {left_treaty.meta.id} ({left_treaty.lang}) "
        f"and {right_treaty.meta.id} ({right_treaty.lang})"
    )
    if out is not None:
        text = draft_map(alignment, title=title, date=dt.date.today().isoformat())
        write_atomic(out, text.encode("utf-8"))
        _stderr.print(f"wrote {out}: {len(alignment.suggestions)} suggested links", markup=False)
    if clause_map is not None:
        links = links_between(
            clause_map, (left_treaty.meta.id, left_treaty.lang), (right_treaty.meta.id, right_treaty.lang)
        )
        evaluation = evaluate(alignment, links, left_treaty.body, right_treaty.body)
        typer.echo("\n".join(report_lines(evaluation)))
    elif out is None:
        typer.echo(draft_map(alignment, title=title, date=dt.date.today().isoformat()), nl=False)


@app.command()
def obligations(
    ref: Annotated[str, typer.Argument(help="TREATY or TREATY:ID, e.g. tota:420 or un-charter:art-2.")],
    lang: LangOption = None,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", help="text (a table) or json.")
    ] = ShowFormat.text,
    store: StoreOption = None,
    tota_dir: TotaDirOption = None,
    texts: TextsOption = None,
) -> None:
    """List obligation statements: modality, bearer, trigger, action, matched rule and span.

    Languages with a vocabulary: en, ru (docs/obligations.md).
    Example: treatydiff obligations un-charter:art-2 --lang ru
    """
    from treatydiff.obligations.report import obligation_report, render_report, report_json

    citation = Citation.parse(ref)
    treaty = _registry(store, tota_dir, texts).load(citation.treaty, lang)
    report = obligation_report(treaty, citation.provision)
    _warn(treaty.body.warnings)
    if output_format is ShowFormat.json:
        typer.echo(report_json(report), nl=False)
        return
    console = _stdout()
    with _paged(console):
        render_report(report, console)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"treatydiff {__version__}")
        raise typer.Exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 differences with --exit-code or map errors,
    2 bad input or usage, 70 internal error, 130 interrupted)."""
    command = typer.main.get_command(app)
    try:
        result = command.main(
            args=list(argv) if argv is not None else None, prog_name="treatydiff", standalone_mode=False
        )
    except TreatydiffError as error:
        _stderr.print(f"error: {error}", markup=False)
        return 2
    except click_exceptions.UsageError as error:
        where = f" (see: treatydiff {error.ctx.info_name if error.ctx else ''} --help)".replace("  ", " ")
        _stderr.print(f"error: {error.format_message()}{where}", markup=False)
        return 2
    except click_exceptions.ClickException as error:
        _stderr.print(f"error: {error.format_message()}", markup=False)
        return 2
    except OSError as error:
        if error.filename is None:  # not about a path: a bug, handled below
            return _internal_error(error)
        # A path the system refuses (permissions, length, a file where a folder should be).
        _stderr.print(f"error: {InputError.from_os_error(error)}", markup=False)
        return 2
    except (typer.Abort, KeyboardInterrupt):
        _stderr.print("interrupted", markup=False)
        return 130
    except Exception as error:
        return _internal_error(error)
    return result if isinstance(result, int) else 0


def _internal_error(error: Exception) -> int:
    """A bug: say so in one line; TREATYDIFF_DEBUG=1 shows the traceback."""
    if os.environ.get("TREATYDIFF_DEBUG"):
        raise error
    _stderr.print(
        f"internal error: {type(error).__name__}: {' '.join(str(error).split())[:200]} "
        "(a bug in treatydiff: please report it with the command you ran; "
        "TREATYDIFF_DEBUG=1 shows details)",
        markup=False,
    )
    return 70


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
