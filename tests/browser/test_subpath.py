"""The site under a sub-path, as GitHub Pages serves a project site (https://OWNER.github.io/REPO/).

The session's site (tests/conftest.py) is built with `make site`'s code for http://127.0.0.1:PORT/baimo/ and
served there, with the root 404 page answering every missing address as GitHub Pages does. The crawl of each
language (test_crawl.py) finds every request and every link of a page of each kind under /baimo/, answering 200;
here, the switcher, canonical and og:url name the page there, the sitemaps' addresses stay there and answer, and a
search result opens there, in every language.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest
from crawl import status
from playwright.sync_api import Browser
from rendered import real_inputs
from search_box import search

from explainer.registry import LANGUAGES, ROOT, Language

pytestmark = pytest.mark.browser

MISSING = "companies/no-such-company/"  # answered with the root's 404 page, as GitHub Pages does
PER_LANGUAGE = pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])


@pytest.fixture(scope="module")
def sub_path_site(served_site: str) -> str:
    """The session's site: built for http://127.0.0.1:PORT/baimo/ and served there (tests/conftest.py)."""
    return served_site + "/"


@PER_LANGUAGE
def test_switcher_canonical_and_og_url_name_the_page_under_the_sub_path(
    sub_path_site: str, browser: Browser, language: Language
) -> None:
    page = browser.new_page()
    entity = "companies/sensetime/"
    page.goto(sub_path_site + language.prefix + entity)
    switcher = page.locator("a.md-select__link").evaluate_all("els => els.map(e => e.href)")
    assert switcher == [sub_path_site + other.prefix + entity for other in LANGUAGES]
    assert page.locator('link[rel="canonical"]').get_attribute("href") == sub_path_site + language.prefix + entity
    og_url = page.locator('meta[property="og:url"]').get_attribute("content")
    assert og_url == sub_path_site + language.prefix + entity
    page.goto(sub_path_site + language.prefix + MISSING)  # the root's 404 page, however deep
    assert page.locator("a.md-select__link").first.evaluate("e => e.href") == sub_path_site + ROOT.prefix
    page.close()


@PER_LANGUAGE
def test_sitemap_addresses_are_under_the_sub_path_and_answer(sub_path_site: str, language: Language) -> None:
    with urllib.request.urlopen(sub_path_site + language.prefix + "sitemap.xml", timeout=10) as response:
        sitemap = response.read().decode("utf-8")
    pages = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    alternates = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', sitemap)
    assert len(pages) > 50 and len(alternates) == len(pages) * len(LANGUAGES)
    assert [a for a in pages if not a.startswith(sub_path_site + language.prefix)] == []
    addresses = pages + [address for _, address in alternates]
    assert [a for a in addresses if not a.startswith(sub_path_site)] == []
    assert [a for a in sorted(set(addresses))[:: len(addresses) // 40] if status(a) != 200] == []


@PER_LANGUAGE
def test_a_search_result_opens_under_the_sub_path(sub_path_site: str, browser: Browser, language: Language) -> None:
    expected = "companies/sensetime/"
    query = real_inputs().factbases[language.code].get("sensetime").name(language.code)
    page = browser.new_page()
    page.goto(sub_path_site + language.prefix + "timeline/")
    result = page.locator(".md-search-result__link").first
    search(page, query, lambda: result.count() > 0)
    target = sub_path_site + language.prefix + expected
    assert urljoin(page.url, result.get_attribute("href") or "").split("?")[0] == target
    with page.expect_response(lambda r: r.url.split("?")[0] == target) as response:
        result.click()
    assert response.value.status == 200
    assert urlsplit(page.url).path == urlsplit(target).path
    page.close()
