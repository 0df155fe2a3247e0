"""Pictures and data for readers: the downloads round-trip, the charts are accessible, entity pages carry JSON-LD.

Everything here reads the Markdown and files render_site returns; no MkDocs build is needed.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from rendered import FACTS, real_inputs, real_pages

from explainer.conversion import converter
from explainer.factbase.model import FactBase
from explainer.factbase.schema import SCHEMA_DIR, inlined_schema
from explainer.generate import EDIT_BASE, generate
from explainer.inputs import load_inputs
from explainer.registry import CODES as LANGUAGES
from explainer.registry import PAGE_TYPES, entity_type
from explainer.registry import TYPE_NAMES as TYPES
from explainer.render import paths
from explainer.render.downloads import CSV_BOM, csv_columns
from explainer.render.navigation import navigation
from explainer.render.site import render_site
from explainer.render.text import md_text
from explainer.strings import strings

SVG = "{http://www.w3.org/2000/svg}"


def entity_data(factbase: FactBase) -> dict[str, dict[str, Any]]:
    return {t: {e.id: e.data for e in factbase.of_type(t)} for t in TYPES}


def front_matter(page: str) -> dict[str, Any]:
    return yaml.safe_load(page.split("---\n")[1])


# ---- Downloads ----


def read_csv(text: str, type_name: str) -> dict[str, dict[str, Any]]:
    """A type's CSV file read back as the data page says: dotted columns nest, JSON cells parse, "'" guards formulas."""
    assert text.startswith(CSV_BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(CSV_BOM), newline="")))
    columns = {c.name: c for c in csv_columns(inlined_schema(type_name))}
    assert rows[0] == ["id", *columns]
    found: dict[str, dict[str, Any]] = {}
    for entity_id, *cells in rows[1:]:
        data: dict[str, Any] = {}
        for column, cell in zip(columns.values(), cells, strict=True):
            if cell == "":
                continue
            value = json.loads(cell) if column.json else cell.removeprefix("'") if cell[0] == "'" else cell
            target = data
            for key in column.path[:-1]:
                target = target.setdefault(key, {})
            target[column.path[-1]] = value
        found[entity_id] = data
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_json_download_holds_every_entity_and_the_paragraph_ids(lang: str) -> None:
    document = json.loads(real_pages()[lang]["data/factbase.json"])
    assert document.pop("paragraphs") == [p.id for p in real_inputs().article.paragraphs]
    assert document == entity_data(real_inputs().factbase)


@pytest.mark.parametrize("type_name", TYPES)
def test_each_csv_download_parses_back_to_the_fact_base(type_name: str) -> None:
    expected = entity_data(real_inputs().factbase)[type_name]
    assert expected
    for lang in LANGUAGES:
        assert read_csv(real_pages()[lang][f"data/{type_name}.csv"], type_name) == expected


def test_csv_text_a_spreadsheet_would_run_as_a_formula_is_written_after_an_apostrophe(minimal_facts: Path) -> None:
    path = minimal_facts / "companies" / "acme.yaml"
    text = path.read_text(encoding="utf-8").replace("en: Acme Technology", "en: '=HYPERLINK(\"x\")'")
    text = text.replace("en: A made-up company, used only by the tests.", "en: \"'Quoted', a made-up company\"")
    path.write_text(text, encoding="utf-8")
    inputs = load_inputs(minimal_facts)
    download = render_site(inputs, EDIT_BASE)["en"]["data/companies.csv"]
    header, acme = list(csv.reader(io.StringIO(download.removeprefix(CSV_BOM))))[:2]
    row = dict(zip(header, acme, strict=True))
    assert row["name.en"] == '\'=HYPERLINK("x")' and row["summary.en"] == "''Quoted', a made-up company"
    assert read_csv(download, "companies") == entity_data(inputs.factbase)["companies"]


def test_generate_writes_the_downloads_as_they_are(tmp_path: Path) -> None:
    generate(FACTS, tmp_path)
    for lang in LANGUAGES:
        downloads = {p: t for p, t in real_pages()[lang].items() if p.startswith("data/") and not p.endswith(".md")}
        assert sorted(downloads) == sorted(["data/factbase.json", *(f"data/{t}.csv" for t in TYPES)])
        for path, text in downloads.items():
            assert (tmp_path / lang / path).read_bytes() == text.encode("utf-8"), path


