"""Revisit a finished session through real processes on SQLite checkpoints: a first `coach chat` process
finishes the session, reopens a question and changes a segment (version 2); after that process is gone,
another one exports version 2 and the session reads back both versions, their diff and every message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import Settings
from tests.integration.test_session import EN_CLEAN, FR_SCRIPT

COACH = [sys.executable, "-m", "assistant"]
pytestmark = pytest.mark.slow

FR_REVISIT = ["/revoir douleurs",
              "Le pain livré arrive parfois froid, et les parents perdent 10 minutes à le réchauffer."]
EN_REVISIT = ["/revisit", "6", "The reminders they send by hand take the receptionist an hour a day."]


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(COACH + args, input=stdin, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("thread", "script", "revisit", "saved", "pain"),
                         [("rv-fr", FR_SCRIPT, FR_REVISIT, "Canevas : version 2 enregistrée", "pain livré"),
                          ("rv-en", EN_CLEAN, EN_REVISIT, "Canvas: version 2 saved", "reminders")])
async def test_reopen_change_a_segment_version_2_then_a_new_process_loses_nothing(
        index_dir: Path, retriever, thread: str, script: list[tuple[str, str]], revisit: list[str],
        saved: str, pain: str) -> None:
    env = {**os.environ, "COACH_DATA_DIR": str(index_dir), "COACH_PROVIDER": "offline", "OPENAI_API_KEY": "",
           "OPENAI_BASE_URL": "", "PYTHONUNBUFFERED": "1"}
    lines = [text for _, text in script] + revisit
    first = run(["chat", "--thread", thread], env, "\n".join(lines) + "\n")
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("[summary]") == 2, first.stdout[-3000:]  # the summary comes back after the revisit
    assert saved in first.stdout

    exported = run(["export", thread, "--format", "json"], env)  # a new process, the first one is gone
    assert exported.returncode == 0, exported.stderr
    canvas = json.loads(exported.stdout)
    assert canvas["version"] == 2 and canvas["startup"] and canvas["segments"][0]["jobs"]
    assert any(pain in p.lower() for p in canvas["segments"][0]["pains"]), canvas["segments"][0]["pains"]
    markdown = run(["export", thread, "--format", "md"], env).stdout
    assert "*Version 2*" in markdown

    from assistant.app import open_session

    async with open_session(Settings(COACH_DATA_DIR=index_dir, COACH_PROVIDER="offline"), retriever=retriever) as s:
        v1, v2 = await s.versions(thread)
        assert v2.changes is not None and [c.name for c in v2.changes.changed] == [canvas["segments"][0]["name"]]
        assert [f.field for f in v2.changes.changed[0].fields] == ["pains"]
        assert v1.content["segments"][0]["pains"] != v2.content["segments"][0]["pains"]
        assert [m["text"] for m in await s.founder_messages(thread)] == lines
        turn = await s.read(thread)
        assert turn.done and turn.canvas.version == 2
