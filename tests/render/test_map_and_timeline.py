"""The timeline's events per month and the relationship map, read from the Markdown render_site returns.

No MkDocs build is needed: the SVGs are parsed as XML, the tables under them as Markdown rows.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from rendered import real_inputs, real_pages

from explainer.conversion import derived_text
from explainer.factbase.model import FactBase
from explainer.factbase.resolve import index
from explainer.generate import EDIT_BASE
from explainer.inputs import load_inputs
from explainer.registry import CODES as LANGUAGES
from explainer.render.navigation import navigation
from explainer.render.relation_map import RELATIONS, TOP, _Layout
from explainer.render.site import render_site
from explainer.render.svg import text_width
from explainer.strings import strings

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def svg_in(page: str, figure_class: str, form: str = "wide") -> ET.Element:
    """The picture of a figure in one of its forms, "wide" or "narrow", parsed as XML."""
    figure = re.search(rf'<figure class="{figure_class}"[^>]*>\n(.*?)</figure>', page, re.S)
    assert figure, figure_class
    return ET.fromstring(re.search(rf'<svg class="picture-{form}".*?</svg>', figure.group(1), re.S).group(0))


def table_rows(page: str, heading: str) -> list[list[str]]:
    """The cells of each row of the first table after a line starting with heading (indented rows too)."""
    after = page[page.index(heading) :]
    rows = re.findall(r"^ *(\|.*\|) *$", after.split("\n\n#", 1)[0], re.M)
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[2:]]


# ---- Events per month ----


def expected_counts(factbase: FactBase) -> tuple[dict[str, int], Counter[str]]:
    """Events by month from the first dated month to the last, empty months included; and the year-only ones."""
    dates = [e.data["date"] for e in factbase.of_type("events")]
    by_month = Counter(d[:7] for d in dates if len(d) >= 7)
    first, last = min(by_month), max(by_month)
    months, (year, month) = {}, (int(first[:4]), int(first[5:]))
    while f"{year}-{month:02d}" <= last:
        months[f"{year}-{month:02d}"] = by_month[f"{year}-{month:02d}"]
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months, Counter(d for d in dates if len(d) == 4)


def drawn_counts(page: str, form: str = "wide") -> dict[str, int]:
    svg = svg_in(page, "chart chart-columns", form)
    return {g.get("data-period"): int(g.get("data-value")) for g in svg.iter(f"{SVG}g") if g.get("data-period")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_chart_counts_the_events_of_each_month_from_the_first_to_the_last(lang: str) -> None:
    page = real_pages()[lang]["timeline.md"]
    months, year_only = expected_counts(real_inputs().factbase)
    drawn = drawn_counts(page)
    assert drawn == months
    assert drawn_counts(page, "narrow") == drawn, "the phone's picture has the same columns"
    assert list(drawn) == sorted(drawn), "the columns run in time order"
    assert drawn["2023-04"] == max(drawn.values()) >= 10, "the spring-2023 burst stands out"
    assert sum(drawn.values()) + sum(year_only.values()) == len(real_inputs().factbases[lang].of_type("events"))
    # The table gives the same counts: every month with events, then the events known only by their year.
    rows = table_rows(page, '??? note "')
    non_zero = [n for n in months.values() if n] + [year_only[y] for y in sorted(year_only)]
    assert [int(re.sub(r"<[^>]+>", "", count)) for _, count in rows] == non_zero
    assert page.index("chart-events-per-month") < page.index("{ #years }"), "the chart is at the top of the page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_chart_is_an_accessible_image_coloured_by_the_theme(lang: str) -> None:
    page = real_pages()[lang]["timeline.md"]
    svg = svg_in(page, "chart chart-columns")
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title.get("id") == svg.get("aria-labelledby") and title.text
    assert desc.get("id") == svg.get("aria-describedby")
    busiest = derived_text({"zh": "2023年4月", "en": "April 2023"}, lang)
    assert busiest in desc.text and derived_text({"zh": "12件", "en": "12 events"}, lang) in desc.text
    year_only = sum(len(e.data["date"]) == 4 for e in real_inputs().factbase.of_type("events"))
    said = {"zh": f"只注明年份的{year_only}件", "en": f"Not drawn: {year_only} events dated only by year"}
    assert derived_text(said, lang) in desc.text
    assert not svg.findall(f".//{SVG}a"), "no link inside an image: assistive technology could not reach it"
    colours = {v for e in svg.iter() for k, v in e.attrib.items() if k in ("fill", "stroke")}
    assert colours == {"currentColor"}
    for year in ("2018", "2023", "2025"):  # each year has a page of its own
        assert f"[{year}](timeline/{year}.md)" in page and f"timeline/{year}.md" in real_pages()[lang]


def test_a_span_of_more_than_ten_years_is_counted_by_quarter(minimal_facts: Path) -> None:
    event = minimal_facts / "events" / "2023-04-10-acme-lm.yaml"
    text = event.read_text(encoding="utf-8")
    (minimal_facts / "events" / "2010-02-01-acme-founded.yaml").write_text(
        text.replace("'2023-04-10'", "'2010-02-01'"), encoding="utf-8"
    )
    (minimal_facts / "events" / "2012-acme-grows.yaml").write_text(
        text.replace("'2023-04-10'", "'2012'"), encoding="utf-8"
    )
    page = render_site(load_inputs(minimal_facts), EDIT_BASE)["en"]["timeline.md"]
    drawn = drawn_counts(page)
    periods = list(drawn)
    assert periods[0] == "2010-Q1" and periods[-1] == "2023-Q2" and len(periods) == 4 * 13 + 2
    assert drawn["2010-Q1"] == drawn["2023-Q2"] == 1 and sum(drawn.values()) == 2
    assert "Events per quarter" in page and '| <span data-sort="3">[2012 \\(month not given\\)]' in page


def test_a_fact_base_without_events_draws_no_timeline_chart(minimal_facts: Path) -> None:
    (minimal_facts / "events" / "2023-04-10-acme-lm.yaml").unlink()
    page = render_site(load_inputs(minimal_facts), EDIT_BASE)["zh"]["timeline.md"]
    assert "<svg" not in page and "??? note" not in page


# ---- Relationship map ----


def drawn_map(lang: str, pages: dict[str, dict[str, str]] | None = None, form: str = "wide") -> ET.Element:
    return svg_in((pages or real_pages())[lang]["map.md"], "relation-map", form)


def edges(svg: ET.Element) -> set[tuple[str, str, str]]:
    found = svg.findall(f"{SVG}g[@class='map-edges']/{SVG}path")
    return {(p.get("data-source"), p.get("data-target"), p.get("data-relation")) for p in found}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_relation_of_the_fact_base_is_a_line_on_the_map_and_no_other(lang: str) -> None:
    factbase = real_inputs().factbases[lang]
    relations = {(k.source.id, k.target.id, k.relation) for k in factbase.links if k.relation in RELATIONS}
    assert {r[2] for r in relations} == set(RELATIONS)
    assert edges(drawn_map(lang)) == relations


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_name_on_the_map_links_to_its_page_and_only_related_entities_appear(lang: str) -> None:
    factbase = real_inputs().factbases[lang]
    pages = real_pages()[lang]
    svg = drawn_map(lang)
    related = {i for k in factbase.links if k.relation in RELATIONS for i in (k.source.id, k.target.id)}
    nodes = svg.findall(f".//{SVG}a")
    assert sorted(a.get("data-id") for a in nodes) == sorted(related)
    for a in nodes:
        entity = factbase.get(a.get("data-id"))
        href = a.get("href")
        assert not href.startswith(("/", "http")), "relative, like every other link of the site"
        target = posixpath.normpath(posixpath.join("map", href))  # the built page is map/index.html
        assert target == f"{entity.type}/{entity.id}"
        assert f"{target}.md" in pages, href
        assert a.find(f"{SVG}text").text == entity.name(lang)
    columns = {g.get("class").split()[-1]: g for g in svg.findall(f"{SVG}g[@role='list']")}
    assert list(columns) == ["map-people", "map-companies", "map-models"]
    for column, type_name in zip(columns.values(), ("people", "companies", "models"), strict=True):
        for item in column.findall(f"{SVG}g[@role='listitem']"):
            assert factbase.get(item.find(f"{SVG}a").get("data-id")).type == type_name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_is_a_named_group_of_link_lists_with_its_lines_and_legend_hidden(lang: str) -> None:
    svg = drawn_map(lang)
    assert svg.get("role") == "group"
    title = svg.find(f"{SVG}title")
    assert title.get("id") == svg.get("aria-labelledby") and title.text
    assert svg.find(f"{SVG}desc").get("id") == svg.get("aria-describedby")
    for name in ("map-edges", "map-legend", "map-heads"):
        assert svg.find(f"{SVG}g[@class='{name}']").get("aria-hidden") == "true"
    for column in svg.findall(f"{SVG}g[@role='list']"):
        assert column.get("aria-label")
        assert all(item.get("role") == "listitem" for item in column)
    legend = [t.text for t in svg.findall(f"{SVG}g[@class='map-legend']/{SVG}text")]
    expected = {
        "zh": ["创始人", "任职", "开发", "母公司与子公司"],
        "en": ["founded", "works or worked at", "builds", "parent and subsidiary"],
    }
    assert legend == derived_text(expected, lang)
    colours = {v for e in svg.iter() for k, v in e.attrib.items() if k in ("fill", "stroke")}
    assert colours <= {"currentColor", "none"}
    assert int(svg.get("width")) <= 1000


@pytest.mark.parametrize("form", ["wide", "narrow"])
def test_founders_are_drawn_with_the_founder_line(form: str) -> None:
    factbase = real_inputs().factbase
    founded = {(k.source.id, k.target.id) for k in factbase.links if k.detail.get("founder")}
    assert ("wang-xiaochuan", "baichuan-ai") in founded
    for path in drawn_map("en", form=form).findall(f"{SVG}g[@class='map-edges']/{SVG}path"):
        pair = (path.get("data-source"), path.get("data-target"))
        assert ("map-edge-founder" in path.get("class")) == (pair in founded), pair


# ---- The narrow form of the map, for phones: the companies one after another, their people and models under them


def narrow_blocks(lang: str) -> list[tuple[ET.Element, list[ET.Element]]]:
    """Each company of the narrow map, in order, as its link and the links of the names listed under it."""
    companies = drawn_map(lang, form="narrow").find(f"{SVG}g[@role='list']")
    return [
        (item.find(f"{SVG}a"), item.findall(f"{SVG}g[@role='list']/{SVG}g[@role='listitem']/{SVG}a"))
        for item in companies.findall(f"{SVG}g[@role='listitem']")
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_narrow_map_draws_every_relation_too_each_name_under_the_company_it_is_joined_to(lang: str) -> None:
    factbase = real_inputs().factbases[lang]
    relations = {(k.source.id, k.target.id, k.relation) for k in factbase.links if k.relation in RELATIONS}
    svg = drawn_map(lang, form="narrow")
    assert edges(svg) == relations
    assert int(svg.get("width")) == 340
    parent = _Layout(factbase).parent
    blocks = narrow_blocks(lang)
    assert sorted(a.get("data-id") for a, _ in blocks) == sorted(c.id for c in _Layout(factbase).companies)
    for company, members in blocks:
        hanging = {s for s, t, _ in relations if t == company.get("data-id") and parent.get(s) != t}
        assert sorted(a.get("data-id") for a in members) == sorted(hanging)
        for a in [company, *members]:
            entity = factbase.get(a.get("data-id"))
            assert posixpath.normpath(posixpath.join("map", a.get("href"))) == f"{entity.type}/{entity.id}"
            # Its name, or where the name is too long for a phone's box, the alias that fits (the next test).
            assert a.find(f"{SVG}text").text in entity.names(lang)


def test_in_the_narrow_map_a_subsidiary_follows_its_parent_set_in_and_names_fit_their_boxes() -> None:
    parent = _Layout(real_inputs().factbase).parent
    blocks = narrow_blocks("en")
    order = [a.get("data-id") for a, _ in blocks]
    left = {a.get("data-id"): float(a.find(f"{SVG}rect").get("x")) for a, _ in blocks}
    for child, mother in parent.items():
        between = order[order.index(mother) + 1 : order.index(child)]
        assert all(parent.get(c) is not None for c in between), "only subsidiaries come between a parent and its own"
        assert left[child] > left[mother]
    for company, members in blocks:
        for a in [company, *members]:
            rect, text = a.find(f"{SVG}rect"), a.find(f"{SVG}text")
            assert float(rect.get("x")) + float(rect.get("width")) <= 340 - 8
            assert float(text.get("x")) + text_width(text.text) <= float(rect.get("x")) + float(rect.get("width"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_narrow_map_is_a_named_list_of_companies_each_with_the_list_of_its_names(lang: str) -> None:
    svg = drawn_map(lang, form="narrow")
    assert svg.get("role") == "group"
    assert svg.find(f"{SVG}title").get("id") == svg.get("aria-labelledby") == "relation-map-narrow-title"
    assert svg.find(f"{SVG}desc").get("id") == svg.get("aria-describedby") and svg.find(f"{SVG}desc").text
    for name in ("map-edges", "map-legend", "map-spines"):
        assert svg.find(f"{SVG}g[@class='{name}']").get("aria-hidden") == "true"
    companies = svg.find(f"{SVG}g[@role='list']")
    assert companies.get("aria-label") == derived_text({"zh": "公司与机构", "en": "Companies and institutions"}, lang)
    for company, members in narrow_blocks(lang):
        if members:
            listed = [g for g in companies.iter(f"{SVG}g") if g.get("aria-label") == company.find(f"{SVG}text").text]
            assert listed, "each company's names are a list named by the company"
    colours = {v for e in svg.iter() for k, v in e.attrib.items() if k in ("fill", "stroke")}
    assert colours <= {"currentColor", "none"}


def test_subsidiaries_sit_under_their_parent_and_the_order_leaves_no_line_crossing() -> None:
    layout = _Layout(real_inputs().factbase)
    tops = layout.arrange()
    first = {c: TOP + i * 30.0 for i, c in enumerate(layout.company_order({c.id: 0.0 for c in layout.companies}))}
    first |= layout.place(layout.models, first) | layout.place(layout.people, first)
    assert layout.crossings(tops) == 0 < layout.crossings(first), "the sweeps undo the crossings of the first order"
    for child, parent in layout.parent.items():
        assert tops[parent] < tops[child]
        between = [c for c in layout.companies if tops[parent] < tops[c.id] < tops[child]]
        assert all(layout.parent.get(c.id) is not None for c in between), "a parent's block holds only subsidiaries"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tables_under_the_map_give_every_relation_with_its_source(lang: str) -> None:
    page = real_pages()[lang]["map.md"]
    factbase = real_inputs().factbases[lang]
    rows = {
        "affiliations.company": table_rows(
            page, "## " + derived_text({"zh": "人物与公司", "en": "People and companies"}, lang)
        ),
        "developers.company": table_rows(
            page, "## " + derived_text({"zh": "谁开发了哪些模型", "en": "Who builds which model"}, lang)
        ),
        "parent.company": table_rows(
            page, "## " + derived_text({"zh": "母公司与子公司", "en": "Parents and subsidiaries"}, lang)
        ),
    }
    for relation, table in rows.items():
        links = [k for k in factbase.links if k.relation == relation]
        assert len(table) == len(links)
        linked = Counter(tuple(re.findall(r"\]\((\w+)/([\w-]+)\.md\)", " ".join(row[:2]))) for row in table)
        for k in links:
            pair = (k.source.type, k.source.id), (k.target.type, k.target.id)
            assert linked[pair if relation == "affiliations.company" else pair[::-1]] > 0, k
        assert all(re.fullmatch(r"\[\^\d+\]", row[-1]) for row in table), "every relation cites its source"


def test_a_fact_base_without_these_relations_says_so(minimal_facts: Path) -> None:
    inputs = load_inputs(minimal_facts)
    factbases = {
        code: index(
            inputs.factbases[code].entities, [k for k in inputs.factbases[code].links if k.relation not in RELATIONS]
        )
        for code in LANGUAGES
    }
    pages = render_site(replace(inputs, factbases=factbases), EDIT_BASE)
    assert "<svg" not in pages["en"]["map.md"]
    assert "The fact base holds no affiliations, parent companies or model developers yet." in pages["en"]["map.md"]
    assert "事实库中还没有人物任职、公司隶属或模型开发的关系。" in pages["zh"]["map.md"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_is_in_the_navigation_and_linked_from_the_home_page(lang: str) -> None:
    title = derived_text({"zh": "关系图", "en": "Relationship map"}, lang)
    assert {title: "map.md"} in navigation(strings()[lang])
    assert f"[{title}](map.md)" in real_pages()[lang]["index.md"]
    assert real_pages()[lang]["map.md"].startswith(f'---\ntitle: "{title}"\n')


# ---- Both pages, both languages, always the same ----


def test_both_languages_render_both_pages_in_their_language() -> None:
    pages = real_pages()
    assert "# 关系图" in pages["zh"]["map.md"] and "# Relationship map" in pages["en"]["map.md"]
    assert ">每月事件数</title>" in pages["zh"]["timeline.md"]
    assert ">Events per month</title>" in pages["en"]["timeline.md"]
    zh = {a.find(f"{SVG}text").text for a in drawn_map("zh").iter(f"{SVG}a")}
    en = {a.find(f"{SVG}text").text for a in drawn_map("en").iter(f"{SVG}a")}
    assert "商汤科技" in zh and "SenseTime" in en and "SenseTime" not in zh


# That the map and the timeline come out the same under other hash seeds is checked with the whole generated tree
# (test_determinism.py: test_generating_with_other_hash_seeds_gives_the_same_tree).
