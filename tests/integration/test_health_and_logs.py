"""What an operator watches: `GET /healthz` of the running room (200 with every check passing, 503
naming what is down) and one JSON line per founder turn (thread, turn, latency, engine, fallback)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import urllib.error
import urllib.request
from contextlib import aclosing
from pathlib import Path

import pytest

from assistant.logs import JsonLines
from assistant.prompts import Prompts
from assistant.settings import Settings
from assistant.ui.health import health
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.sessions import EN_STEPS, drive, llm_coach, session_for
from tests.integration.servers import ROOT, free_port, running
from tests.integration.test_session import EN_CLEAN


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.slow
def test_the_running_room_answers_healthz(index_dir: Path, retriever, tmp_path: Path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_", "CHAINLIT_"))}
    env.update(COACH_DATA_DIR=str(index_dir), COACH_PROVIDER="offline", PYTHONPATH=str(ROOT))
    args = [sys.executable, "-m", "assistant", "ui", "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with running(args, env, f"{url}/healthz", tmp_path / "ui.log", timeout=180):
        status, body = _get(f"{url}/healthz")
        with urllib.request.urlopen(f"{url}/", timeout=30) as page:
            assert b"<html" in page.read().lower()  # the room itself is still served
    assert status == 200 and body["status"] == "ok"
    assert set(body["checks"]) == {"database", "chroma", "model"} and all(c["ok"] for c in body["checks"].values())


async def test_health_is_503_and_names_what_is_down(tmp_path):
    dead = f"127.0.0.1:{free_port()}"
    settings = Settings(COACH_DATA_DIR=tmp_path, DATABASE_URL=f"postgresql://coach:secret-pw@{dead}/coach",
                        CHROMA_URL=f"http://{dead}", COACH_PROVIDER="openai", OPENAI_BASE_URL=f"http://{dead}/v1",
                        OPENAI_API_KEY="sk-test-key")
    status, body = await health(settings)
    assert status == 503 and body["status"] == "fail"
    assert not any(check["ok"] for check in body["checks"].values())
    assert all(check["detail"] for check in body["checks"].values())
    assert "secret-pw" not in json.dumps(body) and "sk-test-key" not in json.dumps(body)


async def test_health_is_200_when_the_model_server_answers(tmp_path):
    with ScriptedOpenAI() as server:
        settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="openai", OPENAI_BASE_URL=server.url,
                            OPENAI_API_KEY="sk-test")
        status, body = await health(settings)
    assert status == 200, body
    assert body["checks"]["model"]["ok"] and body["checks"]["chroma"]["ok"]


async def test_every_turn_is_logged_with_its_engine_and_fallback(caplog):
    caplog.set_level(logging.INFO, logger="assistant.turns")
    prompts = Prompts()
    coach = llm_coach(f"http://127.0.0.1:{free_port()}/v1", prompts, max_retries=1)  # no server: fallbacks
    async with aclosing(coach):
        await drive(session_for(coach, prompts), "logged-1", EN_STEPS[:3])
    records = [r for r in caplog.records if r.name == "assistant.turns"]
    fields = [r.fields for r in records]  # type: ignore[attr-defined]
    assert len(fields) == 3
    assert [f["turn"] for f in fields] == sorted({f["turn"] for f in fields})  # one per turn, in order
    assert all(f["thread"] == "logged-1" and f["fallback"] and f["latency_ms"] > 0 for f in fields)
    assert {f["engine"] for f in fields} != {"offline"}  # the model's engine, which fell back
    line = json.loads(JsonLines().format(records[-1]))
    assert {"ts", "level", "logger", "thread", "turn", "latency_ms", "engine", "fallback"} <= set(line)


@pytest.mark.slow
def test_coach_chat_writes_json_lines_when_asked(index_dir: Path, retriever):
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    lines = "\n".join(text for _, text in EN_CLEAN[:3]) + "\n"

    def chat(fmt: str) -> subprocess.CompletedProcess[str]:
        env = {**keep, "COACH_DATA_DIR": str(index_dir), "COACH_PROVIDER": "offline", "COACH_LOG_FORMAT": fmt}
        return subprocess.run([sys.executable, "-m", "assistant", "chat", "--thread", f"json-logs-{fmt}"],
                              input=lines, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)

    logged = chat("json")
    assert logged.returncode == 0, logged.stderr
    turns = [json.loads(line) for line in logged.stderr.splitlines() if line.startswith("{")]
    turns = [t for t in turns if t["logger"] == "assistant.turns"]
    counts = [t["turn"] for t in turns]
    assert len(counts) == 3 and counts == sorted(set(counts)), counts  # one line per turn, in order
    assert all(t["engine"] == "offline" and t["fallback"] is False and t["thread"] == "json-logs-json" for t in turns)
    plain = chat("text")
    assert plain.returncode == 0 and '"logger"' not in plain.stderr  # nothing changes by default
