"""Bar charts of the fact base's numbers, drawn at generation time as static SVG.

Which numbers a chart shows is decided here, from ids and units in the fact base; the numbers
themselves always come from the fact files. Each chart is laid out in plain coordinates for the
template `_chart.md.j2`, which writes the SVG and the table of the same numbers beside it; it is laid out twice,
in the wide form and in the narrow one for phones (render/svg.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..factbase.model import Entity, FactBase
from ..factbase.schema import allowed_values
from ..registry import CODES
from .numbers import big_number, quantity
from .svg import FONT, LINE, NARROW, PAD, WIDE, Form, Picture, centred_within, px, text_width, wrap
from .text import date_label

PARAMETERS = "parameters"  # the section, and the unit, of parameter counts
IN_DATE_ORDER = {"qihoo-360", "stock-moves"}  # sections read as a course of events rather than a ranking

PLOT_PAD = 24  # px between the picture's edge and the first or last gridline
BAR = 16  # px, bar thickness
GAP = 14  # px below each bar
AXIS = 40  # px below the last bar: tick labels and the axis title
TICK_GAP = 8  # px at least between two tick labels
VALUE_GAP = 12  # px at least between a label and the value written at the end of its line (narrow form)


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
    )


def parameter_bars(factbase: FactBase, figures: list[Entity]) -> list[Bar]:
    """Every entity with a parameter count (the models), and the figures given in parameters; a figure that
    repeats a model's count joins its bar."""
    bars: list[Bar] = []
    joined: set[str] = set()
    for entity in sorted(factbase.entities.values(), key=lambda e: e.id):
        if "parameters" not in entity.data:
            continue
        count = entity.data["parameters"]
        same = [
            f
            for f in figures
            if entity.id in f.data["about"] and f.data["value"] == count["value"] and "up_to" not in f.data
        ]
        joined.update(f.id for f in same)
        sources = dict.fromkeys([count["source"], *(s for f in same for s in f.data["sources"])])
        date = entity.data.get("announced", {}).get("date", "")
        name = entity.data["name"]
        bars.append(Bar(entity.id, name, PARAMETERS, count["value"], None, count["as_given"], date, tuple(sources)))
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
    return Chart(f"series-{series.id}", series.data["unit"], tuple(bars))


def draw_series(series: Entity, lang: str, strings: dict[str, str]) -> Picture[Drawing, Drawing]:
    chart, title = series_chart(series), series.name(lang)
    return Picture(draw(chart, title, lang, strings, WIDE), draw(chart, title, lang, strings, NARROW))


def chart_sections(factbase: FactBase) -> list[Section]:
    """The charts page: a section for each value of the figures' `chart` field, in the schema's order, with the
    figures that name it; the parameter section also holds every model's parameter count. Sections about one
    company's course or one day's trading run in date order, the others by size."""
    sections = []
    for section_id in allowed_values("figures", "chart"):
        figures = [f for f in factbase.of_type("figures") if f.data.get("chart") == section_id]
        bars = parameter_bars(factbase, figures) if section_id == PARAMETERS else [_figure_bar(f) for f in figures]
        sections.append(_section(section_id, bars, _by_date if section_id in IN_DATE_ORDER else _by_value))
    return [s for s in sections if s.charts or s.single]


# ---- Layout: plain coordinates for the template, in the page's language ----


@dataclass(frozen=True)
class Tick:
    x: float  # of the gridline
    label: str
    label_x: float  # the label's centre, kept inside the picture


@dataclass(frozen=True)
class DrawnBar:
    bar: Bar
    label: str
    label_lines: tuple[tuple[float, str], ...]  # (baseline y, text)
    y: float
    x: float
    width: float
    range_x: float  # the part of a range above its lower end; width 0 without one
    range_width: float
    shown: str  # the value as the page writes it, in the chart and in the table
    value_x: float
    value_lines: tuple[tuple[float, str], ...]  # (baseline y, text): one line beside the bar in the wide form; in
    # the narrow one at the end of the label's last line, or (too long for it) on lines of their own
    value_anchor: str  # "start" or "end"


@dataclass(frozen=True)
class Drawing:
    chart: Chart
    form: Form
    title: str
    desc: str
    axis_title: str
    width: int
    height: float
    axis_y: float
    tick_y: float  # baseline of the tick labels
    title_y: float  # baseline of the axis title
    grid_top: float
    zero_x: float
    ticks: tuple[Tick, ...]
    bars: tuple[DrawnBar, ...]


