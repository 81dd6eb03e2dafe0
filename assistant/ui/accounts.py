"""Where the room's accounts live: the users file on a single machine, the `coach_accounts` table of the
database when DATABASE_URL is set (every app process then sees the same accounts).

Both stores offer the users file's interface (`users`, `get`, `add`, `remove`, `authenticate`,
`location`); the table is created by the migrations (`coach db upgrade`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from psycopg.errors import UndefinedTable
from sqlalchemy import Connection, create_engine, make_url, text
from sqlalchemy.exc import ProgrammingError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from assistant.db.urls import sync_url
from assistant.settings import Settings
from assistant.storage import is_postgres
from assistant.ui.auth import Accounts, AuthError, UserRecord, exists_error, new_record, normalize_username


class NotMigrated(AuthError):
    """The database has no accounts table yet (`coach db upgrade` was never run on it)."""


class DatabaseUserStore(Accounts):
    """Accounts in the `coach_accounts` table. AuthError when the database cannot be read (unreachable,
    or not migrated yet: the message says to run `coach db upgrade`)."""

    def __init__(self, settings: Settings) -> None:
        url = sync_url(settings)
        self._location = make_url(url).render_as_string(hide_password=True)
        self._engine = create_engine(url, poolclass=NullPool)

    @property
    def location(self) -> str:
        return self._location

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            with self._engine.begin() as conn:
                yield conn
        except ProgrammingError as exc:
            if isinstance(exc.orig, UndefinedTable):
                raise NotMigrated(f"no accounts table in {self.location} yet: run `coach db upgrade`") from exc
            raise self._unreadable(exc) from exc
        except SQLAlchemyError as exc:
            raise self._unreadable(exc) from exc

    def _unreadable(self, exc: Exception) -> AuthError:
        return AuthError(f"the accounts in {self.location} cannot be read ({type(exc).__name__}); "
                         "is the database up, and was `coach db upgrade` run?")

    def users(self) -> list[UserRecord]:
        """Every account; none in a database not migrated yet (its table does not exist)."""
        try:
            with self._connect() as conn:
                rows = conn.execute(text("SELECT username, password, created FROM coach_accounts ORDER BY username"))
                return [UserRecord(*row) for row in rows]
        except NotMigrated:
            return []

    def get(self, username: str) -> UserRecord | None:
        try:
            name = normalize_username(username)
        except AuthError:
            return None
        try:
            with self._connect() as conn:
                row = conn.execute(text("SELECT username, password, created FROM coach_accounts WHERE username = :u"),
                                   {"u": name}).first()
        except NotMigrated:
            return None
        return UserRecord(*row) if row else None

    def add(self, username: str, password: str, *, replace: bool = False) -> UserRecord:
        record = new_record(username, password)
        with self._connect() as conn:
            row = conn.execute(text("SELECT created FROM coach_accounts WHERE username = :u"),
                               {"u": record.username}).first()
            if row and not replace:
                raise exists_error(record.username)
            if row:
                record = UserRecord(record.username, record.password, row[0])
                conn.execute(text("UPDATE coach_accounts SET password = :p WHERE username = :u"),
                             {"u": record.username, "p": record.password})
            else:
                conn.execute(text("INSERT INTO coach_accounts (username, password, created) VALUES (:u, :p, :c)"),
                             {"u": record.username, "p": record.password, "c": record.created})
        return record

    def remove(self, username: str) -> bool:
        name = normalize_username(username)
        with self._connect() as conn:
            return conn.execute(text("DELETE FROM coach_accounts WHERE username = :u"), {"u": name}).rowcount > 0


def user_store(settings: Settings) -> Accounts:
    """The database's accounts when DATABASE_URL is PostgreSQL, else the users file."""
    if is_postgres(settings.database_url):
        return DatabaseUserStore(settings)
    from assistant.ui.auth import UserStore

    return UserStore(settings.users_path)
