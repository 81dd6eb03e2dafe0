"""The room's database for synchronous work (psycopg or sqlite3): one engine, and errors that say what to do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from psycopg.errors import UndefinedTable
from sqlalchemy import Connection, create_engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from assistant.cohorts.models import CohortError
from assistant.db.urls import history_path, sync_url
from assistant.settings import Settings


class Database:
    """`connect()` yields a connection in a transaction; CohortError when the database cannot be read or was
    not migrated (the message says to run `coach db upgrade`); an IntegrityError (a duplicate key) is left to
    the caller."""

    def __init__(self, settings: Settings) -> None:
        url = sync_url(settings)
        self.location = make_url(url).render_as_string(hide_password=True)
        self.is_postgres = url.startswith("postgresql")
        self.engine = create_engine(url, poolclass=NullPool)
        self._file = None if self.is_postgres else history_path(settings)

    @property
    def absent(self) -> bool:
        """The single-machine database file does not exist yet (nothing was ever recorded): read as empty."""
        return self._file is not None and not self._file.exists()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except IntegrityError:  # a duplicate key: the caller says what it means
            raise
        except (ProgrammingError, OperationalError) as exc:
            if isinstance(exc.orig, UndefinedTable) or "no such table" in str(exc.orig):
                raise CohortError(f"{self.location} has no cohort tables yet: run `coach db upgrade`") from exc
            raise CohortError(f"{self.location} cannot be read ({type(exc).__name__})") from exc
        except SQLAlchemyError as exc:
            raise CohortError(f"{self.location} cannot be read ({type(exc).__name__})") from exc
