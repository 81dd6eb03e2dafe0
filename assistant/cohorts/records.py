"""What the room's database knows about sessions, for cohorts: which account owns which thread (the owner the
room records on a thread's first turn, else Chainlit's thread author), mentors' comments on a thread, and
erasing a founder's history.

The same SQL runs on SQLite and PostgreSQL (Chainlit's ids are UUID columns there, compared as text)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text

from assistant.cohorts.database import Database
from assistant.cohorts.models import CohortError, now
from assistant.settings import Settings

MAX_COMMENT = 4000
# A thread's owner as the room's data layer decides it: the recorded owner, else Chainlit's thread author.
_THREADS = ('SELECT id, owner, created, name FROM ('
            'SELECT o."threadId" AS id, o."userIdentifier" AS owner, o."createdAt" AS created, t."name" AS name '
            'FROM coach_thread_owners o LEFT JOIN threads t ON CAST(t."id" AS TEXT) = o."threadId" '
            'UNION ALL SELECT CAST(t."id" AS TEXT), t."userIdentifier", t."createdAt", t."name" FROM threads t '
            'WHERE t."userIdentifier" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM coach_thread_owners o2 '
            'WHERE o2."threadId" = CAST(t."id" AS TEXT))) AS x')


@dataclass(frozen=True)
class ThreadRecord:
    thread_id: str
    owner: str
    created: str  # when the room recorded its owner (ISO 8601), "" when unknown
    name: str = ""  # the title Chainlit gave it (the founder's first words), "" before the first message


@dataclass(frozen=True)
class Comment:
    id: str
    thread_id: str
    author: str
    body: str
    created: str
    seen_at: str | None = None


class RoomRecords:
    """Synchronous; CohortError when the database cannot be read."""

    def __init__(self, settings: Settings) -> None:
        self.db = Database(settings)

    def threads(self, owners: Iterable[str] | None = None) -> list[ThreadRecord]:
        """Every thread with a recorded owner, or those of `owners`; oldest first."""
        if self.db.absent:
            return []
        with self.db.connect() as conn:
            if owners is None:
                rows = conn.execute(text(_THREADS + ' ORDER BY created, id')).all()
            else:
                names = sorted(set(owners))
                if not names:
                    return []
                query = text(_THREADS + ' WHERE owner IN :owners ORDER BY created, id')
                rows = conn.execute(query.bindparams(bindparam("owners", expanding=True)), {"owners": names}).all()
        return [ThreadRecord(str(r[0]), str(r[1]), str(r[2] or ""), str(r[3] or "")) for r in rows]

    def thread(self, thread_id: str) -> ThreadRecord | None:
        if self.db.absent:
            return None
        with self.db.connect() as conn:
            row = conn.execute(text(_THREADS + " WHERE id = :id"), {"id": thread_id}).first()
        return ThreadRecord(str(row[0]), str(row[1]), str(row[2] or ""), str(row[3] or "")) if row else None

    # ---------------------------------------------------------------- comments

    def add_comment(self, thread_id: str, author: str, body: str) -> Comment:
        """A comment on a thread's canvas; CohortError when it is empty or longer than MAX_COMMENT characters."""
        body = body.strip()
        if not body:
            raise CohortError("a comment cannot be empty")
        if len(body) > MAX_COMMENT:
            raise CohortError(f"a comment has at most {MAX_COMMENT} characters")
        comment = Comment(uuid.uuid4().hex, thread_id, author, body, now())
        with self.db.connect() as conn:
            conn.execute(text("INSERT INTO coach_comments (id, thread_id, author, body, created) "
                              "VALUES (:id, :t, :a, :b, :c)"),
                         {"id": comment.id, "t": thread_id, "a": author, "b": body, "c": comment.created})
        return comment

    def comments(self, thread_id: str, *, unseen: bool = False) -> list[Comment]:
        if self.db.absent:
            return []
        where = " AND seen_at IS NULL" if unseen else ""
        with self.db.connect() as conn:
            rows = conn.execute(text("SELECT id, thread_id, author, body, created, seen_at FROM coach_comments "
                                     f"WHERE thread_id = :t{where} ORDER BY created, id"), {"t": thread_id}).all()
        return [Comment(*(str(v) if v is not None else None for v in r)) for r in rows]  # type: ignore[arg-type]

    def mark_seen(self, ids: Iterable[str]) -> None:
        keys = list(ids)
        if not keys:
            return
        with self.db.connect() as conn:
            conn.execute(text("UPDATE coach_comments SET seen_at = :at WHERE id IN :ids")
                         .bindparams(bindparam("ids", expanding=True)), {"at": now(), "ids": keys})

    # ---------------------------------------------------------------- erasing

    def owned_threads(self, username: str) -> list[str]:
        """Every thread of `username`: recorded owner or Chainlit's thread author."""
        if self.db.absent:
            return []
        with self.db.connect() as conn:
            rows = conn.execute(text('SELECT "threadId" FROM coach_thread_owners WHERE "userIdentifier" = :u '
                                     'UNION SELECT CAST("id" AS TEXT) FROM threads WHERE "userIdentifier" = :u'),
                                {"u": username}).all()
        return sorted({str(r[0]) for r in rows})

    def erase_threads(self, thread_ids: Iterable[str]) -> None:
        """Delete threads' history: messages, elements (exports included), feedback, comments, owner rows."""
        ids = sorted(set(thread_ids))
        if not ids or self.db.absent:
            return
        with self.db.connect() as conn:
            for table, column in (("steps", "threadId"), ("elements", "threadId"), ("feedbacks", "threadId"),
                                  ("threads", "id"), ("coach_thread_owners", "threadId"),
                                  ("coach_comments", "thread_id")):
                _delete_in(conn, table, column, ids)

    def erase_user(self, username: str) -> list[str]:
        """Delete an account's history (its threads as above, its preferences, Chainlit's user row); the
        erased thread ids."""
        if self.db.absent:
            return []
        ids = self.owned_threads(username)
        self.erase_threads(ids)
        with self.db.connect() as conn:
            conn.execute(text('DELETE FROM coach_user_prefs WHERE "userIdentifier" = :u'), {"u": username})
            conn.execute(text('DELETE FROM users WHERE "identifier" = :u'), {"u": username})
        return ids


def _delete_in(conn: Connection, table: str, column: str, ids: list[str]) -> None:
    query = text(f'DELETE FROM {table} WHERE CAST("{column}" AS TEXT) IN :ids')
    conn.execute(query.bindparams(bindparam("ids", expanding=True)), {"ids": ids})