def test_every_generated_path_is_a_markdown_json_or_csv_file_or_the_feed() -> None:
    for pages in real_pages().values():
        assert [p for p in pages if not p.endswith((".md", ".json", ".csv")) and p != paths.FEED] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_data_page_lists_every_field_with_the_description_its_schema_gives(lang: str) -> None:
    page = real_pages()[lang]["data/index.md"]
    written = converter(lang)  # in the page's script: a derived language's page converts them like its other texts
    for type_name in TYPES:
        schema = json.loads((SCHEMA_DIR / f"{type_name}.json").read_text(encoding="utf-8"))
        assert f"({type_name}.csv)" in page
        assert md_text(written(schema["description"])) in page
        for name, field in schema["properties"].items():
            assert f"| <code>{md_text(name)}</code> |" in page, (type_name, name)
            if "description" in field:
                assert md_text(written(field["description"])) in page, (type_name, name)
    shared = json.loads((SCHEMA_DIR / "defs.json").read_text(encoding="utf-8"))["$defs"]
    assert md_text(written(shared["source"]["description"])) in page


@pytest.mark.parametrize(("lang", "outlet"), [("zh", "新快报"), ("en", "New Express")])
def test_the_data_page_gives_the_fact_base_licence_and_keeps_the_article_out_of_it(lang: str, outlet: str) -> None:
    page = real_pages()[lang]["data/index.md"]
    assert "(https://creativecommons.org/licenses/by/4.0/" in page
    assert "CC BY 4.0" in page
    assert f"© {outlet}" in page if lang == "en" else f"版权归{outlet}所有" in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_and_data_pages_are_in_the_navigation_and_linked_from_the_home_page(lang: str) -> None:
    nav = [page for entry in navigation(strings()[lang]) for page in entry.values()]
    home = real_pages()[lang]["index.md"]
    for page in ("charts.md", "data/index.md"):
        assert page in nav, page
        assert f"]({page})" in home, page
        assert page in real_pages()[lang]


# ---- Charts ----


