"""Sign-in through an OAuth provider (a fake one on loopback, through Chainlit's generic provider and the
room's OAuth callback): a mentor the room knows (`coach user add --oauth`) gets in and opens the dashboard;
someone the provider vouches for but the room does not know is refused."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from assistant.cohorts.file_store import FileCohortStore
from tests.e2e.conftest import Room, start_room
from tests.fakes.oauth_provider import FakeOAuthProvider
from tests.integration.cli_in_process import coach_in_process as coach


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeOAuthProvider]:
    with FakeOAuthProvider() as fake:
        yield fake


@pytest.fixture(scope="module")
def accounts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("accounts")
    env = {"COACH_DATA_DIR": str(folder), "COACH_USERS_FILE": str(folder / "users.json")}
    assert coach(["cohort", "create", "spring-a"], env).returncode == 0
    added = coach(["user", "add", "mona@example.org", "--oauth", "--cohort", "spring-a", "--role", "mentor"], env)
    assert added.returncode == 0 and "OAuth" in added.stderr, added.stderr
    return folder


@pytest.fixture(scope="module")
def room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, provider: FakeOAuthProvider,
         accounts_dir: Path) -> Iterator[Room]:
    env = {**provider.env(), "COACH_USERS_FILE": str(accounts_dir / "users.json")}
    with start_room(request, tmp_path_factory, tmp_path_factory.mktemp("out"), "oauth-room", env, {}) as started:
        yield started


@contextmanager
def _sign_in(room: Room, provider: FakeOAuthProvider, email: str) -> Iterator[httpx.Client]:
    provider.signing_in = email
    with httpx.Client(base_url=room.url, timeout=60, trust_env=False) as client:
        start = client.get("/auth/oauth/generic")
        assert start.status_code in (302, 307) and start.headers["location"].startswith(provider.url + "/authorize")
        back = httpx.get(start.headers["location"], trust_env=False)  # the provider sends the browser back
        assert back.status_code == 302
        client.get(back.headers["location"].removeprefix(room.url))
        yield client


def test_a_known_mentor_signs_in_through_the_provider(room: Room, provider: FakeOAuthProvider) -> None:
    assert FileCohortStore(Path(room.env["COACH_USERS_FILE"]).with_name("cohorts.json")).member("mona@example.org")
    with _sign_in(room, provider, "Mona@Example.org") as client:
        assert "access_token" in client.cookies
        page = client.get("/dashboard?lang=en")
        assert page.status_code == 200 and "Cohort dashboard" in page.text


def test_someone_the_room_does_not_know_is_refused(room: Room, provider: FakeOAuthProvider) -> None:
    with _sign_in(room, provider, "stranger@example.org") as client:
        assert "access_token" not in client.cookies
        assert client.get("/dashboard").status_code == 401
