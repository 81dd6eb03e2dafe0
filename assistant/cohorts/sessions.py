"""The sessions a viewer may see, read from the room's database (owners) and the checkpoints (canvases):
what the dashboard and `coach sessions list` show."""

from __future__ import annotations

import asyncio

from assistant.cohorts.overview import SessionFacts
from assistant.cohorts.records import RoomRecords, ThreadRecord
from assistant.cohorts.store import CohortStore
from assistant.cohorts.visibility import Viewer, may_see
from assistant.session import CoachSession


def visible_threads(records: RoomRecords, store: CohortStore, who: Viewer,
                    cohort: str | None = None) -> list[tuple[ThreadRecord, str | None]]:
    """(thread, its owner's cohort) for every thread `who` may see, of one cohort when `cohort` is given.
    Synchronous (database reads)."""
    members = {m.username: m for m in store.members()}
    found = []
    for thread in records.threads():
        member = members.get(thread.owner)
        owner_cohort = member.cohort if member else None
        if cohort is not None and owner_cohort != cohort:
            continue
        if may_see(who, thread.owner, member):
            found.append((thread, owner_cohort))
    return found


async def facts(session: CoachSession, threads: list[tuple[ThreadRecord, str | None]],
                *, timeline: bool = True) -> list[SessionFacts]:
    """The canvas, progress and checkpoint times of each thread that has a session (threads opened but never
    answered are left out)."""
    found = []
    for thread, cohort in threads:
        if not await session.exists(thread.thread_id):
            continue
        turn = await session.read(thread.thread_id)
        moments = await session.timeline(thread.thread_id) if timeline else []
        found.append(SessionFacts(thread.thread_id, thread.owner, cohort, thread.name, turn.canvas,
                                  turn.progress.index, turn.progress.total, turn.done, moments))
    return found


async def visible_facts(session: CoachSession, records: RoomRecords, store: CohortStore, who: Viewer,
                        cohort: str | None = None) -> list[SessionFacts]:
    threads = await asyncio.to_thread(visible_threads, records, store, who, cohort)
    return await facts(session, threads)
