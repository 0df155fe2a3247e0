"""A figure is shown with its own sign, unit and precision (issue 29): a loss is negative, "more than 15%" is a
lower bound, Chinese keeps no thousands separator inside its units, a figure is not printed twice, and no
gridline strikes a word or leaves a year unnamed. Read from the rendered Markdown, without a build."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from rendered import real_inputs, real_pages

from explainer.conversion import derived_text
from explainer.registry import CODES as LANGUAGES
from explainer.render.paths import entity_page
from explainer.render.svg import FONT, text_width
from explainer.strings import strings

SVG = "{http://www.w3.org/2000/svg}"
PICTURES = re.compile(r'<svg class="picture-(?:wide|narrow)".*?</svg>', re.S)
# The source words that make a figure a lower bound: 超过, 逾, 多 (3万多片), more than.
MORE_THAN = re.compile(r"超|逾|\d多|more than", re.I)


def _pictures(lang: str, *pages: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for page in pages for svg in PICTURES.findall(real_pages()[lang][page])]


def test_a_figure_its_source_gives_as_more_than_is_marked_as_a_lower_bound() -> None:
    figures = real_inputs().factbase.of_type("figures")
    unmarked = [f.id for f in figures if MORE_THAN.search(f.data["as_given"]) and not f.data.get("more_than")]
    assert unmarked == []
    assert any(f.data.get("more_than") for f in figures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_lower_bound_is_drawn_with_an_arrow_and_written_as_one(lang: str) -> None:
    bounded = [
        item
        for svg in _pictures(lang, "charts.md")
        for item in svg.iter(f"{SVG}g")
        if item.get("data-more-than") == "true"
    ]
    assert bounded
    words = derived_text({"zh": ("超过", "低于"), "en": ("more than", "below")}, lang)
    for item in bounded:
        assert item.find(f"{SVG}path[@class='chart-bar chart-more']") is not None
        value = "".join(t.text for t in item.iter(f"{SVG}text") if t.get("class") == "chart-value")
        assert value.startswith(words), value


@pytest.mark.parametrize("lang", LANGUAGES)
def test_in_a_chart_of_profits_a_loss_is_drawn_below_zero(lang: str) -> None:
    loss, profit = derived_text({"zh": ("亏损", "利润"), "en": ("loss", "profit")}, lang)
    checked = 0
    for svg in _pictures(lang, "charts.md"):
        items = list(svg.iter(f"{SVG}g"))
        labels = ["".join(t.text for t in g.iter(f"{SVG}text") if t.get("class") == "chart-label") for g in items]
        if not any(profit in label for label in labels):
            continue
        zero = float(re.match(r"M([\d.]+)", svg.find(f".//{SVG}path[@class='chart-baseline']").get("d"))[1])
        for item, label in zip(items, labels, strict=True):
            if loss in label.casefold():
                bar = item.find(f"{SVG}rect[@class='chart-bar']")
                assert float(item.get("data-value")) < 0, label
                assert float(bar.get("x")) + float(bar.get("width")) <= zero + 0.01, label
                checked += 1
    assert checked >= 2  # 360's loss, in the wide and the narrow picture


def test_chinese_writes_a_number_before_its_unit_without_a_thousands_separator() -> None:
    separated = re.compile(r"\d,\d{3}(?=[\u4e00-\u9fff])")  # 1,750亿参数
    pages = {page: text for page, text in real_pages()["zh"].items() if page.endswith(".md")}
    found = {page: separated.findall(text) for page, text in pages.items() if separated.search(text)}
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_figure_is_not_followed_by_the_same_figure_in_brackets(lang: str) -> None:
    plain = str.maketrans("", "", " ,\\")
    twice = re.compile(r"\*\*([^*]+)\*\* \(([^()]+)\)|\| ([^|(]+) \(([^()|]+)\)")
    found = [
        (page, m[0])
        for page, text in real_pages()[lang].items()
        for m in twice.finditer(text)
        if ((m[1] or m[3]).translate(plain) == (m[2] or m[4]).translate(plain))
    ]
    assert found == []


def _word_boxes(svg: ET.Element) -> list[tuple[float, float, float, float]]:
    boxes = []
    for text in svg.iter(f"{SVG}text"):
        width, x, y = text_width(text.text), float(text.get("x")), float(text.get("y"))
        left = x - {"start": 0, "middle": width / 2, "end": width}[text.get("text-anchor", "start")]
        boxes.append((left, y - FONT + 2, left + width, y + 2))
    return boxes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_gridline_of_a_bar_chart_strikes_a_word(lang: str) -> None:
    struck = []
    pictures = [svg for svg in _pictures(lang, "charts.md", "verdict.md") if svg.find(f"{SVG}g[@class='chart-grid']")]
    assert len(pictures) >= 10
    for svg in pictures:
        lines = [*svg.find(f"{SVG}g[@class='chart-grid']"), svg.find(f"{SVG}path[@class='chart-baseline']")]
        for line in lines:
            for x, top, bottom in re.findall(r"M([\d.]+) ([\d.]+)V([\d.]+)", line.get("d")):
                for left, word_top, right, word_bottom in _word_boxes(svg):
                    crossing = left < float(x) < right and float(top) < word_bottom and word_top < float(bottom)
                    if crossing:
                        struck.append((svg.find(f"{SVG}title").text, x))
    assert struck == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_picture_names_every_year_it_spans_in_both_forms(lang: str) -> None:
    for svg in _pictures(lang, "index.md"):
        named = [t.text for t in svg.iter(f"{SVG}text") if re.fullmatch(r"\d{4}", t.text or "")]
        years = [int(y) for y in named]
        assert years and years == list(range(min(years), max(years) + 1)), (svg.get("class"), named)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_infobox_does_not_repeat_the_pages_name_among_its_other_names(lang: str) -> None:
    label = strings()[lang]["field.aliases"]
    repeated = []
    for entity in (e for e in real_inputs().factbases[lang].entities.values() if e.has_page):
        page = real_pages()[lang][entity_page(entity)]
        row = next((line for line in page.splitlines() if line.startswith(f"| {label} |")), "")
        names = [name.strip().replace("\\", "") for name in row.removeprefix(f"| {label} |").strip(" |").split(" · ")]
        if entity.name(lang) in names or len(names) != len(set(names)):
            repeated.append((entity.id, names))
    assert repeated == []
