"""`coach bench --quick` runs end to end and writes results.json with every key other tools read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.report import REQUIRED, lookup

ROOT = Path(__file__).resolve().parents[2]


def test_quick_bench_writes_every_key_as_a_number(tmp_path: Path) -> None:
    coach = Path(sys.executable).parent / "coach"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    done = subprocess.run([str(coach), "bench", "--quick", "--out", str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    missing = [key for key in REQUIRED if key != "machine" and not isinstance(lookup(results, key), int | float)]
    assert not missing, f"keys without a numeric value: {missing}"
    assert {"cores", "memory_gb", "cpu_model"} <= set(results["machine"])
    assert results["run"]["quick"] is True
    assert results["offline_turn_ms"]["p95"] >= results["offline_turn_ms"]["p50"] > 0
    assert results["model_calls_per_turn"]["max"] >= results["model_calls_per_turn"]["median"] >= 1
    assert "offline turn p95" in done.stdout  # the printed table
    assert (tmp_path / "latency_vs_founders.png").stat().st_size > 0
