"""treatydiff: compare treaties clause by clause.

The library's verbs, importable from the package itself::

    from treatydiff import Registry, compare_treaties, load_map, render_html

    registry = Registry(tota_dir=Path("../shared/corpus/tota"))
    comparison = compare_treaties(registry.load("tota:420"), registry.load("tota:423"),
                                  load_map(Path("mappings/tota-420_tota-423.yaml")))
    Path("annex.html").write_text(render_html(comparison), encoding="utf-8")

They are loaded on first use, so importing one module of the package stays cheap.
(``compare_treaties`` is ``treatydiff.compare.compare``: a package attribute cannot
share its name with the ``compare`` module.)
"""

from __future__ import annotations

TYPE_CHECKING = False  # True for type checkers; saves importing typing on every command
if TYPE_CHECKING:  # what type checkers see; at run time each name loads on first use (below)
    from treatydiff.compare import compare as compare_treaties
    from treatydiff.corpus import Registry
    from treatydiff.diff import diff_texts
    from treatydiff.errors import TreatydiffError
    from treatydiff.ingest import load_file, parse_text
    from treatydiff.mapping import check_maps, load_map
    from treatydiff.model import Citation
    from treatydiff.render import render_html, render_json, render_markdown, render_terminal

__version__ = "0.1.0"

_EXPORTS = {  # name → (module, attribute)
    "Registry": ("treatydiff.corpus", "Registry"),
    "load_file": ("treatydiff.ingest", "load_file"),
    "parse_text": ("treatydiff.ingest", "parse_text"),
    "load_map": ("treatydiff.mapping", "load_map"),
    "check_maps": ("treatydiff.mapping", "check_maps"),
    "diff_texts": ("treatydiff.diff", "diff_texts"),
    "compare_treaties": ("treatydiff.compare", "compare"),
    "render_terminal": ("treatydiff.render", "render_terminal"),
    "render_html": ("treatydiff.render", "render_html"),
    "render_markdown": ("treatydiff.render", "render_markdown"),
    "render_json": ("treatydiff.render", "render_json"),
    "Citation": ("treatydiff.model", "Citation"),
    "TreatydiffError": ("treatydiff.errors", "TreatydiffError"),
}
__all__ = [  # spelled out, so that type checkers see the exports (tests check it matches _EXPORTS)
    "Citation",
    "Registry",
    "TreatydiffError",
    "__version__",
    "check_maps",
    "compare_treaties",
    "diff_texts",
    "load_file",
    "load_map",
    "parse_text",
    "render_html",
    "render_json",
    "render_markdown",
    "render_terminal",
]


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'treatydiff' has no attribute {name!r}")
    from importlib import import_module  # here, so that `import treatydiff` imports nothing

    module, attribute = _EXPORTS[name]
    return getattr(import_module(module), attribute)
