"""Where cohorts live: the database when DATABASE_URL is PostgreSQL (beside the accounts), else a JSON file
beside the users file (the single-machine default)."""

from __future__ import annotations

from pathlib import Path

from assistant.cohorts.store import CohortStore
from assistant.settings import Settings
from assistant.storage import is_postgres


def cohorts_path(settings: Settings) -> Path:
    return settings.users_path.with_name("cohorts.json")


def cohort_store(settings: Settings) -> CohortStore:
    if is_postgres(settings.database_url):
        from assistant.cohorts.sql_store import SqlCohortStore

        return SqlCohortStore(settings)
    from assistant.cohorts.file_store import FileCohortStore

    return FileCohortStore(cohorts_path(settings))
