"""`coach cohort` and the cohort options of `coach user`, as a program manager runs them: on one machine
(the users file and cohorts.json) and on the real PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cohorts.stores import cohort_store
from assistant.settings import Settings
from assistant.ui.accounts import user_store
from tests.integration.cli_in_process import coach_in_process as coach
from tests.integration.pg_database import fresh_database
from tests.integration.postgres import PG_URL, unreachable_reason


@pytest.fixture(params=["file", "postgres"])
def env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    if request.param == "file":
        yield {"COACH_DATA_DIR": str(tmp_path)}
        return
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    with fresh_database() as url:
        values = {"COACH_DATA_DIR": str(tmp_path), "DATABASE_URL": url}
        assert coach(["db", "upgrade"], values).returncode == 0
        yield values


def _settings(env: dict[str, str]) -> Settings:
    return Settings(COACH_DATA_DIR=env["COACH_DATA_DIR"], DATABASE_URL=env.get("DATABASE_URL"))  # type: ignore[arg-type]


def test_a_program_manager_sets_up_a_cohort(env: dict[str, str], tmp_path: Path) -> None:
    assert coach(["cohort", "create", "Spring-26"], env).returncode == 0
    again = coach(["cohort", "create", "spring-26"], env)
    assert again.returncode == 1 and "already exists" in again.stderr and "Traceback" not in again.stderr
    printed = coach(["cohort", "invite", "spring-26", "--count", "3"], env)
    assert printed.returncode == 0 and len(printed.stdout.split()) == 3
    sheet = tmp_path / "codes.csv"
    written = coach(["cohort", "invite", "spring-26", "--count", "2", "--csv", str(sheet),
                     "--url", "https://coach.example.org/"], env)
    assert written.returncode == 0, written.stderr
    rows = list(csv.DictReader(sheet.open()))
    assert len(rows) == 2 and rows[0]["signup_url"] == f"https://coach.example.org/signup?code={rows[0]['code']}"
    unknown = coach(["cohort", "invite", "winter", "--count", "2"], env)
    assert unknown.returncode == 1 and "no cohort 'winter'" in unknown.stderr

    added = coach(["user", "add", "marc@example.org", "--cohort", "spring-26", "--role", "mentor",
                   "--password-stdin"], env, "mentor-password-1\n")
    assert added.returncode == 0 and "mentor of cohort 'spring-26'" in added.stderr
    lonely = coach(["user", "add", "x@example.org", "--role", "mentor", "--password-stdin"], env, "password-123\n")
    assert lonely.returncode == 1 and "a mentor belongs to a cohort" in lonely.stderr
    assert user_store(_settings(env)).get("x@example.org") is None  # refused before anything is written

    roster = tmp_path / "roster.csv"
    roster.write_text("email,role,cohort,password\nalice@example.org,founder,spring-26,\n"
                      "zoe@example.org,admin,,zoe-password-1\n")
    imported = coach(["user", "import", str(roster)], env)
    assert imported.returncode == 0, imported.stderr
    generated = list(csv.DictReader(io.StringIO(imported.stdout)))
    assert [g["email"] for g in generated] == ["alice@example.org"]
    accounts = user_store(_settings(env))
    assert accounts.authenticate("alice@example.org", generated[0]["password"]) == "alice@example.org"
    assert accounts.authenticate("zoe@example.org", "zoe-password-1") == "zoe@example.org"
    listed = coach(["user", "list"], env).stdout
    assert "alice@example.org\t" in listed and "\tfounder\tspring-26" in listed and "\tadmin\t-" in listed

    bad = tmp_path / "bad.csv"
    bad.write_text("email,role,cohort\nbob@example.org,founder,winter\nnot an email,founder,spring-26\n"
                   "carl@example.org,owner,spring-26\n")
    refused = coach(["user", "import", str(bad)], env)
    assert refused.returncode == 1 and "line 2" in refused.stderr and "line 3" in refused.stderr
    assert "line 4" in refused.stderr and accounts.get("bob@example.org") is None

    reset = coach(["user", "reset-password", "alice@example.org"], env)
    new_password = reset.stdout.strip()
    assert reset.returncode == 0 and len(new_password) >= 12
    assert accounts.authenticate("alice@example.org", new_password) == "alice@example.org"
    assert accounts.authenticate("alice@example.org", generated[0]["password"]) is None
    missing = coach(["user", "reset-password", "nobody@example.org"], env)
    assert missing.returncode == 1 and "no user" in missing.stderr

    assert coach(["cohort", "cap", "spring-26", "20000"], env).returncode == 0
    assert coach(["cohort", "retention", "spring-26", "90"], env).returncode == 0
    cohort = cohort_store(_settings(env)).get("spring-26")
    assert cohort is not None and (cohort.token_cap, cohort.retention_days) == (20000, 90)
    assert "spring-26\t2 members\tinvites 0/5 used\tcap 20000\tretention 90" in coach(["cohort", "list"], env).stdout
