"""axe-core (from npm, injected by Playwright) finds no serious or critical violation, in light and dark, both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = ["", "companies/sensetime/", "timeline/", "article/", "charts/", "debate/", "models/", "map/"]
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(" ")}`)"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs it with npm ci")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_no_serious_accessibility_violation(browser: Browser, served_site: str, prefix: str, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    found = {}
    for path in PAGES:
        page.goto(served_site + prefix + path)
        page.add_script_tag(path=str(AXE))
        if violations := page.evaluate(RUN_AXE):
            found[prefix + path] = violations
    page.close()
    assert found == {}
