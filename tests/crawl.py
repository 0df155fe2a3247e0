"""The browser crawl of one language: a page of each kind (site_pages.py), each opened once, collecting what the
pages did and showed. tests/browser/test_crawl.py crawls every language of the real site; the maintainer's copy
(tests/site/test_maintainer.py) crawls the language it adds.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, Route
from site_pages import ANOTHER_HOST, CHROME, TEXT_IN_PAGE_LANGUAGE, foreign_words, one_page_of_each_kind

from explainer.registry import LANGUAGES, PAGE_TYPES, ROOT, Language

MISSING = "no-such-page/"  # answered with the root's 404 page, as GitHub Pages does
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
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


def find_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    violations: list[str] = page.evaluate(RUN_AXE)
    return violations


def crawl_language(
    browser: Browser,
    site: Path,
    base: str,
    language: Language,
    languages: tuple[Language, ...] = LANGUAGES,
    page_types: tuple[str, ...] = PAGE_TYPES,
) -> Crawl:
    """Open a page of each kind of `language` once, in the light palette, and collect what the pages did. A copy of
    the project with languages or types of its own (tests/site/test_maintainer.py) passes them."""
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
    addresses = [base + language.prefix + path for path in one_page_of_each_kind(site, language, languages, page_types)]
    if language == ROOT:
        addresses.append(base + MISSING)  # the 404 page, which a host serves for any missing address
    for address in addresses:
        page.goto(address, wait_until="load")
        found.pages.append(address)
        found.links += links_of(page)
        if words := foreign_words(language).findall(page.evaluate(TEXT_IN_PAGE_LANGUAGE, CHROME)):
            found.foreign[address] = words
        if violations := find_violations(page):  # axe takes a while: late requests of the page come meanwhile
            found.axe[address] = violations
    context.close()
    if language == ROOT:  # the 404 page's own status, which the console reports too
        found.errors.remove(f"{base}{MISSING}: HTTP 404")
        found.errors = [e for e in found.errors if not (e.startswith(base + MISSING) and "status of 404" in e)]
    return found


def status(url: str) -> int:
    """The HTTP status a plain request for an address gets (an error's code, not an exception)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code
