"""Two clients on one thread at once, in two real processes: no founder message is ever lost.

Both processes open the session, wait on a start signal, then send at the same instant. One thread's
turns are serialised (a file lock with SQLite, a PostgreSQL advisory lock with PostgreSQL): both
messages land in the thread's latest checkpoint, in order, and the client that waited was told so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from assistant.app import load_retriever, open_session
from assistant.settings import Settings
from tests.integration.postgres import PG_URL, unreachable_reason

ROOT = Path(__file__).resolve().parents[2]
PITCH = "We make route-planning software for independent removal companies."


def _race(env: dict[str, str], thread: str, texts: list[str], tmp_path: Path) -> list[dict]:
    go = tmp_path / f"go-{uuid.uuid4().hex}"
    procs = [
        subprocess.Popen([sys.executable, "-m", "tests.integration.client_process", thread, text, str(go)],
                         cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for text in texts
    ]
    for p in procs:  # both sessions open before the start signal
        line = p.stdout.readline() if p.stdout else ""
        assert '"ready"' in line, (line, p.stderr.read() if p.stderr else "")
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


async def _check(settings: Settings, retriever, thread: str, texts: list[str], results: list[dict]) -> None:
    async with open_session(settings, retriever=retriever) as session:
        inbox = [m["text"] for m in await session.founder_messages(thread)]
        turn = await session.read(thread)
    assert inbox[0] == PITCH
    assert sorted(inbox[1:]) == sorted(texts), inbox  # both kept, none lost or doubled
    # Answered in order: the first message answered for_whom, the second the question after it.
    assert sorted(r["question_id"] for r in results) == ["characteristics", "most_important"]
    assert turn.question_id == "characteristics"
    assert sum(r["busy"] for r in results) >= 1  # the client that waited was told


async def _open(settings: Settings, thread: str) -> None:
    """Index the knowledge under the clients' data dir (so they only read it), then start the thread."""
    retriever = await load_retriever(settings, progress=False)
    async with open_session(settings, retriever=retriever) as session:
        await session.start(thread, "en")
        await session.send(thread, PITCH)


def _env(settings_env: dict[str, str]) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_", "DATABASE_URL"))}
    return {**keep, "PYTHONPATH": str(ROOT), **settings_env}


TEXTS = ["Owner-operators of small removal firms with 2 to 10 vans",
         "The ones doing long-distance moves, they lose the most time on routes"]


async def test_two_processes_on_one_sqlite_thread_keep_both_messages(tmp_path, retriever):
    data = tmp_path / "data"
    settings = Settings(COACH_DATA_DIR=data, COACH_PROVIDER="offline", COACH_LANGUAGE="en")
    thread = f"race-{uuid.uuid4().hex[:8]}"
    await _open(settings, thread)
    env = _env({"COACH_DATA_DIR": str(data), "COACH_PROVIDER": "offline", "COACH_LANGUAGE": "en"})
    results = _race(env, thread, TEXTS, tmp_path)
    await _check(settings, retriever, thread, TEXTS, results)


@pytest.mark.postgres
async def test_two_processes_on_one_postgres_thread_keep_both_messages(tmp_path, retriever):
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline", COACH_LANGUAGE="en", DATABASE_URL=PG_URL)
    thread = f"race-{uuid.uuid4().hex[:8]}"
    await _open(settings, thread)
    env = _env({"COACH_DATA_DIR": str(tmp_path), "COACH_PROVIDER": "offline", "COACH_LANGUAGE": "en",
                "DATABASE_URL": PG_URL})
    started = time.monotonic()
    results = _race(env, thread, TEXTS, tmp_path)
    assert time.monotonic() - started < 300
    await _check(settings, retriever, thread, TEXTS, results)
