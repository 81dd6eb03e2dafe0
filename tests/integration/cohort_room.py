"""A cohort on the real PostgreSQL, served by a real `coach ui` process: two cohorts, founders with real
sessions (played through CoachSession on the same database), a mentor and an admin, each able to sign in
over HTTP. Shared by the HTTP tests and the browser test of the dashboard."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest

from assistant.cohorts.sql_store import SqlCohortStore
from assistant.db.migrate import upgrade
from assistant.settings import Settings
from assistant.ui.accounts import DatabaseUserStore
from tests.integration.pg_database import fresh_database
from tests.integration.postgres import PG_URL, unreachable_reason

PASSWORD = "cohort-password-1"
# username -> (role, cohort)
PEOPLE = {"alice@example.org": ("founder", "spring-a"), "bob@example.org": ("founder", "spring-a"),
          "carol@example.org": ("founder", "spring-b"), "mona@example.org": ("mentor", "spring-a"),
          "adam@example.org": ("admin", None)}
ANSWERS = {
    "alice@example.org": ["We sell scheduling software to independent physiotherapists <b>in Lyon</b>",
                          "Everyone who needs physiotherapy"],
    "bob@example.org": ["A marketplace connecting dog owners with local dog walkers",
                        "Busy dog owners in Paris who work long hours, and dog walkers looking for extra income",
                        "All dog owners, everyone with a dog really"],
    "carol@example.org": ["An app that helps restaurants cut food waste",
                          "Independent restaurants with 20 to 50 seats"],
}


@dataclass
class Cohort:
    url: str  # DATABASE_URL
    settings: Settings
    threads: dict[str, str] = field(default_factory=dict)  # founder -> thread id


def _record_owner(url: str, thread_id: str, owner: str, name: str) -> None:
    """What the room writes when a founder opens a thread: Chainlit's user and thread rows, and its owner."""
    with psycopg.connect(url, autocommit=True) as conn:
        user_id = str(uuid.uuid4())
        conn.execute('INSERT INTO users ("id", "identifier", "metadata", "createdAt") VALUES (%s, %s, %s, %s) '
                     'ON CONFLICT ("identifier") DO NOTHING', (user_id, owner, "{}", "2026-01-01T00:00:00Z"))
        row = conn.execute('SELECT "id" FROM users WHERE "identifier" = %s', (owner,)).fetchone()
        assert row is not None
        conn.execute('INSERT INTO threads ("id", "name", "userId", "userIdentifier", "createdAt") '
                     "VALUES (%s, %s, %s, %s, %s)", (thread_id, name, row[0], owner, "2026-01-01T00:00:00Z"))
        conn.execute('INSERT INTO coach_thread_owners ("threadId", "userIdentifier", "createdAt") VALUES (%s, %s, %s)',
                     (thread_id, owner, "2026-01-01T00:00:00Z"))


async def _play(settings: Settings, retriever: Any, threads: dict[str, str]) -> None:
    from assistant.app import open_session

    async with open_session(settings, retriever=retriever) as session:
        for founder, answers in ANSWERS.items():
            await session.start(threads[founder], "en")
            for answer in answers:
                await session.send(threads[founder], answer)


@contextmanager
def cohort_database(tmp_path: Path, retriever: Any) -> Iterator[Cohort]:
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    with fresh_database("coach_cohort") as url:
        settings = Settings(COACH_DATA_DIR=tmp_path, DATABASE_URL=url, COACH_PROVIDER="offline")  # type: ignore[arg-type]
        upgrade(settings)
        store, accounts = SqlCohortStore(settings), DatabaseUserStore(settings)
        store.create("spring-a")
        store.create("spring-b")
        for name, (role, cohort) in PEOPLE.items():
            accounts.add(name, PASSWORD)
            store.set_member(name, role, cohort)
        cohort = Cohort(url, settings, {f: str(uuid.uuid4()) for f in ANSWERS})
        asyncio.run(_play(settings, retriever, cohort.threads))
        for founder, thread_id in cohort.threads.items():
            _record_owner(url, thread_id, founder, ANSWERS[founder][0][:40])
        yield cohort
