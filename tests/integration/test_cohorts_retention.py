"""An admin's retention period: `coach sessions purge` deletes a cohort's finished sessions whose last
activity is older than the period (checkpoints and history), and keeps unfinished or recent ones, and other
cohorts' (here on one machine: SQLite checkpoints and history, cohorts.json)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.app import open_session
from assistant.cohorts.file_store import FileCohortStore
from assistant.cohorts.report import purge
from assistant.db.migrate import upgrade
from assistant.db.urls import history_path
from assistant.settings import Settings
from tests.integration.test_db_migrations import coach

FINISH = ["We deliver organic bread to busy families in Lyon", "/skip", "/skip", "/skip", "/skip", "/skip",
          "/skip", "/skip", "/skip", "/skip", "/skip"]


def _own(settings: Settings, thread: str, owner: str) -> None:
    with sqlite3.connect(history_path(settings)) as db:
        db.execute('INSERT INTO coach_thread_owners ("threadId", "userIdentifier", "createdAt") VALUES (?, ?, ?)',
                   (thread, owner, "2026-01-01T00:00:00Z"))


async def test_finished_sessions_past_the_period_are_deleted(tmp_path: Path, retriever) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline")  # type: ignore[call-arg]
    upgrade(settings)
    store = FileCohortStore(tmp_path / "cohorts.json")
    store.create("kept-30")
    store.create("forever")
    store.configure("kept-30", retention_days=30)
    for founder, cohort in (("ann@example.org", "kept-30"), ("ben@example.org", "kept-30"),
                            ("cy@example.org", "forever")):
        store.set_member(founder, "founder", cohort)
    async with open_session(settings, retriever=retriever) as session:
        for thread, founder, answers in (("done-ann", "ann@example.org", FINISH),
                                         ("open-ben", "ben@example.org", FINISH[:2]),
                                         ("done-cy", "cy@example.org", FINISH)):
            _own(settings, thread, founder)
            turn = await session.start(thread, "en")
            for answer in answers:
                turn = await session.send(thread, answer)
            assert turn.done == (answers is FINISH), (thread, turn.question_id)

    now = datetime.now(UTC)
    assert await purge(settings, dry_run=False, now=now + timedelta(days=29)) == []  # not old enough yet
    listed = await purge(settings, dry_run=True, now=now + timedelta(days=31))
    assert [line.split("\t")[:3] for line in listed] == [["done-ann", "ann@example.org", "kept-30"]]
    deleted = await purge(settings, dry_run=False, now=now + timedelta(days=31))
    assert deleted == listed
    async with open_session(settings, need_retriever=False) as session:
        assert not await session.exists("done-ann")
        assert await session.exists("open-ben") and await session.exists("done-cy")
    with sqlite3.connect(history_path(settings)) as db:
        owners = [r[0] for r in db.execute('SELECT "threadId" FROM coach_thread_owners ORDER BY 1')]
    assert owners == ["done-cy", "open-ben"]
    listed_now = coach(["sessions", "purge", "--dry-run"], {"COACH_DATA_DIR": str(tmp_path)})
    assert listed_now.returncode == 0 and "0 finished sessions" in listed_now.stderr
