"""A footnote's preview (issue 29, item 10), in Chromium in every language: nothing is set up when the page loads;
hovering over, focusing or tapping a note's number shows the note beside it, as a named dialog with a link to the
note; the first tap on a phone shows it and its link goes on; Escape closes it; axe finds nothing serious in it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_check import AXE, run_axe
from playwright.sync_api import Browser, Page

from explainer.registry import LANGUAGES

pytestmark = pytest.mark.browser

PREFIXES = [language.prefix for language in LANGUAGES]
BOX = ".footnote-preview"
NOTE = 16  # a number on the verdict whose note cites a source with its own words


def _note_text(page: Page, number: int) -> str:
    """The note as the list at the end of the page shows it, without its way back."""
    return str(
        page.evaluate(
            """n => { const li = document.getElementById(`fn:${n}`).cloneNode(true);
                 li.querySelectorAll('.footnote-backref').forEach(a => a.remove());
                 return li.textContent.replace(/\\s+/g, ' ').trim(); }""",
            number,
        )
    )


def _box_text(page: Page) -> str:
    """The box's words but for its link to the note."""
    return str(
        page.evaluate(
            """sel => { const box = document.querySelector(sel).cloneNode(true);
                 box.querySelectorAll('.footnote-preview__go').forEach(a => a.remove());
                 return box.textContent.replace(/\\s+/g, ' ').trim(); }""",
            BOX,
        )
    )


@pytest.fixture
def desk(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_nothing_is_set_up_for_the_notes_when_the_page_loads(served_site: str, desk: Page, prefix: str) -> None:
    """Material's tooltips set up every one of the verdict's notes at load, and its script time went 258 -> 603 ms."""
    desk.goto(f"{served_site}/{prefix}verdict/")
    desk.wait_for_load_state("load")
    desk.wait_for_timeout(300)
    assert desk.locator("a.footnote-ref").count() > 20
    assert desk.locator(BOX).count() == 0
    assert desk.locator("a.footnote-ref[aria-expanded], a.footnote-ref[aria-controls]").count() == 0


@pytest.mark.parametrize("prefix", PREFIXES)
def test_hovering_over_a_notes_number_shows_the_note_beside_it(served_site: str, desk: Page, prefix: str) -> None:
    desk.goto(f"{served_site}/{prefix}verdict/")
    reference = desk.locator(f"a.footnote-ref[href='#fn:{NOTE}']").first
    reference.scroll_into_view_if_needed()
    reference.hover()
    box = desk.locator(BOX)
    box.wait_for(state="visible")
    assert _box_text(desk) == _note_text(desk, NOTE)
    assert box.get_attribute("role") == "dialog" and re.search(rf"\b{NOTE}\b", box.get_attribute("aria-label") or "")
    assert box.locator("q").count() >= 1  # the source's own words, as the note gives them
    go = box.locator(".footnote-preview__go")
    assert go.get_attribute("href") == f"#fn:{NOTE}" and str(NOTE) in go.inner_text()
    assert reference.get_attribute("aria-expanded") == "true"
    near = desk.evaluate(
        """([r, b]) => { const a = document.querySelector(r).getBoundingClientRect();
             const c = document.querySelector(b).getBoundingClientRect();
             return Math.min(Math.abs(c.top - a.bottom), Math.abs(a.top - c.bottom)) < 20; }""",
        [f"a.footnote-ref[href='#fn:{NOTE}']", BOX],
    )
    assert near
    desk.mouse.move(5, 400)
    box.wait_for(state="hidden")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_keyboard_opens_enters_and_closes_a_notes_preview(served_site: str, desk: Page, prefix: str) -> None:
    desk.goto(f"{served_site}/{prefix}verdict/")
    reference = desk.locator(f"a.footnote-ref[href='#fn:{NOTE}']").first
    reference.focus()
    box = desk.locator(BOX)
    box.wait_for(state="visible")
    desk.keyboard.press("Tab")
    assert desk.evaluate("sel => document.querySelector(sel).contains(document.activeElement)", BOX)
    desk.keyboard.press("Escape")
    box.wait_for(state="hidden")
    assert desk.evaluate("document.activeElement.getAttribute('href')") == f"#fn:{NOTE}"
    assert reference.get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_on_a_phone_the_first_tap_shows_the_note_and_its_link_goes_to_it(
    served_site: str, phone: Page, prefix: str
) -> None:
    url = f"{served_site}/{prefix}verdict/"
    phone.goto(url)
    reference = phone.locator(f"a.footnote-ref[href='#fn:{NOTE}']").first
    reference.scroll_into_view_if_needed()
    reference.tap()
    box = phone.locator(BOX)
    box.wait_for(state="visible")
    assert phone.url == url  # the page did not jump to the note
    left, right = phone.evaluate(
        "sel => (r => [r.left, r.right])(document.querySelector(sel).getBoundingClientRect())", BOX
    )
    assert left >= 0 and right <= 390
    box.locator(".footnote-preview__go").tap()
    phone.wait_for_url(f"{url}#fn:{NOTE}")
    box.wait_for(state="hidden")
    top = phone.evaluate(f"document.getElementById('fn:{NOTE}').getBoundingClientRect().top")
    assert 0 <= top < 844


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_notes_preview_has_no_serious_accessibility_violation(
    browser: Browser, served_site: str, scheme: str
) -> None:
    page = browser.new_page(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    found = {}
    for prefix in PREFIXES:
        page.goto(f"{served_site}/{prefix}verdict/")
        page.locator(f"a.footnote-ref[href='#fn:{NOTE}']").first.focus()
        page.locator(BOX).wait_for(state="visible")
        page.add_script_tag(path=str(AXE))
        if violations := page.evaluate(run_axe(f"document.querySelector('{BOX}')")):
            found[prefix] = violations
    page.close()
    assert found == {}
