"""Two app processes, one state: a session started by one process (PostgreSQL checkpoints, a Chroma
server) continues in another that shares nothing with it but those two servers; the room's health check
passes against them; each process logs its turns with the session's running count."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.ui.health import health
from tests.integration.pg_database import fresh_database
from tests.integration.postgres import PG_URL, unreachable_reason
from tests.integration.servers import ROOT
from tests.integration.test_session import FR_SCRIPT

pytestmark = pytest.mark.slow
HALF = 4


@pytest.fixture
def database_url():
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    with fresh_database() as url:
        yield url


def coach(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_", "DATABASE_URL", "CHROMA_"))}
    done = subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, text=True,
                          env={**keep, **env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def turn_lines(stderr: str) -> list[dict]:
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    return [line for line in lines if line["logger"] == "assistant.turns"]


async def test_a_session_started_in_one_process_continues_in_another(database_url, chroma_url, tmp_path: Path):
    shared = {"DATABASE_URL": database_url, "CHROMA_URL": chroma_url, "COACH_PROVIDER": "offline",
              "COACH_LOG_FORMAT": "json"}
    first_env = {**shared, "COACH_DATA_DIR": str(tmp_path / "process-1")}
    second_env = {**shared, "COACH_DATA_DIR": str(tmp_path / "process-2")}
    coach(["db", "upgrade"], first_env)
    lines = [text for _, text in FR_SCRIPT]

    first = coach(["chat", "--thread", "two-procs"], first_env, "\n".join(lines[:HALF]) + "\n")
    assert "[summary]" not in first.stdout
    second = coach(["chat", "--thread", "two-procs"], second_env, "\n".join(lines[HALF:]) + "\n")
    assert "[notice] Reprise de la session" in second.stdout  # it found the thread the first one started
    assert "[summary]" in second.stdout and "Synthèse" in second.stdout

    # One state: the turn count runs on across processes, and the canvas holds both halves' answers.
    counts = [t["turn"] for t in turn_lines(first.stderr) + turn_lines(second.stderr)]
    assert len(counts) == len(lines) and counts == sorted(set(counts)), counts
    canvas = json.loads(coach(["export", "two-procs"], first_env).stdout)
    segment = canvas["segments"][0]
    assert segment["who"] and segment["pains"] and segment["evidence"]
    # Nothing was kept on either machine's disk: no checkpoints file, no local index.
    for data_dir in (tmp_path / "process-1", tmp_path / "process-2"):
        assert not (data_dir / "checkpoints.sqlite").exists() and not (data_dir / "chroma").exists()

    status, body = await health(Settings(COACH_DATA_DIR=tmp_path / "process-1", DATABASE_URL=database_url,
                                         CHROMA_URL=chroma_url, COACH_PROVIDER="offline"))
    assert status == 200, body
    assert body["checks"]["database"]["detail"].startswith("postgresql")
    assert body["checks"]["chroma"]["detail"].startswith("chroma server")


def test_two_rooms_starting_together_on_one_database_both_serve(database_url, chroma_url, tmp_path: Path):
    """Both rooms migrate the fresh database at start-up (one waits for the other's advisory lock) and both
    answer /healthz against the shared servers."""
    import urllib.request

    import psycopg

    from assistant.db.migrate import head
    from tests.integration.servers import free_port, running_together

    keep = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_", "DATABASE_URL", "CHROMA_",
                                                                     "CHAINLIT_"))}
    env = {**keep, "PYTHONPATH": str(ROOT), "DATABASE_URL": database_url, "CHROMA_URL": chroma_url,
           "COACH_PROVIDER": "offline", "CHAINLIT_AUTH_SECRET": "a-shared-secret-of-at-least-32-characters!"}
    ports = [free_port(), free_port()]
    rooms = [([sys.executable, "-m", "assistant", "ui", "--host", "127.0.0.1", "--port", str(port)],
              {**env, "COACH_DATA_DIR": str(tmp_path / f"room-{n}")}, f"http://127.0.0.1:{port}/healthz",
              tmp_path / f"room-{n}.log") for n, port in enumerate(ports)]
    with running_together(rooms, timeout=240):
        for port in ports:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30) as response:
                body = json.loads(response.read())
            assert response.status == 200 and body["checks"]["database"]["detail"].startswith("postgresql")
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
