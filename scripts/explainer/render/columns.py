"""Counts over time (the timeline's events per month or quarter) drawn as upright columns, in both forms."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .bars import linear_scale
from .chart_data import Bar, Chart, EventCounts, count_text
from .numbers import big_number
from .svg import FONT, LINE, NARROW, PAD, WIDE, Form, Picture, centred_within, px, text_width

COLUMNS_PLOT = 150  # px, height of the plot
COLUMNS_TOP = PAD + LINE + 8  # px above the plot: room for the note over the highest column
RUN_ROWS = 2  # lines of year labels under the axis: a year without room on the first takes the second


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
    label_y: float = 0  # its baseline: on the first line under the axis, or on the second where that has no room


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
    end_of_last_label = [-math.inf] * RUN_ROWS  # on each line under the axis
    starts = [i for i, b in enumerate(chart.bars) if i == 0 or b.date[:4] != chart.bars[i - 1].date[:4]]
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(chart.bars)
        label = chart.bars[start].date[:4]
        half = text_width(label) / 2
        centre = centred_within(left + (start + stop) / 2 * slot, label, form.width)
        row = next((r for r in range(RUN_ROWS) if centre - half >= end_of_last_label[r] + 4), None)
        if row is not None:
            end_of_last_label[row] = centre + half
        label_y = px(bottom + FONT + 4 + (row or 0) * LINE)
        runs.append(Run(px(left + start * slot), label, px(centre) if row is not None else None, label_y))
    last_baseline = max(run.label_y for run in runs)
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
        height=px(last_baseline + 2 + PAD),
        plot_left=px(left),
        plot_right=px(right),
        plot_top=COLUMNS_TOP,
        axis_y=px(bottom),
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
