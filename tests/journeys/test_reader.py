"""A reader's path through the built site, on a desk and on a phone: the home page and its cast, a search for a
name, the entity page, a footnote followed to the article's paragraph it cites, and the other language."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page
from rendered import real_inputs
from search_box import search

from explainer.registry import LANGUAGES
from explainer.render.site import CAST_SIZE

pytestmark = [pytest.mark.browser, pytest.mark.journey]

WIDTHS = {"desk": 1280, "phone": 390}
ENTITY = "companies/sensetime/"  # a page of the entity _name() names


def _name(lang: str) -> str:
    return real_inputs().factbases[lang].get("sensetime").name(lang)


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 844})
    yield context.new_page()
    context.close()


def _companies_with_models() -> int:
    facts = real_inputs().factbase
    return sum(1 for company in facts.of_type("companies") if facts.links_to(company, "developers.company"))


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_the_home_page_shows_its_cast_as_a_card_per_company(served_site: str, page: Page, lang: str) -> None:
    prefix = next(language.prefix for language in LANGUAGES if language.code == lang)
    page.goto(f"{served_site}/{prefix}")
    cards = page.locator(".home-cast > ul > li")
    expected = min(CAST_SIZE, _companies_with_models())
    assert expected > 1 and cards.count() == expected
    # Each card is a card: its own box, laid out apart from the next, holding its company's name and nothing of
    # the next company's.
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert all(box and box["height"] > 40 for box in boxes)
    first, second = boxes[0], boxes[1]
    assert (
        first and second and (second["y"] >= first["y"] + first["height"] or second["x"] >= first["x"] + first["width"])
    )
    assert cards.nth(0).locator("a").count() >= 2  # the company, and at least one of its models


def _open_search(page: Page) -> None:
    """On a phone (below Material's 60em breakpoint) the search box is behind the header's search button."""
    if page.viewport_size and page.viewport_size["width"] < 960:
        page.locator("label.md-header__button[for='__search']").click()
        page.locator("input.md-search__input").wait_for(state="visible")


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_a_reader_searches_a_name_follows_a_footnote_and_switches_language(
    served_site: str, page: Page, lang: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    language = next(language for language in LANGUAGES if language.code == lang)
    page.goto(f"{served_site}/{language.prefix}")

    _open_search(page)
    first = page.locator(".md-search-result__link").first
    search(page, _name(lang), lambda: first.count() > 0 and first.get_attribute("href", timeout=1000) is not None)
    first.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(f"/{language.prefix}{ENTITY}"))  # with ?h=, the words
    assert _name(lang) in page.locator("h1").inner_text()

    # A footnote of the article's own words: its mark, the note, and the paragraph it names.
    note = page.locator(".footnote li", has=page.locator("a[href*='article/#p']")).first
    note_id = note.get_attribute("id")
    page.locator(f"a.footnote-ref[href='#{note_id}']").first.click()
    assert page.evaluate("location.hash") == f"#{note_id}"
    assert note.is_visible() and _on_screen(page, note_id or "")
    paragraph = note.locator("a[href*='article/#p']").first
    target = urlsplit(paragraph.get_attribute("href") or "").fragment
    paragraph.click()
    page.wait_for_url(f"**/{language.prefix}article/#{target}")
    assert _on_screen(page, target)

    # Back on the entity page, the language switcher leads to the same entity in each other language.
    for other in (o for o in LANGUAGES if o != language):
        page.goto(f"{served_site}/{language.prefix}{ENTITY}")
        page.locator(".md-select").first.hover()
        page.locator("a.md-select__link", has_text=other.name).first.click()
        page.wait_for_url(f"**{urlsplit(served_site).path}/{other.prefix}{ENTITY}")
        assert _name(other.code) in page.locator("h1").inner_text()
    assert errors == []


def _on_screen(page: Page, element_id: str) -> bool:
    top = page.evaluate(f"document.getElementById({element_id!r}).getBoundingClientRect().top")
    return 0 <= top < page.viewport_size["height"]  # type: ignore[index]
