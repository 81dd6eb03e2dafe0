"""The PostgreSQL the integration tests use (127.0.0.1:5432/test unless COACH_TEST_DATABASE_URL says)."""

from __future__ import annotations

import os

import psycopg

PG_URL = os.environ.get("COACH_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


def unreachable_reason() -> str:
    """Why the server cannot be used ("" when it answers): tests skip with this reason."""
    try:
        with psycopg.connect(PG_URL, connect_timeout=3):
            return ""
    except psycopg.Error as exc:
        return str(exc)
