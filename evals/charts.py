"""Report charts (matplotlib, Agg backend): detection by mistake, fidelity by field, scenarios, judge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

BLUE, ORANGE, GREY, GREEN, RED = "#2f6db5", "#e08a2c", "#9a9a9a", "#3a9a5b", "#c8423b"
DPI = 130


def _finish(fig: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    return path


def detection_chart(detection: dict[str, Any], path: Path, title: str = "") -> Path:
    """Precision and recall per mistake id, with planted count and false flags in the labels."""
    by = detection.get("by_mistake", {})
    ids = list(by)[::-1]  # first mistake at the top
    fig, ax = plt.subplots(figsize=(8.5, 0.55 * max(len(ids), 2) + 1.6))
    y = np.arange(len(ids))
    h = 0.38
    for offset, metric, color in ((h / 2, "recall", BLUE), (-h / 2, "precision", ORANGE)):
        values = [by[m][metric] for m in ids]
        bars = ax.barh(y + offset, [v or 0 for v in values], height=h, color=color, label=metric)
        for bar, v in zip(bars, values, strict=True):
            text = "n/a" if v is None else f"{v:.2f}"
            ax.text((v or 0) + 0.01, bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=8)
    labels = [f"{m}\nplanted {by[m]['planted']}, missed {by[m]['fn']}, false {by[m]['fp']}" for m in ids]
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlim(0, 1.12)
    ax.axvline(0.9, color=GREY, linestyle="--", linewidth=0.8)
    p, r = detection.get("precision"), detection.get("recall")
    summary = f"micro precision {p:.2f}, recall {r:.2f}" if p is not None and r is not None else ""
    head = f"Mistake detection by mistake id — {summary}" + (f"\n{title}" if title else "")
    ax.set_title(head, fontsize=10, pad=24)
    ax.set_xlabel("share (dashed line: 0.9)")
    handles, names = ax.get_legend_handles_labels()
    ax.legend(
        handles,
        names,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=2,
        fontsize=8,
        frameon=False,
    )
    return _finish(fig, path)


def fidelity_chart(
    by_field: dict[str, float], path: Path, overall: float | None = None, title: str = ""
) -> Path:
    fields = list(by_field)[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.42 * max(len(fields), 2) + 1.4))
    values = [by_field[f] for f in fields]
    colors = [GREEN if v >= 0.8 else ORANGE if v >= 0.5 else RED for v in values]
    bars = ax.barh(fields, values, color=colors)
    for bar, v in zip(bars, values, strict=True):
        ax.text(v + 0.01, bar.get_y() + bar.get_height() / 2, f"{v:.2f}", va="center", fontsize=8)
    ax.set_xlim(0, 1.1)
    head = "Canvas fidelity by field" + (f" — overall {overall:.2f}" if overall is not None else "")
    ax.set_title(head + (f"\n{title}" if title else ""), fontsize=10)
    ax.set_xlabel("agreement with the scenario truth (0-1)")
    return _finish(fig, path)


SCENARIO_COLUMNS = (
    ("completion_rate", "done"),
    ("coverage", "coverage"),
    ("detection_ok", "detection"),
    ("canvas_fidelity", "fidelity"),
    ("segment_type_accuracy", "types"),
    ("citation_validity", "citations"),
    ("single_question_rate", "1 question"),
    ("language_consistency", "language"),
)


def scenario_chart(scenarios: list[dict[str, Any]], path: Path, title: str = "") -> Path:
    """A scenario × metric heat map (green = 1, red = 0, grey = nothing to score)."""
    rows = [s["id"] for s in scenarios]
    matrix = np.full((len(rows), len(SCENARIO_COLUMNS)), np.nan)
    for i, s in enumerate(scenarios):
        for j, (key, _) in enumerate(SCENARIO_COLUMNS):
            v = s["metrics"].get(key)
            if isinstance(v, int | float):
                matrix[i, j] = float(v)
    fig, ax = plt.subplots(figsize=(8.5, 0.3 * max(len(rows), 3) + 1.8))
    cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#dddddd")
    ax.imshow(np.ma.masked_invalid(matrix), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(
        range(len(SCENARIO_COLUMNS)), [c for _, c in SCENARIO_COLUMNS], fontsize=8, rotation=30, ha="right"
    )
    ax.set_yticks(range(len(rows)), rows, fontsize=7)
    for i in range(len(rows)):
        for j in range(len(SCENARIO_COLUMNS)):
            if not np.isnan(matrix[i, j]) and matrix[i, j] < 0.999:
                ax.text(j, i, f"{matrix[i, j]:.2f}", ha="center", va="center", fontsize=6.5)
    ax.set_title("Per scenario (unlabelled cells = 1.00)" + (f"\n{title}" if title else ""), fontsize=10)
    return _finish(fig, path)


def judge_chart(judge: dict[str, Any], path: Path, title: str = "") -> Path:
    dims = list(judge.get("dimensions", {}))[::-1]
    values = [judge["dimensions"][d]["score"] or 0 for d in dims]
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * max(len(dims), 2) + 1.4))
    bars = ax.barh(dims, values, color=BLUE)
    for bar, v in zip(bars, values, strict=True):
        ax.text(v + 0.01, bar.get_y() + bar.get_height() / 2, f"{v:.2f}", va="center", fontsize=8)
    ax.set_xlim(0, 1.1)
    ax.set_title(
        f"Judge rubric on {judge.get('items', 0)} replies to planted mistakes (1 = desirable)"
        + (f"\n{title}" if title else ""),
        fontsize=10,
    )
    return _finish(fig, path)


def write_charts(report: dict[str, Any], out: Path) -> list[Path]:
    agg = report.get("aggregate", {})
    config = report.get("config", {})
    title = " · ".join(str(x) for x in (config.get("coach"), f"{agg.get('runs', 0)} runs") if x)
    paths = []
    if agg.get("detection", {}).get("by_mistake"):
        paths.append(detection_chart(agg["detection"], out / "detection_by_mistake.png", title))
    if agg.get("fidelity_by_field"):
        paths.append(
            fidelity_chart(
                agg["fidelity_by_field"], out / "fidelity_by_field.png", agg.get("canvas_fidelity"), title
            )
        )
    if report.get("scenarios"):
        paths.append(scenario_chart(report["scenarios"], out / "scenarios.png", title))
    if agg.get("judge", {}).get("items"):
        paths.append(judge_chart(agg["judge"], out / "judge.png", title))
    return paths
