"""Where the room's relational database lives: `ui-history.sqlite` under the data dir, or DATABASE_URL.

One database, two drivers: the room talks to it asynchronously (aiosqlite, asyncpg) and the migrations
and the accounts synchronously (sqlite3, psycopg).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from assistant.settings import Settings
from assistant.storage import is_postgres, psycopg_url


def history_path(settings: Settings) -> Path:
    """The SQLite file of the single-machine default (unused when DATABASE_URL is PostgreSQL)."""
    return settings.data_dir / "ui-history.sqlite"


def async_url(settings: Settings) -> tuple[str, dict[str, Any]]:
    """(SQLAlchemy async URL, connect_args) of the database: asyncpg for PostgreSQL, aiosqlite otherwise.

    asyncpg does not read `sslmode` from the URL: it becomes the `ssl` connect argument."""
    url = settings.database_url
    if is_postgres(url):
        parts = urlsplit(psycopg_url(str(url)))
        query = dict(parse_qsl(parts.query))
        connect_args: dict[str, Any] = {}
        sslmode = query.pop("sslmode", None)
        if sslmode in ("require", "verify-ca", "verify-full"):
            connect_args["ssl"] = "require" if sslmode == "require" else True
        elif sslmode == "disable":
            connect_args["ssl"] = False
        return urlunsplit(("postgresql+asyncpg", parts.netloc, parts.path, urlencode(query), "")), connect_args
    return f"sqlite+aiosqlite:///{history_path(settings)}", {}


def sync_url(settings: Settings) -> str:
    """The SQLAlchemy URL for synchronous work (migrations, accounts): psycopg or the standard sqlite3."""
    if is_postgres(settings.database_url):
        return "postgresql+psycopg://" + psycopg_url(str(settings.database_url)).split("://", 1)[1]
    return f"sqlite:///{history_path(settings)}"
