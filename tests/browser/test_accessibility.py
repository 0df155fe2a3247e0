"""axe-core (from npm, injected by Playwright) finds no serious or critical violation, in light and dark, both languages."""

from __future__ import annotations

import pytest
from axe_check import AXE, run_axe
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

PAGES = ["", "companies/sensetime/", "timeline/", "article/", "charts/", "debate/", "models/", "map/"]
RUN_AXE = run_axe()


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
