"""Entity pages are woven into the site: reached from some other page's body, linking onward, in every language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from rendered import real_inputs
from site_pages import html_pages

from explainer.registry import LANGUAGES, PAGE_TYPES, Language

PER_LANGUAGE = pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])


def _body_links(page: Path, site: Path) -> tuple[str, set[str]]:
    rel = page.parent.relative_to(site).as_posix()
    url = "/" if rel == "." else f"/{rel}/"
    html = page.read_text(encoding="utf-8")
    body = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert body, page
    targets = {urlsplit(urljoin(url, href)).path for href in re.findall(r'href="([^"#][^"]*)"', body.group(1))}
    return url, targets


@PER_LANGUAGE
def test_every_entity_page_is_linked_from_another_page_and_links_to_another_entity(
    built_site: Path, language: Language
) -> None:
    prefix = "/" + language.prefix
    root = built_site / language.prefix
    entity_urls = {f"{prefix}{t}/{d.name}/" for t in PAGE_TYPES for d in (root / t).iterdir() if d.is_dir()}
    index_urls = {f"{prefix}{t}/" for t in PAGE_TYPES}
    assert len(entity_urls) >= 90
    inbound: dict[str, set[str]] = {u: set() for u in entity_urls}
    outbound: dict[str, set[str]] = {u: set() for u in entity_urls}
    for page in html_pages(built_site, language):
        if page.name != "index.html":
            continue
        url, targets = _body_links(page, built_site)
        for target in targets & entity_urls - {url}:
            if url not in index_urls:
                inbound[target].add(url)
            if url in outbound:
                outbound[url].add(target)
    assert [u for u, s in inbound.items() if not s] == []
    assert [u for u, s in outbound.items() if not s] == []


@PER_LANGUAGE
def test_timeline_lists_every_event_in_date_order(built_site: Path, language: Language) -> None:
    """The year pages, in the order the overview links them, hold every event once, in date order."""
    prefix = language.prefix
    overview = (built_site / prefix / "timeline" / "index.html").read_text(encoding="utf-8")
    years = list(dict.fromkeys(re.findall(r'href="(\d{4})/"', overview)))
    assert years == sorted(years) and len(years) > 3
    html = "".join((built_site / prefix / "timeline" / y / "index.html").read_text(encoding="utf-8") for y in years)
    items = re.findall(r'<li[^>]* id="([^"]+)"[^>]*>\s*<p><time datetime="([^"]+)"', html)
    events = real_inputs().factbases[language.code].of_type("events")
    assert sorted(i for i, _ in items) == sorted(e.id for e in events)
    dates = [d for _, d in items]
    assert dates == sorted(dates)


def test_glossary_links_in_the_article_carry_a_short_definition(built_site: Path) -> None:
    html = (built_site / "article" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="../glossary/maas/" title="[^"]+">MaaS</a>', html)


def test_article_links_the_longest_name_first(built_site: Path) -> None:
    html = (built_site / "article" / "index.html").read_text(encoding="utf-8")
    paragraph = re.search(r'<p[^>]* id="p12"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert '<a href="../models/tiangong/">天工3.5</a>' in paragraph
