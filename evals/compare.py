"""Side-by-side tables: two reports (`--compare`), or several coaches' transcripts (`--transcripts`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.table import Table

from evals.judge import DIMENSIONS
from evals.metrics import lookup
from evals.report import HEADLINE, LOWER_IS_BETTER, VOICE, fmt


def load_report(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    if "aggregate" not in data:
        raise ValueError(f"{path}: not an evaluation report (no 'aggregate')")
    return data


def label_of(report: dict[str, Any], fallback: str) -> str:
    cfg = report.get("config", {})
    return str(cfg.get("label") or cfg.get("coach") or fallback)


def rows(aggregates: Sequence[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
    """(label, one value per aggregate) for every metric any of them has."""

    def get(agg: dict[str, Any], key: str) -> Any:
        try:
            return lookup(agg, key)
        except KeyError:
            return None

    keys: list[tuple[str, str]] = [*HEADLINE, *VOICE]
    mistakes: list[str] = []
    fields: list[str] = []
    ks: list[str] = []
    for agg in aggregates:
        mistakes += [m for m in agg.get("detection", {}).get("by_mistake", {}) if m not in mistakes]
        fields += [f for f in agg.get("fidelity_by_field", {}) if f not in fields]
        ks += [k for k in agg.get("pass_k", {}) if k not in ks]
    keys += [(f"pass_k.{k}", f"pass^{k}") for k in ks]
    for m in mistakes:
        keys += [
            (f"detection.by_mistake.{m}.recall", f"{m} recall"),
            (f"detection.by_mistake.{m}.precision", f"{m} precision"),
        ]
    keys += [(f"fidelity_by_field.{f}", f"fidelity: {f}") for f in fields]
    if any("judge" in agg for agg in aggregates):
        keys += [("judge.overall", "judge overall")]
        keys += [(f"judge.dimensions.{d}.score", f"judge: {d}") for d in DIMENSIONS]
    out = []
    for key, label in keys:
        values = [get(agg, key) for agg in aggregates]
        if any(v is not None for v in values):
            out.append((label, values))
    return out


def side_by_side(aggregates: Sequence[dict[str, Any]], labels: Sequence[str], title: str = "") -> Table:
    """A rich table; with two columns, a Δ column (second minus first)."""
    table = Table(title=title or None)
    table.add_column("metric")
    for label in labels:
        table.add_column(label, justify="right")
    two = len(aggregates) == 2
    if two:
        table.add_column("Δ", justify="right")
    for label, values in rows(aggregates):
        cells = [fmt(v) for v in values]
        if two:
            a, b = values
            if isinstance(a, int | float) and isinstance(b, int | float):
                d = b - a
                style = "" if abs(d) < 1e-9 else "green" if d > 0 else "red"
                if label in LOWER_IS_BETTER:
                    style = "" if abs(d) < 1e-9 else "red" if d > 0 else "green"
                cells.append(f"[{style}]{d:+.3f}[/{style}]" if style else f"{d:+.3f}")
            else:
                cells.append("")
        table.add_row(label, *cells)
    return table


def compare_reports(a: Path, b: Path) -> Table:
    ra, rb = load_report(a), load_report(b)
    la, lb = label_of(ra, str(a)), label_of(rb, str(b))
    if la == lb:
        la, lb = f"{la} ({a})", f"{lb} ({b})"
    return side_by_side([ra["aggregate"], rb["aggregate"]], [la, lb], title="Evaluation reports side by side")
