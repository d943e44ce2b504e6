"""Portfolio charts drawn with matplotlib's Figure API (never pyplot: no global state in a
web process) as SVG with real text, so labels stay readable and searchable.

Rendering costs tens of milliseconds, so routes go through `cache.chart_cache`, which keeps
the SVG until the data version changes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
import numpy as np

matplotlib.use("Agg")

from matplotlib import rc_context  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import Locator, MaxNLocator  # noqa: E402
from matplotlib.typing import RcKeyType  # noqa: E402

from academy.maturity import cache  # noqa: E402
from academy.maturity.services import (  # noqa: E402
    NO_LEVEL,
    LevelShare,
    QuarterDistribution,
    ThemeSummary,
)
from academy.models import LEVEL_NUMBERS, LevelStatus  # noqa: E402

# Colour-blind-safe palette (Okabe-Ito-like), dark enough for text contrast where used. The
# pages use the same colours (static/css/academy.css: --level-*, --status-*).
LEVEL_COLOURS = {
    NO_LEVEL: "#9e9e9e",
    0: "#56b4e9",
    1: "#0072b2",
    2: "#009e73",
    3: "#e69f00",
    4: "#d55e00",
}
STATUS_COLOURS = {
    LevelStatus.NOT_STARTED: "#e6e6e6",
    LevelStatus.IN_PROGRESS: "#f0c36d",
    LevelStatus.IN_ORDER: "#1b7a4a",
}
SVG_SETTINGS: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # keep text as <text>, not glyph outlines
    "svg.hashsalt": "data-academie",  # stable ids, so equal data gives equal bytes
    "font.family": "DejaVu Sans",
    # 12 pt is 16 px at the natural size, the body text's size: charts that fit their column
    # at 1280 px (6 inches; the wide ones 12.5) are shown at that size, never shrunk.
    "font.size": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def level_label(level: int, names: dict[int, str], none_label: str) -> str:
    return none_label if level == NO_LEVEL else f"{level} {names.get(level, '')}".strip()


HALF_WIDTH = 6.0  # inches: beside another chart at 1280 px
FULL_WIDTH = 12.5  # inches: a wide chart (1,200 px) in its 1,222 px box at 1280 px


def _integer_ticks(locator: Locator) -> None:
    """Counts get whole-number ticks (the default locator is a MaxNLocator)."""
    if isinstance(locator, MaxNLocator):
        locator.set_params(integer=True)


def to_svg(figure: Figure, title: str = "", description: str = "") -> bytes:
    """The figure as SVG with a <title> and <desc> (what a screen reader announces when the
    SVG is opened by itself; on the pages the <img> has its alt text and a data table)."""
    buffer = io.BytesIO()
    with rc_context(SVG_SETTINGS):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    if title or description:
        start = svg.index(b"<svg")
        end = svg.index(b">", start) + 1
        meta = f"<title>{escape(title)}</title><desc>{escape(description or title)}</desc>"
        svg = svg[:end] + b"\n " + meta.encode("utf-8") + svg[end:]
    return svg


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _pairs(labels: Sequence[str], values: Sequence[object]) -> str:
    return "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))


def _figure(
    width: float,
    height: float,
    *,
    left: float,
    bottom: float = 0.45,
    top: float = 0.35,
    right: float = 0.25,
) -> Figure:
    """A figure with fixed margins in inches. Automatic layout (constrained or a tight
    bounding box) draws the figure twice; fixed margins keep a cache miss fast."""
    with rc_context(SVG_SETTINGS):
        figure = Figure(figsize=(width, height))
        figure.subplots_adjust(
            left=left / width,
            right=1 - right / width,
            bottom=bottom / height,
            top=1 - top / height,
        )
        return figure


def themes_per_level_chart(
    shares: Sequence[LevelShare],
    names: dict[int, str],
    *,
    title: str,
    none_label: str,
    axis_label: str,
) -> bytes:
    with rc_context(SVG_SETTINGS):
        figure = _figure(HALF_WIDTH, 3.4, left=2.2, bottom=0.7, top=0.45)
        axes = figure.add_subplot()
        labels = [level_label(s.level, names, none_label) for s in shares]
        counts = [s.count for s in shares]
        bars = axes.barh(labels, counts, color=[LEVEL_COLOURS[s.level] for s in shares])
        axes.bar_label(bars, padding=3)
        axes.invert_yaxis()
        axes.set_xlabel(axis_label)
        axes.set_title(title, loc="left")
        _integer_ticks(axes.xaxis.get_major_locator())
        return to_svg(figure, title, _pairs(labels, counts))


def status_heatmap_chart(
    summaries: Sequence[ThemeSummary],
    names: dict[int, str],
    *,
    title: str,
    status_labels: dict[LevelStatus, str],
) -> bytes:
    order = list(LevelStatus)
    with rc_context(SVG_SETTINGS):
        height = max(3.0, 0.27 * len(summaries) + 2.0)
        names_shown = [_clip(s.name, 55) for s in summaries]
        # room for the longest name: about 0.085 inch per character at 12 pt
        left = min(5.0, max(2.0, 0.3 + 0.085 * max((len(n) for n in names_shown), default=0)))
        figure = _figure(FULL_WIDTH, height, left=left, top=1.2, bottom=0.8)
        axes = figure.add_subplot()
        grid = [[order.index(status) for status in s.statuses] for s in summaries] or [[0] * 5]
        axes.imshow(
            grid,
            aspect="auto",
            cmap=ListedColormap([STATUS_COLOURS[s] for s in order]),
            vmin=0,
            vmax=len(order) - 1,
            interpolation="nearest",
        )
        axes.set_xticks(
            range(len(LEVEL_NUMBERS)), [f"{n}\n{names.get(n, '')}" for n in LEVEL_NUMBERS]
        )
        axes.xaxis.tick_top()
        # Row labels as plain text artists: 50 tick objects would cost more than the rest
        # of the chart together.
        axes.set_yticks([])
        row_labels = axes.get_yaxis_transform()
        for row, name in enumerate(names_shown):
            axes.text(-0.01, row, name, transform=row_labels, ha="right", va="center")
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        figure.legend(
            handles=[Patch(color=STATUS_COLOURS[s], label=status_labels[s]) for s in order],
            loc="lower center",
            ncols=3,
            frameon=False,
        )
        figure.suptitle(title, x=0.02, ha="left", fontsize="large")
        counts = [sum(1 for s in summaries for x in s.statuses if x == status) for status in order]
        return to_svg(figure, title, _pairs([status_labels[s] for s in order], counts))


def quarterly_distribution_chart(
    quarters: Sequence[QuarterDistribution],
    names: dict[int, str],
    *,
    title: str,
    none_label: str,
    axis_label: str,
) -> bytes:
    with rc_context(SVG_SETTINGS):
        figure = _figure(FULL_WIDTH, 4.2, left=0.8, bottom=1.1, right=2.6)
        axes = figure.add_subplot()
        positions = range(len(quarters))
        bottom = [0] * len(quarters)
        for level in (NO_LEVEL, *LEVEL_NUMBERS):
            values = [q.counts.get(level, 0) for q in quarters]
            axes.bar(
                positions,
                values,
                bottom=bottom,
                color=LEVEL_COLOURS[level],
                label=level_label(level, names, none_label),
                width=0.8,
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axes.set_xticks(list(positions), [q.label for q in quarters], rotation=60, ha="right")
        axes.set_ylabel(axis_label)
        _integer_ticks(axes.yaxis.get_major_locator())
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, reverse=True)
        axes.set_title(title, loc="left")
        last = quarters[-1] if quarters else None
        described = (
            f"{last.label}: "
            + _pairs(
                [level_label(n, names, none_label) for n in (NO_LEVEL, *LEVEL_NUMBERS)],
                [last.counts.get(n, 0) for n in (NO_LEVEL, *LEVEL_NUMBERS)],
            )
            if last
            else title
        )
        return to_svg(figure, title, described)


def analyses_share_chart(
    shares: Sequence[LevelShare], names: dict[int, str], *, title: str, axis_label: str
) -> bytes:
    with rc_context(SVG_SETTINGS):
        figure = _figure(HALF_WIDTH, 3.2, left=2.2, bottom=0.7, top=0.45)
        axes = figure.add_subplot()
        labels = [level_label(s.level, names, "") for s in shares]
        percentages = [round(100 * s.share) for s in shares]
        bars = axes.barh(labels, percentages, color=[LEVEL_COLOURS[s.level] for s in shares])
        axes.bar_label(bars, labels=[f"{p}%" for p in percentages], padding=3)
        axes.set_xlim(0, 105)
        axes.invert_yaxis()
        axes.set_xlabel(axis_label)
        axes.set_title(title, loc="left")
        return to_svg(figure, title, _pairs(labels, [f"{p}%" for p in percentages]))


def theme_history_chart(
    points: Sequence[tuple[dt.date, int]],
    names: dict[int, str],
    *,
    title: str,
    none_label: str,
) -> bytes:
    """Current level after each assessment, as a step line (oldest first)."""
    with rc_context(SVG_SETTINGS):
        figure = _figure(HALF_WIDTH, 3.4, left=2.2, bottom=1.0, top=0.45)
        axes = figure.add_subplot()
        if points:
            dates = np.asarray([p[0] for p in points])  # dates, converted by matplotlib
            levels = [p[1] for p in points]
            axes.step(dates, levels, where="post", color=LEVEL_COLOURS[1], linewidth=2)
            axes.plot(dates, levels, "o", color=LEVEL_COLOURS[1])
        axes.set_yticks(
            [NO_LEVEL, *LEVEL_NUMBERS],
            [level_label(n, names, none_label) for n in (NO_LEVEL, *LEVEL_NUMBERS)],
        )
        axes.set_ylim(NO_LEVEL - 0.5, LEVEL_NUMBERS[-1] + 0.5)
        axes.grid(axis="y", color="#dddddd")
        axes.set_title(title, loc="left")
        figure.autofmt_xdate()
        described = _pairs(
            [d.isoformat() for d, _level in points],
            [level_label(n, names, none_label) for _date, n in points],
        )
        return to_svg(figure, title, described or title)


# The process-wide chart cache lives in academy.maturity.cache; re-exported for callers.
chart_cache = cache.chart_cache
