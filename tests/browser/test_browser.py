"""The site in Debian's chromium: search per language, the language switcher, no outside requests, no errors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page
from search_box import search

pytestmark = pytest.mark.browser


class Watched:
    """A page that records console errors, failed requests and any request that leaves 127.0.0.1."""

    def __init__(self, browser: Browser):
        self.context = browser.new_context()
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"{self.page.url}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"{self.page.url}: {e}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.url}: HTTP {r.status}"))

    def _route(self, route, request) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(request.url)
            route.abort()


def _in_site(url: str, served_site: str) -> str:
    """A URL's path within the site, which is served under a sub-path: '/en/timeline/' for .../baimo/en/timeline/."""
    return urlsplit(url).path.removeprefix(urlsplit(served_site).path)


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    watched = Watched(browser)
    yield watched
    watched.context.close()


def _page_sample(site: Path, base: str) -> list[str]:
    """One page of each kind in each language, and a regular sample of the rest.

    Every page made from its own template (home, article, timeline, debate, verdict, charts, map, data, each
    index) and the first two pages of each type are opened; of the other entity pages, every SAMPLE_EVERY-th.
    The link check has already read every page; this test is about what runs in the browser.
    """
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if p.parent.name != "search")
    chosen, seen_in_folder = [], Counter[str]()
    for index, page in enumerate(pages):
        parts = [part for part in page.split("/") if part not in (".", "en")]
        folder = "/".join(parts[:-1]) if len(parts) > 1 else ""
        if page.startswith("en"):
            folder = "en:" + folder
        seen_in_folder[folder] += 1
        if len(parts) <= 1 or seen_in_folder[folder] <= 2 or index % SAMPLE_EVERY == 0:
            chosen.append(f"{base}/{page}/".replace("/./", "/"))
    return chosen


SAMPLE_EVERY = 15


def test_every_kind_of_page_loads_without_errors_or_outside_requests(
    built_site: Path, served_site: str, watched: Watched
) -> None:
    urls = _page_sample(built_site, served_site)
    assert len(urls) > 40
    for prefix in ("", "/en"):
        for page in ("/", "/verdict/", "/map/", "/timeline/", "/companies/", "/models/", "/glossary/"):
            assert f"{served_site}{prefix}{page}" in urls
    for url in urls:
        watched.page.goto(url, wait_until="load")
    watched.page.wait_for_timeout(500)  # let late requests (search worker, sitemap) happen too
    assert watched.outside == []
    assert watched.errors == []


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/", "通义千问", "/models/tongyi-qianwen/"),
        ("/", "王小川", "/people/wang-xiaochuan/"),
        ("/", "千问", "/models/tongyi-qianwen/"),
        ("/", "商汤", "/companies/sensetime/"),
        ("/en/", "Qwen", "/en/models/tongyi-qianwen/"),
        ("/en/", "SenseTime", "/en/companies/sensetime/"),
        ("/en/", "Tongyi Qianwen", "/en/models/tongyi-qianwen/"),
        ("/", "360", "/companies/qihoo-360/"),
        ("/", "郑宏", "/people/zheng-hongda/"),  # part of a name, as it is being typed
        ("/en/", "GPT-3", "/en/models/gpt-3/"),
        ("/en/", "gpu", "/en/glossary/gpu/"),
        ("/", "深度求索", "/companies/deepseek/"),  # companies that came after the article
        ("/en/", "DeepSeek", "/en/companies/deepseek/"),
        ("/", "月之暗面", "/companies/moonshot-ai/"),
        ("/en/", "Kimi", "/en/models/kimi/"),
    ],
)
def test_search_puts_the_named_page_first_in_the_readers_language(
    served_site: str, watched: Watched, path: str, query: str, expected: str
) -> None:
    page = watched.page
    page.goto(served_site + path)
    hrefs: list[str] = []

    def first_is_expected() -> bool:
        links = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
        hrefs[:] = [_in_site(h, served_site) for h in links]
        return hrefs[:1] == [expected]

    search(page, query, first_is_expected)
    english = path.startswith("/en/")
    assert all(h.startswith("/en/") == english for h in hrefs), hrefs
    assert hrefs[:1] == [expected], (hrefs, watched.errors, page.locator(".md-search-result__meta").inner_text())
    assert watched.outside == []


