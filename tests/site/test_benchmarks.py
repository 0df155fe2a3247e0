"""Benchmark results, honestly: the built benchmarks page holds every snapshot of the real fact base as a table in
which each score, as the benchmark wrote it, carries the footnote of the table it was copied from, under the
benchmark's caveats; and a model's page lists the rows that name it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from rendered import real_inputs, real_pages

from explainer.conversion import converter
from explainer.registry import LANGUAGES, Language
from explainer.render import paths

FOOTNOTE_REF = re.compile(r'<sup id="fnref\d*:(\d+)"><a class="footnote-ref" href="#fn:\1">')
TAGS = re.compile(r"<[^>]+>")


def benchmarks() -> list:
    return sorted(real_inputs().factbase.of_type("benchmarks"), key=lambda b: b.id)


def section(page: str, anchor: str) -> str:
    """The HTML of one snapshot's section: from its heading to the next one's."""
    start = page.index(f'<h2 id="{anchor}"')
    end = page.find("<h2 ", start + 1)
    return page[start : end if end > 0 else len(page)]


def table_rows(part: str) -> list[list[str]]:
    """The cells of each row of the section's first table, as HTML."""
    body = part[part.index("<tbody>") : part.index("</tbody>")]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def footnote(page: str, number: str) -> str:
    return page[page.index(f'<li id="fn:{number}">') :].split("</li>", 1)[0]


def test_the_real_fact_base_has_a_benchmark_snapshot() -> None:
    assert benchmarks(), "seeds/facts/benchmarks/ holds no snapshot: the page below would test nothing"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_score_is_in_its_table_with_the_footnote_of_its_source(built_site: Path, language: Language) -> None:
    page = (built_site / language.prefix / paths.page_url(paths.BENCHMARKS) / "index.html").read_text("utf-8")
    written = converter(language.code)
    for benchmark in benchmarks():
        d = benchmark.data
        part = section(page, benchmark.id)
        rows = table_rows(part)
        assert len(rows) == len(d["scores"]), benchmark.id
        source = real_inputs().factbase.get(d["source"]["source"]).data
        for row, cells in zip(d["scores"], rows, strict=True):
            name, rank, score = cells
            assert html.unescape(TAGS.sub("", name)).startswith(written(row["name"])), (benchmark.id, row)
            assert html.unescape(TAGS.sub("", score)).startswith(row["as_given"]), (benchmark.id, row)
            assert ("rank" not in row) or TAGS.sub("", rank).strip() == str(row["rank"])
            notes = FOOTNOTE_REF.findall(score)
            assert len(notes) == 1, f"{benchmark.id}: the score of {row['name']} has no footnote"
            note = footnote(page, notes[0])
            assert f'href="{source["url"]}"' in note and d["source"]["quote"] in note and d["source"]["at"] in note
        # The caveats come before the table, and the date and edition with them.
        above = part[: part.index("<table>")]
        shown = real_inputs().factbases[language.code].get(benchmark.id).data  # its texts in the page's language
        for caveat in shown["caveats"]:
            assert caveat[language.code] in html.unescape(TAGS.sub("", above)), (benchmark.id, caveat)
        assert f'datetime="{d["date"]}"' in above


def test_a_models_page_lists_each_row_that_names_it_with_its_score_and_source() -> None:
    for benchmark in benchmarks():
        for row in (r for r in benchmark.data["scores"] if "model" in r):
            model = real_inputs().factbase.get(row["model"])
            for code, pages in real_pages().items():
                text = pages[paths.entity_page(model)]
                line = next(
                    (
                        x
                        for x in text.splitlines()
                        if f"benchmarks.md#{benchmark.id}" in x and row["as_given"].replace(".", "\\.") in x
                    ),
                    None,
                )
                assert line is not None, f"{code} {model.id}: no row of {benchmark.id} with {row['as_given']}"
                assert re.search(r"\[\^\d+\]", line), f"{code} {model.id}: the row of {benchmark.id} cites nothing"
