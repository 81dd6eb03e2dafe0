"""`coach eval` end to end on two shipped scenarios (offline coach, scripted founder, no judge): one readable
Markdown transcript per scenario next to the report, and the voice section in report.json and report.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from evals.transcript import quote_founder, read_transcripts

SCENARIOS = Path(__file__).resolve().parents[2] / "evals" / "scenarios"
IDS = ("boulangerie-tout-le-monde", "everyday-oat-milk")  # one French, one English
runner = CliRunner()


@pytest.fixture
def offline_env(monkeypatch, index_dir, retriever):
    retriever.ensure_index()  # the session's index, shared with the other integration tests
    monkeypatch.setenv("COACH_DATA_DIR", str(index_dir))
    monkeypatch.setenv("COACH_PROVIDER", "offline")
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "COACH_LANGUAGE", "DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)


def test_eval_writes_transcripts_and_the_voice_section(offline_env, tmp_path):
    out = tmp_path / "eval"
    args = ["eval", "--provider", "offline", "--founder", "scripted", "--no-judge", "--scenarios", str(SCENARIOS)]
    args += ["--out", str(out), "--quiet", *[a for i in IDS for a in ("--scenario", i)]]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    assert "verbatim echo" in result.output and "internal ids" in result.output  # printed with the metrics

    recorded = {t.scenario_id: t for t in read_transcripts(out / "transcripts.jsonl")}
    for sid in IDS:
        md = (out / "transcripts" / f"{sid}.md").read_text(encoding="utf-8")
        t = recorded[sid]
        assert md.startswith(f"# {sid} — ")
        assert "## Conversation" in md and "## Final canvas" in md
        # Founder messages are blockquotes, in order; the coach's first question is shown as sent.
        quoted = [quote_founder(e.founder).splitlines()[0][:24] for e in t.exchanges]
        positions = [md.index(q) for q in quoted]
        assert positions == sorted(positions)
        assert t.opening[-1].text.splitlines()[0] in md

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    voice = report["aggregate"]["voice"]
    assert set(voice) >= {"verbatim_echo", "repeated_sentences", "sector_examples", "internal_ids"}
    assert 0 <= voice["verbatim_echo"] <= 1 and voice["reply_turns"] == sum(len(t.exchanges) for t in recorded.values())
    assert 0 <= voice["repeated_sentences"]["mean"] <= voice["repeated_sentences"]["max"] <= 1
    assert isinstance(voice["internal_ids"]["total"], int)
    assert all(s["voice"]["sector"] for s in report["scenarios"])
    assert all("voice" in r and "echo_turns" in r["voice"] for r in report["runs"])
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Voice" in md and "[boulangerie-tout-le-monde](transcripts/boulangerie-tout-le-monde.md)" in md
