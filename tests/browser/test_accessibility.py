"""axe-core (from npm, injected by Playwright) finds no serious or critical violation, in light and dark, both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "companies/sensetime/", "timeline/", "article/", "charts/", "debate/", "models/", "map/"]
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(" ")}`)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_no_serious_accessibility_violation(browser: Browser, served_site: str, prefix: str, scheme: str) -> None:
    assert AXE.exists(), f"{AXE} is missing: `make test` installs it with npm ci"
    page = browser.new_page(color_scheme=scheme)
    found = {}
    for path in PAGES:
        page.goto(served_site + prefix + path)
        page.add_script_tag(path=str(AXE))
        if violations := page.evaluate(RUN_AXE):
            found[prefix + path] = violations
    page.close()
    assert found == {}
