"""The cohort's charts as SVG, drawn on the server with matplotlib (no pyplot state, no file written).

Labels are the product's own words (mistake titles, segment types, dates), never founder text."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

COLOR = "#3b5bdb"
MUTED = "#ced4da"


def _svg(fig: Any) -> str:
    import matplotlib

    buf = io.StringIO()
    # Labels stay text (smaller, readable by tests and screen readers); the same figures give the same SVG.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "coach"}):
        fig.savefig(buf, format="svg", bbox_inches="tight")
    text = buf.getvalue()
    return text[text.index("<svg"):]  # the page holds it inline: no XML prolog or doctype


def _figure(height: float) -> Any:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4.6, height), dpi=100)
    fig.patch.set_alpha(0)
    return fig


def bars(items: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars, largest first at the top (`title`: for screen readers; the page captions the chart)."""
    fig = _figure(max(2.6, 0.9 + 0.45 * len(items)))
    ax = fig.add_subplot()
    labels = [label for label, _ in items][::-1]
    values = [value for _, value in items][::-1]
    ax.barh(labels, values, color=COLOR, height=0.6)
    for y, value in enumerate(values):
        ax.text(value, y, f" {value}", va="center", fontsize=13)
    ax.tick_params(axis="y", labelsize=13)
    ax.set_xlim(0, max(values) * 1.15)
    ax.set_label(title)
    ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return _svg(fig)


def share(part: int, whole: int, labels: tuple[str, str], title: str) -> str:
    """A donut: `part` of `whole`, with the share in its middle."""
    fig = _figure(2.6)
    ax = fig.add_subplot()
    ax.pie([part, whole - part], colors=[COLOR, MUTED], startangle=90, counterclock=False,
           wedgeprops={"width": 0.35}, labels=[f"{labels[0]} ({part})", f"{labels[1]} ({whole - part})"],
           textprops={"fontsize": 13})
    ax.text(0, 0, f"{round(100 * part / whole)} %" if whole else "-", ha="center", va="center", fontsize=18)
    ax.set_label(title)
    ax.set_aspect("equal")
    return _svg(fig)


def progress_line(series: list[tuple[date, float]], title: str) -> str:
    """Mean progress (0-100) by day."""
    fig = _figure(2.6)
    ax = fig.add_subplot()
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    days = [d for d, _ in series]
    ax.plot(days, [v for _, v in series], color=COLOR, marker="o", markersize=5)
    ax.set_ylim(0, 100)
    if len(days) == 1:  # one day: a week around it rather than years of empty axis
        ax.set_xlim(date.fromordinal(days[0].toordinal() - 3), date.fromordinal(days[0].toordinal() + 3))
    locator = AutoDateLocator(maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.tick_params(labelsize=11)
    ax.set_label(title)
    ax.grid(axis="y", color=MUTED, linewidth=0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _svg(fig)
