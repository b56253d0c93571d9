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
from treatydiff.corpus import IngestResult, Registry, default_mappings_dir
from treatydiff.errors import FetchError, InputError, TreatydiffError, UnknownTreaty
from treatydiff.manifest import MetaEdit
from treatydiff.mapping import check_maps, load_map
from treatydiff.model import Body, Citation, ClauseMap, Comparison, Treaty, normalize_treaty_id
from treatydiff.output import check_output, write_output
from treatydiff.render import render_html, render_json, render_markdown, render_terminal
from treatydiff.render.outline import render_outline, render_provision, treaty_json
from treatydiff.store import Store

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
        shown = [
            f"{lang} ({entry.versions[lang]} versions)" if entry.versions.get(lang, 0) > 1 else lang
            for lang in entry.available
        ]
        shown += [f"{lang}: broken" for lang in entry.versions if lang not in entry.available]
        available = ", ".join(shown) if shown else "[dim]no text yet[/dim]"
        origin = "" if entry.origin == "registry" else " [dim](local)[/dim]"
        table.add_row(
            meta.id + origin, meta.title(), meta.signed_date or "", " ".join(meta.parties), available
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
    citation = Citation.parse(ref)
    registry = _registry(store, tota_dir, texts)
    if history:
        for line in history_lines(registry, citation.treaty, lang):
            typer.echo(line)
        return
    treaty = registry.load(citation.treaty, lang, version)
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
    registry = _registry(store, tota_dir, texts)
    edit = MetaEdit(title=title, signed=signed, place=place, parties=tuple(party or ()))
    result = registry.ingest(
        treaty_id, file, lang=lang, fmt=input_format.value, strict=strict, edit=edit, force=force
    )
    _warn(result.warnings)
    for line in ingest_report(result):
        _stderr.print(line, markup=False)


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
    """Validate clause maps, clause families and manifests' dossiers: schema, refs, duplicates, coverage.

    Prints one line per problem (file:line: error|warning: message) and a summary per
    map. Exits 1 when any map has an error. Example: treatydiff check mappings/*.yaml
    """
    from treatydiff.families.workspace import Workspace, is_family_file

    family_files = [path for path in maps or () if is_family_file(path)]
    paths = [path for path in maps if path not in family_files] if maps else None
    if paths is None:
        paths = sorted(default_mappings_dir().glob("*.yaml"))
    if not paths and not family_files:
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
    workspace = Workspace(registry)  # families, manifests' dossiers, locators of unresolved map sides
    results += workspace.check_locators(paths)
    results += workspace.check_families(family_files if maps else None)
    if not maps:
        results += workspace.check_dossiers()
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


def history_lines(registry: Registry, ref: str, lang: str | None) -> list[str]:
    """The lines of ``show --history``: every stored version, oldest first, each verified."""
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
    out: OutOption = None,
    force: ForceOption = False,
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
    inputs = [map_file, left_treaty.provenance.file, right_treaty.provenance.file]
    inputs += [left_treaty.meta.manifest, right_treaty.meta.manifest]
    if out is not None:
        check_output(out, store=registry.store, inputs=inputs, force=force)
    _warn([*left_treaty.body.warnings, *right_treaty.body.warnings])
    comparison = _compare_with_progress(left_treaty, right_treaty, clause_map)
    if out is not None:
        where = write_output(
            out, _report(comparison, output_format), store=registry.store, inputs=inputs, force=force
        )
        summary = comparison.summary
        _stderr.print(
            f"wrote {where}: {len(comparison.rows)} links — {summary.changed} changed, "
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
    inputs = [against, left_treaty.provenance.file, right_treaty.provenance.file]
    inputs += [left_treaty.meta.manifest, right_treaty.meta.manifest]
    if out is not None:
        check_output(out, store=registry.store, inputs=inputs, force=force)
    _warn([*left_treaty.body.warnings, *right_treaty.body.warnings])
    alignment = suggest_links(left_treaty, right_treaty, paragraphs=level is AlignLevel.paragraph)
    title = (
        f"Suggested alignment of {left_treaty.meta.id} ({left_treaty.lang}) "
        f"and {right_treaty.meta.id} ({right_treaty.lang})"
    )
    if out is not None:
        text = draft_map(alignment, title=title, date=dt.date.today().isoformat())
        where = write_output(out, text, store=registry.store, inputs=inputs, force=force)
        _stderr.print(f"wrote {where}: {len(alignment.suggestions)} suggested links", markup=False)
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
    from treatydiff.families.annex import build_annex
    from treatydiff.families.workspace import Workspace
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
    _stderr.print(
        f"wrote {where}: {len(result.families)} families, {len(cells)} cells "
        f"({from_text} from ingested texts, {len(cells) - from_text} from sourced summaries), "
        f"{len(result.contradictions)} open contradictions",
        markup=False,
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
            out.print(f"{gap.name} ({gap.treaty}): no text ingested — {hint}", markup=False, soft_wrap=True)
            continue
        out.print(f"{gap.name} ({gap.treaty}, texts: {', '.join(gap.texts)}):", markup=False, style="bold")
        if not gap.proposals:
            out.print("  no provision matches its locator", markup=False)
        for number, p in enumerate(gap.proposals, start=1):
            out.print(
                f"  {number}. {p.provision} — {p.label} [{p.lang}] score {p.score:.2f} ({p.method}: "
                f"{'; '.join(p.evidence)})\n     {p.excerpt}",
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
            out.print(f"  → {gap.name} = {chosen.provision}", markup=False)
    if choices:
        backup = write_choices(path, choices)
        _stderr.print(f"wrote {len(choices)} choice(s) into {path} (previous: {backup})", markup=False)
    elif any(gap.proposals for gap in gaps):
        _stderr.print("nothing written: confirm a choice interactively, or use --accept", markup=False)


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
