"""Checkpointers: SQLite under the data dir by default, PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver


def is_postgres(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("postgres://", "postgresql://", "postgresql+"))


def _psycopg_url(url: str) -> str:
    # SQLAlchemy-style URLs (used by Chainlit's data layer) are not understood by psycopg.
    for prefix in ("postgresql+asyncpg://", "postgresql+psycopg://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    return url


@asynccontextmanager
async def open_checkpointer(database_url: str | None, sqlite_path: Path) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    if is_postgres(database_url):
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver

        async with AsyncPostgresSaver.from_conn_string(_psycopg_url(str(database_url))) as saver:
            await saver.setup()
            yield saver
        return
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    async with AsyncSqliteSaver.from_conn_string(str(sqlite_path)) as saver:
        await saver.setup()
        yield saver
