"""Chainlit's history (threads, messages, inline elements) on SQLite by default, PostgreSQL with DATABASE_URL.

Chainlit's SQLAlchemy data layer does not create its tables: `ensure_schema` does, with the schema of
the Chainlit 2.x documentation (steps carry `command`, `modes`, `defaultOpen`, `autoCollapse`). The
coaching state itself is not here: it lives in the LangGraph checkpointer, keyed by the same thread id.

Two additions to Chainlit's layer:

- custom elements (the sources under a message) are stored with their props in the `elements` table, so
  they come back when a thread is resumed, without a blob store; other elements (downloads) are not
  persisted — they are regenerated on demand;
- `coach_thread_owners` records which account opened a thread, from the first turn on (Chainlit only
  writes its `threads` row after the founder's first message).
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.data.utils import queue_until_user_message
from chainlit.element import Element
from chainlit.types import ThreadDict
from sqlalchemy import text

from assistant.settings import Settings
from assistant.storage import is_postgres
from assistant.ui.auth import can_open

POSTGRES_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS users (
        "id" UUID PRIMARY KEY,
        "identifier" TEXT NOT NULL UNIQUE,
        "metadata" JSONB NOT NULL,
        "createdAt" TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS threads (
        "id" UUID PRIMARY KEY,
        "createdAt" TEXT,
        "name" TEXT,
        "userId" UUID,
        "userIdentifier" TEXT,
        "tags" TEXT[],
        "metadata" JSONB,
        FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS steps (
        "id" UUID PRIMARY KEY,
        "name" TEXT NOT NULL,
        "type" TEXT NOT NULL,
        "threadId" UUID NOT NULL,
        "parentId" UUID,
        "streaming" BOOLEAN NOT NULL,
        "waitForAnswer" BOOLEAN,
        "isError" BOOLEAN,
        "metadata" JSONB,
        "tags" TEXT[],
        "input" TEXT,
        "output" TEXT,
        "createdAt" TEXT,
        "command" TEXT,
        "modes" JSONB,
        "start" TEXT,
        "end" TEXT,
        "generation" JSONB,
        "showInput" TEXT,
        "language" TEXT,
        "indent" INT,
        "defaultOpen" BOOLEAN,
        "autoCollapse" BOOLEAN,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS elements (
        "id" UUID PRIMARY KEY,
        "threadId" UUID,
        "type" TEXT,
        "url" TEXT,
        "chainlitKey" TEXT,
        "name" TEXT NOT NULL,
        "display" TEXT,
        "objectKey" TEXT,
        "size" TEXT,
        "page" INT,
        "language" TEXT,
        "forId" UUID,
        "mime" TEXT,
        "props" JSONB,
        "autoPlay" BOOLEAN,
        "playerConfig" JSONB,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS feedbacks (
        "id" UUID PRIMARY KEY,
        "forId" UUID NOT NULL,
        "threadId" UUID NOT NULL,
        "value" INT NOT NULL,
        "comment" TEXT,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    # Later Chainlit releases add columns; keep tables created by an older version usable.
    'ALTER TABLE steps ADD COLUMN IF NOT EXISTS "command" TEXT',
    'ALTER TABLE steps ADD COLUMN IF NOT EXISTS "modes" JSONB',
    'ALTER TABLE steps ADD COLUMN IF NOT EXISTS "defaultOpen" BOOLEAN',
    'ALTER TABLE steps ADD COLUMN IF NOT EXISTS "autoCollapse" BOOLEAN',
]

# The same tables for SQLite: JSON as TEXT, UUIDs as TEXT, booleans as INTEGER.
SQLITE_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS users (
        "id" TEXT PRIMARY KEY,
        "identifier" TEXT NOT NULL UNIQUE,
        "metadata" TEXT NOT NULL,
        "createdAt" TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS threads (
        "id" TEXT PRIMARY KEY,
        "createdAt" TEXT,
        "name" TEXT,
        "userId" TEXT,
        "userIdentifier" TEXT,
        "tags" TEXT,
        "metadata" TEXT,
        FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS steps (
        "id" TEXT PRIMARY KEY,
        "name" TEXT NOT NULL,
        "type" TEXT NOT NULL,
        "threadId" TEXT NOT NULL,
        "parentId" TEXT,
        "streaming" BOOLEAN NOT NULL,
        "waitForAnswer" BOOLEAN,
        "isError" BOOLEAN,
        "metadata" TEXT,
        "tags" TEXT,
        "input" TEXT,
        "output" TEXT,
        "createdAt" TEXT,
        "command" TEXT,
        "modes" TEXT,
        "start" TEXT,
        "end" TEXT,
        "generation" TEXT,
        "showInput" TEXT,
        "language" TEXT,
        "indent" INTEGER,
        "defaultOpen" BOOLEAN,
        "autoCollapse" BOOLEAN,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS elements (
        "id" TEXT PRIMARY KEY,
        "threadId" TEXT,
        "type" TEXT,
        "url" TEXT,
        "chainlitKey" TEXT,
        "name" TEXT NOT NULL,
        "display" TEXT,
        "objectKey" TEXT,
        "size" TEXT,
        "page" INTEGER,
        "language" TEXT,
        "forId" TEXT,
        "mime" TEXT,
        "props" TEXT,
        "autoPlay" BOOLEAN,
        "playerConfig" TEXT,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS feedbacks (
        "id" TEXT PRIMARY KEY,
        "forId" TEXT NOT NULL,
        "threadId" TEXT NOT NULL,
        "value" INTEGER NOT NULL,
        "comment" TEXT,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
]

OWNERS_SCHEMA = """CREATE TABLE IF NOT EXISTS coach_thread_owners (
    "threadId" TEXT PRIMARY KEY,
    "userIdentifier" TEXT NOT NULL,
    "createdAt" TEXT
)"""

PREFS_SCHEMA = """CREATE TABLE IF NOT EXISTS coach_user_prefs (
    "userIdentifier" TEXT PRIMARY KEY,
    "language" TEXT
)"""

ELEMENT_COLUMNS = ("id", "threadId", "type", "url", "chainlitKey", "name", "display", "objectKey", "size",
                   "page", "language", "forId", "mime", "props", "autoPlay", "playerConfig")


def sqlalchemy_url(settings: Settings) -> tuple[str, dict[str, Any]]:
    """(SQLAlchemy async URL, connect_args) for the history database."""
    url = settings.database_url
    if is_postgres(url):
        parts = urlsplit(str(url))
        query = dict(parse_qsl(parts.query))
        connect_args: dict[str, Any] = {}
        sslmode = query.pop("sslmode", None)
        if sslmode in ("require", "verify-ca", "verify-full"):
            connect_args["ssl"] = "require" if sslmode == "require" else True
        elif sslmode == "disable":
            connect_args["ssl"] = False
        netloc_scheme = "postgresql+asyncpg"
        return urlunsplit((netloc_scheme, parts.netloc, parts.path, urlencode(query), "")), connect_args
    return f"sqlite+aiosqlite:///{history_path(settings)}", {}


def history_path(settings: Settings) -> Path:
    return settings.data_dir / "ui-history.sqlite"


def _loads(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


class CoachDataLayer(SQLAlchemyDataLayer):
    def __init__(self, settings: Settings) -> None:
        url, connect_args = sqlalchemy_url(settings)
        self.is_postgres = url.startswith("postgresql")
        if not self.is_postgres:
            history_path(settings).parent.mkdir(parents=True, exist_ok=True)
        # Chainlit warns that elements will not be persisted without a blob store; ours are (see above).
        chainlit_log = logging.getLogger("chainlit")
        level = chainlit_log.level
        chainlit_log.setLevel(logging.ERROR)
        try:
            super().__init__(conninfo=url, connect_args=connect_args, storage_provider=None)
        finally:
            chainlit_log.setLevel(level)
        self._schema_ready = False

    async def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        statements = (POSTGRES_SCHEMA if self.is_postgres else SQLITE_SCHEMA) + [OWNERS_SCHEMA, PREFS_SCHEMA]
        async with self.engine.begin() as conn:
            if not self.is_postgres:
                await conn.execute(text("PRAGMA journal_mode=WAL"))
            for statement in statements:
                await conn.execute(text(statement))
        self._schema_ready = True

    # ---------------------------------------------------------------- elements

    @queue_until_user_message()
    async def create_element(self, element: Element) -> None:
        """Persist custom elements (props in the row); skip files, which need a blob store."""
        if element.type != "custom" or not element.for_id:
            return
        row = {k: v for k, v in element.to_dict().items() if k in ELEMENT_COLUMNS and v is not None}
        row["props"] = json.dumps(row.get("props") or {}, ensure_ascii=False)
        row.pop("url", None)
        row.pop("chainlitKey", None)  # points into the session's temporary files
        columns = ", ".join(f'"{c}"' for c in row)
        values = ", ".join(f":{c}" for c in row)
        updates = ", ".join(f'"{c}" = :{c}' for c in row if c != "id")
        query = f"INSERT INTO elements ({columns}) VALUES ({values}) ON CONFLICT (id) DO UPDATE SET {updates}"
        await self.execute_sql(query, row)

    async def get_all_user_threads(
        self, user_id: str | None = None, thread_id: str | None = None
    ) -> list[ThreadDict] | None:
        threads = await super().get_all_user_threads(user_id=user_id, thread_id=thread_id)
        # JSON columns come back as text (SQLite, and asyncpg without codecs): hand the browser objects.
        for thread in threads or []:
            thread["metadata"] = _loads(thread.get("metadata")) or {}
            for step in thread.get("steps", []):
                step["metadata"] = _loads(step.get("metadata")) or {}
                if step.get("generation") is not None:
                    step["generation"] = _loads(step.get("generation"))
            for element in thread.get("elements") or []:
                element["props"] = _loads(element.get("props")) or {}
        return threads

    # ---------------------------------------------------------------- ownership

    async def _rows(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Like execute_sql for a SELECT, but a failed query raises: ownership checks fail closed."""
        rows = await self.execute_sql(query, params)
        if not isinstance(rows, list):
            raise RuntimeError("history database query failed")
        return rows

    async def thread_owner(self, thread_id: str) -> str | None:
        """Who owns a thread: the recorded owner, else Chainlit's thread author, else nobody yet."""
        rows = await self._rows(
            'SELECT "userIdentifier" FROM coach_thread_owners WHERE "threadId" = :id', {"id": thread_id}
        )
        if rows:
            return str(rows[0]["userIdentifier"])
        if self.is_postgres and not _is_uuid(thread_id):
            return None
        rows = await self._rows('SELECT "userIdentifier" FROM threads WHERE "id" = :id', {"id": thread_id})
        if rows and rows[0].get("userIdentifier"):
            return str(rows[0]["userIdentifier"])
        return None

    async def claim_thread(self, thread_id: str, user_identifier: str) -> bool:
        """Record `user_identifier` as the owner if the thread has none; True if the thread is theirs."""
        owner = await self.thread_owner(thread_id)
        if owner is None:
            await self.execute_sql(
                'INSERT INTO coach_thread_owners ("threadId", "userIdentifier", "createdAt") '
                'VALUES (:id, :user, :at) ON CONFLICT ("threadId") DO NOTHING',
                {"id": thread_id, "user": user_identifier, "at": await self.get_current_timestamp()},
            )
            owner = await self.thread_owner(thread_id)
        return can_open(owner, user_identifier)

    # ---------------------------------------------------------------- preferences

    async def get_language(self, user_identifier: str) -> str | None:
        query = 'SELECT "language" FROM coach_user_prefs WHERE "userIdentifier" = :user'
        rows = await self.execute_sql(query, {"user": user_identifier})
        return str(rows[0]["language"]) if isinstance(rows, list) and rows and rows[0]["language"] else None

    async def set_language(self, user_identifier: str, language: str) -> None:
        await self.execute_sql(
            'INSERT INTO coach_user_prefs ("userIdentifier", "language") VALUES (:user, :language) '
            'ON CONFLICT ("userIdentifier") DO UPDATE SET "language" = :language',
            {"user": user_identifier, "language": language},
        )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


_instances: dict[str, CoachDataLayer] = {}


def get_data_layer(settings: Settings) -> CoachDataLayer:
    """One data layer per database for the process (Chainlit asks for it lazily)."""
    key = sqlalchemy_url(settings)[0]
    if key not in _instances:
        _instances[key] = CoachDataLayer(settings)
    return _instances[key]
