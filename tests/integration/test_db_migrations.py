"""`coach db upgrade` on SQLite and PostgreSQL: a second run changes nothing, a database created by the
room's start-up before migrations existed is adopted with its history intact, and the accounts move into
the database when DATABASE_URL is set."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from assistant.db.migrate import head
from tests.integration.pg_database import fresh_database
from tests.integration.postgres import PG_URL, unreachable_reason

ROOT = Path(__file__).resolve().parents[2]
LEGACY = ROOT / "tests" / "data" / "legacy"
THREAD = "6f1c3c55-8d0e-4a39-9a55-1b6f4f1f2a10"
USER = "0b6cf0f4-4a3c-49c4-9a43-8f9a3f0b0c21"
HISTORY_ROWS = [
    'INSERT INTO users ("id", "identifier", "metadata", "createdAt") VALUES (%s, \'alice\', \'{}\', \'2026-01-01\')',
    'INSERT INTO threads ("id", "name", "userId", "userIdentifier") VALUES (%s, \'Movers\', %s, \'alice\')',
    'INSERT INTO steps ("id", "name", "type", "threadId", "streaming", "output") '
    "VALUES ('9a0e4b1c-2222-4c3b-8a55-1b6f4f1f2a11', 'coach', 'assistant_message', %s, false, 'Who pays?')",
    'INSERT INTO coach_thread_owners ("threadId", "userIdentifier") VALUES (%s, \'alice\')',
    'INSERT INTO coach_user_prefs ("userIdentifier", "language") VALUES (\'alice\', \'en\')',
]
HISTORY_ARGS = [(USER,), (THREAD, USER), (THREAD,), (THREAD,), ()]


def coach(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "DATABASE_URL"))}
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, env={**keep, **env},
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def upgraded_twice(env: dict[str, str]) -> tuple[str, str]:
    first, second = coach(["db", "upgrade"], env), coach(["db", "upgrade"], env)
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    return first.stderr, second.stderr


@pytest.fixture
def pg_database() -> Iterator[str]:
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    with fresh_database() as url:
        yield url


# ---------------------------------------------------------------- SQLite (the single-machine default)

def _sqlite_schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_sqlite_upgrade_twice_is_a_no_op_the_second_time(tmp_path):
    first, second = upgraded_twice({"COACH_DATA_DIR": str(tmp_path)})
    assert f"to {head()}" in first and "nothing to do" in second
    schema = _sqlite_schema(tmp_path / "ui-history.sqlite")
    assert coach(["db", "upgrade"], {"COACH_DATA_DIR": str(tmp_path)}).returncode == 0
    assert _sqlite_schema(tmp_path / "ui-history.sqlite") == schema
    assert {"users", "threads", "steps", "elements", "feedbacks", "coach_accounts"} <= {n for n, _ in schema}


def test_sqlite_database_of_the_previous_start_up_is_adopted_with_its_history(tmp_path):
    path = tmp_path / "ui-history.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript((LEGACY / "history_sqlite.sql").read_text())
        for statement, args in zip(HISTORY_ROWS, HISTORY_ARGS, strict=True):
            db.execute(statement.replace("%s", "?"), args)
    first, second = upgraded_twice({"COACH_DATA_DIR": str(tmp_path)})
    assert "from an empty or unversioned database" in first and "nothing to do" in second
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
        assert db.execute('SELECT "output" FROM steps WHERE "threadId" = ?', (THREAD,)).fetchall() == [("Who pays?",)]
        assert db.execute('SELECT "userIdentifier" FROM coach_thread_owners').fetchall() == [("alice",)]
        assert db.execute("SELECT count(*) FROM coach_accounts").fetchone() == (0,)


def test_unreachable_database_is_one_clear_line(tmp_path):
    result = coach(["db", "upgrade"], {"COACH_DATA_DIR": str(tmp_path),
                                       "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none"})
    assert result.returncode == 1
    assert "database upgrade failed" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- PostgreSQL

def _pg_schema(url: str) -> list[tuple[str, str, str]]:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                            "WHERE table_schema = 'public' ORDER BY 1, 2").fetchall()


def test_postgres_upgrade_twice_is_a_no_op_the_second_time(pg_database, tmp_path):
    env = {"COACH_DATA_DIR": str(tmp_path), "DATABASE_URL": pg_database}
    first, second = upgraded_twice(env)
    assert f"to {head()}" in first and "nothing to do" in second
    schema = _pg_schema(pg_database)
    assert coach(["db", "upgrade"], env).returncode == 0
    assert _pg_schema(pg_database) == schema
    tables = {t for t, _, _ in schema}
    assert {"users", "threads", "steps", "coach_accounts", "checkpoints"} <= tables  # the checkpoints too


def test_postgres_database_of_the_previous_start_up_is_adopted_with_its_history(pg_database, tmp_path):
    with psycopg.connect(pg_database) as conn:
        conn.execute((LEGACY / "history_postgres.sql").read_text())
        conn.execute('ALTER TABLE steps DROP COLUMN "autoCollapse"')  # as created by an older Chainlit
        for statement, args in zip(HISTORY_ROWS, HISTORY_ARGS, strict=True):
            conn.execute(statement, args)
    first, second = upgraded_twice({"COACH_DATA_DIR": str(tmp_path), "DATABASE_URL": pg_database})
    assert "from an empty or unversioned database" in first and "nothing to do" in second
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
        assert conn.execute('SELECT "output" FROM steps').fetchall() == [("Who pays?",)]
        assert conn.execute('SELECT "language" FROM coach_user_prefs').fetchall() == [("en",)]
    assert ("steps", "autoCollapse", "boolean") in _pg_schema(pg_database)


def test_accounts_live_in_postgres_when_database_url_is_set(pg_database, tmp_path):
    env = {"COACH_DATA_DIR": str(tmp_path), "DATABASE_URL": pg_database}
    assert coach(["db", "upgrade"], env).returncode == 0
    added = coach(["user", "add", "Alice", "--password-stdin"], env, "correct-horse-1\n")
    assert added.returncode == 0, added.stderr
    assert "postgresql" in added.stderr and "users.json" not in added.stderr
    again = coach(["user", "add", "alice", "--password-stdin"], env, "another-pass-2\n")
    assert again.returncode == 1 and "already exists" in again.stderr
    assert coach(["user", "list"], env).stdout.split("\t")[0] == "alice"
    assert not (tmp_path / "users.json").exists()  # nothing in the single-machine file

    from assistant.settings import Settings
    from assistant.ui.accounts import user_store

    store = user_store(Settings(COACH_DATA_DIR=tmp_path, DATABASE_URL=pg_database))
    assert store.authenticate("ALICE", "correct-horse-1") == "alice"
    assert store.authenticate("alice", "wrong-password") is None
    assert coach(["user", "remove", "alice"], env).returncode == 0
    assert coach(["user", "list"], env).stdout == ""
    assert store.authenticate("alice", "correct-horse-1") is None


def test_accounts_stay_in_the_users_file_without_database_url(tmp_path):
    env = {"COACH_DATA_DIR": str(tmp_path)}
    assert coach(["user", "add", "bob", "--password-stdin"], env, "correct-horse-1\n").returncode == 0
    assert (tmp_path / "users.json").exists()
    assert coach(["user", "list"], env).stdout.startswith("bob\t")
    assert coach(["user", "remove", "bob"], env).returncode == 0
    assert coach(["user", "list"], env).stdout == ""


def test_accounts_before_the_upgrade_none_yet_and_adding_says_to_run_it(pg_database, tmp_path):
    from assistant.settings import Settings
    from assistant.ui.access import resolve

    env = {"COACH_DATA_DIR": str(tmp_path), "DATABASE_URL": pg_database}
    listed = coach(["user", "list"], env)
    assert listed.returncode == 0 and listed.stdout == ""
    added = coach(["user", "add", "alice", "--password-stdin"], env, "correct-horse-1\n")
    assert added.returncode == 1 and "coach db upgrade" in added.stderr and "Traceback" not in added.stderr
    settings = Settings(COACH_DATA_DIR=tmp_path, DATABASE_URL=pg_database)
    assert resolve(settings, "127.0.0.1").local  # no account yet: the local room, as with the users file
    assert coach(["db", "upgrade"], env).returncode == 0
    assert coach(["user", "add", "alice", "--password-stdin"], env, "correct-horse-1\n").returncode == 0
    assert not resolve(settings, "127.0.0.1").local  # an account in the database: sign-in required


def test_unreachable_accounts_database_fails_closed(tmp_path):
    from assistant.settings import Settings
    from assistant.ui.access import resolve

    settings = Settings(COACH_DATA_DIR=tmp_path, DATABASE_URL="postgresql://nobody@127.0.0.1:9/none")
    assert not resolve(settings, "127.0.0.1").local  # cannot tell whether accounts exist: ask for sign-in
