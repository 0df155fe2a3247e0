"""What a reader trips over that no link check sees (issue 29), measured in Chromium in every language:
interface text in another language, labels built from parts that stutter, key answers in small print, text the
site points to clipped on a phone, tables that hide columns without a cue, and charts whose sign or precision is
not the figure's own."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from site_pages import CHROME, TEXT_IN_PAGE_LANGUAGE, declared_language, foreign_words, writes_in_han

from explainer import registry
from explainer.conversion import derived_text
from explainer.registry import LANGUAGES, SOURCE

pytestmark = pytest.mark.browser

PHONE, DESK = 390, 1280


def _prefix(lang: str) -> str:
    return next(language.prefix for language in LANGUAGES if language.code == lang)


def _foreign_words(page: Page, selector: str) -> list[str]:
    """Words of another script in the elements matched, for the language the page declares (<html lang>)."""
    language = declared_language(page.evaluate("document.documentElement.lang"))
    return foreign_words(language).findall(page.evaluate(TEXT_IN_PAGE_LANGUAGE, selector))


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": DESK, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": PHONE, "height": 844}, device_scale_factor=1)
    yield context.new_page()
    context.close()


# --- Interface text in the page's language --------------------------------------------------------------------


# The theme's words on a page of each kind, in every language: the crawl (test_crawl.py).


@pytest.mark.parametrize("missing", [f"{language.prefix}no-such-page/" for language in LANGUAGES])
def test_the_404_page_says_what_happened_in_its_language_and_leads_on(
    served_site: str, page: Page, missing: str
) -> None:
    """A host serves the root's 404 page for any missing address, an English one too."""
    response = page.goto(f"{served_site}/{missing}")
    assert response is not None and response.status == 404
    assert _foreign_words(page, ".md-content, " + CHROME) == []
    assert "404" not in page.locator("h1").inner_text()  # the words, not Material's "404 - Not found"
    ways = page.locator(".md-content a[href]")
    hrefs = ways.evaluate_all("links => links.map(a => a.href)")
    for language in LANGUAGES:
        assert f"{served_site}/{language.prefix}" in hrefs, (language.code, hrefs)
    # A way into another language is written in that language, and marked as such.
    for other in page.locator(".md-content a[hreflang]").all():
        assert other.evaluate("a => a.closest('[lang]').lang") == other.get_attribute("hreflang")


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_the_debate_page_shows_the_translation_its_introduction_promises(
    served_site: str, page: Page, lang: str
) -> None:
    page.goto(f"{served_site}/{_prefix(lang)}debate/")
    intro = page.locator(".md-content p").first.inner_text()
    translation_word = derived_text({"zh": "英译", "en": "translation"}, lang)
    quotes = page.locator(".debate-quote blockquote")
    shows_translation = all(quotes.nth(i).locator("p").count() >= 2 for i in range(quotes.count()))
    assert quotes.count() > 5
    assert (translation_word in intro) == shows_translation == (registry.base(lang) != SOURCE.code), intro


# --- Labels built from parts -----------------------------------------------------------------------------------

# Punctuation of another language's writing: an ASCII full stop, comma, colon or semicolon right after a Chinese
# character (Chinese writes 。,:;).
ASCII_AFTER_CHINESE = re.compile(r"[\u3400-\u9fff][.,:;](?:\s|$)")


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_each_verdict_rating_is_joined_to_its_judgement_once_with_the_languages_punctuation(
    served_site: str, page: Page, lang: str
) -> None:
    page.goto(f"{served_site}/{_prefix(lang)}verdict/voices/")
    rated = page.locator(".verdict-voice p:has(> strong:first-child)")
    assert rated.count() >= 10
    for i in range(rated.count()):
        paragraph = rated.nth(i).inner_text()
        rating = rated.nth(i).locator("> strong").first.inner_text().rstrip(".。 ")
        after = paragraph.removeprefix(rating).lstrip(".。 ")
        assert not after.casefold().startswith(rating.casefold()), paragraph  # "Partly. Partly borne out."
        if writes_in_han(registry.language(lang)):
            assert not ASCII_AFTER_CHINESE.search(paragraph), paragraph  # "应验. 基本应验"
    if writes_in_han(registry.language(lang)):
        voices = page.locator(".verdict-voice").all_inner_texts()
        assert [v for v in voices if ASCII_AFTER_CHINESE.search(v)] == []  # "依据: …, …"


# --- Key answers at body size ------------------------------------------------------------------------------------

FONT_SIZE = "selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"


