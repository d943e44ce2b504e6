"""Findability charts, with the maturity charts' conventions (matplotlib Figure, SVG with
real text, a <title>/<desc>, fixed margins) and their cache (academy/maturity/cache.py),
keyed by the findability data version."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.dates import date2num

from academy.findability.services import DomainPoint, HistoryPoint
from academy.maturity.charts import (
    FULL_WIDTH,
    HALF_WIDTH,
    LEVEL_COLOURS,
    SVG_SETTINGS,
    _figure,
    _pairs,
    to_svg,
)

# Colour-blind-safe line colours (Okabe-Ito), one per domain in order; markers differ too, so
# the lines do not depend on colour alone.
DOMAIN_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
# matplotlib's stubs type rc_context's keys as a closed set of names; ours are among them.
RC: Any = SVG_SETTINGS


def _percent_axis(axes: object, axis_label: str) -> None:
    axes.set_ylim(-5, 105)  # type: ignore[attr-defined]
    axes.set_ylabel(axis_label)  # type: ignore[attr-defined]
    axes.grid(axis="y", color="#dddddd")  # type: ignore[attr-defined]


def theme_history_chart(
    points: Sequence[HistoryPoint], *, title: str, axis_label: str, threshold: int | None
) -> bytes:
    """A theme's findability (percent) after each scan, oldest first; the level-0 threshold
    as a dashed line."""
    with rc_context(RC):
        figure = _figure(HALF_WIDTH, 3.4, left=1.0, bottom=1.0, top=0.45)
        axes = figure.add_subplot()
        dates = [p.when for p in points]
        values = [round(p.share * 100) for p in points]
        if points:
            axes.plot(date2num(dates), values, "o-", color=LEVEL_COLOURS[1], linewidth=2)
            axes.xaxis_date()
            if len(points) == 1:  # one scan: a week around it, not years of empty axis
                middle = float(date2num(dates[0]))
                axes.set_xlim(middle - 3.5, middle + 3.5)
        if threshold is not None:
            axes.axhline(threshold, color="#555555", linestyle="--", linewidth=1)
        _percent_axis(axes, axis_label)
        axes.set_title(title, loc="left")
        figure.autofmt_xdate()
        described = _pairs([d.date().isoformat() for d in dates], [f"{v}%" for v in values])
        return to_svg(figure, title, described or title)


def domain_history_chart(points: Sequence[DomainPoint], *, title: str, axis_label: str) -> bytes:
    """Findability per domain (the mean of its measured themes) after each scan."""
    with rc_context(RC):
        figure = _figure(FULL_WIDTH, 4.2, left=1.0, bottom=1.0, top=0.45, right=3.2)
        axes = figure.add_subplot()
        domains = sorted({p.domain for p in points})
        described = []
        for index, domain in enumerate(domains):
            series = [p for p in points if p.domain == domain]
            values = [round(p.share * 100) for p in series]
            axes.plot(
                date2num([p.when for p in series]),
                values,
                marker=MARKERS[index % len(MARKERS)],
                color=DOMAIN_COLOURS[index % len(DOMAIN_COLOURS)],
                linewidth=2,
                label=domain,
            )
            described.append(f"{domain}: " + ", ".join(f"{v}%" for v in values))
        if domains:
            axes.xaxis_date()
            moments = {p.when for p in points}
            if len(moments) == 1:  # one scan: a week around it
                middle = float(date2num(next(iter(moments))))
                axes.set_xlim(middle - 3.5, middle + 3.5)
            axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        _percent_axis(axes, axis_label)
        axes.set_title(title, loc="left")
        figure.autofmt_xdate()
        return to_svg(figure, title, "; ".join(described) or title)
