"""The models index as a reader meets it in Chromium, in every language: a table per kind of thing (no GPU or office
app among the models), mixture-of-experts models marked with their active parameters, columns that sort; the size
chart marking the same models; and each year of the timeline introduced by its headline event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from explainer.factbase.model import Entity
from explainer.inputs import Inputs, load_inputs
from explainer.registry import LANGUAGES
from explainer.render.numbers import big_number

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CODES = [language.code for language in LANGUAGES]


@pytest.fixture(scope="module")
def inputs() -> Inputs:
    return load_inputs(ROOT / "seeds" / "facts")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def _prefix(lang: str) -> str:
    return next(language.prefix for language in LANGUAGES if language.code == lang)


# The table under a heading of the page: its column names, and for each row the page its first cell links to and
# the text of every cell.
TABLE_UNDER = """(id) => {
  let node = document.getElementById(id).nextElementSibling;
  while (node && !node.querySelector("table") && node.tagName !== "TABLE") node = node.nextElementSibling;
  const table = node.tagName === "TABLE" ? node : node.querySelector("table");
  return {
    head: [...table.tHead.rows[0].cells].map((th) => th.textContent.trim()),
    rows: [...table.tBodies[0].rows].map((tr) => ({
      page: new URL(tr.cells[0].querySelector("a").href).pathname.split("/").filter(Boolean).pop(),
      cells: [...tr.cells].map((td) => td.textContent.trim()),
      sort: [...tr.cells].map((td) => td.querySelector("[data-sort]")?.dataset.sort ?? null),
    })),
  };
}"""


def _table(page: Page, heading_id: str) -> dict[str, Any]:
    return dict(page.evaluate(TABLE_UNDER, heading_id))


def _groups(inputs: Inputs) -> list[tuple[str, list[Entity]]]:
    models = inputs.factbase.of_type("models")
    return [
        (name, [m for m in models if m.data["kind"] in kinds])
        for name, kinds in inputs.vocabulary.groups("models", "kind")
    ]


@pytest.mark.parametrize("lang", CODES)
def test_each_kind_of_thing_has_its_own_table_and_no_gpu_or_app_sits_among_the_models(
    served_site: str, page: Page, inputs: Inputs, lang: str
) -> None:
    page.goto(f"{served_site}/{_prefix(lang)}models/")
    groups = _groups(inputs)
    listed = {name: sorted(row["page"] for row in _table(page, name)["rows"]) for name, members in groups if members}
    assert listed == {name: sorted(m.id for m in members) for name, members in groups if members}
    first, *others = groups
    assert others and all(m.id not in listed[first[0]] for _, members in others for m in members)
    # and the table says what each row is, in the page's language: a kind of model
    words = inputs.vocabulary.words[lang]
    model_kinds = tuple(words[f"value.models.kind.{kind}"] for kind in inputs.vocabulary.groups("models", "kind")[0][1])
    assert all(row["cells"][1].startswith(model_kinds) for row in _table(page, first[0])["rows"])


@pytest.mark.parametrize("lang", CODES)
def test_a_mixture_of_experts_is_marked_with_its_active_parameters(
    served_site: str, page: Page, inputs: Inputs, lang: str
) -> None:
    page.goto(f"{served_site}/{_prefix(lang)}models/")
    words = inputs.vocabulary.words[lang]
    group = _groups(inputs)[0][0]
    table = _table(page, group)
    column = table["head"].index(words["index.col.parameters"])
    cells = {row["page"]: row["cells"][column] for row in table["rows"]}
    experts = {m.id: m.data["parameters"] for m in inputs.factbase.of_type("models") if "parameters" in m.data}
    marked = {i for i, cell in cells.items() if words["index.moe"] in cell}
    assert marked == {i for i, count in experts.items() if "mixture_of_experts" in count}
    for model_id in marked:
        active = experts[model_id]["mixture_of_experts"].get("active")
        if active is not None:
            assert big_number(active, lang) in cells[model_id].split(big_number(experts[model_id]["value"], lang))[1]


@pytest.mark.parametrize("lang", CODES)
def test_the_comparison_sorts_by_parameters_both_ways(served_site: str, page: Page, inputs: Inputs, lang: str) -> None:
    page.goto(f"{served_site}/{_prefix(lang)}models/")
    group = _groups(inputs)[0][0]
    column = _table(page, group)["head"].index(inputs.vocabulary.words[lang]["index.col.parameters"])
    header = page.locator(f"h2#{group} ~ div table thead th").nth(column)
    header.click()
    upward = [float(r["sort"][column]) for r in _table(page, group)["rows"] if r["sort"][column] is not None]
    header.click()
    downward = [float(r["sort"][column]) for r in _table(page, group)["rows"] if r["sort"][column] is not None]
    assert len(upward) > 10 and upward == sorted(upward) and downward == sorted(upward, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"


CHART_ITEMS = """() => [...document.querySelectorAll("#chart-parameters svg.picture-wide g.chart-item")].map((g) => ({
  experts: g.dataset.experts === "true",
  range: g.dataset.upTo !== undefined,
  active: g.dataset.active ? Number(g.dataset.active) : null,
  value: Number(g.dataset.value),
  solid: g.querySelector("rect.chart-bar").getBBox().width,
  whole: [...g.querySelectorAll("rect")].reduce((end, r) => Math.max(end, r.getBBox().x + r.getBBox().width), 0)
    - g.querySelector("rect.chart-bar").getBBox().x,
}))"""


@pytest.mark.parametrize("lang", CODES)
def test_the_size_chart_draws_a_mixture_of_experts_as_its_active_part_of_the_total(
    served_site: str, page: Page, inputs: Inputs, lang: str
) -> None:
    page.goto(f"{served_site}/{_prefix(lang)}charts/")
    items = page.evaluate(CHART_ITEMS)
    counts = [m.data["parameters"] for m in inputs.factbase.of_type("models") if "parameters" in m.data]
    moe = [c for c in counts if "mixture_of_experts" in c]
    drawn = [i for i in items if i["experts"]]
    assert sorted(i["value"] for i in drawn) == sorted(float(c["value"]) for c in moe)
    assert sorted(i["active"] for i in drawn if i["active"] is not None) == sorted(
        float(c["mixture_of_experts"]["active"]) for c in moe if "active" in c["mixture_of_experts"]
    )
    assert all(i["solid"] < i["whole"] - 1 for i in drawn)  # the lighter part shows what is not active
    assert all(abs(i["solid"] - i["whole"]) < 1 for i in items if not i["experts"] and not i["range"])


@pytest.mark.parametrize("lang", CODES)
def test_each_year_is_introduced_by_its_headline_event(served_site: str, page: Page, inputs: Inputs, lang: str) -> None:
    headlines = {e.data["date"][:4]: e for e in inputs.factbase.of_type("events") if "headline" in e.data}
    first = {}
    for event in sorted(inputs.factbase.of_type("events"), key=lambda e: (e.data["date"], e.id)):
        first.setdefault(event.data["date"][:4], event)
    assert any(first[year] is not event for year, event in headlines.items())  # else the test would prove nothing
    page.goto(f"{served_site}/{_prefix(lang)}timeline/")
    shown = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("#years + p + ul > li, #years ~ ul > li")].map((li) =>
             [li.querySelector("a").textContent.trim(), li.querySelector(".timeline-headline a")?.hash.slice(1) ?? null]))"""
    )
    assert shown == {year: headlines[year].id if year in headlines else None for year in first}
    for year, event in headlines.items():
        page.goto(f"{served_site}/{_prefix(lang)}timeline/{year}/")
        lead = page.locator("p.timeline-headline")
        assert lead.locator("a").first.get_attribute("href") == f"#{event.id}"
        why = inputs.factbases[lang].get(event.id).data["headline"]["why"][lang]  # a derived language's converted
        assert why[:20] in lead.inner_text()
        assert page.locator(f'li[id="{event.id}"]').count() == 1
