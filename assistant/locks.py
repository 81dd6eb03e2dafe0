"""One founder turn at a time per thread, across tasks and processes.

Two clients on one thread (two browser tabs, two `coach chat --thread T`) would otherwise both resume
the same checkpoint and one founder message would vanish from the thread's latest state. A turn holds
the thread's lock from reading the state to writing the new checkpoint:

- in one process, an `asyncio.Lock` per thread;
- across processes on one machine (SQLite checkpoints), an OS file lock per thread (`filelock`);
- across machines (PostgreSQL checkpoints), a PostgreSQL advisory lock keyed by the thread.

`ThreadLocks.hold(thread_id)` yields a `Held` whose `waited` says whether another turn was running,
so the front end can tell the founder that their message is queued (it is kept and answered in order).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

POLL_SECONDS = 0.05


@dataclass
class Held:
    waited: bool = False


OnWait = Callable[[], Awaitable[None]]


async def _waiting(held: Held, on_wait: OnWait | None) -> None:
    """Mark that this turn waits behind another one, and tell the caller once."""
    if not held.waited:
        held.waited = True
        if on_wait is not None:
            await on_wait()


class ThreadLocks(Protocol):
    def hold(self, thread_id: str, on_wait: OnWait | None = None) -> AbstractAsyncContextManager[Held]: ...


class LocalLocks:
    """Serialises the turns of one thread inside one process."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}

    @asynccontextmanager
    async def hold(self, thread_id: str, on_wait: OnWait | None = None) -> AsyncIterator[Held]:
        lock = self._locks.setdefault(thread_id, asyncio.Lock())
        held = Held()
        if lock.locked():
            await _waiting(held, on_wait)
        async with lock:
            yield held


def _thread_key(thread_id: str) -> int:
    """A signed 64-bit key for a thread id (PostgreSQL advisory locks take a bigint)."""
    return int.from_bytes(hashlib.blake2b(thread_id.encode(), digest_size=8).digest(), "big", signed=True)


class FileLocks:
    """In-process locks, then an OS file lock per thread under `directory` (SQLite deployments)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.local = LocalLocks()

    @asynccontextmanager
    async def hold(self, thread_id: str, on_wait: OnWait | None = None) -> AsyncIterator[Held]:
        from filelock import FileLock, Timeout

        async with self.local.hold(thread_id, on_wait) as held:
            self.directory.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(self.directory / f"{_thread_key(thread_id) & (2**64 - 1):016x}.lock"),
                            thread_local=False)
            while True:
                try:
                    lock.acquire(timeout=0)
                    break
                except Timeout:
                    await _waiting(held, on_wait)
                    await asyncio.sleep(POLL_SECONDS)
            try:
                yield held
            finally:
                lock.release()


class PostgresLocks:
    """In-process locks, then a PostgreSQL advisory lock per thread, on a connection of `pool`."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool
        self.local = LocalLocks()

    @asynccontextmanager
    async def hold(self, thread_id: str, on_wait: OnWait | None = None) -> AsyncIterator[Held]:
        key = _thread_key(thread_id)
        async with self.local.hold(thread_id, on_wait) as held, self.pool.connection() as conn:
            row = await (await conn.execute("SELECT pg_try_advisory_lock(%s)", (key,))).fetchone()
            if not _first(row):
                await _waiting(held, on_wait)
                await conn.execute("SELECT pg_advisory_lock(%s)", (key,))
            try:
                yield held
            finally:
                await conn.execute("SELECT pg_advisory_unlock(%s)", (key,))


def _first(row: Any) -> Any:
    if row is None:
        return None
    if isinstance(row, dict):
        return next(iter(row.values()))
    return row[0]
