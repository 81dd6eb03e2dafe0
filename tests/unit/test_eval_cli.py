"""The `coach eval` command: comparison, recorded transcripts (with a fake judge) and input errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from assistant.canvas import Citation
from assistant.messages import CoachMessage
from evals.cli import eval_command
from evals.transcript import Exchange, Transcript, write_transcripts
from tests.unit.test_eval_fakes import FakeClient, make_scenario
from tests.unit.test_eval_judge import verdict_json
from tests.unit.test_eval_report import report_for, run

app = typer.Typer()
app.command()(eval_command)
runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_model(monkeypatch):
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_PROVIDER"):
        monkeypatch.delenv(var, raising=False)


def scenarios_dir(tmp_path: Path) -> Path:
    d = tmp_path / "scenarios"
    d.mkdir()
    s = make_scenario([("too_broad", "for_whom")]).model_dump(mode="json")
    (d / "s1.yaml").write_text(yaml.safe_dump(s), encoding="utf-8")
    return d


def recorded(source: str, reply: str, cite: str = "") -> Transcript:
    cites = [Citation(chunk_id=cite, document="d", section="s")] if cite else []
    return Transcript(
        scenario_id="s1",
        language="en",
        source=source,
        done=True,
        exchanges=[
            Exchange(
                question_id="intake",
                founder="We deliver warm bread.",
                coach=[CoachMessage(kind="question", text="For whom do you create value, and why them?")],
            ),
            Exchange(
                question_id="for_whom",
                founder="Everyone eats bread.",
                coach=[CoachMessage(kind="critique", text=reply, mistake_id="too_broad", citations=cites)],
            ),
        ],
    )


def test_compare_prints_side_by_side(tmp_path):
    from evals.report import write_report

    write_report(tmp_path / "a", report_for([run("s1")], coach="offline"))
    write_report(tmp_path / "b", report_for([run("s1", coverage=0.5)], coach="openai:m"))
    result = runner.invoke(
        app, ["--compare", str(tmp_path / "a/report.json"), str(tmp_path / "b/report.json")]
    )
    assert result.exit_code == 0, result.output
    assert "offline" in result.output and "openai:m" in result.output and "-0.500" in result.output
    bad = runner.invoke(app, ["--compare", str(tmp_path / "nope.json"), str(tmp_path / "a/report.json")])
    assert bad.exit_code == 2


def test_bad_input_exits_2(tmp_path):
    result = runner.invoke(app, ["--scenarios", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not a directory" in " ".join(result.output.split())
    bad = tmp_path / "t.toml"
    bad.write_text("[min\n", encoding="utf-8")
    result = runner.invoke(app, ["--scenarios", str(scenarios_dir(tmp_path)), "--thresholds", str(bad)])
    assert result.exit_code == 2
    result = runner.invoke(app, ["--scenarios", str(tmp_path / "scenarios"), "--provider", "openai"])
    assert result.exit_code == 2 and "OPENAI_API_KEY" in " ".join(result.output.split())


def test_transcripts_without_model_score_deterministic_metrics(tmp_path):
    file = tmp_path / "human.jsonl"
    write_transcripts(file, [recorded("", "Everyone is not a segment. Which group would you win first?")])
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["--transcripts", str(file), "--scenarios", str(scenarios_dir(tmp_path)), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "judge skipped" in result.output
    data = json.loads((out / "report.json").read_text())
    agg = data["groups"]["human"]["aggregate"]  # the source defaults to the file name
    assert agg["detection"]["recall"] == 1.0 and agg["coverage"] == pytest.approx(1 / 6)
    assert (out / "human" / "report.md").exists() and (out / "report.md").exists()


def test_transcripts_side_by_side_with_the_judge(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    client = FakeClient([verdict_json(), verdict_json(mistake_identification="no", tone="neutral")])
    monkeypatch.setattr("evals.judge.make_client", lambda settings: client)
    file = tmp_path / "sessions.jsonl"
    write_transcripts(
        file,
        [
            recorded("human", "Everyone is not a segment. Which group first?"),
            recorded("other-assistant", "Great! Next question: what are their jobs?"),
        ],
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "--transcripts",
            str(file),
            "--scenarios",
            str(scenarios_dir(tmp_path)),
            "--out",
            str(out),
            "--judge-cache",
            str(tmp_path / "cache.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    groups = json.loads((out / "report.json").read_text())["groups"]
    assert groups["human"]["aggregate"]["judge"]["dimensions"]["mistake_identification"]["score"] == 1.0
    assert (
        groups["other-assistant"]["aggregate"]["judge"]["dimensions"]["mistake_identification"]["score"]
        == 0.0
    )
    assert "judge: mistake_identification" in result.output
    assert len(client.completions.calls) == 2
    md = (out / "report.md").read_text()
    assert "human" in md and "other-assistant" in md


def test_transcripts_get_the_voice_section_and_readable_transcripts(tmp_path):
    file = tmp_path / "human.jsonl"
    reply = "Everyone eats bread, noted. See `too_broad` [prioriser-ses-segments#pas-tout-le-monde]."
    write_transcripts(file, [recorded("", reply)])
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["--transcripts", str(file), "--scenarios", str(scenarios_dir(tmp_path)), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "internal ids" in result.output  # in the side-by-side table
    voice = json.loads((out / "report.json").read_text())["groups"]["human"]["aggregate"]["voice"]
    assert voice["internal_ids"] == {
        "total": 2,
        "sessions": 1,
        "max_per_session": 2,
        "by_kind": {"chunk_id": 1, "mistake_id": 1},
    }
    md = (out / "human" / "transcripts" / "s1.md").read_text(encoding="utf-8")
    assert "> We deliver warm bread." in md and "> Everyone eats bread." in md and reply in md
    assert "prioriser-ses-segments#pas-tout-le-monde" in (out / "human" / "report.md").read_text(encoding="utf-8")


def test_a_malformed_example_library_exits_2(tmp_path, monkeypatch):
    prompts = tmp_path / "prompts"
    (prompts / "en").mkdir(parents=True)
    (prompts / "en" / "examples.yaml").write_text("sectors: [food]\n", encoding="utf-8")
    monkeypatch.setattr("assistant.prompts.PROMPTS_DIR", prompts)
    file = tmp_path / "human.jsonl"
    write_transcripts(file, [recorded("", "Which group would you win first?")])
    result = runner.invoke(
        app, ["--transcripts", str(file), "--scenarios", str(scenarios_dir(tmp_path)), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2 and "expected a mapping with a 'sectors' mapping" in " ".join(result.output.split())
