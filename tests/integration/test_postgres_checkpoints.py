"""Sessions on PostgreSQL checkpoints (DATABASE_URL), against the real local server."""

from __future__ import annotations

import uuid

import pytest

from assistant.app import open_session
from assistant.settings import Settings
from tests.integration.postgres import PG_URL, unreachable_reason
from tests.integration.test_session import EN_CLEAN, run_script

URL = PG_URL


async def test_a_session_survives_on_postgres_and_resumes_from_a_new_process_view(tmp_path, retriever):
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {URL}: {reason}")
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline", DATABASE_URL=URL)
    thread = f"pg-{uuid.uuid4().hex[:8]}"
    async with open_session(settings, retriever=retriever) as session:
        await run_script(session, thread, EN_CLEAN[:4])
    # A fresh connection (another process, another machine) finds the session where it was.
    async with open_session(settings, retriever=retriever) as session:
        turn = await session.start(thread)
        assert turn.resumed and turn.question_id == "jobs"
        assert turn.canvas.startup == EN_CLEAN[0][1]
        turn = await session.send(thread, EN_CLEAN[4][1])
        assert turn.question_id == "pains" and turn.canvas.segments[0].jobs
    assert not (tmp_path / "checkpoints.sqlite").exists()
