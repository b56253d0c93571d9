"""Terminal views of one treaty: its outline as a tree, or one provision's text.

Every string from data passes through :func:`~treatydiff.safe.visible` and
reaches rich as ``Text``, never as markup.
"""

from __future__ import annotations

import json

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text
from rich.tree import Tree

from treatydiff.model import Provision, Treaty
from treatydiff.safe import safe_json, safe_text, visible

__all__ = ["render_outline", "render_provision", "treaty_json"]

_CONTAINERS = {"part", "title", "chapter", "section", "annex"}
_EXCERPT = 90  # characters of text shown per leaf in an outline line


def _excerpt(provision: Provision) -> str:
    """The start of the provision's words, without the heading already shown in its label."""
    text = " ".join(provision.text.split())
    for shown in (provision.label, provision.heading):
        if shown and text.casefold().startswith(shown.casefold()):
            text = text[len(shown) :].lstrip(" .:—-")
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _node_label(provision: Provision, *, with_text: bool) -> Text:
    """``id  label — heading`` and, when asked, an excerpt of the text on a second line."""
    line = Text()
    line.append(visible(provision.id), style="bold cyan")
    line.append("  ")
    shown = provision.heading and provision.heading.casefold() not in provision.label.casefold()
    heading = f" — {provision.heading}" if shown else ""
    line.append(visible(provision.label + heading), style="bold" if provision.kind in _CONTAINERS else "")
    if with_text:
        line.append("\n" + visible(_excerpt(provision)), style="dim")
    return line


def _add(tree: Tree, provision: Provision, depth: int, max_depth: int) -> None:
    """Add ``provision`` at ``depth`` (1 = article level; containers do not count)."""
    container = provision.kind in _CONTAINERS
    expanded = bool(provision.children) and (container or depth < max_depth)
    branch = tree.add(_node_label(provision, with_text=not expanded))
    if expanded:
        for child in provision.children:
            _add(branch, child, depth if container else depth + 1, max_depth)


def render_outline(treaty: Treaty, console: Console, *, max_depth: int = 3) -> None:
    """Print a treaty's provision tree: ids, labels and a short excerpt of each leaf."""
    meta = treaty.meta
    head = safe_text(meta.title(treaty.lang), "bold")
    head.append(visible(f"\n{meta.id} · {treaty.lang}", lines=True), style="cyan")
    if meta.signed_date:
        signed = f" · signed {meta.signed_date}" + (f", {meta.signed_place}" if meta.signed_place else "")
        head.append(visible(signed))
    tree = Tree(head)
    for top in treaty.body.provisions:
        _add(tree, top, 1, max_depth)
    articles = len(treaty.body.articles())
    chapters = sum(1 for p in treaty.body.walk() if p.kind == "chapter")
    console.print(tree)
    console.print(
        safe_text(
            f"{articles} articles, {chapters} chapters · source {treaty.provenance.file} "
            f"· sha256 {treaty.provenance.sha256[:12]}…",
            "dim",
        )
    )


def render_provision(treaty: Treaty, provision: Provision, console: Console) -> None:
    """Print one provision in full, with its citation and an outline of its parts."""
    title = safe_text(str(treaty.cite(provision.id)), "bold cyan")
    title.append(visible(f"  {provision.label}"), style="bold")
    parts: list[Text | Tree] = []
    if provision.heading:
        parts.append(safe_text(provision.heading, "italic"))
    parts.append(safe_text(provision.text.strip(), lines=True))
    if provision.children:
        tree = Tree(Text("parts", style="dim"))
        for child in provision.children:
            tree.add(_node_label(child, with_text=False))
        parts.append(tree)
    subtitle = safe_text(treaty.meta.title(treaty.lang))
    console.print(Panel(Group(*parts), title=title, title_align="left", subtitle=subtitle))


def treaty_json(treaty: Treaty, provision: Provision | None = None) -> str:
    """``show --format json``: metadata, provenance and provisions (id, kind, label, text, span)."""
    meta = treaty.meta
    provisions = [provision] if provision is not None else list(treaty.body.provisions)
    document = {
        "format": "treatydiff.show/1",
        "treaty": {
            "id": meta.id,
            "title": meta.title(treaty.lang),
            "titles": meta.titles,
            "parties": list(meta.parties),
            "signed_date": meta.signed_date,
            "lang": treaty.lang,
        },
        "provenance": treaty.provenance.to_dict(),
        "provisions": [p.to_dict() for p in provisions],
    }
    return safe_json(json.dumps(document, ensure_ascii=False, indent=2))