def _cells(row: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def _plain(markdown: str) -> str:
    """The text a table cell shows: link text without its target, backslash escapes and entities resolved."""
    text = re.sub(r"\[((?:\\.|[^\]])*)\]\([^)]*\)", r"\1", markdown)
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def charts(page: str, form: str = "wide") -> list[tuple[ET.Element, list[list[str]]]]:
    """Each chart of a page: its SVG in one form ("wide" or "narrow"), parsed as XML, and the rows of its table."""
    found = []
    for figure, table in re.findall(r'(<figure class="chart".*?</figure>)\n\n((?:\|[^\n]*\n)+)', page, re.S):
        svg = re.search(rf'<svg class="picture-{form}".*?</svg>', figure, re.S)
        found.append((ET.fromstring(svg.group(0)), [_cells(row) for row in table.splitlines()[2:]]))
    return found


@pytest.mark.parametrize("form", ["wide", "narrow"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chart_is_an_image_with_a_title_and_description_and_a_table_of_the_same_numbers(
    lang: str, form: str
) -> None:
    found = charts(real_pages()[lang]["charts.md"], form)
    assert len(found) >= 4
    for svg, rows in found:
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        desc = svg.find(f"{SVG}desc")
        assert title is not None and title.text and title.get("id") == svg.get("aria-labelledby")
        assert desc is not None and desc.text and desc.get("id") == svg.get("aria-describedby")
        items = svg.findall(f"{SVG}g[@class='chart-item']")
        assert len(items) == len(rows) >= 2
        for item, (label, value, *_rest, sources) in zip(items, rows, strict=True):
            assert "".join(t.text for t in item.findall(f"{SVG}text[@class='chart-label']")).replace(" ", "") == (
                _plain(label).replace(" ", "")
            )
            written = "".join(t.text for t in item.findall(f"{SVG}text[@class='chart-value']"))
            assert written.replace(" ", "") == _plain(value).replace(" ", "")
            assert re.fullmatch(r"\[\^\d+\]", sources), "every number cites its source"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_colours_come_from_the_theme_so_they_read_in_light_and_dark(lang: str) -> None:
    for svg, _ in charts(real_pages()[lang]["charts.md"]) + charts(real_pages()[lang]["charts.md"], "narrow"):
        colours = {v for e in svg.iter() for k, v in e.attrib.items() if k in ("fill", "stroke")}
        assert colours == {"currentColor"}
    css = Path("docs/assets/explainer.css").read_text(encoding="utf-8")
    assert ".chart svg .chart-bar" in css and "var(--md-primary-fg-color)" in css
    assert "var(--md-default-fg-color)" in css


def _chart_values(lang: str) -> dict[str, list[float]]:
    page = real_pages()[lang]["charts.md"]
    return {
        svg.get("aria-labelledby").removeprefix("chart-").removesuffix("-title"): [
            float(g.get("data-value")) for g in svg.findall(f"{SVG}g[@class='chart-item']")
        ]
        for svg, _ in charts(page)
    }


def test_charts_take_their_numbers_from_the_fact_base_by_id_and_unit() -> None:
    factbase = real_inputs().factbase
    figures = [f.data for f in factbase.of_type("figures")]
    listed = {c.id for c in factbase.of_type("companies") if c.data.get("tickers")}
    for lang in LANGUAGES:
        values = _chart_values(lang)
        parameters = {m.data["parameters"]["value"] for m in factbase.of_type("models") if "parameters" in m.data}
        parameters |= {f["value"] for f in figures if f["unit"] == "parameters"}
        assert set(values["parameters"]) == parameters
        assert values["parameters"] == sorted(values["parameters"])
        assert min(parameters) == factbase.get("bert").data["parameters"]["value"]
        assert max(parameters) == factbase.get("m6").data["parameters"]["value"]
        costs = [f["value"] for f in figures if f.get("estimated_by") == "guosheng-securities" and f["unit"] == "USD"]
        assert sorted(values["costs"]) == sorted(costs)
        for unit in ("percent", "cny"):
            in_360 = [f["value"] for f in figures if "qihoo-360" in f["about"] and f["unit"].lower() == unit]
            assert sorted(values[f"qihoo-360-{unit}"]) == sorted(in_360)
        moves = [
            f["value"]
            for f in figures
            if f["unit"] == "percent" and f.get("date") in ("2023-04-10", "2023-04-11") and listed & set(f["about"])
        ]
        assert sorted(values["stock-moves"]) == sorted(moves) and min(moves) < 0 < max(moves)


def test_a_log_scale_is_used_only_where_the_values_span_orders_of_magnitude() -> None:
    scales = {svg.get("aria-labelledby"): svg.get("data-scale") for svg, _ in charts(real_pages()["en"]["charts.md"])}
    assert scales["chart-parameters-title"] == scales["chart-costs-title"] == "log"
    assert scales["chart-stock-moves-title"] == "linear"


def test_a_number_alone_in_its_unit_is_listed_beside_the_charts_not_drawn(minimal_facts: Path) -> None:
    page = render_site(load_inputs(minimal_facts), EDIT_BASE)["en"]["charts.md"]
    assert charts(page) == []
    # named with the year of the model counted, as on the size chart
    assert "- [Acme LM \\(2023\\)](models/acme-lm.md): **175 billion parameters** (1750亿)[^1]" in page


def test_the_charts_page_says_so_when_there_is_nothing_to_chart(minimal_facts: Path) -> None:
    model = minimal_facts / "models" / "acme-lm.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(re.sub(r"parameters:\n(  .*\n)+", "", text), encoding="utf-8")
    pages = render_site(load_inputs(minimal_facts), EDIT_BASE)
    assert "The fact base has no numbers to chart yet." in pages["en"]["charts.md"]
    assert "事实库中还没有可以画图的数字。" in pages["zh"]["charts.md"]


# ---- Structured data ----


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entity_page_carries_schema_org_json_ld_of_its_type(lang: str) -> None:
    factbase = real_inputs().factbases[lang]
    for type_name in PAGE_TYPES:
        for entity in factbase.of_type(type_name):
            meta = front_matter(real_pages()[lang][f"{type_name}/{entity.id}.md"])
            assert "<" not in meta["json_ld"]
            item = json.loads(meta["json_ld"])
            expected = entity_type(type_name).schema_org  # as the registry declares it
            if entity.data.get("kind") == "hardware":
                expected = "Product"
            assert item["@context"] == "https://schema.org"
            assert item["@type"] == expected, entity
            assert item["name"] == entity.name(lang)
            events = {link.source.id for link in factbase.links_to(entity) if link.source.type == "events"}
            assert len(item.get("subjectOf", [])) == len(events)
            assert all(e["@type"] == "Event" and e["startDate"] for e in item.get("subjectOf", []))


def test_json_ld_names_the_people_and_companies_an_entity_is_linked_to() -> None:
    item = json.loads(front_matter(real_pages()["en"]["models/tiangong.md"])["json_ld"])
    assert [c["name"] for c in item["creator"]] == ["Kunlun Tech", "Singularity AI"]
    person = json.loads(front_matter(real_pages()["zh"]["people/wang-huiwen.md"])["json_ld"])
    assert {"@type": "Organization", "name": "美团"} in person["affiliation"]


def test_the_theme_override_prints_json_ld_and_open_graph_tags_from_the_front_matter() -> None:
    template = Path("overrides/main.html").read_text(encoding="utf-8")
    assert '{% extends "base.html" %}' in template and "{% block extrahead %}" in template
    assert '<script type="application/ld+json">{{ meta.json_ld }}</script>' in template
    for tag in ("og:title", "og:description", "og:url", "og:locale"):
        assert f'property="{tag}"' in template
