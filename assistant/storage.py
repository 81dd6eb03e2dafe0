"""Session storage: SQLite checkpoints under the data dir by default, PostgreSQL when DATABASE_URL is set,
with the turn locks that keep one turn per thread at a time on each."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.store.base import BaseStore

from assistant.locks import FileLocks, PostgresLocks, ThreadLocks

if TYPE_CHECKING:
    from langgraph.store.sqlite.aio import AsyncSqliteStore

CHECKPOINTS_FILE = "checkpoints.sqlite"
# How long a SQLite write waits for the other connection's write to finish (the sqlite3 default is 5 s; a
# loaded machine running concurrent sessions needs more).
SQLITE_BUSY_TIMEOUT_MS = 30_000
# How long a turn may queue for a connection of the turn locks' pool when the process is at capacity.
LOCK_WAIT_SECONDS = 600.0


def is_postgres(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("postgres://", "postgresql://", "postgresql+"))


def psycopg_url(url: str) -> str:
    """A libpq URL (postgresql://...) from any PostgreSQL URL, SQLAlchemy-style ones included."""
    # SQLAlchemy-style URLs (used by Chainlit's data layer) are not understood by psycopg.
    for prefix in ("postgresql+asyncpg://", "postgresql+psycopg://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    return url


# The advisory lock key taken while the checkpointer creates or migrates its tables (any fixed 64-bit value
# that no thread's lock uses: those are hashes of thread ids).
SETUP_LOCK_KEY = 0x5E6C0AC4_0000_0001
SETUP_POLL_SECONDS = 0.2


@dataclass
class Storage:
    """Where sessions live: the LangGraph checkpointer, the LangGraph store beside it (the founder's raw
    messages, `assistant.graph.inbox`) and the per-thread turn locks that go with them."""

    checkpointer: BaseCheckpointSaver[Any]
    locks: ThreadLocks
    store: BaseStore


@asynccontextmanager
async def open_storage(database_url: str | None, data_dir: Path, pool_size: int = 10) -> AsyncIterator[Storage]:
    """SQLite checkpoints and file locks under `data_dir`, or, when `database_url` is PostgreSQL, two
    connection pools for the process, opened at start-up and closed at shutdown, of `pool_size` connections
    at most each: one for the checkpointer, one for the turn locks.

    A turn holds its thread's advisory lock on a connection of the locks' pool for as long as it runs, so at
    most `pool_size` turns run at once in the process and the others queue (up to LOCK_WAIT_SECONDS) for a
    connection; in one shared pool, `pool_size` turns holding their locks would leave none for the
    checkpoints they must write, and every turn would stall."""
    if is_postgres(database_url):
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
        from langgraph.store.postgres.aio import AsyncPostgresStore
        from psycopg.rows import dict_row
        from psycopg_pool import AsyncConnectionPool

        url, size = psycopg_url(str(database_url)), max(2, pool_size)
        kwargs = {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
        async with (
            AsyncConnectionPool(url, min_size=1, max_size=size, kwargs=kwargs, open=False,
                                name="checkpoints") as pool,
            AsyncConnectionPool(url, min_size=1, max_size=size, kwargs={"autocommit": True}, open=False,
                                timeout=LOCK_WAIT_SECONDS, name="turn-locks") as lock_pool,
        ):
            saver = AsyncPostgresSaver(pool)  # type: ignore[arg-type]
            store = AsyncPostgresStore(pool)  # type: ignore[arg-type]
            async with lock_pool.connection() as conn:
                # Processes starting together on a fresh database would race on the checkpointer's own
                # CREATE TABLE statements (a duplicate pg_type row): one migrates, the others wait. They wait
                # by polling, never inside a statement: the setup's CREATE INDEX CONCURRENTLY waits for every
                # running statement, a blocked pg_advisory_lock included, which would deadlock.
                while not (await (await conn.execute("SELECT pg_try_advisory_lock(%s)",
                                                     (SETUP_LOCK_KEY,))).fetchone() or (False,))[0]:
                    await asyncio.sleep(SETUP_POLL_SECONDS)
                try:
                    await saver.setup()
                    await store.setup()
                finally:
                    await conn.execute("SELECT pg_advisory_unlock(%s)", (SETUP_LOCK_KEY,))
            try:
                yield Storage(saver, PostgresLocks(lock_pool), store)
            finally:
                await _stop_batching(store)
        return
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    data_dir.mkdir(parents=True, exist_ok=True)
    path = str(data_dir / CHECKPOINTS_FILE)  # one file (one back-up): the store's tables beside the checkpoints
    async with AsyncSqliteSaver.from_conn_string(path) as sqlite, _sqlite_store().from_conn_string(path) as items:
        for db in (sqlite.conn, items.conn):  # a writer waits for the other connection's write to end
            await db.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        await sqlite.setup()  # WAL first: the store's own connection then writes without blocking readers
        await items.setup()
        try:
            yield Storage(sqlite, FileLocks(data_dir / "locks"), items)
        finally:
            await _stop_batching(items)


def _sqlite_store() -> type[AsyncSqliteStore]:
    """LangGraph's SQLite store with its transactions opened by `BEGIN IMMEDIATE` instead of `BEGIN`.

    Its batches read and write in one transaction. In WAL mode a transaction that has read cannot take the
    write lock once another connection (the checkpointer's, same file) has written since: SQLite answers
    "database is locked" at once, without waiting (SQLITE_BUSY_SNAPSHOT), and a founder's turn failed so in
    an evaluation of 4 concurrent sessions. IMMEDIATE takes the write lock first, waiting for it up to
    `SQLITE_BUSY_TIMEOUT_MS`; the rest is the library's `_cursor` as written."""
    from langgraph.store.sqlite.aio import AsyncSqliteStore

    class ImmediateSqliteStore(AsyncSqliteStore):
        @asynccontextmanager
        async def _cursor(self, *, transaction: bool = True) -> AsyncIterator[Any]:
            if not self.is_setup:
                await self.setup()
            async with self.lock:
                if transaction:
                    await self.conn.execute("BEGIN IMMEDIATE")
                async with self.conn.cursor() as cur:
                    try:
                        yield cur
                    finally:
                        if transaction:
                            await self.conn.execute("COMMIT")

    return ImmediateSqliteStore


async def _stop_batching(store: BaseStore) -> None:
    """Stop the batching task of LangGraph's async stores (`AsyncBatchedBaseStore`) while the event loop
    runs: left to the store's `__del__`, it is cancelled after the loop closed ("Task was destroyed but it is
    pending!" at exit)."""
    task = getattr(store, "_task", None)
    if isinstance(task, asyncio.Task) and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