@pytest.mark.parametrize("width", [PHONE, DESK])
@pytest.mark.parametrize(
    ("path", "answer"), [("verdict/", ".admonition.abstract p:last-child"), ("", ".home-answer p")]
)
@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_the_short_answer_is_at_least_the_size_of_the_body_text(
    served_site: str, browser: Browser, lang: str, path: str, answer: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{served_site}/{_prefix(lang)}{path}")
    body = page.evaluate(FONT_SIZE, ".md-content h1 + p")
    assert body >= 14 and page.evaluate(FONT_SIZE, answer) >= body
    context.close()


# --- Two counts on one screen --------------------------------------------------------------------------------------

COUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?![\d.,]?\d)")  # 538, 1,830; not 2.788 or a part of V3
YEAR = re.compile(r"^(19|20)\d\d$")


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_a_count_in_the_home_pages_answer_is_named_beside_the_key_number_that_updates_it(
    served_site: str, page: Page, lang: str
) -> None:
    """The answer's 538 filed services (August 2025) and the tile's 611 (November 2025) are one series: the tile
    says that its number is the later one, and gives the earlier."""
    page.goto(f"{served_site}/{_prefix(lang)}")
    answer = page.locator(".home-answer").inner_text()
    tiles = page.locator(".home-numbers").inner_text()
    counts = {n for n in COUNT.findall(answer) if int(n.replace(",", "")) >= 100 and not YEAR.match(n)}
    assert counts, answer
    assert [n for n in counts if n not in tiles] == []


# --- Nothing the site points to clipped ----------------------------------------------------------------------------

# Where each article paragraph's number (¶N, drawn by explainer.css before the paragraph) lies, and how far left
# the page can show: a number in the margin must not start left of the window, nor of a box that clips it.
PARAGRAPH_NUMBERS = """() => [...document.querySelectorAll(".article-paragraph")].slice(0, 12).map((p) => {
  const number = getComputedStyle(p, "::before");
  const box = p.getBoundingClientRect();
  const left = number.position === "absolute" ? box.left + parseFloat(number.left) : box.left;
  let clip = 0;
  for (let e = p.parentElement; e; e = e.parentElement) {
    if (getComputedStyle(e).overflowX !== "visible") clip = Math.max(clip, e.getBoundingClientRect().left);
  }
  return [p.id, number.content, Math.round(left), Math.round(clip)];
})"""


@pytest.mark.parametrize("width", [PHONE, 1000, DESK])
@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_the_articles_paragraph_numbers_are_whole_on_every_screen(
    served_site: str, browser: Browser, lang: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{served_site}/{_prefix(lang)}article/")
    numbers = page.evaluate(PARAGRAPH_NUMBERS)
    assert len(numbers) == 12 and all(content.startswith('"¶') for _, content, _, _ in numbers)
    assert [(pid, left, clip) for pid, _, left, clip in numbers if left < max(0, clip)] == []
    context.close()


@pytest.mark.parametrize("width", [PHONE, DESK])
@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_the_sites_name_in_the_header_is_not_cut(served_site: str, browser: Browser, lang: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{served_site}/{_prefix(lang)}article/")
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    sizes = name.evaluate("e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]")
    assert sizes[0] <= sizes[1] and sizes[2] <= sizes[3], sizes
    assert name.inner_text().replace("\n", " ") == page.evaluate("document.title").split(" - ")[-1]
    context.close()


# --- Tables on a phone: no column hidden or squeezed ------------------------------------------------------------

# Each table of the page: how far it (or the box Material wraps it in) scrolls sideways, its narrowest cell, and
# whether each cell but the first (the row's name) shows its column's name.
TABLES = """() => [...document.querySelectorAll(".md-content table")].map((table) => {
  const boxes = [table, table.closest(".md-typeset__scrollwrap")].filter(Boolean);
  const hidden = Math.max(...boxes.map((b) => b.scrollWidth - b.clientWidth));
  const cells = [...table.querySelectorAll("td")].filter((td) => td.getBoundingClientRect().width > 0);
  const columns = table.querySelectorAll("thead th").length;
  const labelled = cells.every(
    (td) => !td.textContent.trim() || !td.cellIndex || getComputedStyle(td, "::before").content.length > 2
  );
  return {
    head: table.querySelector("th")?.textContent.trim(),
    columns, hidden, labelled,
    narrowest: Math.min(...cells.map((td) => td.getBoundingClientRect().width)),
    right: Math.max(...cells.map((td) => td.getBoundingClientRect().right)),
  };
})"""
TABLE_PAGES = (
    "verdict/companies/",
    "charts/",
    "companies/",
    "models/",
    "people/",
    "map/",
    "data/",
    "companies/sensetime/",
)


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_on_a_phone_no_table_hides_or_squeezes_a_column(served_site: str, phone: Page, lang: str) -> None:
    problems = []
    for path in TABLE_PAGES:
        phone.goto(f"{served_site}/{_prefix(lang)}{path}")
        phone.wait_for_load_state("load")
        content_width = phone.evaluate("document.querySelector('.md-content__inner').clientWidth")
        for table in phone.evaluate(TABLES):
            where = f"{path} table '{table['head']}'"
            if table["hidden"] > 1:
                problems.append(f"{where}: {table['hidden']} px out of sight, with no cue")
            if table["columns"] >= 3 and table["narrowest"] < content_width / 2:
                problems.append(f"{where}: a cell squeezed to {table['narrowest']:.0f} px")
            if table["columns"] >= 3 and not table["labelled"]:
                problems.append(f"{where}: a cell without its column's name")
            if table["right"] > PHONE:
                problems.append(f"{where}: a cell reaches {table['right']:.0f} px")
    assert problems == []
