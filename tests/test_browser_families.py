"""The focus-pact lineage annex in headless Chromium: it loads without errors or requests, and
the mutual-assistance family shows its members as columns in date order with honest cells.

Uses the system Chromium (``/usr/bin/chromium``) through Playwright; skipped when either is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from treatydiff.cli import main

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 1000}
FAMILY = "mutual-military-assistance"
# 1921 → 2001 → 2025 (Iran), 1961 → 2000 → 2024 (DPRK), 2024 (Belarus), by date of signature
COLUMNS = [
    "ir-ru-1921", "su-kp-1961", "ru-kp-2000", "ir-ru-2001", "ru-kp-2024", "ru-by-2024", "ru-by-2024#attack",
    "ir-ru-2025",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"headless Chromium not installed at {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


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
