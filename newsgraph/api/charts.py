"""Geometry for the small SVG charts the templates draw (no JavaScript, no assets)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


@dataclass
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    peak: int
    #: (x, label) of the period labels shown under the axis.
    ticks: list[tuple[float, str]]


def bar_chart(points: list[dict[str, Any]], width: int = 640, height: int = 140, max_ticks: int = 8) -> BarChart:
    """Bars for ``[{period, count}]``, scaled to fit ``width`` x ``height``."""
    peak = max((p["count"] for p in points), default=0) or 1
    slot = width / max(len(points), 1)
    bar = min(slot * 0.8, 48.0)
    bars = [Bar(i * slot + (slot - bar) / 2, height - p["count"] / peak * height, bar,
                p["count"] / peak * height, str(p["period"]), p["count"]) for i, p in enumerate(points)]
    every = max(1, math.ceil(len(points) / max_ticks))
    ticks = [(b.x + b.width / 2, b.label) for i, b in enumerate(bars) if i % every == 0]
    return BarChart(width, height, bars, peak, ticks)


@dataclass
class Line:
    name: str
    css: str
    points: list[tuple[float, float, str, float]]  # x, y, period, value

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in self.points)


@dataclass
class LineChart:
    width: int
    height: int
    lines: list[Line]
    low: float
    high: float
    zero_y: float
    ticks: list[tuple[float, str]]


def line_chart(periods: list[str], series: dict[str, tuple[str, list[Optional[float]]]], width: int = 640,
               height: int = 160, max_ticks: int = 8) -> LineChart:
    """Lines for ``series`` (name -> (css class, one value or None per period)); the
    vertical scale is symmetric around zero, as tone and Goldstein scores are."""
    values = [v for _, vs in series.values() for v in vs if v is not None]
    bound = max((abs(v) for v in values), default=1.0) or 1.0
    step = width / max(len(periods) - 1, 1)
    y_of = lambda v: height / 2 - v / bound * (height / 2 - 6)  # noqa: E731
    lines = [Line(name, css, [(i * step, y_of(v), periods[i], v) for i, v in enumerate(vs) if v is not None])
             for name, (css, vs) in series.items()]
    every = max(1, math.ceil(len(periods) / max_ticks))
    ticks = [(i * step, p) for i, p in enumerate(periods) if i % every == 0]
    return LineChart(width, height, lines, -bound, bound, height / 2, ticks)


@dataclass
class Placed:
    id: str
    name: str
    type: str
    weight: int
    x: float
    y: float
    r: float
    #: Where the label goes: outside the circle, anchored away from it.
    label_x: float
    label_y: float
    anchor: str


def circle_layout(nodes: list[dict[str, Any]], size: int = 560) -> dict[str, Placed]:
    """Nodes on a circle, heaviest first from the top, sized by weight."""
    heaviest = max((n["weight"] for n in nodes), default=1) or 1
    centre, radius = size / 2, size / 2 - 110
    out = {}
    for i, n in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        r = 5 + 9 * math.sqrt(n["weight"] / heaviest)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.3 else "start" if cos > 0 else "end"
        out[n["id"]] = Placed(n["id"], n["name"], n["type"], n["weight"], centre + radius * cos, centre + radius * sin,
                              r, centre + (radius + r + 6) * cos, centre + (radius + r + 6) * sin + 4 + 6 * sin, anchor)
    return out
