"""The evaluation suite end to end: the shipped scenarios through the real graph and the offline coach.

The threshold numbers themselves are enforced by CI running `coach eval` with evals/thresholds.toml;
here we check that the run completes, writes its report, and turns threshold results into the exit code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from evals.scenario import load_scenarios
from evals.thresholds import DEFAULT_THRESHOLDS, load_thresholds

SCENARIOS = Path(__file__).resolve().parents[2] / "evals" / "scenarios"
runner = CliRunner()


@pytest.fixture
def offline_env(monkeypatch, index_dir, retriever):
    retriever.ensure_index()  # the session's index, shared with the other integration tests
    monkeypatch.setenv("COACH_DATA_DIR", str(index_dir))
    monkeypatch.setenv("COACH_PROVIDER", "offline")
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_LANGUAGE", "DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)


def _sample(count: int = 4) -> list[str]:
    """A few shipped scenarios of both languages, planted and clean: the whole set runs once, in
    scripts/test.sh, with the thresholds."""
    scenarios = load_scenarios(SCENARIOS)
    fr = [s.id for s in scenarios if s.language == "fr"]
    en = [s.id for s in scenarios if s.language == "en"]
    return sorted(fr[: count // 2] + en[: count // 2])


def test_shipped_scenarios_offline(offline_env, tmp_path):
    out = tmp_path / "report"
    ids = _sample()
    result = runner.invoke(app, ["eval", "--out", str(out), "--quiet", *[a for i in ids for a in ("--scenario", i)]])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in report["scenarios"]] == ids
    assert report["config"]["coach"] == "offline" and report["config"]["founder"] == "scripted"
    # Every threshold of the shipped file was checked, and the exit code follows them.
    limits = load_thresholds(DEFAULT_THRESHOLDS)
    checked = {c["key"] for c in report["thresholds"]["checks"]}
    assert checked == set(limits["min"]) | set(limits["max"])
    assert (result.exit_code == 0) == report["thresholds"]["passed"]
    agg = report["aggregate"]
    for key in (
        "completion_rate",
        "coverage",
        "detection",
        "canvas_fidelity",
        "segment_type_accuracy",
        "citation_validity",
        "grounding_rate",
        "single_question_rate",
        "language_consistency",
        "mean_founder_turns",
    ):
        assert key in agg
    assert agg["runs"] == len(ids) and 0 <= agg["canvas_fidelity"] <= 1
    for chart in ("detection_by_mistake.png", "fidelity_by_field.png", "scenarios.png"):
        assert (out / chart).read_bytes()[:4] == b"\x89PNG"
    assert "## Detection by mistake" in (out / "report.md").read_text(encoding="utf-8")
    lines = (out / "transcripts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ids)

    # The recorded transcripts score the same way through --transcripts (deterministic metrics).
    again = tmp_path / "again"
    result = runner.invoke(
        app,
        [
            "eval",
            "--transcripts",
            str(out / "transcripts.jsonl"),
            "--out",
            str(again),
            "--no-judge",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    rescored = json.loads((again / "report.json").read_text(encoding="utf-8"))["groups"]["offline"][
        "aggregate"
    ]
    for key in (
        "completion_rate",
        "coverage",
        "single_question_rate",
        "language_consistency",
        "canvas_fidelity",
    ):
        assert rescored[key] == pytest.approx(agg[key])
    assert rescored["detection"]["recall"] == agg["detection"]["recall"]


def test_missed_threshold_exits_1(offline_env, tmp_path):
    strict = tmp_path / "strict.toml"
    strict.write_text("[max]\nmean_founder_turns = 1\n", encoding="utf-8")
    first = load_scenarios(SCENARIOS)[0].id
    out = tmp_path / "report"
    result = runner.invoke(
        app, ["eval", "--scenario", first, "--thresholds", str(strict), "--out", str(out), "--quiet"]
    )
    assert result.exit_code == 1, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["thresholds"]["passed"] is False
    assert report["thresholds"]["checks"] == [
        {
            "key": "mean_founder_turns",
            "op": "<=",
            "limit": 1.0,
            "value": report["aggregate"]["mean_founder_turns"],
            "ok": False,
        }
    ]
