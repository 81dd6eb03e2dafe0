"""A cohort's model cap: its founders' turns run on the LLM coach (a scripted OpenAI-compatible server on
loopback) until the cohort has spent its tokens, then on the offline engine, in the same session: the canvas
and every earlier answer are kept, and the model is not called again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import aclosing
from pathlib import Path

import pytest

from assistant.cohorts.budget import Budget
from assistant.cohorts.file_store import FileCohortStore
from assistant.cohorts.records import RoomRecords
from assistant.db.migrate import upgrade
from assistant.db.urls import history_path
from assistant.prompts import Prompts
from assistant.settings import Settings
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.sessions import EN_STEPS, llm_coach, script, send, session_for


@pytest.fixture
def server() -> Iterator[ScriptedOpenAI]:
    with ScriptedOpenAI() as fake:
        yield fake


def _own(settings: Settings, thread: str, owner: str) -> None:
    with sqlite3.connect(history_path(settings)) as db:
        db.execute('INSERT INTO coach_thread_owners ("threadId", "userIdentifier", "createdAt") VALUES (?, ?, ?)',
                   (thread, owner, "2026-01-01T00:00:00Z"))


async def test_past_the_cap_the_cohort_continues_offline_with_nothing_lost(server: ScriptedOpenAI,
                                                                          tmp_path: Path) -> None:
    settings = Settings(COACH_DATA_DIR=tmp_path)  # type: ignore[call-arg]
    upgrade(settings)
    store = FileCohortStore(tmp_path / "cohorts.json")
    store.create("capped", token_cap=1)
    store.create("free")
    store.set_member("alice@example.org", "founder", "capped")
    store.set_member("bob@example.org", "founder", "free")
    prompts = Prompts()
    coach = llm_coach(server.url, prompts)
    session = session_for(coach, prompts)
    clock = [0.0]
    budget = Budget(RoomRecords(settings), store, ttl=30, clock=lambda: clock[0])

    startups: dict[str, str] = {}
    async with aclosing(coach):
        for thread, founder in (("t-alice", "alice@example.org"), ("t-bob", "bob@example.org")):
            _own(settings, thread, founder)
            chosen, capped = await budget.session_for(session, founder)
            assert chosen is session and not capped  # nothing spent yet
            script(server, EN_STEPS[0])
            await session.start(thread)
            first = await send(chosen, thread, EN_STEPS[0].answer)
            assert first.turn.canvas.metadata.model_calls == 2 and first.turn.canvas.startup
            startups[thread] = first.turn.canvas.startup
        server.assert_complete()
        calls = len(server.requests)

        clock[0] = 31  # the cached spend (0 tokens) is read again
        offline, capped = await budget.session_for(session, "alice@example.org")
        assert capped and offline is not session
        assert (await budget.session_for(session, "alice@example.org"))[0] is offline  # one offline session
        second = await send(offline, "t-alice", EN_STEPS[1].answer)
        assert len(server.requests) == calls  # the model was not called
        assert second.turn.canvas.startup == startups["t-alice"]  # the canvas carries on
        assert second.turn.question_id != "intake" and second.turn.canvas.metadata.model_calls == 2
        messages = [m["text"] for m in await session.founder_messages("t-alice") if "text" in m]
        assert EN_STEPS[0].answer in messages and EN_STEPS[1].answer in messages  # nothing lost

        assert (await budget.session_for(session, "bob@example.org")) == (session, False)  # no cap
        assert (await budget.session_for(session, "nobody@example.org")) == (session, False)  # no cohort
        store.configure("capped", token_cap=10**9)
        clock[0] = 62
        assert (await budget.session_for(session, "alice@example.org")) == (session, False)