@pytest.mark.parametrize("path", ["/companies/sensetime/", "/en/timeline/"])
def test_the_search_index_and_worker_load_only_when_the_reader_opens_search(
    served_site: str, watched: Watched, path: str
) -> None:
    page = watched.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(served_site + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not any(p.endswith("/search_index.json") or "/workers/search." in p for p in requested), requested
    with (
        page.expect_request(lambda r: "/workers/search." in r.url),
        page.expect_request(lambda r: r.url.endswith("/search/search_index.json")),
    ):
        page.locator("input.md-search__input").click()
    assert watched.errors == [] and watched.outside == []


def test_a_search_result_link_still_highlights_the_words_searched(served_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(served_site + "/en/companies/sensetime/?h=SenseTime")
    page.wait_for_selector("mark[data-md-highlight]", timeout=10_000)
    assert "SenseTime" in page.locator("mark[data-md-highlight]").first.inner_text()
    assert watched.errors == [] and watched.outside == []


@pytest.mark.parametrize(
    ("start", "target_name", "end"),
    [("/timeline/", "English", "/en/timeline/"), ("/en/companies/sensetime/", "中文", "/companies/sensetime/")],
)
def test_language_switcher_keeps_the_reader_on_the_same_page(
    served_site: str, watched: Watched, start: str, target_name: str, end: str
) -> None:
    page = watched.page
    page.goto(served_site + start)
    page.wait_for_load_state("networkidle")
    page.locator(".md-select").first.hover()
    page.locator("a.md-select__link", has_text=target_name).click()
    page.wait_for_url(served_site + end)
    assert _in_site(page.url, served_site) == end
    assert watched.errors == [] and watched.outside == []


# Counts, from before the page's own scripts run, each time the body is marked as switching palettes.
_COUNT_SWITCHING = """
window.switching = 0;
new MutationObserver(() => { if (document.body.hasAttribute("data-md-color-switching")) window.switching++; })
  .observe(document, {attributes: true, subtree: true, attributeFilter: ["data-md-color-switching"]});
"""


def test_the_dark_palette_is_chosen_kept_and_not_switched_to_on_every_load(served_site: str, watched: Watched) -> None:
    """Material marked the body as switching palettes on every load, restyling the page twice (theme_patches.py)."""
    page = watched.page
    page.add_init_script(_COUNT_SWITCHING)
    page.goto(served_site + "/verdict/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("[document.body.dataset.mdColorScheme, window.switching]") == ["default", 0]
    page.locator("label.md-header__button[for='__palette_1']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("window.switching") == 1
    page.goto(served_site + "/en/timeline/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("[document.body.dataset.mdColorScheme, window.switching]") == ["slate", 0]
    assert watched.errors == [] and watched.outside == []


def test_a_way_back_from_a_footnote_into_the_verdicts_table_lands_on_its_cell(
    served_site: str, watched: Watched
) -> None:
    """The verdict's table is laid out only as the reader nears it (explainer.css); a link into it still finds its place."""
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "/verdict/companies/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("getComputedStyle(document.querySelector('.verdict-table')).contentVisibility") == "auto"
    ref = page.evaluate("document.querySelector('.verdict-table sup[id^=fnref]').id")
    page.locator(f"a.footnote-backref[href='#{ref}']").click()
    page.wait_for_timeout(500)
    top, height = page.evaluate(f"(r => [r.top, r.height])(document.getElementById('{ref}').getBoundingClientRect())")
    assert 0 <= top < 844 and height > 0
    assert watched.errors == [] and watched.outside == []


# Adds up, from before the page's own scripts run, every layout shift the browser reports.
_COUNT_SHIFTS = """
window.shifted = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) window.shifted += e.value; })
  .observe({type: "layout-shift", buffered: true});
"""


def test_the_timeline_filters_are_there_from_the_first_paint_and_only_with_a_script(
    browser: Browser, served_site: str, watched: Watched
) -> None:
    """Revealed by the script after the first paint, the filters pushed the year's events down (a layout shift)."""
    page = watched.page
    page.add_init_script(_COUNT_SHIFTS)
    page.goto(served_site + "/timeline/2023/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.locator("form.timeline-filter").is_visible()
    # 0.062 when the script revealed them; what remains (about 0.001) is Material's header settling.
    assert page.evaluate("window.shifted") < 0.005
    assert watched.errors == [] and watched.outside == []
    without_script = browser.new_context(java_script_enabled=False)
    plain = without_script.new_page()
    plain.goto(served_site + "/timeline/2023/")
    assert plain.locator("ol.timeline > li").count() > 10 and not plain.locator("form.timeline-filter").is_visible()
    without_script.close()
