"""Every picture reads on a phone: at 390 CSS px (and on a desktop), its words are big enough and it fits the screen.

The charts, the timeline's columns and the relationship map are drawn twice at build time, a wide form and a narrow
one, and the stylesheet shows one of them (render/svg.py). The browser test measures what Chromium shows; the
first test checks, without a browser, that the narrow forms leave every word inside its picture and clear of the
others, as far as render/svg.py's estimate of a word's width can tell.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from rendered import real_pages
from site_pages import page_paths

from explainer import registry
from explainer.registry import CODES as LANGUAGES
from explainer.render.svg import FONT, NARROW, text_width

SVG = "{http://www.w3.org/2000/svg}"

PHONE, DESKTOP = 390, 1280  # CSS px: a common phone held upright, a laptop
SMALLEST_TEXT = 12  # CSS px, the height of a drawn word's box (a 13 px font gives about 15)
PAGES = ("", "timeline/", "charts/", "map/", "verdict/")  # the pages with pictures, and the home page

# What the browser shows of every picture: each visible SVG's box, and each visible word's height.
MEASURE = """() => {
  const shown = (e) => e.checkVisibility({visibilityProperty: true}) && e.getBoundingClientRect().width > 0;
  const pictures = [...document.querySelectorAll(".md-content svg")].filter(shown);
  return {
    viewport: window.innerWidth,
    pageWidth: document.documentElement.scrollWidth,
    pictures: pictures.map((svg) => {
      const box = svg.getBoundingClientRect();
      const words = [...svg.querySelectorAll("text")].filter(shown);
      return {
        name: svg.closest("figure")?.id || svg.getAttribute("class") || "svg",
        left: box.left,
        right: box.right,
        words: words.map((t) => [t.textContent, t.getBoundingClientRect().height]),
      };
    }),
  };
}"""


def word_boxes(svg: ET.Element) -> list[tuple[str, float, float, float, float]]:
    """Each word of a picture and where it is drawn (left, top, right, bottom): as wide as render/svg.py estimates,
    as high above the baseline as a Chinese character (0.88 em) or a capital or digit (0.72 em), 0.2 em below it."""
    boxes = []
    for text in svg.iter(f"{SVG}text"):
        width, x, baseline = text_width(text.text), float(text.get("x")), float(text.get("y"))
        left = x - {"start": 0, "middle": width / 2, "end": width}[text.get("text-anchor", "start")]
        ascent = 0.88 if text_width(text.text) > len(text.text) * 0.58 * FONT else 0.72
        boxes.append((text.text, left, baseline - ascent * FONT, left + width, baseline + 0.2 * FONT))
    return boxes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_in_every_narrow_picture_each_word_is_inside_the_picture_and_clear_of_the_others(lang: str) -> None:
    pictures = [
        ET.fromstring(svg)
        for page in ("charts.md", "timeline.md", "map.md")
        for svg in re.findall(r'<svg class="picture-narrow".*?</svg>', real_pages()[lang][page], re.S)
    ]
    assert len(pictures) >= 8
    for svg in pictures:
        name = svg.find(f"{SVG}title").text
        _, _, width, height = map(float, svg.get("viewBox").split())
        assert width == NARROW.width
        boxes = word_boxes(svg)
        for word, left, top, right, bottom in boxes:
            assert left >= 0 and right <= width and top >= 0 and bottom <= height, (name, word)
        for a, b in itertools.combinations(boxes, 2):
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, (name, a[0], b[0])


def pages_with_pictures(site: Path, lang: str) -> list[str]:
    """The pages to measure: the home page, those named above, and any other page that draws a picture with words."""
    language = registry.language(lang)
    drawn = {
        path
        for path in page_paths(site, language)
        if re.search(
            r"<svg[^>]*>(?:(?!</svg>).)*<text",
            (site / language.prefix / path / "index.html").read_text(encoding="utf-8"),
            re.S,
        )
    }
    return sorted(set(PAGES) | drawn)


@pytest.fixture
def page_at(browser: Browser) -> Iterator[Callable[[int], Page]]:
    contexts = []

    def open_at(width: int) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 844}, device_scale_factor=1)
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_picture_fits_the_screen_and_its_words_are_at_least_12_px_tall(
    built_site: Path, served_site: str, page_at: Callable[[int], Page], lang: str, width: int
) -> None:
    page = page_at(width)
    prefix = "/" + registry.language(lang).prefix
    problems, pictures_seen = [], 0
    for path in pages_with_pictures(built_site, lang):
        page.goto(served_site + prefix + path, wait_until="load")
        found = page.evaluate(MEASURE)
        for picture in found["pictures"]:
            pictures_seen += bool(picture["words"])
            where = f"{prefix}{path} {picture['name']}"
            if picture["left"] < -0.5 or picture["right"] > found["viewport"] + 0.5:
                problems.append(f"{where}: spans {picture['left']:.0f}-{picture['right']:.0f} px of {width}")
            small = [(text, round(height, 1)) for text, height in picture["words"] if height < SMALLEST_TEXT]
            if small:
                problems.append(f"{where}: {len(small)} words under {SMALLEST_TEXT} px, e.g. {small[:3]}")
        if found["pageWidth"] > found["viewport"]:
            problems.append(f"{prefix}{path}: the page is {found['pageWidth']} px wide in a {width} px window")
    assert pictures_seen >= 3, "the charts, the timeline and the map were measured"
    assert problems == []