def _nice_step(span: float, whole: bool = False) -> float:
    """About a fifth of the span, rounded to 1, 2, 2.5 or 5 times a power of ten; whole numbers for counts."""
    raw = span / 5 or 1
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if whole and magnitude < 10 else (1, 2, 2.5, 5, 10)
    step = next(m * magnitude for m in steps if m * magnitude >= raw)
    return max(step, 1) if whole else step


@dataclass(frozen=True)
class Scale:
    """Where a value falls along the axis, as a fraction from 0 (left end) to 1 (right end)."""

    log: bool
    low: float  # the axis's ends: powers of ten on a log scale, multiples of the step on a linear one
    high: float
    ticks: tuple[float, ...]
    base: float  # where bars start: 0, or the left end of a log scale

    def fraction(self, value: float) -> float:
        if self.log:
            return (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        return (value - self.low) / (self.high - self.low)


def scale_of(chart: Chart) -> Scale:
    values = [v for b in chart.bars for v in (b.value, b.up_to) if v is not None]
    if chart.log:
        low = math.floor(math.log10(min(values)))
        high = max(math.ceil(math.log10(max(values))), low + 1)
        ticks = tuple(10.0**e for e in range(low, high + 1))
        return Scale(True, ticks[0], ticks[-1], ticks, ticks[0])
    return linear_scale(values)


def linear_scale(values: list[float], whole: bool = False) -> Scale:
    """From zero (or the lowest value below it) to the highest, in steps of a round size; whole steps for counts."""
    step = _nice_step(max(max(values), 0) - min(min(values), 0), whole)
    first = math.floor(min(min(values), 0) / step)
    last = max(math.ceil(max(max(values), 0) / step), first + 1)
    return Scale(False, first * step, last * step, tuple(i * step for i in range(first, last + 1)), 0.0)


def _tick(x: float, label: str, form: Form) -> Tick:
    return Tick(px(x), label, px(centred_within(x, label, form.width)))


def _spaced(ticks: list[Tick], anchor: int) -> list[Tick]:
    """Every tick, or every second, third ... counting from the anchor's: the most that leave no two labels touching."""
    for stride in range(1, len(ticks)):
        kept = [t for i, t in enumerate(ticks) if (i - anchor) % stride == 0]
        ends = [(t.label_x - text_width(t.label) / 2, t.label_x + text_width(t.label) / 2) for t in kept]
        if all(right + TICK_GAP <= left for (_, right), (left, _) in pairwise(ends)):
            return kept
    return [ticks[anchor]]


def shown(bar: Bar, unit: str, lang: str, strings: dict[str, str]) -> str:
    """The value of a bar as the page writes it: '1.2万亿参数', 'US$2 million to US$12 million'."""
    low = quantity(bar.value, unit, lang, strings)
    if bar.up_to is None:
        return low
    return strings["figure.range"].format(low=low, high=quantity(bar.up_to, unit, lang, strings))


def _describe(chart: Chart, lang: str, strings: dict[str, str], texts: list[str]) -> str:
    low = min(range(len(chart.bars)), key=lambda i: (chart.bars[i].value, i))
    high = max(range(len(chart.bars)), key=lambda i: (chart.bars[i].up_to or chart.bars[i].value, -i))
    label = [b.label[lang] for b in chart.bars]
    return strings["chart.desc"].format(
        n=len(chart.bars),
        scale=strings["chart.scale.log" if chart.log else "chart.scale.linear"],
        low_label=label[low],
        low=texts[low],
        high_label=label[high],
        high=texts[high],
    )


def _plot_span(scale: Scale, chart: Chart, texts: list[str], form: Form) -> tuple[float, float]:
    """Left and right ends of the axis; in the wide form leaving room for every value written beside its bar's end."""
    if form.narrow:  # the values are written over the bars, which get the whole width
        return PLOT_PAD, form.width - PLOT_PAD
    left: float = PLOT_PAD + max(
        (text_width(t) + 4 for b, t in zip(chart.bars, texts, strict=True) if b.value < 0), default=0
    )
    right: float = form.width - PLOT_PAD
    for bar, text in zip(chart.bars, texts, strict=True):
        end = scale.fraction(bar.up_to if bar.up_to is not None else bar.value)
        if bar.value >= 0 and end > 0:  # the value must fit between the bar's end and the picture's edge
            right = min(right, left + (form.width - PAD - 4 - text_width(text) - left) / end)
    return left, max(right, left + 1)


def _over_the_bar(label: list[str], value: str, top: float, form: Form) -> tuple[tuple[tuple[float, str], ...], int]:
    """The lines of a value written over its bar, against the right edge: at the end of the label's last line if
    both fit, else on lines of their own; and how many lines label and value take together."""
    room = form.width - 2 * PAD
    own = wrap(value, room)
    first = (
        len(label) - 1
        if label and len(own) == 1 and text_width(label[-1]) + VALUE_GAP + text_width(value) <= room
        else len(label)
    )
    lines = tuple((px(top + FONT + (first + i) * LINE), line) for i, line in enumerate(own))
    return lines, first + len(own)


def draw(chart: Chart, title: str, lang: str, strings: dict[str, str], form: Form = WIDE) -> Drawing:
    """Lay a chart out: each label above its bar, gridlines at the ticks whose labels have room, and the value at
    the bar's end (wide form) or at the end of the label's last line, so that the bars get the whole width (narrow).
    """
    texts = [shown(b, chart.unit, lang, strings) for b in chart.bars]
    scale = scale_of(chart)
    x0, x1 = _plot_span(scale, chart, texts, form)

    def to_x(value: float) -> float:
        return x0 + scale.fraction(value) * (x1 - x0)

    def tick_label(value: float) -> str:
        return quantity(value, "percent", lang, strings) if chart.unit == "percent" else big_number(value, lang)

    ticks = [_tick(to_x(v), tick_label(v), form) for v in scale.ticks]
    if form.narrow:  # fewer gridlines, each labelled, rather than labels run together
        ticks = _spaced(ticks, scale.ticks.index(scale.base))
    zero = to_x(scale.base)
    drawn, y = [], float(PAD)
    for bar, text in zip(chart.bars, texts, strict=True):
        lines = wrap(bar.label[lang], form.width - 2 * PAD)
        baselines = tuple((px(y + FONT + i * LINE), line) for i, line in enumerate(lines))
        value_lines, rows = _over_the_bar(lines, text, y, form) if form.narrow else ((), len(lines))
        y += rows * LINE + 4
        end = to_x(bar.value)
        top = to_x(bar.up_to) if bar.up_to is not None else end
        left = bar.value < 0
        drawn.append(
            DrawnBar(
                bar=bar,
                label=bar.label[lang],
                label_lines=baselines,
                y=px(y),
                x=px(min(zero, end)),
                width=px(abs(end - zero)),
                range_x=px(min(end, top)),
                range_width=px(abs(top - end)),
                shown=text,
                value_x=form.width - PAD if form.narrow else px((min(end, top) - 4) if left else (max(end, top) + 4)),
                value_lines=value_lines or ((px(y) + 12.5, text),),
                value_anchor="end" if left or form.narrow else "start",
            )
        )
        y += BAR + GAP
    return Drawing(
        chart=chart,
        form=form,
        title=title,
        desc=_describe(chart, lang, strings, texts),
        axis_title=strings[f"chart.axis.{chart.unit}"] + (strings["chart.log_note"] if chart.log else ""),
        width=form.width,
        height=px(y + AXIS),
        axis_y=px(y - GAP / 2),
        tick_y=px(y - GAP / 2 + FONT + 4),
        title_y=px(y - GAP / 2 + 2 * FONT + 10),
        grid_top=PAD,
        zero_x=px(zero),
        ticks=tuple(ticks),
        bars=tuple(drawn),
    )


def draw_section(section: Section, lang: str, strings: dict[str, str]) -> list[Picture[Drawing, Drawing]]:
    """Every chart of a section, in both forms; where it has several, each title names its unit."""
    title = strings[f"chart.{section.id}.title"]
    if len(section.charts) == 1:
        titled = [(section.charts[0], title)]
    else:
        titled = [(c, f"{title} · {strings[f'chart.axis.{c.unit}']}") for c in section.charts]
    return [Picture(draw(c, t, lang, strings, WIDE), draw(c, t, lang, strings, NARROW)) for c, t in titled]


# ---- Counts over time: the timeline's events per month (or quarter), drawn as upright columns ----

EVENTS = "events"  # the unit of a count of events
MAX_MONTHS = 120  # over a longer span events are counted by quarter, so that no column gets thinner than ~4 px
COLUMNS_PLOT = 150  # px, height of the plot
COLUMNS_TOP = PAD + LINE + 8  # px above the plot: room for the note over the highest column


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


@dataclass(frozen=True)
class Gridline:
    y: float
    label: str


@dataclass(frozen=True)
class Run:
    """Columns named once under the axis (a year): a mark where the run starts, and its label if it fits."""

    x: float
    label: str
    label_x: float | None


@dataclass(frozen=True)
class DrawnColumn:
    bar: Bar
    label: str  # the period as the page writes it
    shown: str  # the count as the page writes it
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class ColumnDrawing:
    chart: Chart
    form: Form
    title: str
    desc: str
    axis_title: str  # over the value axis
    width: int
    height: float
    plot_left: float
    plot_right: float
    plot_top: float
    axis_y: float
    run_y: float  # baseline of the run labels
    gridlines: tuple[Gridline, ...]
    columns: tuple[DrawnColumn, ...]
    runs: tuple[Run, ...]
    note: str  # over the highest column
    note_x: float
    note_y: float


def draw_columns(
    chart: Chart, title: str, desc: str, lang: str, strings: dict[str, str], form: Form = WIDE
) -> ColumnDrawing:
    """Lay a count over time out: a column per period on a linear scale from zero, the years named under the axis
    where they have room (in the narrow form, columns a few pixels wide and fewer years named)."""
    scale = linear_scale([b.value for b in chart.bars], whole=True)
    labels = [big_number(v, lang) for v in scale.ticks]
    left = PAD + max(text_width(t) for t in labels) + 6
    right = form.width - PAD
    bottom = COLUMNS_TOP + COLUMNS_PLOT
    slot = (right - left) / len(chart.bars)
    gap = 1 if slot >= 4 else 0

    def to_y(value: float) -> float:
        return bottom - scale.fraction(value) * COLUMNS_PLOT

    columns = []
    for i, bar in enumerate(chart.bars):
        top = to_y(bar.value)
        columns.append(
            DrawnColumn(
                bar=bar,
                label=bar.label[lang],
                shown=count_text(int(bar.value), strings),
                x=px(left + i * slot + gap / 2),
                y=px(top),
                width=px(slot - gap),
                height=px(bottom - top),
            )
        )
    runs: list[Run] = []
    end_of_last_label = -math.inf
    starts = [i for i, b in enumerate(chart.bars) if i == 0 or b.date[:4] != chart.bars[i - 1].date[:4]]
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(chart.bars)
        label = chart.bars[start].date[:4]
        half = text_width(label) / 2
        centre = centred_within(left + (start + stop) / 2 * slot, label, form.width)
        fits = centre - half >= end_of_last_label + 4
        if fits:
            end_of_last_label = centre + half
        runs.append(Run(px(left + start * slot), label, px(centre) if fits else None))
    peak = max(range(len(columns)), key=lambda i: (columns[i].bar.value, -i))
    note = f"{columns[peak].label}{strings['timeline.chart.note_sep']}{columns[peak].shown}"
    note_x = centred_within(columns[peak].x + columns[peak].width / 2, note, form.width)
    return ColumnDrawing(
        chart=chart,
        form=form,
        title=title,
        desc=desc,
        axis_title=strings["timeline.chart.axis"],
        width=form.width,
        height=px(bottom + FONT + 6 + PAD),
        plot_left=px(left),
        plot_right=px(right),
        plot_top=COLUMNS_TOP,
        axis_y=px(bottom),
        run_y=px(bottom + FONT + 4),
        gridlines=tuple(Gridline(px(to_y(v)), t) for v, t in zip(scale.ticks, labels, strict=True)),
        columns=tuple(columns),
        runs=tuple(runs),
        note=note,
        note_x=px(note_x),
        note_y=px(columns[peak].y - 5),
    )


def draw_event_counts(counts: EventCounts, lang: str, strings: dict[str, str]) -> Picture[ColumnDrawing, ColumnDrawing]:
    """The timeline's picture in both forms, titled by its period and described in words: the span, the total, the
    busiest period."""
    bars = counts.chart.bars
    peak = max(bars, key=lambda b: (b.value, -bars.index(b)))
    total = sum(int(b.value) for b in bars)
    year_only = ""
    if counts.year_only:
        n = sum(int(b.value) for b in counts.year_only)
        years = strings["list.sep"].join(b.label[lang] for b in counts.year_only)
        year_only = strings["timeline.chart.year_only"].format(count=count_text(n, strings), years=years)
    desc = strings[f"timeline.chart.desc.{counts.period}"].format(
        first=bars[0].label[lang],
        last=bars[-1].label[lang],
        total=count_text(total, strings),
        peak=peak.label[lang],
        peak_count=count_text(int(peak.value), strings),
        year_only=year_only,
    )
    title = strings[f"timeline.chart.title.{counts.period}"]
    return Picture(*(draw_columns(counts.chart, title, desc, lang, strings, form) for form in (WIDE, NARROW)))
