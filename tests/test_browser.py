"""The HTML annex in headless Chromium: it loads cleanly, shows both columns and
visible insertions and deletions, and reads the same with JavaScript off.

Uses the system Chromium (``/usr/bin/chromium``) through Playwright; skipped when
either is missing. Two annexes are checked: a synthetic comparison (tests/factories.py)
and the real Russia–Belarus / Russia–Kazakhstan 1992 comparison through the curated map,
built from the shared corpus (skipped when it is absent).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import factories
import pytest
from browser_support import MARKS, launched_browser

from treatydiff.compare import compare
from treatydiff.corpus import Registry, default_mappings_dir
from treatydiff.mapping import load_map
from treatydiff.render import render_html
from treatydiff.store import Store

VIEWPORT = {"width": 1280, "height": 900}

pytestmark = MARKS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_browser()


@pytest.fixture(scope="module")
def annex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("annex") / "annex.html"
    path.write_text(render_html(factories.comparison()), encoding="utf-8")
    return path


def _open(browser: Any, annex: Path, *, javascript: bool = True) -> tuple[Any, list[str]]:
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=javascript)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "request", lambda request: None if request.url.startswith("file:") else problems.append(request.url)
    )
    page.goto(annex.as_uri())
    return page, problems


def test_loads_without_errors_or_requests(browser: Any, annex: Path) -> None:
    page, problems = _open(browser, annex)
    assert page.title().endswith("comparison")
    assert problems == []


def test_both_columns_side_by_side(browser: Any, annex: Path) -> None:
    page, _ = _open(browser, annex)
    left = page.locator("td[id='xa-xb-2001:art-1']").bounding_box()
    right = page.locator("td[id='xa-xb-2009:art-1']").bounding_box()
    assert left and right
    assert left["width"] > 300 and right["width"] > 300
    assert left["x"] + left["width"] <= right["x"] + 1
    assert abs(left["y"] - right["y"]) < 1
    assert right["x"] + right["width"] <= VIEWPORT["width"]


@pytest.mark.parametrize(
    ("selector", "words", "line"),
    [("del", "either", "line-through"), ("ins", "or charges of equivalent effect", "underline")],
)
def test_changes_are_visible_and_styled(
    browser: Any, annex: Path, selector: str, words: str, line: str
) -> None:
    page, _ = _open(browser, annex)
    mark = page.locator(f"#links {selector}", has_text=words).first
    box = mark.bounding_box()
    assert mark.is_visible() and box and box["width"] > 0 and box["height"] > 0
    assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"]
    style = mark.evaluate(_STYLE)
    plain = page.locator("td[id='xa-xb-2001:art-2'] p.text").evaluate(_STYLE)
    assert line in style["decoration"] and line not in plain["decoration"]
    assert style["color"] != plain["color"] and style["background"] != plain["background"]


def _assert_painted(mark: Any, shot: Path) -> None:
    """The mark's screenshot is mostly its own background colour: it is really drawn."""
    background = _rgb(mark.evaluate("e => getComputedStyle(e).backgroundColor"))
    mark.screenshot(path=str(shot))
    _, _, pixels = _png_pixels(shot.read_bytes())
    share = sum(1 for p in pixels if _near(p, background)) / len(pixels)
    assert share > 0.4, f"{shot.stem} background {background} covers only {share:.0%} of its box"


def test_screenshot_shows_the_marks(browser: Any, annex: Path, tmp_path: Path) -> None:
    page, _ = _open(browser, annex)
    full = tmp_path / "annex.png"
    page.screenshot(path=str(full), full_page=True)
    width, height, _ = _png_pixels(full.read_bytes(), header_only=True)
    assert width == VIEWPORT["width"] and height > VIEWPORT["height"]
    for selector, words in (("del", "either"), ("ins", "the other")):
        mark = page.locator(f"#links {selector}", has_text=words).first
        _assert_painted(mark, tmp_path / f"{selector}.png")


# --- the real 420↔423 annex -----------------------------------------------------------


@pytest.fixture(scope="module")
def real_annex(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """The annex the README's main command writes, built through the library."""
    folder = tmp_path_factory.mktemp("real")
    registry = Registry(store=Store(folder / "store"), tota_dir=corpus_dir / "tota")
    clause_map = load_map(default_mappings_dir() / "tota-420_tota-423.yaml")
    comparison = compare(registry.load("tota:420"), registry.load("tota:423"), clause_map)
    path = folder / "tota-420_tota-423.html"
    path.write_text(render_html(comparison), encoding="utf-8")
    return path


@pytest.mark.corpus
def test_real_annex_renders_both_columns_and_marks(browser: Any, real_annex: Path, tmp_path: Path) -> None:
    page, problems = _open(browser, real_annex)
    assert problems == []  # no console errors, no network requests
    left = page.locator("td[id='tota-420:art-1.1']").bounding_box()
    right = page.locator("td[id='tota-423:art-1.1']").bounding_box()
    assert left and right and left["width"] > 300 and right["width"] > 300
    assert left["x"] + left["width"] <= right["x"] + 1 and abs(left["y"] - right["y"]) < 1
    assert right["x"] + right["width"] <= VIEWPORT["width"]
    page.screenshot(path=str(tmp_path / "real.png"), full_page=True)
    for selector in ("del", "ins"):
        marks = page.locator(f"#links {selector}")
        assert marks.count() > 50
        mark = marks.first
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        assert mark.is_visible() and box and box["width"] > 0 and box["height"] > 0
        _assert_painted(mark, tmp_path / f"real-{selector}.png")


@pytest.mark.corpus
def test_real_annex_reads_the_same_without_javascript(browser: Any, real_annex: Path) -> None:
    with_js, _ = _open(browser, real_annex)
    without_js, problems = _open(browser, real_annex, javascript=False)
    assert without_js.inner_text("body") == with_js.inner_text("body")
    assert without_js.locator("td[id='tota-423:art-1.1'] ins").first.is_visible()
    assert problems == []


def test_reads_the_same_without_javascript(browser: Any, annex: Path) -> None:
    with_js, _ = _open(browser, annex)
    without_js, problems = _open(browser, annex, javascript=False)
    assert without_js.inner_text("body") == with_js.inner_text("body")
    assert without_js.locator("#links ins").first.is_visible()
    assert problems == []


_STYLE = """e => { const s = getComputedStyle(e);
  return {decoration: s.textDecorationLine, color: s.color, background: s.backgroundColor}; }"""


def _rgb(css: str) -> tuple[int, int, int]:
    r, g, b = (int(float(v)) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return r, g, b


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False))


def _png_pixels(data: bytes, *, header_only: bool = False) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", data[16:29])
    if header_only:
        return width, height, []
    assert depth == 8 and colour_type in (2, 6) and interlace == 0
    channels = 3 if colour_type == 2 else 4
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        row = _unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels)
        rows.append(row)
        previous = row
    pixels = [tuple(row[x : x + 3]) for row in rows for x in range(0, stride, channels)]
    return width, height, pixels


def _unfilter(kind: int, row: bytearray, above: bytearray, bpp: int) -> bytearray:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        up = above[i]
        corner = above[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            estimate = left + up - corner
            pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
            best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            row[i] = (row[i] + best) & 0xFF
    return row
