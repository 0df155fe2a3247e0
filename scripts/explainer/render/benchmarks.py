"""The benchmarks page: each dated snapshot of a named benchmark's table, newest first, as a table and a bar chart.

A snapshot's scores stay as the table published them: the row's name as given (in the page's script), its score as
written, its rank where the table gives one. A row that is a model of the fact base links to the model's page, and
the model's page lists the rows that name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..conversion import converter
from ..factbase.model import Entity, FactBase
from ..registry import CODES
from .bars import Drawing, draw
from .chart_data import Bar, Chart
from .paths import fact_anchor
from .svg import NARROW, WIDE, Picture


@dataclass(frozen=True)
class Snapshot:
    benchmark: Entity
    picture: Picture[Drawing, Drawing]


def snapshot_chart(benchmark: Entity) -> Chart:
    """A bar per row, in the table's order, each named as the table names it (in every language's script)."""
    d = benchmark.data
    bars = tuple(
        Bar(
            row.get("model", benchmark.id),
            {code: converter(code)(row["name"]) for code in CODES},
            d["unit"],
            row["score"],
            None,
            row["as_given"],
            d["date"],
            (d["source"]["source"],),
        )
        for row in d["scores"]
    )
    return Chart(f"{fact_anchor(benchmark)}-scores", d["unit"], bars)


def snapshots(factbase: FactBase, lang: str, strings: dict[str, str]) -> list[Snapshot]:
    """Every snapshot, newest first, with its chart in both forms."""
    found = sorted(factbase.of_type("benchmarks"), key=lambda b: (b.data["date"], b.id), reverse=True)
    drawn = []
    for benchmark in found:
        chart = snapshot_chart(benchmark)
        title = strings["benchmarks.chart_title"].format(
            name=benchmark.data["name"][lang], edition=benchmark.data["edition"][lang]
        )
        drawn.append(
            Snapshot(
                benchmark, Picture(draw(chart, title, lang, strings, WIDE), draw(chart, title, lang, strings, NARROW))
            )
        )
    return drawn


SCORE_OF = "scores.model"  # the relation from a row of a snapshot to the model it is


def rows_naming(factbase: FactBase, model: Entity) -> list[tuple[Entity, dict[str, Any]]]:
    """Each benchmark row that is this model, with its snapshot, oldest snapshot first: for the model's page."""
    found = [(link.source, link.detail) for link in factbase.links_to(model, SCORE_OF)]
    return sorted(found, key=lambda pair: (pair[0].data["date"], pair[0].id))
