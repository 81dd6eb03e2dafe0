"""Terminal views of the sessions (`coach sessions list`), read with an admin's eyes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from assistant.cohorts.erase import erase_threads, expired_sessions
from assistant.cohorts.models import cohort_name
from assistant.cohorts.records import RoomRecords
from assistant.cohorts.sessions import facts, visible_threads
from assistant.cohorts.stores import cohort_store
from assistant.cohorts.visibility import Viewer
from assistant.settings import Settings

ADMIN = Viewer("~admin", "admin", None)  # the command line is the operator's: it sees every session


async def session_lines(settings: Settings, cohort: str | None) -> list[str]:
    """One tab-separated line per session: thread, owner, cohort, progress, segments, last activity.
    CohortError for an unknown cohort or an unreadable database."""
    from assistant.app import open_session

    store = cohort_store(settings)
    key = store.require(cohort_name(cohort)).name if cohort else None
    threads = await asyncio.to_thread(visible_threads, RoomRecords(settings), store, ADMIN, key)
    async with open_session(settings, need_retriever=False) as session:
        found = await facts(session, threads)
    lines = []
    for fact in found:
        where = "done" if fact.done else f"question {fact.index}/{fact.total}"
        segments = sum(1 for s in fact.canvas.segments if not s.draft)
        lines.append("\t".join([fact.thread_id, fact.owner, fact.cohort or "-", where, f"{segments} segments",
                                fact.last_activity or "-"]))
    return lines


async def purge(settings: Settings, *, dry_run: bool, now: datetime | None = None) -> list[str]:
    """Delete (unless `dry_run`) the finished sessions past their cohort's retention period; one line each:
    thread, owner, cohort, last activity."""
    from assistant.app import open_session

    records, store = RoomRecords(settings), cohort_store(settings)
    async with open_session(settings, need_retriever=False) as session:
        expired = await expired_sessions(session, records, store, now or datetime.now(UTC))
        if not dry_run:
            await erase_threads(session, records, [e.thread_id for e in expired])
    return ["\t".join([e.thread_id, e.owner, e.cohort, e.last_activity]) for e in expired]
