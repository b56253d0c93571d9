"""The focus-pact lineage annex in headless Chromium: it loads without errors or requests, and
the mutual-assistance family shows its members as columns in date order with honest cells.

Uses the system Chromium (``/usr/bin/chromium``) through Playwright; skipped when either is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import ARGS, CHROMIUM, MARKS, launched_browser
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer

from treatydiff.cli import main

VIEWPORT = {"width": 1400, "height": 1000}
FAMILY = "mutual-military-assistance"
# 1921 → 2001 → 2025 (Iran), 1961 → 2000 → 2024 (DPRK), 2024 (Belarus), by date of signature
COLUMNS = [
    "ir-ru-1921", "su-kp-1961", "ru-kp-2000", "ir-ru-2001", "ru-kp-2024", "ru-by-2024", "ru-by-2024#attack",
    "ir-ru-2025",
]  # fmt: skip

pytestmark = MARKS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_browser()


@pytest.fixture(scope="module")
def annex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("focus")
    out = folder / "focus-pacts.html"
    assert main(["annex", "--all", "--out", str(out), "--store", str(folder / "store")]) == 0
    return out


def open_page(browser: Any, path: Path) -> tuple[Any, list[str]]:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: None if r.url.startswith("file:") else problems.append(r.url))
    page.goto(path.as_uri())
    return page, problems


def cell(page: Any, row: str, member: str) -> Any:
    return page.locator(f"#family-{FAMILY} tr.{row} td[data-member='{member}']")


def test_mutual_assistance_family_columns_and_cells(browser: Any, annex: Path, tmp_path: Path) -> None:
    page, problems = open_page(browser, annex)
    section = page.locator(f"#family-{FAMILY}")
    section.screenshot(path=str(tmp_path / "mutual-assistance.png"))
    assert (tmp_path / "mutual-assistance.png").stat().st_size > 10_000
    heads = section.locator("thead th[data-member]")
    assert [heads.nth(i).get_attribute("data-member") for i in range(heads.count())] == COLUMNS
    xs = [cell(page, "provision", m).bounding_box()["x"] for m in COLUMNS]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)  # side by side, in date order
    assert "Article 4" in cell(page, "provision", "ru-kp-2024").inner_text()
    assert "Article 3(3)" in cell(page, "provision", "ir-ru-2025").inner_text()
    assert "unresolved" in cell(page, "provision", "ir-ru-2001").inner_text()
    assert "absent" in cell(page, "provision", "ru-kp-2000").inner_text()
    reversal = cell(page, "profile", "ru-kp-2024").locator(".change[data-against='ir-ru-2025']")
    assert reversal.get_attribute("data-kinds").startswith("reversed")
    assert "against ir-ru-2025: reversed: must give the aggressor" in reversal.inner_text()
    for member in COLUMNS:
        assert "text not loaded — treatydiff ingest" in cell(page, "text", member).inner_text()
        assert "sourced summary, confidence" in cell(page, "origin", member).inner_text()
        assert cell(page, "text", member).is_visible()
    assert problems == []


# The font stack's Korean faces (families.html.j2, --korean); Debian's fonts-noto-cjk has the first.
KOREAN_FONTS = ("Noto Sans CJK KR", "Noto Serif CJK KR", "Apple SD Gothic Neo", "Malgun Gothic")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def korean_font_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def test_korean_locator_renders_in_a_hangul_font(browser: Any, annex: Path) -> None:
    """The ko terms of an unresolved member are drawn with a font that has Hangul, not as boxes."""
    if not korean_font_installed() and not os.environ.get("CI"):
        pytest.skip("no font with Hangul on this machine (Debian: apt-get install fonts-noto-cjk)")
    page, problems = open_page(browser, annex)
    span = cell(page, "provision", "ir-ru-2001").locator("span[lang='ko']")
    hangul = len(HANGUL.findall(span.inner_text()))
    assert hangul >= 4
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    selector = f"#family-{FAMILY} tr.provision td[data-member='ir-ru-2001'] span[lang='ko']"
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    # the fonts Chromium actually drew the span with, and how many glyphs each drew
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    korean = sum(f["glyphCount"] for f in fonts if f["familyName"] in KOREAN_FONTS)
    assert korean >= hangul, fonts  # without such a font the Hangul is drawn as .notdef boxes
    assert problems == []


# --- printing: Chromium's own print to PDF, read back with pdfminer -----------------------

# synthetic: a family whose first body row (a long summary) is taller than a printed page
TALL_FAMILY = """treatydiff-family: 1
name: tall-{n}
title: Synthetic tall family {n}
subject: synthetic
authors: [treatydiff tests]
status: draft
members:
- treaty: ir-ru-2025
  ref: art-3.3
  summary: {words}
  evidence: [Synthetic source 2026]
  confidence: high
- treaty: ru-kp-2024
  ref: art-4
  summary: A short synthetic summary.
  evidence: [Synthetic source 2026]
  confidence: high
"""


def print_pages(html: Path, pdf: Path) -> list[tuple[str, float]]:
    """(text, share of the page's height that holds text) per printed page."""
    command = [str(CHROMIUM), "--headless", *ARGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf}"]
    subprocess.run([*command, html.as_uri()], check=True, capture_output=True, timeout=300)
    pages = []
    for page in extract_pages(pdf):
        boxes = [e for e in page if isinstance(e, LTTextContainer)]
        text = " ".join("".join(box.get_text() for box in boxes).split())
        bottom = min((box.y0 for box in boxes), default=page.height)
        pages.append((text, (page.height - bottom) / page.height))
    return pages


def family_titles(html: Path) -> list[str]:
    titles = re.findall(
        r'<section class="family" id="family-[^"]+">\n<h2>([^<]+)</h2>', html.read_text("utf-8")
    )
    return [" ".join(t.split()) for t in titles]


def heading_pages(pages: list[tuple[str, float]], titles: list[str]) -> dict[str, tuple[str, float]]:
    found = {t: next((p for p in pages if t in p[0]), None) for t in titles}
    assert all(found.values()), [t for t, p in found.items() if p is None]
    return {t: p for t, p in found.items() if p is not None}


def test_printed_annex_has_no_empty_page_and_no_heading_left_alone(annex: Path, tmp_path: Path) -> None:
    pages = print_pages(annex, tmp_path / "annex.pdf")
    assert len(pages) > 10
    assert [i + 1 for i, (text, _) in enumerate(pages) if not text] == []  # no empty page
    titles = family_titles(annex)
    assert len(titles) == 10
    for title, (text, used) in heading_pages(pages, titles).items():
        # the family's first body row is printed under its heading (the label is upper-cased)
        assert "PROVISION" in text.split(title, 1)[1], title
        assert used > 0.5, (title, used)


def test_a_row_taller_than_a_page_splits_under_its_heading(tmp_path: Path) -> None:
    families = tmp_path / "families"
    families.mkdir()
    words = " ".join(f"synthetic{i}" for i in range(900))
    for n in range(2):
        (families / f"tall-{n}.yaml").write_text(TALL_FAMILY.format(n=n, words=words), encoding="utf-8")
    html = tmp_path / "tall.html"
    paths = [str(p) for p in sorted(families.glob("*.yaml"))]
    assert main(["annex", *paths, "--out", str(html), "--store", str(tmp_path / "store")]) == 0
    pages = print_pages(html, tmp_path / "tall.pdf")
    for title, (text, used) in heading_pages(pages, family_titles(html)).items():
        assert "SUMMARY" in text and used > 0.8, (title, used)  # not pushed whole to the next page
