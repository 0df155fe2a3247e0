"""The site under a sub-path, as GitHub Pages serves a project site (https://OWNER.github.io/REPO/).

The session's site (tests/conftest.py) is built with `make site`'s code for http://127.0.0.1:PORT/baimo/ and
served there, with the root 404 page answering every missing address as GitHub Pages does. A page of each kind is opened in both languages:
every same-origin request and every link (the language switcher, navigation, assets, canonical, og:url, JSON-LD)
must stay under /baimo/ and answer 200, and so must the sitemaps; a search result must open there.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page
from search_box import search

pytestmark = pytest.mark.browser

SUB_PATH = "/baimo/"
PAGES = [
    "",
    "article/",
    "timeline/",
    "debate/",
    "charts/",
    "map/",
    "data/",
    "companies/",
    "companies/sensetime/",
    "models/tongyi-qianwen/",
    "people/wang-xiaochuan/",
    "glossary/gpu/",
]
MISSING = "companies/no-such-company/"  # answered with the 404 page, as GitHub Pages does


@pytest.fixture(scope="module")
def sub_path_site(served_site: str) -> str:
    """The session's site: built for http://127.0.0.1:PORT/baimo/ and served there (tests/conftest.py)."""
    return served_site + "/"


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def _links_of(page: Page) -> list[str]:
    """Every address the page names: href and src as the browser resolves them, og:url and URLs in JSON-LD."""
    links: list[str] = page.locator("[href], [src]").evaluate_all(
        "els => els.map(e => e.href || e.src).filter(u => typeof u === 'string' && u)"
    )
    links += page.locator('meta[property="og:url"]').evaluate_all("els => els.map(e => e.content)")
    for block in page.locator('script[type="application/ld+json"]').all_text_contents():
        links += re.findall(r'"(https?://[^"]+)"', json.dumps(json.loads(block)))
    return links


@pytest.fixture(scope="module")
def crawled(sub_path_site: str, browser: Browser) -> dict[str, list[str]]:
    """Opens a page of each kind in both languages: {"requests": [...], "links": [...], "errors": [...]}.

    A 304 is the browser revalidating a file it already holds, as good as a 200."""
    context = browser.new_context()
    page = context.new_page()
    found: dict[str, list[str]] = {"requests": [], "links": [], "errors": []}
    page.on("request", lambda r: found["requests"].append(r.url))
    page.on("response", lambda r: r.status not in (200, 304) and found["errors"].append(f"{r.url}: HTTP {r.status}"))
    page.on("pageerror", lambda e: found["errors"].append(f"{page.url}: {e}"))
    for prefix in ("", "en/"):
        for path in PAGES:
            page.goto(sub_path_site + prefix + path, wait_until="networkidle")
            found["links"] += _links_of(page)
    page.goto(sub_path_site + MISSING, wait_until="networkidle")
    found["links"] += _links_of(page)
    found["errors"].remove(f"{sub_path_site}{MISSING}: HTTP 404")
    context.close()
    return found


def _same_origin(urls: list[str], base: str) -> list[str]:
    origin = urlsplit(base).netloc
    return sorted({u.split("#")[0] for u in urls if urlsplit(u).netloc == origin})


def test_every_request_of_every_kind_of_page_stays_under_the_sub_path(
    sub_path_site: str, crawled: dict[str, list[str]]
) -> None:
    requests = _same_origin(crawled["requests"], sub_path_site)
    assert len(requests) > 2 * len(PAGES)
    assert [u for u in requests if not u.startswith(sub_path_site)] == []
    assert crawled["errors"] == []


def test_every_link_of_every_kind_of_page_stays_under_the_sub_path_and_answers(
    sub_path_site: str, crawled: dict[str, list[str]]
) -> None:
    links = _same_origin(crawled["links"], sub_path_site)
    assert len(links) > 200
    assert [u for u in links if not u.startswith(sub_path_site)] == []
    assert [f"{u}: {code}" for u in links if (code := _status(u)) != 200] == []


def test_switcher_canonical_and_og_url_name_the_page_under_the_sub_path(sub_path_site: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(sub_path_site + "en/companies/sensetime/")
    switcher = page.locator("a.md-select__link").evaluate_all("els => els.map(e => e.href)")
    assert switcher == [sub_path_site + "companies/sensetime/", sub_path_site + "en/companies/sensetime/"]
    assert page.locator('link[rel="canonical"]').get_attribute("href") == sub_path_site + "en/companies/sensetime/"
    og_url = page.locator('meta[property="og:url"]').get_attribute("content")
    assert og_url == sub_path_site + "en/companies/sensetime/"
    page.goto(sub_path_site + "en/" + MISSING)  # the 404 page, however deep
    assert page.locator("a.md-select__link").first.evaluate("e => e.href") == sub_path_site
    page.close()


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_sitemap_addresses_are_under_the_sub_path_and_answer(sub_path_site: str, lang_prefix: str) -> None:
    with urllib.request.urlopen(sub_path_site + lang_prefix + "sitemap.xml", timeout=10) as response:
        sitemap = response.read().decode("utf-8")
    addresses = re.findall(r"<loc>([^<]+)</loc>", sitemap) + re.findall(r'hreflang="\w+" href="([^"]+)"', sitemap)
    assert len(addresses) > 200
    assert [a for a in addresses if not a.startswith(sub_path_site + lang_prefix) and "<loc>" in a] == []
    assert [a for a in addresses if not a.startswith(sub_path_site)] == []
    assert [a for a in sorted(set(addresses))[:: len(addresses) // 40] if _status(a) != 200] == []


@pytest.mark.parametrize(
    ("lang_prefix", "query", "expected"),
    [("", "商汤", "companies/sensetime/"), ("en/", "SenseTime", "companies/sensetime/")],
)
def test_a_search_result_opens_under_the_sub_path(
    sub_path_site: str, browser: Browser, lang_prefix: str, query: str, expected: str
) -> None:
    page = browser.new_page()
    page.goto(sub_path_site + lang_prefix + "timeline/")
    result = page.locator(".md-search-result__link").first
    search(page, query, lambda: result.count() > 0)
    target = sub_path_site + lang_prefix + expected
    assert urljoin(page.url, result.get_attribute("href") or "").split("?")[0] == target
    with page.expect_response(lambda r: r.url.split("?")[0] == target) as response:
        result.click()
    assert response.value.status == 200
    assert urlsplit(page.url).path == urlsplit(target).path
    page.close()
