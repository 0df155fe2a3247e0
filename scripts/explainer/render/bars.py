"""Bar charts drawn at generation time as static SVG, in the wide form and the narrow one for phones.

Each chart (chart_data.py) is laid out in plain coordinates for the template `_chart.md.j2`, which writes the SVG
and the table of the same numbers beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from ..factbase.model import Entity
from .chart_data import Bar, Chart, Section, series_chart
from .numbers import big_number, figure_text, quantity
from .svg import FONT, LINE, NARROW, PAD, WIDE, Form, Picture, centred_within, px, text_width, wrap

PLOT_PAD = 24  # px between the picture's edge and the first or last gridline
BAR = 16  # px, bar thickness
GAP = 14  # px below each bar
AXIS = 40  # px below the last bar: tick labels and the axis title
TICK_GAP = 8  # px at least between two tick labels
VALUE_GAP = 12  # px at least between a label and the value written at the end of its line (narrow form)
ARROW = 7  # px, the arrowhead past the end of a bar whose value is a lower bound ("more than 15%")


@dataclass(frozen=True)
class Tick:
    x: float  # of the gridline
    label: str
    label_x: float  # the label's centre, kept inside the picture
    segments: tuple[tuple[float, float], ...] = ()  # (top, bottom) of each piece of the gridline, clear of words


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
    arrow: str  # SVG path of the arrowhead of a lower bound, pointing away from zero; "" for an exact value
    experts: bool = False  # a mixture of experts: the solid bar is the active part, the range the rest of the total


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
    baseline: tuple[tuple[float, float], ...]  # (top, bottom) of each piece of the line at zero, clear of words
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
    values = [v for b in chart.bars for v in (b.value, b.up_to, b.active) if v is not None]
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
    return figure_text(bar.value, unit, lang, strings, bar.up_to, bar.more_than)


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
        (text_width(t) + 4 + _past_end(b) for b, t in zip(chart.bars, texts, strict=True) if b.value < 0), default=0
    )
    right: float = form.width - PLOT_PAD
    for bar, text in zip(chart.bars, texts, strict=True):
        end = scale.fraction(bar.up_to if bar.up_to is not None else bar.value)
        if bar.value >= 0 and end > 0:  # the value must fit between the bar's end and the picture's edge
            right = min(right, left + (form.width - PAD - 4 - _past_end(bar) - text_width(text) - left) / end)
    return left, max(right, left + 1)


def _word_boxes(bar: DrawnBar) -> list[tuple[float, float, float, float]]:
    """Where a bar's label and value are written (left, top, right, bottom), as _chart.md.j2 places them."""
    boxes = [(float(PAD), y - FONT, PAD + text_width(line), y + 4) for y, line in bar.label_lines]
    for y, line in bar.value_lines:
        left = bar.value_x - text_width(line) if bar.value_anchor == "end" else bar.value_x
        boxes.append((left, y - FONT, left + text_width(line), y + 4))
    return boxes


def _clear_of_words(tick: Tick, bars: list[DrawnBar], top: float, bottom: float) -> Tick:
    """The tick with its gridline broken wherever a word is written across it, so that no line strikes a word."""
    crossed = sorted(
        (t, b) for bar in bars for left, t, right, b in _word_boxes(bar) if left - 2 <= tick.x <= right + 2
    )
    segments, y = [], top
    for word_top, word_bottom in crossed:
        if word_top > y:
            segments.append((px(y), px(word_top)))
        y = max(y, word_bottom)
    if bottom > y:
        segments.append((px(y), px(bottom)))
    return Tick(tick.x, tick.label, tick.label_x, tuple(segments))


def _past_end(bar: Bar) -> float:
    """How far past a bar's end its drawing goes: the arrowhead of a lower bound."""
    return ARROW if bar.more_than else 0


def _arrow(bar: Bar, end: float, y: float) -> str:
    if not bar.more_than:
        return ""
    out = -ARROW if bar.value < 0 else ARROW
    return f"M{px(end)} {px(y - 2)} l{out} {BAR / 2 + 2} l{-out} {BAR / 2 + 2}z"


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
        if bar.experts:  # solid to the active part (none where the source gives no count), lighter to the total
            end, top = (to_x(bar.active) if bar.active is not None else zero), end
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
                value_x=form.width - PAD
                if form.narrow
                else px((min(end, top) - 4 - _past_end(bar)) if left else (max(end, top) + 4 + _past_end(bar))),
                value_lines=value_lines or ((px(y) + 12.5, text),),
                value_anchor="end" if left or form.narrow else "start",
                arrow=_arrow(bar, end, y),
                experts=bar.experts,
            )
        )
        y += BAR + GAP
    ticks = [_clear_of_words(tick, drawn, float(PAD), px(y - GAP / 2)) for tick in ticks]
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
        baseline=_clear_of_words(Tick(px(zero), "", 0), drawn, float(PAD), px(y - GAP / 2)).segments,
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


def draw_series(series: Entity, lang: str, strings: dict[str, str]) -> Picture[Drawing, Drawing]:
    chart, title = series_chart(series), series.name(lang)
    return Picture(draw(chart, title, lang, strings, WIDE), draw(chart, title, lang, strings, NARROW))
