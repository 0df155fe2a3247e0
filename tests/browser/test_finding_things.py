"""How a reader finds things (issue 29, items 8 and 9), in Chromium in every language: pages promise only the
filters they have, lists are in the reader's order, a filter says how much it shows, a topic finds its section
first, a year's search result shows its events, and names work in every language, as the search box says."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from rendered import real_inputs
from search_box import search

from explainer.registry import LANGUAGES, PAGE_TYPES, Language, alternates
from explainer.render.text import date_label

pytestmark = pytest.mark.browser

CODES = [language.code for language in LANGUAGES]


def _language(code: str) -> Language:
    return next(language for language in LANGUAGES if language.code == code)


def _words(code: str) -> dict[str, str]:
    return real_inputs().vocabulary.words[code]


def _collator(language: Language) -> str:
    """The locale a browser sorts the language's names with: its tag and, where the registry names one, its
    collation ("zh-Hans-u-co-pinyin")."""
    return language.tag + (f"-u-co-{language.collation}" if language.collation else "")


# Whether a list of names is in the order the browser's own collation for the locale gives.
IN_ORDER = (
    "([names, locale]) => JSON.stringify(names) === JSON.stringify([...names].sort(new Intl.Collator(locale).compare))"
)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


# --- Navigation ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_the_timeline_overview_leads_to_the_filters_it_speaks_of(served_site: str, page: Page, lang: str) -> None:
    """The overview said it could be filtered and had no filter: the filters are on the year pages it links to."""
    page.goto(f"{served_site}/{_language(lang).prefix}timeline/")
    assert page.locator("form.timeline-filter").count() == 0
    years = (
        page.locator("#years ~ ul")
        .first.locator("a")
        .evaluate_all(
            "links => links.map(a => a.href).filter(href => !href.includes('#'))"  # not the headline events' links
        )
    )
    assert len(years) >= 5
    for year in years:
        page.goto(year)
        assert page.locator("form.timeline-filter select").count() == 2, year


@pytest.mark.parametrize("lang", CODES)
def test_a_years_object_filter_is_grouped_by_type_and_in_the_readers_order(
    served_site: str, page: Page, lang: str
) -> None:
    language = _language(lang)
    type_names = {_words(lang)[f"type.{t}"]: t for t in PAGE_TYPES}
    for year in ("2023", "2025"):
        page.goto(f"{served_site}/{language.prefix}timeline/{year}/")
        groups = page.locator("select[name=entity] optgroup").evaluate_all(
            "groups => groups.map(g => [g.label, [...g.querySelectorAll('option')].map(o => o.textContent)])"
        )
        assert len(groups) >= 3 and sum(len(names) for _, names in groups) > 20
        order = [PAGE_TYPES.index(type_names[label]) for label, _ in groups]
        assert order == sorted(order)
        assert page.locator("select[name=entity] > option").count() == 1  # only "all" stands outside the groups
        for label, names in groups:
            assert page.evaluate(IN_ORDER, [names, _collator(language)]), (label, names)


@pytest.mark.parametrize("lang", CODES)
def test_a_years_filter_says_how_many_events_it_shows(served_site: str, page: Page, lang: str) -> None:
    page.goto(f"{served_site}/{_language(lang).prefix}timeline/2023/")
    shown = page.locator("form.timeline-filter output")
    events = page.locator("ol.timeline > li")
    total = events.count()

    def numbers() -> list[int]:
        return [int(n) for n in re.findall(r"\d+", shown.inner_text())]

    assert sorted(numbers()) == [total, total]
    assert shown.evaluate("e => e.getAttribute('role') || e.tagName") in ("status", "OUTPUT")  # read out as it changes
    entity = page.locator("select[name=entity] optgroup option").first.get_attribute("value")
    page.select_option("select[name=entity]", entity)
    visible = page.locator("ol.timeline > li:not([hidden])").count()
    assert 0 < visible < total
    assert sorted(numbers()) == sorted([visible, total])
    assert re.search(
        re.escape(_words(lang)["timeline.filter.shown"]).replace(r"\{n\}", r"\d+").replace(r"\{total\}", r"\d+"),
        shown.inner_text(),
    )
    page.select_option("select[name=entity]", "")
    assert sorted(numbers()) == [total, total]


@pytest.mark.parametrize("type_name", PAGE_TYPES)
@pytest.mark.parametrize("lang", CODES)
def test_an_index_lists_names_in_the_readers_order(served_site: str, page: Page, lang: str, type_name: str) -> None:
    """The Chinese glossary was in the order of the English ids (A股, AIGC, BATJ, 算力…)."""
    language = _language(lang)
    page.goto(f"{served_site}/{language.prefix}{type_name}/")
    tables = page.locator(".md-content table").evaluate_all(  # an index may have a table per kind (the models')
        "tables => tables.map(t => [...t.querySelectorAll('tbody tr')].map("
        "r => r.querySelector('a[href]').getAttribute('href')))"
    )
    factbase = real_inputs().factbases[lang]
    ids = [href.rstrip("/").rsplit("/", 1)[-1] for hrefs in tables for href in hrefs]
    assert sorted(ids) == sorted(e.id for e in factbase.of_type(type_name))
    for hrefs in tables:
        names = [factbase.get(href.rstrip("/").rsplit("/", 1)[-1]).name(lang) for href in hrefs]
        assert page.evaluate(IN_ORDER, [names, _collator(language)]), names


# --- Search ----------------------------------------------------------------------------------------------------

FIRST_RESULT = ".md-search-result__item:first-child > .md-search-result__link"


def _first_result(page: Page, query: str, want: str) -> str:
    """Where the first result of a search leads (its path and anchor, without the highlighting ?h=), once it is
    `want` or the search has had its time. Material shows a page's results as one group, headed by the page: the
    group's first link is the page, and its first link with an anchor the section that matched best."""
    group = page.locator(FIRST_RESULT)

    def target() -> str:
        links = group.evaluate_all("links => links.map(a => a.pathname + a.hash)")
        return next((link for link in links if "#" in link), "") if "#" in want else next(iter(links), "")

    search(page, query, lambda: target().endswith(want))
    found = target()
    page.keyboard.press("Escape")
    return found


