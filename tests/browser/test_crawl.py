"""One crawl per language in Debian's chromium: a page of each kind (tests/site_pages.py), each opened once, on the
site served under a sub-path as GitHub Pages serves a project site (https://OWNER.github.io/REPO/).

The session's site (tests/conftest.py) is built with `make site`'s code for http://127.0.0.1:PORT/baimo/ and served
there, with the root 404 page answering every missing address. Each page, as it is opened, gives: every request it
makes (one to another host is refused and noted), every console error, script error and failed response, every
address it names (href and src, og:url, JSON-LD), axe-core's serious and critical findings in the light palette,
and any word of the theme's frame in another language's script. The tests below read what one crawl collected;
axe in the dark palette runs on two pages in all.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from crawl import Crawl, crawl_language, find_violations, status
from playwright.sync_api import Browser
from site_pages import kind_of, one_page_of_each_kind

from explainer.registry import LANGUAGES, PAGE_TYPES, ROOT, Language

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def crawl(browser: Browser, built_site: Path, served_site: str) -> Callable[[Language], Crawl]:
    """The crawl of a language, made the first time a test asks for it."""
    done: dict[str, Crawl] = {}

    def of(language: Language) -> Crawl:
        if language.code not in done:
            done[language.code] = crawl_language(browser, built_site, served_site + "/", language)
        return done[language.code]

    return of


def _same_origin(urls: list[str], base: str) -> list[str]:
    origin = urlsplit(base).netloc
    return sorted({u.split("#")[0] for u in urls if urlsplit(u).netloc == origin})


PER_LANGUAGE = pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])


@PER_LANGUAGE
def test_every_kind_of_page_loads_without_errors_or_requests_to_another_host(
    crawl: Callable[[Language], Crawl], language: Language
) -> None:
    found = crawl(language)
    assert len(found.pages) >= 15
    assert found.outside == []
    assert found.errors == []


@PER_LANGUAGE
def test_every_request_of_every_kind_of_page_stays_under_the_sub_path(
    crawl: Callable[[Language], Crawl], served_site: str, language: Language
) -> None:
    requests = _same_origin(crawl(language).requests, served_site)
    assert len(requests) > len(crawl(language).pages)  # every page, and the files they load
    assert [u for u in requests if not u.startswith(served_site + "/")] == []


@PER_LANGUAGE
def test_every_link_of_every_kind_of_page_stays_under_the_sub_path_and_answers(
    crawl: Callable[[Language], Crawl], served_site: str, language: Language
) -> None:
    links = _same_origin(crawl(language).links, served_site)
    assert len(links) > 200
    assert [u for u in links if not u.startswith(served_site + "/")] == []
    with ThreadPoolExecutor(8) as pool:
        statuses = dict(zip(links, pool.map(status, links), strict=True))
    assert [f"{u}: {code}" for u, code in statuses.items() if code != 200] == []


@PER_LANGUAGE
def test_no_serious_accessibility_violation_in_the_light_palette(
    crawl: Callable[[Language], Crawl], language: Language
) -> None:
    assert crawl(language).axe == {}


@PER_LANGUAGE
def test_the_theme_speaks_the_pages_language_on_every_kind_of_page(
    crawl: Callable[[Language], Crawl], language: Language
) -> None:
    assert crawl(language).foreign == {}


def test_no_serious_accessibility_violation_in_the_dark_palette(
    browser: Browser, built_site: Path, served_site: str
) -> None:
    """Two pages in all: the root language's verdict (admonitions, tables, charts) and another language's richest
    entity page (infobox, quotations, footnotes); the crawls cover every kind in the light palette."""
    other = next(language for language in LANGUAGES if language != ROOT)
    entity = max(p for p in one_page_of_each_kind(built_site, other) if kind_of(p).removesuffix("/*") in PAGE_TYPES)
    page = browser.new_page(color_scheme="dark")
    found = {}
    for address in (f"{served_site}/{ROOT.prefix}verdict/", f"{served_site}/{other.prefix}{entity}"):
        page.goto(address, wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", address
        if violations := find_violations(page):
            found[address] = violations
    page.close()
    assert found == {}
