"""Chainlit's history (threads, messages, inline elements) on SQLite by default, PostgreSQL with DATABASE_URL.

Chainlit's SQLAlchemy data layer does not create its tables: the room's migrations do
(`assistant/db/migrations`, `coach db upgrade`; `ensure_schema` runs them at start-up). The coaching
state itself is not here: it lives in the LangGraph checkpointer, keyed by the same thread id.

Two additions to Chainlit's layer:

- custom elements (the sources under a message) are stored with their props in the `elements` table, so
  they come back when a thread is resumed, without a blob store; other elements (downloads) are not
  persisted — they are regenerated on demand;
- `coach_thread_owners` records which account opened a thread, from the first turn on (Chainlit only
  writes its `threads` row after the founder's first message).
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any

from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.data.utils import queue_until_user_message
from chainlit.element import Element
from chainlit.types import ThreadDict

from assistant.db.migrate import upgrade
from assistant.db.urls import async_url, history_path
from assistant.settings import Settings
from assistant.ui.auth import can_open

# The history database's URL, for callers of the room's data layer (kept under its former name).
sqlalchemy_url = async_url

ELEMENT_COLUMNS = ("id", "threadId", "type", "url", "chainlitKey", "name", "display", "objectKey", "size",
                   "page", "language", "forId", "mime", "props", "autoPlay", "playerConfig")


def _loads(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


class CoachDataLayer(SQLAlchemyDataLayer):
    def __init__(self, settings: Settings) -> None:
        url, connect_args = async_url(settings)
        self.settings = settings
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
        """Bring the database to the latest revision (a no-op when it is there; once per process)."""
        if self._schema_ready:
            return
        await asyncio.to_thread(upgrade, self.settings)
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
    key = async_url(settings)[0]
    if key not in _instances:
        _instances[key] = CoachDataLayer(settings)
    return _instances[key]
