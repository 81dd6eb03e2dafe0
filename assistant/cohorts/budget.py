"""Model spend per founder and per cohort (the calls and tokens each canvas counts), and a cohort's cap: once
the cohort's founders have spent it, their turns run on the offline engine (same graph, same checkpoints:
nothing is lost), and the room says so once.

The cohort's spend is read from every session of its founders, so it is cached per cohort for `ttl` seconds:
a cap can be overshot by what the cohort spends in that time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.cohorts.overview import SessionFacts
from assistant.cohorts.records import RoomRecords
from assistant.cohorts.sessions import facts, visible_threads
from assistant.cohorts.store import CohortStore
from assistant.cohorts.visibility import Viewer
from assistant.session import CoachSession

OPERATOR = Viewer("~operator", "admin", None)


@dataclass(frozen=True)
class Spend:
    calls: int = 0
    tokens: int = 0  # prompt + completion


def spend(found: list[SessionFacts]) -> Spend:
    return Spend(sum(f.canvas.metadata.model_calls for f in found),
                 sum(f.canvas.metadata.prompt_tokens + f.canvas.metadata.completion_tokens for f in found))


async def cohort_spend(session: CoachSession, records: RoomRecords, store: CohortStore, cohort: str) -> Spend:
    threads = await asyncio.to_thread(visible_threads, records, store, OPERATOR, cohort)
    return spend(await facts(session, threads, timeline=False))


def offline(session: CoachSession) -> CoachSession:
    """The same session (graph, checkpoints, turn locks) answered by the offline engine."""
    from assistant.coach.offline import OfflineCoach

    context = replace(session.context, coach=OfflineCoach(session.context.prompts))
    return CoachSession(session.graph, context, session.locks)


class Budget:
    """Which engine a founder's turns use: the session's own, or the offline one past their cohort's cap."""

    def __init__(self, records: RoomRecords, store: CohortStore, *, ttl: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.records, self.store, self.ttl, self.clock = records, store, ttl, clock
        self._spent: dict[str, tuple[float, int]] = {}  # cohort -> (when read, tokens)
        self._offline: dict[int, CoachSession] = {}

    async def capped(self, session: CoachSession, username: str | None) -> bool:
        """Whether `username`'s cohort has spent its cap (False with no cohort or no cap)."""
        if username is None:
            return False
        member = await asyncio.to_thread(self.store.member, username)
        if member is None or member.cohort is None:
            return False
        cohort = await asyncio.to_thread(self.store.get, member.cohort)
        if cohort is None or cohort.token_cap is None:
            return False
        read = self._spent.get(cohort.name)
        if read is None or self.clock() - read[0] >= self.ttl:
            tokens = (await cohort_spend(session, self.records, self.store, cohort.name)).tokens
            read = self._spent[cohort.name] = (self.clock(), tokens)
        return read[1] >= cohort.token_cap

    async def session_for(self, session: CoachSession, username: str | None) -> tuple[CoachSession, bool]:
        """(the session to run `username`'s turn on, whether it is the offline one because of the cap)."""
        if not await self.capped(session, username):
            return session, False
        key = id(session)
        if key not in self._offline:
            self._offline[key] = offline(session)
        return self._offline[key], True