@pytest.mark.parametrize("lang", CODES)
def test_a_topic_finds_its_section_of_the_verdict_first(served_site: str, page: Page, lang: str) -> None:
    """English "price war" found the 2011 group-buying war and "unusual trading announcement" first."""
    points = [p for p in real_inputs().factbases[lang].of_type("verdict") if p.aliases(lang)]
    assert points
    page.goto(f"{served_site}/{_language(lang).prefix}")
    for point in points:
        for alias in point.aliases(lang):
            assert _first_result(page, alias, f"verdict/#{point.id}").endswith(f"verdict/#{point.id}"), alias


@pytest.mark.parametrize("lang", CODES)
def test_a_years_search_result_shows_its_events(served_site: str, page: Page, lang: str) -> None:
    """A year page's result showed its links to the other years and its filters' options as its text."""
    events = real_inputs().factbases[lang].of_type("events")
    headline = _words(lang)["timeline.headline"].split("{")[0]  # a year page opens with its headline event
    page.goto(f"{served_site}/{_language(lang).prefix}")
    for year in ("2023", "2025"):
        title = _words(lang)["timeline.year.title"].format(year=year)
        dates = tuple(date_label(e.data["date"], lang) for e in events if e.data["date"].startswith(year))
        result = page.locator(f".md-search-result__link[href*='timeline/{year}/']").first
        search(page, title, result.is_visible)
        snippet = result.locator("article p").first.inner_text().replace("\u200b", "")
        assert snippet.startswith((*dates, headline)), snippet
        assert _words(lang)["timeline.filter.all"] not in snippet.split()
        page.keyboard.press("Escape")


@pytest.mark.parametrize("lang", CODES)
def test_the_search_box_says_names_work_in_every_language_and_they_do(served_site: str, page: Page, lang: str) -> None:
    page.goto(f"{served_site}/{_language(lang).prefix}")
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    hint = _words(lang)["theme.search.result.placeholder"]
    page.wait_for_function(
        "hint => document.querySelector('.md-search-result__meta').textContent.trim() === hint", arg=hint
    )
    assert meta.is_visible()
    page.keyboard.press("Escape")
    factbase = real_inputs().factbases[lang]
    for type_name in PAGE_TYPES:
        entity = factbase.of_type(type_name)[0]
        for other in alternates(lang):  # the other written languages, whose names every page's tags hold
            want = f"{type_name}/{entity.id}/"
            assert _first_result(page, entity.name(other), want).endswith(want), entity.name(other)
