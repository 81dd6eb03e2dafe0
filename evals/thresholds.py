"""Thresholds: a TOML file of [min] and [max] limits on dotted aggregate keys, and their check."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from evals.metrics import lookup

DEFAULT_THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"
EPSILON = 1e-9


class ThresholdError(ValueError):
    pass


class Check(BaseModel):
    key: str
    op: str  # ">=" or "<="
    limit: float
    value: float | None
    ok: bool


def load_thresholds(path: Path) -> dict[str, dict[str, float]]:
    try:
        data: dict[str, Any] = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ThresholdError(f"{path}: {exc}") from exc
    unknown = set(data) - {"min", "max"}
    if unknown:
        raise ThresholdError(f"{path}: only [min] and [max] tables are allowed, not {sorted(unknown)}")
    out: dict[str, dict[str, float]] = {"min": {}, "max": {}}
    for table in ("min", "max"):
        for key, value in data.get(table, {}).items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ThresholdError(f"{path}: [{table}] {key} must be a number")
            out[table][key] = float(value)
    return out


def check_thresholds(aggregate: dict[str, Any], thresholds: dict[str, dict[str, float]]) -> list[Check]:
    checks = []
    for table, op in (("min", ">="), ("max", "<=")):
        for key, limit in thresholds.get(table, {}).items():
            try:
                raw = lookup(aggregate, key)
            except KeyError:
                raw = None
            value = float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else None
            ok = value is not None and (value >= limit - EPSILON if op == ">=" else value <= limit + EPSILON)
            checks.append(Check(key=key, op=op, limit=limit, value=value, ok=ok))
    return checks
