"""What the charts show, as data: bars and charts built from the fact base, never from hard-coded ids.

The charts page draws the figures by their `chart` field (and every model's parameter count); the verdict
draws its series; the timeline counts its events by month. Drawing is bars.py's and columns.py's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..factbase.model import Entity, FactBase
from ..registry import CODES
from .numbers import big_number
from .paths import fact_anchor
from .text import date_label

PARAMETERS = "parameters"  # the section, and the unit, of parameter counts
IN_DATE_ORDER = {"qihoo-360", "stock-moves"}  # sections read as a course of events rather than a ranking


@dataclass(frozen=True)
class Bar:
    """One number of a chart, with where it comes from."""

    key: str  # id of the entity the number belongs to (a model, or the figure itself)
    label: dict[str, str]  # {zh, en}
    unit: str
    value: float
    up_to: float | None  # upper end of a range
    as_given: str
    date: str
    sources: tuple[str, ...]
    more_than: bool = False  # the value is a lower bound ("more than 15%")
    experts: bool = False  # a mixture of experts' total: only part of it works on each token
    active: float | None = None  # that part, where the source gives it


@dataclass(frozen=True)
class Chart:
    id: str  # anchor of the chart and prefix of its SVG ids
    unit: str
    bars: tuple[Bar, ...]

    @property
    def log(self) -> bool:
        """Values spanning two orders of magnitude or more, all positive, are drawn on a log scale."""
        low = min(b.value for b in self.bars)
        high = max(b.up_to or b.value for b in self.bars)
        return low > 0 and high / low >= 100


@dataclass(frozen=True)
class Section:
    """One subject: a chart per unit with two numbers or more, and the numbers left alone in their unit."""

    id: str
    charts: tuple[Chart, ...]
    single: tuple[Bar, ...]


def _figure_bar(figure: Entity) -> Bar:
    d = figure.data
    return Bar(
        figure.id,
        d["name"],
        d["unit"],
        d["value"],
        d.get("up_to"),
        d["as_given"],
        d.get("date", ""),
        tuple(d["sources"]),
        d.get("more_than", False),
    )


def _model_label(
    name: dict[str, str], date: str, experts: dict[str, Any] | None, words: dict[str, dict[str, str]]
) -> dict[str, str]:
    """A model's name with the year of its count and, for a mixture of experts, what part of it is active, in every
    language: 'DeepSeek-V3(2024年)· 混合专家,激活370亿'. Written above the bar, so that the values beside the bars
    stay short and leave the axis its width."""
    label = {}
    for lang, table in words.items():
        if lang not in name:  # a derived language this copy of the fact base was not converted into
            continue
        text = (
            table["chart.dated_label"].format(name=name[lang], year=date_label(date[:4], lang)) if date else name[lang]
        )
        if experts is not None and "active" in experts:
            text += table["chart.moe_active"].format(n=big_number(experts["active"], lang))
        elif experts is not None:
            text += table["chart.moe"]
        label[lang] = text
    return label


def parameter_bars(factbase: FactBase, figures: list[Entity], words: dict[str, dict[str, str]]) -> list[Bar]:
    """Every entity with a parameter count (the models), named with the year of the model counted, a mixture of
    experts marked as one; and the figures given in parameters. A figure that repeats a model's count joins its
    bar."""
    bars: list[Bar] = []
    joined: set[str] = set()
    for entity in sorted(factbase.entities.values(), key=lambda e: e.id):
        if "parameters" not in entity.data:
            continue
        factbase.shown((entity,))  # found by a scan, not looked up: the page that charts it shows its file
        count = entity.data["parameters"]
        same = [
            f
            for f in figures
            if entity.id in f.data["about"]
            and f.data["value"] == count["value"]
            and "up_to" not in f.data
            and not f.data.get("more_than")
        ]
        joined.update(f.id for f in same)
        sources = dict.fromkeys([count["source"], *(s for f in same for s in f.data["sources"])])
        date = count.get("date") or entity.data.get("announced", {}).get("date", "")
        experts = count.get("mixture_of_experts")
        if experts:
            sources[experts["source"]] = None
        label = _model_label(entity.data["name"], date, experts, words)
        bars.append(
            Bar(
                entity.id,
                label,
                PARAMETERS,
                count["value"],
                None,
                count["as_given"],
                date,
                tuple(sources),
                experts=experts is not None,
                active=(experts or {}).get("active"),
            )
        )
    return bars + [_figure_bar(f) for f in figures if f.id not in joined]


def _by_value(bar: Bar) -> tuple[Any, ...]:
    return (bar.value, bar.key)


def _by_date(bar: Bar) -> tuple[Any, ...]:
    return (bar.date, bar.key)


def _section(section_id: str, bars: list[Bar], order: Callable[[Bar], Any]) -> Section:
    """A chart for each unit with two numbers or more (in the order of their first number); the rest listed."""
    by_unit: dict[str, list[Bar]] = {}
    for bar in sorted(bars, key=order):
        by_unit.setdefault(bar.unit, []).append(bar)
    several = [(unit, tuple(group)) for unit, group in by_unit.items() if len(group) > 1]
    charts = tuple(
        Chart(f"{section_id}-{unit.lower()}" if len(several) > 1 else section_id, unit, group)
        for unit, group in several
    )
    return Section(section_id, charts, tuple(group[0] for group in by_unit.values() if len(group) == 1))


def series_chart(series: Entity) -> Chart:
    """A series of the verdict as one chart: a bar per number, named by its label or else by its date."""
    bars = []
    for point in series.data["points"]:
        label = point.get("label") or {code: date_label(point["date"], code) for code in CODES}
        value = point["value"]
        bars.append(
            Bar(
                series.id, label, series.data["unit"], value, None, point["as_given"], point["date"], (point["source"],)
            )
        )
    return Chart(fact_anchor(series), series.data["unit"], tuple(bars))


def chart_sections(factbase: FactBase, section_ids: list[str], words: dict[str, dict[str, str]]) -> list[Section]:
    """The charts page: a section for each value of the figures' `chart` field, in the schema's order, with the
    figures that name it; the parameter section also holds every model's parameter count. Sections about one
    company's course or one day's trading run in date order, the others by size."""
    sections = []
    for section_id in section_ids:
        figures = [f for f in factbase.of_type("figures") if f.data.get("chart") == section_id]
        bars = (
            parameter_bars(factbase, figures, words) if section_id == PARAMETERS else [_figure_bar(f) for f in figures]
        )
        sections.append(_section(section_id, bars, _by_date if section_id in IN_DATE_ORDER else _by_value))
    return [s for s in sections if s.charts or s.single]


# ---- Counts over time: the timeline's events per month (or quarter) ----

EVENTS = "events"  # the unit of a count of events
MAX_MONTHS = 120  # over a longer span events are counted by quarter, so that no column gets thinner than ~4 px


@dataclass(frozen=True)
class EventCounts:
    """How many events fall in each month or quarter, from the first dated event's to the last's."""

    period: str  # "month" or "quarter"
    chart: Chart  # a bar per period, in order, the empty ones included; key "2023-04" or "2023-Q2"
    first_event: dict[str, str]  # period key (or year, for year_only) -> id of its first event
    year_only: tuple[Bar, ...]  # events dated only to the year, counted by year: not drawn


def _period_key(year: int, month: int, period: str) -> str:
    return f"{year}-{month:02d}" if period == "month" else f"{year}-Q{(month - 1) // 3 + 1}"


def period_label(key: str, lang: str, strings: dict[str, str]) -> str:
    """'2023-04' as '2023年4月' or 'April 2023'; '2023-Q2' as '2023年第2季度' or 'Q2 2023'."""
    year, _, part = key.partition("-")
    if part.startswith("Q"):
        return strings["timeline.quarter"].format(year=year, q=part[1:])
    return date_label(key, lang)


def count_text(n: int, strings: dict[str, str]) -> str:
    """'12件', '12 events', '1 event'."""
    return strings["unit.events.one" if n == 1 else "unit.events"].format(n=n)


def event_counts(factbase: FactBase, strings: dict[str, dict[str, str]]) -> EventCounts | None:
    """The events of the fact base counted by month (by quarter over more than MAX_MONTHS); None without dates."""
    events = sorted(factbase.of_type("events"), key=lambda e: (e.data["date"], e.id))
    dated = [e for e in events if len(e.data["date"]) >= 7]
    if not dated:
        return None
    first = (int(dated[0].data["date"][:4]), int(dated[0].data["date"][5:7]))
    last = (int(dated[-1].data["date"][:4]), int(dated[-1].data["date"][5:7]))
    months = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    period = "month" if months <= MAX_MONTHS else "quarter"
    counts: dict[str, int] = {}
    for i in range(months):
        year, month = divmod(first[0] * 12 + first[1] - 1 + i, 12)
        counts.setdefault(_period_key(year, month + 1, period), 0)
    first_event: dict[str, str] = {}
    for event in dated:
        key = _period_key(int(event.data["date"][:4]), int(event.data["date"][5:7]), period)
        counts[key] += 1
        first_event.setdefault(key, event.id)
    by_year: dict[str, int] = {}
    for event in events:
        if len(event.data["date"]) == 4:
            by_year[event.data["date"]] = by_year.get(event.data["date"], 0) + 1
            first_event.setdefault(event.data["date"], event.id)

    def bar(key: str, n: int) -> Bar:
        label = {lang: period_label(key, lang, table) for lang, table in strings.items()}
        return Bar(key, label, EVENTS, n, None, "", key if "Q" not in key else key[:4], ())

    chart = Chart(f"{EVENTS}-per-{period}", EVENTS, tuple(bar(k, n) for k, n in counts.items()))
    return EventCounts(period, chart, first_event, tuple(bar(y, n) for y, n in by_year.items()))
