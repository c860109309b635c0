"""Charts computed at build time: geometry and text alternatives here, the SVG in a template.

No chart library reaches the browser and nothing loads from another host. Each chart carries a text
alternative that says what it shows, and the page shows the same numbers as a table beside it, so the
picture is a convenience, never the only way to the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Indicator
from .progress import ThemeStatus, danish_number
from .shaping import danish_date

WIDTH = 480
HEIGHT = 200
MARGIN_LEFT = 48
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 40
# Dark enough for 3:1 against white (WCAG 1.4.11); a status is never told by colour alone: the
# legend names it, the bar carries its count, and the table below gives every number.
PALETTE = ("#1d5f8a", "#2e6b30", "#8a4b00", "#6a1b9a", "#a3122f", "#37474f")


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class LineChart:
    """An indicator's measurements over time, with its baseline and target as labelled lines."""

    width: int
    height: int
    points: list[Point]
    path: str
    baseline_y: float | None
    target_y: float | None
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    left: int
    right: int
    top: int
    bottom: int
    description: str


def _scale(value: float, low: float, high: float, start: float, end: float) -> float:
    """Map ``value`` from [low, high] to [start, end]; a flat range sits in the middle."""
    if high == low:
        return round((start + end) / 2, 1)
    return round(start + (value - low) / (high - low) * (end - start), 1)


def describe_indicator(indicator: Indicator) -> str:
    """The chart's text alternative: what is measured, baseline, target and every measurement in words."""
    parts = [f"{indicator.name} ({indicator.unit})."]
    if indicator.baseline is not None:
        parts.append(f"Udgangspunkt: {danish_number(indicator.baseline)}.")
    if indicator.target is not None:
        parts.append(f"Mål: {danish_number(indicator.target)}.")
    measured = sorted(indicator.measurements, key=lambda m: m.date)
    if measured:
        parts.append(
            "Målinger: " + ", ".join(f"{danish_number(m.value)} den {danish_date(m.date)}" for m in measured) + "."
        )
    else:
        parts.append("Der er endnu ingen målinger.")
    return " ".join(parts)


def indicator_chart(indicator: Indicator) -> LineChart | None:
    """A line chart of the measurements; None without measurements (the table and text say so)."""
    measured = sorted(indicator.measurements, key=lambda m: m.date)
    if not measured:
        return None
    values = [m.value for m in measured]
    values += [v for v in (indicator.baseline, indicator.target) if v is not None]
    low, high = min(0.0, *values), max(values)
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM
    first, last = measured[0].date.toordinal(), measured[-1].date.toordinal()

    def x_of(day: dt.date) -> float:
        return _scale(day.toordinal(), first, last, left, right)

    def y_of(value: float) -> float:
        return _scale(value, low, high, bottom, top)

    points = [
        Point(x_of(m.date), y_of(m.value), f"{danish_number(m.value)} den {danish_date(m.date)}") for m in measured
    ]
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x} {p.y}" for i, p in enumerate(points))
    y_ticks = [Tick(y_of(v), danish_number(v)) for v in sorted({low, high})]
    x_ticks = [Tick(x_of(m.date), f"{m.date.month:02d}/{m.date.year}") for m in (measured[0], measured[-1])]
    if len(measured) == 1:
        x_ticks = x_ticks[:1]
    return LineChart(
        WIDTH,
        HEIGHT,
        points,
        path,
        y_of(indicator.baseline) if indicator.baseline is not None else None,
        y_of(indicator.target) if indicator.target is not None else None,
        y_ticks,
        x_ticks,
        left,
        right,
        top,
        bottom,
        describe_indicator(indicator),
    )


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    fill: str
    name: str
    count: int


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    segments: list[Segment]


@dataclass(frozen=True)
class LegendItem:
    fill: str
    name: str


@dataclass(frozen=True)
class StatusChart:
    """Status per theme at a glance: one stacked bar per theme, a segment per status."""

    width: int
    height: int
    bar_height: int
    label_width: int
    bars: list[Bar]
    legend: list[LegendItem]
    description: str


WITHOUT_STATUS = "Ingen status offentliggjort"
WITHOUT_STATUS_FILL = "#6b6b6b"


def describe_statuses(rows: list[ThemeStatus]) -> str:
    """The status chart's text alternative: per theme, how many initiatives have each status."""
    sentences = []
    for row in rows:
        counts = [f"{c.count} {c.status.name.lower()}" for c in row.counts if c.count]
        if row.without_status:
            counts.append(f"{row.without_status} uden offentliggjort status")
        sentences.append(f"{row.label}: {', '.join(counts)}.")
    return "Indsatser pr. status og tema. " + " ".join(sentences)


def status_chart(rows: list[ThemeStatus]) -> StatusChart | None:
    """Bars sized by share of the theme's initiatives; None when there are no initiatives."""
    rows = [r for r in rows if r.total]
    if not rows:
        return None
    bar_height, gap, label_width = 24, 34, 0
    plot = WIDTH - label_width - MARGIN_RIGHT
    names: dict[str, str] = {}
    bars = []
    for index, row in enumerate(rows):
        x = float(label_width)
        segments = []
        counts: list[tuple[str, str, int]] = [(c.status.id, c.status.name, c.count) for c in row.counts]
        counts.append(("", WITHOUT_STATUS, row.without_status))
        for position, (status_id, name, count) in enumerate(counts):
            fill = WITHOUT_STATUS_FILL if not status_id else PALETTE[position % len(PALETTE)]
            names[name] = fill
            if count:
                width = round(plot * count / row.total, 1)
                segments.append(Segment(round(x, 1), width, fill, name, count))
                x += width
        bars.append(Bar(row.label, index * (bar_height + gap) + 18, segments))
    used = {s.name for b in bars for s in b.segments}
    legend = [LegendItem(fill, name) for name, fill in names.items() if name in used]
    height = len(bars) * (bar_height + gap)
    return StatusChart(WIDTH, height, bar_height, label_width, bars, legend, describe_statuses(rows))
