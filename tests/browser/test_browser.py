"""The site in Debian's chromium, in every language: search, the language switcher, the palette, no outside requests,\nno errors. The crawl of a page of each kind is test_crawl.py."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page
from rendered import real_inputs
from search_box import search
from site_pages import ANOTHER_HOST

from explainer.registry import LANGUAGES, ROOT, Language, language

pytestmark = pytest.mark.browser


class Watched:
    """A page that records console errors, failed requests and any request that leaves 127.0.0.1."""

    def __init__(self, browser: Browser):
        self.context = browser.new_context()
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context.route(ANOTHER_HOST, self._refuse)  # the site's own requests go untouched
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"{self.page.url}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"{self.page.url}: {e}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.url}: HTTP {r.status}"))

    def _refuse(self, route, request) -> None:  # type: ignore[no-untyped-def]
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


# Queries a reader types, with the page they want first; the names of every entity of the fact base are searched
# in every language by `make bench-search`. Each language also searches the names below in its own words.
QUERIES = {
    "zh": [
        ("通义千问", "models/tongyi-qianwen/"),
        ("王小川", "people/wang-xiaochuan/"),
        ("千问", "models/tongyi-qianwen/"),
        ("商汤", "companies/sensetime/"),
        ("360", "companies/qihoo-360/"),
        ("郑宏", "people/zheng-hongda/"),  # part of a name, as it is being typed
        ("深度求索", "companies/deepseek/"),  # companies that came after the article
        ("月之暗面", "companies/moonshot-ai/"),
    ],
    "en": [
        ("Qwen", "models/tongyi-qianwen/"),
        ("SenseTime", "companies/sensetime/"),
        ("Tongyi Qianwen", "models/tongyi-qianwen/"),
        ("GPT-3", "models/gpt-3/"),
        ("gpu", "glossary/gpu/"),
        ("DeepSeek", "companies/deepseek/"),
        ("Kimi", "models/kimi/"),
    ],
}
NAMED = ("wang-xiaochuan", "sensetime", "tongyi-qianwen", "moonshot-ai")  # searched by their names in each language


def _queries(language: Language) -> list[tuple[str, str]]:
    facts = real_inputs().factbases[language.code]
    named = [(facts.get(i).name(language.code), f"{facts.get(i).type}/{i}/") for i in NAMED]
    return QUERIES.get(language.code, []) + named


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_search_puts_the_named_page_first_in_the_readers_language(
    served_site: str, watched: Watched, language: Language
) -> None:
    """Every query on one page, as a reader searching again: the index is built once per language."""
    page = watched.page
    page.goto(f"{served_site}/{language.prefix}", wait_until="load")
    own = urlsplit(served_site).path + "/" + language.prefix
    wrong = {}
    for query, expected in _queries(language):
        hrefs: list[str] = []

        def first_is_expected(expected: str = expected, hrefs: list[str] = hrefs) -> bool:
            links = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
            hrefs[:] = [urlsplit(h).path.removeprefix(own) for h in links]
            return hrefs[:1] == [expected] and all(urlsplit(h).path.startswith(own) for h in links)

        search(page, query, first_is_expected)
        if not first_is_expected():
            wrong[query] = hrefs[:3]
    assert wrong == {}, (wrong, watched.errors)
    assert watched.outside == [] and watched.errors == []


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_the_search_index_and_worker_load_only_when_the_reader_opens_search(
    served_site: str, watched: Watched, language: Language
) -> None:
    page = watched.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(f"{served_site}/{language.prefix}companies/sensetime/", wait_until="load")
    page.wait_for_timeout(500)  # what a page asks for of itself after it loaded
    assert not any(p.endswith("/search_index.json") or "/workers/search." in p for p in requested), requested
    with (
        page.expect_request(lambda r: "/workers/search." in r.url),
        page.expect_request(lambda r: r.url.endswith(f"/{language.prefix}search/search_index.json")),
    ):
        page.locator("input.md-search__input").click()
    assert watched.errors == [] and watched.outside == []


def test_a_search_result_link_still_highlights_the_words_searched(served_site: str, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{served_site}/{language('en').prefix}companies/sensetime/?h=SenseTime")  # English words
    page.wait_for_selector("mark[data-md-highlight]", timeout=10_000)
    assert "SenseTime" in page.locator("mark[data-md-highlight]").first.inner_text()
    assert watched.errors == [] and watched.outside == []


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_language_switcher_keeps_the_reader_on_the_same_page(
    served_site: str, watched: Watched, language: Language
) -> None:
    """From each language's timeline to the next language's (the last to the first): every language is left and
    reached once. The reader's journey (tests/journeys) switches between every pair on an entity's page."""
    target = LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]
    page = watched.page
    page.goto(f"{served_site}/{language.prefix}timeline/", wait_until="load")
    page.locator(".md-select").first.hover()
    page.locator("a.md-select__link", has_text=target.name).click()
    page.wait_for_url(f"{served_site}/{target.prefix}timeline/")
    assert _in_site(page.url, served_site) == f"/{target.prefix}timeline/"
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
    other = next(language for language in LANGUAGES if language != ROOT)
    page.goto(f"{served_site}/{ROOT.prefix}verdict/", wait_until="load")
    assert page.evaluate("[document.body.dataset.mdColorScheme, window.switching]") == ["default", 0]
    page.locator("label.md-header__button[for='__palette_1']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("window.switching") == 1
    page.goto(f"{served_site}/{other.prefix}timeline/", wait_until="load")
    assert page.evaluate("[document.body.dataset.mdColorScheme, window.switching]") == ["slate", 0]
    assert watched.errors == [] and watched.outside == []


def test_a_way_back_from_a_footnote_into_the_verdicts_table_lands_on_its_cell(
    served_site: str, watched: Watched
) -> None:
    """The verdict's table is laid out only as the reader nears it (explainer.css); a link into it still finds its place."""
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "/verdict/companies/", wait_until="load")
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
    page.goto(served_site + "/timeline/2023/", wait_until="load")
    page.wait_for_timeout(500)  # shifts after the load count too
    assert page.locator("form.timeline-filter").is_visible()
    # 0.062 when the script revealed them; what remains (about 0.001) is Material's header settling.
    assert page.evaluate("window.shifted") < 0.005
    assert watched.errors == [] and watched.outside == []
    without_script = browser.new_context(java_script_enabled=False)
    plain = without_script.new_page()
    plain.goto(served_site + "/timeline/2023/")
    assert plain.locator("ol.timeline > li").count() > 10 and not plain.locator("form.timeline-filter").is_visible()
    without_script.close()
