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

import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route
from site_pages import ANOTHER_HOST, CHROME, TEXT_IN_PAGE_LANGUAGE, foreign_words, kind_of, one_page_of_each_kind

from explainer.registry import LANGUAGES, PAGE_TYPES, ROOT, Language

pytestmark = pytest.mark.browser

MISSING = "no-such-page/"  # answered with the root's 404 page, as GitHub Pages does
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(" ")}`)"""


@dataclass
class Crawl:
    """What the pages of one language did and showed, page by page where it matters."""

    pages: list[str] = field(default_factory=list)  # every address opened
    requests: list[str] = field(default_factory=list)  # every request made, to any host
    outside: list[str] = field(default_factory=list)  # requests to another host than 127.0.0.1 (refused)
    errors: list[str] = field(default_factory=list)  # console errors, script errors, responses but 200 and 304
    links: list[str] = field(default_factory=list)  # every address the pages name
    axe: dict[str, list[str]] = field(default_factory=dict)  # page: axe's serious and critical findings (light)
    foreign: dict[str, list[str]] = field(default_factory=dict)  # page: words of the theme's frame in another script


# Every address a page names: href and src as the browser resolves them, og:url, and the URLs in its JSON-LD.
LINKS = """() => [
  ...[...document.querySelectorAll("[href], [src]")].map(e => e.href || e.src).filter(u => typeof u === "string" && u),
  ...[...document.querySelectorAll('meta[property="og:url"]')].map(e => e.content),
  ...[...document.querySelectorAll('script[type="application/ld+json"]')]
    .flatMap(s => JSON.stringify(JSON.parse(s.textContent)).match(/"https?:\\/\\/[^"]+"/g) || [])
    .map(u => JSON.parse(u)),
]"""


def links_of(page: Page) -> list[str]:
    links: list[str] = page.evaluate(LINKS)
    return links


def _find_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    violations: list[str] = page.evaluate(RUN_AXE)
    return violations


def crawl_language(browser: Browser, site: Path, base: str, language: Language) -> Crawl:
    """Open a page of each kind of `language` once, in the light palette, and collect what the pages did."""
    assert AXE.exists(), f"{AXE} is missing: `make test` installs it with npm ci"
    found = Crawl()
    context = browser.new_context(color_scheme="light")

    def refuse(route: Route) -> None:
        found.outside.append(route.request.url)
        route.abort()

    context.route(ANOTHER_HOST, refuse)
    page = context.new_page()
    page.on("request", lambda r: found.requests.append(r.url))
    page.on("response", lambda r: r.status not in (200, 304) and found.errors.append(f"{r.url}: HTTP {r.status}"))
    page.on("console", lambda m: m.type == "error" and found.errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: found.errors.append(f"{page.url}: {e}"))
    addresses = [base + language.prefix + path for path in one_page_of_each_kind(site, language)]
    if language == ROOT:
        addresses.append(base + MISSING)  # the 404 page, which a host serves for any missing address
    for address in addresses:
        page.goto(address, wait_until="load")
        found.pages.append(address)
        found.links += links_of(page)
        if words := foreign_words(language).findall(page.evaluate(TEXT_IN_PAGE_LANGUAGE, CHROME)):
            found.foreign[address] = words
        if violations := _find_violations(page):  # axe takes a while: late requests of the page come meanwhile
            found.axe[address] = violations
    context.close()
    if language == ROOT:  # the 404 page's own status, which the console reports too
        found.errors.remove(f"{base}{MISSING}: HTTP 404")
        found.errors = [e for e in found.errors if not (e.startswith(base + MISSING) and "status of 404" in e)]
    return found


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


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


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
        statuses = dict(zip(links, pool.map(_status, links), strict=True))
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
        if violations := _find_violations(page):
            found[address] = violations
    page.close()
    assert found == {}
