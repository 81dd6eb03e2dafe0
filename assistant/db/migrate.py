"""`coach db upgrade`: bring the room's database to the latest revision (Alembic), idempotently.

One process migrates at a time: on PostgreSQL an advisory lock held for the migration's transaction
serialises app processes starting together; SQLite's write lock does the same for one file. A database
created before migrations existed (tables, no `alembic_version`) is adopted by the first revision.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from assistant.db.urls import history_path, sync_url
from assistant.settings import Settings
from assistant.storage import is_postgres

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# pg_advisory_xact_lock key of the migration (any constant bigint apart from the thread locks' hashes).
MIGRATION_LOCK = 0x636F616368_6462  # "coachdb"


@dataclass(frozen=True)
class Upgrade:
    """Revisions before and after (`None`: an empty or never-migrated database)."""

    before: str | None
    after: str | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head() -> str | None:
    """The latest revision shipped with this code."""
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(settings: Settings) -> Upgrade:
    """Apply every missing revision to the database of `settings` (SQLite file or DATABASE_URL).

    Raises sqlalchemy.exc.OperationalError when the database cannot be reached."""
    postgres = is_postgres(settings.database_url)
    if not postgres:
        history_path(settings).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(sync_url(settings), poolclass=NullPool)
    try:
        if not postgres:
            with engine.connect() as conn:  # readers do not block the writer (the room reads while it writes)
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        with engine.begin() as conn:
            if postgres:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            else:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            before = _revision(conn)
            command.upgrade(_config(conn), "head")
            return Upgrade(before, _revision(conn))
    finally:
        engine.dispose()


def current(settings: Settings) -> str | None:
    """The database's revision (None when never migrated). Raises OperationalError when unreachable."""
    if not is_postgres(settings.database_url) and not history_path(settings).exists():
        return None
    engine = create_engine(sync_url(settings), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return _revision(conn)
    finally:
        engine.dispose()
