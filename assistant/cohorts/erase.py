"""A founder's right to leave: every session of theirs deleted from the checkpoints (every checkpoint and
pending write), the room's history (messages, elements and the exports they carry, feedback, mentors'
comments, ownership, preferences, Chainlit's user row), their membership and their name on the invite code
they used, then their account. Also what a retention period deletes: finished sessions past it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.cohorts.records import RoomRecords
from assistant.cohorts.sessions import facts, visible_threads
from assistant.cohorts.store import CohortStore
from assistant.cohorts.visibility import Viewer
from assistant.session import CoachSession

OPERATOR = Viewer("~operator", "admin", None)


async def erase_threads(session: CoachSession, records: RoomRecords, thread_ids: list[str]) -> None:
    for thread_id in thread_ids:
        await session.delete(thread_id)
    await asyncio.to_thread(records.erase_threads, thread_ids)


async def erase_account(session: CoachSession, records: RoomRecords, store: CohortStore,
                        remove_account: Callable[[str], bool], username: str) -> list[str]:
    """Delete everything of `username`; the erased thread ids. Raises what the stores raise (CohortError,
    the accounts' AuthError); run again after a failure, it finishes the job."""
    threads = await asyncio.to_thread(records.owned_threads, username)
    for thread_id in threads:
        await session.delete(thread_id)
    await asyncio.to_thread(records.erase_user, username)
    await asyncio.to_thread(store.forget, username)
    await asyncio.to_thread(remove_account, username)
    return threads


@dataclass(frozen=True)
class Expired:
    thread_id: str
    owner: str
    cohort: str
    last_activity: str


async def expired_sessions(session: CoachSession, records: RoomRecords, store: CohortStore,
                           now: datetime) -> list[Expired]:
    """Finished sessions of cohorts with a retention period whose last activity is older than that period
    (`now`: an aware datetime)."""
    found: list[Expired] = []
    for cohort in await asyncio.to_thread(store.cohorts):
        if cohort.retention_days is None:
            continue
        limit = now - timedelta(days=cohort.retention_days)
        threads = await asyncio.to_thread(visible_threads, records, store, OPERATOR, cohort.name)
        for fact in await facts(session, threads):
            last = fact.last_activity
            if fact.done and last and datetime.fromisoformat(last) < limit:
                found.append(Expired(fact.thread_id, fact.owner, cohort.name, last))
    return found
