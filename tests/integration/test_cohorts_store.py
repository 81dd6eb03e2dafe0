"""Cohorts, roles and invite codes in each store: the JSON file beside the users file (one machine), the
database's tables (migration 0003) on SQLite and on the real PostgreSQL. The same rules hold in all three."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cohorts.file_store import FileCohortStore
from assistant.cohorts.models import CohortError, code_hash
from assistant.cohorts.signup import SignUpRefused, sign_up
from assistant.cohorts.sql_store import SqlCohortStore
from assistant.cohorts.store import CohortStore
from assistant.db.migrate import upgrade
from assistant.settings import Settings
from assistant.ui.accounts import user_store
from assistant.ui.auth import normalize_username
from tests.integration.pg_database import fresh_database
from tests.integration.postgres import PG_URL, unreachable_reason


def _settings(tmp_path: Path, url: str | None = None) -> Settings:
    values = {"COACH_DATA_DIR": tmp_path, **({"DATABASE_URL": url} if url else {})}
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(params=["file", "sqlite", "postgres"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[CohortStore, Settings]]:
    if request.param == "file":
        settings = _settings(tmp_path)
        yield FileCohortStore(tmp_path / "cohorts.json"), settings
        return
    if request.param == "sqlite":
        settings = _settings(tmp_path)
        upgrade(settings)
        yield SqlCohortStore(settings), settings
        return
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    with fresh_database() as url:
        settings = _settings(tmp_path, url)
        upgrade(settings)
        yield SqlCohortStore(settings), settings


def test_cohorts_and_memberships(stores: tuple[CohortStore, Settings]) -> None:
    store, _ = stores
    created = store.create("Spring-26", token_cap=50_000)
    assert created.name == "spring-26" and created.token_cap == 50_000
    with pytest.raises(CohortError, match="already exists"):
        store.create("spring-26")
    with pytest.raises(CohortError, match="cohort name"):
        store.create("two words")
    store.create("autumn")
    assert [c.name for c in store.cohorts()] == ["autumn", "spring-26"]
    store.set_member("alice@example.org", "founder", "spring-26")
    store.set_member("marc@example.org", "mentor", "spring-26")
    store.set_member("zoe@example.org", "admin", None)
    with pytest.raises(CohortError, match="no cohort"):
        store.set_member("bob@example.org", "founder", "winter")
    with pytest.raises(CohortError, match="a role is one of"):
        store.set_member("bob@example.org", "owner", "autumn")
    with pytest.raises(CohortError, match="a mentor belongs to a cohort"):
        store.set_member("bob@example.org", "mentor", None)
    assert [m.username for m in store.members("spring-26")] == ["alice@example.org", "marc@example.org"]
    first = store.member("alice@example.org")
    moved = store.set_member("alice@example.org", "founder", "autumn")
    assert moved.cohort == "autumn" and first is not None and moved.created == first.created
    assert store.remove_member("alice@example.org") and store.member("alice@example.org") is None
    assert not store.remove_member("alice@example.org")
    capped = store.configure("autumn", token_cap=1000, retention_days=30)
    assert (capped.token_cap, capped.retention_days) == (1000, 30) and store.get("autumn") == capped
    assert store.configure("autumn", token_cap=None).retention_days == 30
    with pytest.raises(CohortError, match="retention"):
        store.configure("autumn", retention_days=0)


def test_an_invite_code_works_once_and_only_its_hash_is_stored(stores: tuple[CohortStore, Settings],
                                                               tmp_path: Path) -> None:
    store, _ = stores
    store.create("spring-26")
    codes = store.issue_invites("spring-26", 3, "founder")
    assert len(set(codes)) == 3 and all(len(c) == 14 and c.count("-") == 2 for c in codes)
    invite = store.claim(codes[0].lower().replace("-", ""), "alice@example.org")  # any case, dashes optional
    assert (invite.cohort, invite.role) == ("spring-26", "founder")
    with pytest.raises(CohortError, match="already used"):
        store.claim(codes[0], "bob@example.org")
    with pytest.raises(CohortError, match="not an invite code"):
        store.claim("hello", "bob@example.org")
    assert store.invite_counts("spring-26") == (3, 1)
    store.release(codes[0])
    assert store.invite_counts("spring-26") == (3, 0)
    assert store.claim(codes[0], "bob@example.org").cohort == "spring-26"
    store.forget("bob@example.org")  # an erased account: the code stays used, by nobody named
    assert store.invite_counts("spring-26") == (3, 1)
    with pytest.raises(CohortError, match="already used"):
        store.claim(codes[0], "carl@example.org")
    stored = (tmp_path / "cohorts.json").read_text() if isinstance(store, FileCohortStore) else ""
    assert all(c not in stored for c in codes) and (not stored or code_hash(codes[1]) in stored)
    with pytest.raises(CohortError, match="between 1 and"):
        store.issue_invites("spring-26", 0)


def test_two_founders_racing_for_one_code_one_wins(stores: tuple[CohortStore, Settings]) -> None:
    store, _ = stores
    store.create("spring-26")
    code = store.issue_invites("spring-26", 1)[0]
    wins: list[str] = []

    def claim(name: str) -> None:
        try:
            store.claim(code, name)
            wins.append(name)
        except CohortError:
            pass

    racers = [threading.Thread(target=claim, args=(f"f{i}@example.org",)) for i in range(6)]
    for t in racers:
        t.start()
    for t in racers:
        t.join()
    assert len(wins) == 1


def test_sign_up_with_a_code_creates_the_account_with_its_role(stores: tuple[CohortStore, Settings]) -> None:
    store, settings = stores
    accounts = user_store(settings)
    store.create("spring-26")
    founder_code, mentor_code = store.issue_invites("spring-26", 1)[0], store.issue_invites("spring-26", 1, "mentor")[0]

    def attempt(code: str, name: str, password: str = "a-good-password") -> str:
        try:
            sign_up(accounts, store, normalize_username, code=code, username=name, password=password)
        except SignUpRefused as exc:
            return exc.key
        return "ok"

    assert attempt("nope", "alice@example.org") == "code_malformed"
    assert attempt(founder_code, "alice@example.org", "short") == "password_short"
    assert attempt(founder_code, "not an email!", "a-good-password") == "username_invalid"
    assert attempt(founder_code, "Alice@Example.org") == "ok"
    assert accounts.authenticate("alice@example.org", "a-good-password") == "alice@example.org"
    member = store.member("alice@example.org")
    assert member is not None and (member.role, member.cohort) == ("founder", "spring-26")
    assert attempt(founder_code, "bob@example.org") == "code_unknown"  # used once already
    assert attempt(mentor_code, "alice@example.org") == "account_exists"
    assert attempt(mentor_code, "marc@example.org") == "ok"  # the refused attempt left the code usable
    mentor = store.member("marc@example.org")
    assert mentor is not None and mentor.role == "mentor"
