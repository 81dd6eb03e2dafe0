"""Role isolation over real HTTP, against the real PostgreSQL and a real `coach ui`: a founder sees only
their own thread and never the dashboard, a mentor only their cohort, an admin every cohort; the exports
hold what the viewer may see and nothing else; an invite code signs up one account, once."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from assistant.cohorts.records import RoomRecords
from assistant.cohorts.sql_store import SqlCohortStore
from tests.e2e.conftest import Room, start_room
from tests.integration.cli_in_process import coach_in_process as coach
from tests.integration.cohort_room import PASSWORD, Cohort, cohort_database


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory, retriever) -> Iterator[Cohort]:  # type: ignore[no-untyped-def]
    with cohort_database(tmp_path_factory.mktemp("cohort-data"), retriever) as made:
        yield made


@pytest.fixture(scope="module")
def room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, cohort: Cohort) -> Iterator[Room]:
    out = tmp_path_factory.mktemp("room-out")
    with start_room(request, tmp_path_factory, out, "cohort-room", {"DATABASE_URL": cohort.url}, {}) as started:
        yield started


@contextmanager
def signed_in(room: Room, username: str, password: str = PASSWORD) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=room.url, timeout=60) as client:
        response = client.post("/login", data={"username": username, "password": password})
        assert response.status_code == 200, response.text
        yield client


def test_signed_out_nobody_sees_anything(room: Room, cohort: Cohort) -> None:
    with httpx.Client(base_url=room.url, timeout=30) as anonymous:
        assert anonymous.get("/dashboard").status_code == 401
        assert anonymous.get(f"/dashboard/threads/{cohort.threads['alice@example.org']}").status_code == 401
        assert anonymous.get("/dashboard/table.csv").status_code == 401


def test_a_founder_sees_only_their_own_thread_and_no_dashboard(room: Room, cohort: Cohort) -> None:
    alice, bob = cohort.threads["alice@example.org"], cohort.threads["bob@example.org"]
    with signed_in(room, "alice@example.org") as client:
        assert client.get("/dashboard").status_code == 403
        assert client.get("/dashboard/table.csv").status_code == 403
        assert client.get("/dashboard/canvases.zip").status_code == 403
        own = client.get(f"/dashboard/threads/{alice}")
        assert own.status_code == 200 and "physiotherapists" in own.text
        assert "&lt;b&gt;in Lyon&lt;/b&gt;" in own.text and "<b>in Lyon" not in own.text  # founder text escaped
        assert "<textarea" not in own.text  # read-only, no comment form for a founder
        other = client.get(f"/dashboard/threads/{bob}")
        assert other.status_code == 404 and "dog" not in other.text
        assert client.get("/dashboard/threads/not-a-thread").status_code == 404
        chainlit_view = client.get(f"/project/thread/{bob}")  # Chainlit's own thread endpoint
        assert chainlit_view.status_code in (401, 403, 404) and "dog" not in chainlit_view.text
        assert client.post(f"/dashboard/threads/{alice}/comments", data={"body": "self-praise"}).status_code == 403


def test_a_mentor_sees_their_cohort_only(room: Room, cohort: Cohort) -> None:
    with signed_in(room, "mona@example.org") as client:
        page = client.get("/dashboard?lang=en")
        assert page.status_code == 200
        assert "alice@example.org" in page.text and "bob@example.org" in page.text
        assert "carol@example.org" not in page.text
        assert page.text.count("<figure data-chart=") == 4 and page.text.count("<svg") >= 3
        assert client.get("/dashboard?cohort=spring-b").status_code == 403
        assert client.get("/dashboard?cohort=nope").status_code == 404
        assert client.get(f"/dashboard/threads/{cohort.threads['carol@example.org']}").status_code == 404
        assert client.get(f"/dashboard/threads/{cohort.threads['alice@example.org']}").status_code == 200
        rows = list(csv.DictReader(io.StringIO(client.get("/dashboard/table.csv").text)))
        assert sorted(r["founder"] for r in rows) == ["alice@example.org", "bob@example.org"]
        assert all(r["cohort"] == "spring-a" and int(r["progress_percent"]) > 0 for r in rows)
        archive = zipfile.ZipFile(io.BytesIO(client.get("/dashboard/canvases.zip").content))
        names = sorted(archive.namelist())
        assert names == sorted(f"{f}/{cohort.threads[f]}.{ext}" for f in ("alice@example.org", "bob@example.org")
                               for ext in ("json", "md"))
        alice_md = archive.read(f"alice@example.org/{cohort.threads['alice@example.org']}.md").decode()
        assert "physiotherapists" in alice_md


def test_a_mentor_comments_on_a_founders_canvas(room: Room, cohort: Cohort) -> None:
    alice, carol = cohort.threads["alice@example.org"], cohort.threads["carol@example.org"]
    with signed_in(room, "mona@example.org") as client:
        sent = client.post(f"/dashboard/threads/{alice}/comments", data={"body": "Talk to <5> clinics first"})
        assert sent.status_code == 303 and sent.headers["location"].endswith("sent=1&lang=fr")
        page = client.get(sent.headers["location"])
        assert "Talk to &lt;5&gt; clinics first" in page.text
        assert client.post(f"/dashboard/threads/{carol}/comments", data={"body": "hi"}).status_code == 404
        assert client.post(f"/dashboard/threads/{alice}/comments", data={"body": "   "}).status_code == 400
        forged = client.post(f"/dashboard/threads/{alice}/comments", data={"body": "x"},
                             headers={"Origin": "http://evil.example"})
        assert forged.status_code == 403
    comments = RoomRecords(cohort.settings).comments(alice)
    assert [c.body for c in comments] == ["Talk to <5> clinics first"] and comments[0].author == "mona@example.org"


def test_an_admin_sees_every_cohort(room: Room, cohort: Cohort) -> None:
    with signed_in(room, "adam@example.org") as client:
        everyone = client.get("/dashboard")
        assert all(f in everyone.text for f in cohort.threads)
        only_b = client.get("/dashboard?cohort=spring-b")
        assert "carol@example.org" in only_b.text and "alice@example.org" not in only_b.text
        assert client.get(f"/dashboard/threads/{cohort.threads['carol@example.org']}").status_code == 200


def test_an_invite_code_signs_up_one_account_once(room: Room, cohort: Cohort) -> None:
    store = SqlCohortStore(cohort.settings)
    code = store.issue_invites("spring-b", 1)[0]
    with httpx.Client(base_url=room.url, timeout=60) as client:
        form = client.get(f"/signup?code={code}&lang=en")
        assert form.status_code == 200 and code in form.text
        made = client.post("/signup?lang=en", data={"code": code, "email": "dan@example.org",
                                                    "password": "dan-password-1"})
        assert made.status_code == 201 and "Sign in" in made.text
        again = client.post("/signup?lang=en", data={"code": code, "email": "eve@example.org",
                                                     "password": "eve-password-1"})
        assert again.status_code == 409 and "already used" in again.text
        french = client.post("/signup?lang=fr", data={"code": "ABCD", "email": "eve@example.org",
                                                      "password": "eve-password-1"})
        assert french.status_code == 400 and "code d'invitation" in french.text
    member = store.member("dan@example.org")
    assert member is not None and (member.role, member.cohort) == ("founder", "spring-b")
    with signed_in(room, "dan@example.org", "dan-password-1") as dan:
        assert dan.get("/dashboard").status_code == 403
        assert dan.get(f"/dashboard/threads/{cohort.threads['carol@example.org']}").status_code == 404


def test_sessions_list_in_the_terminal(room: Room, cohort: Cohort, tmp_path: Path) -> None:
    env = {"COACH_DATA_DIR": str(tmp_path), "DATABASE_URL": cohort.url}
    listed = coach(["sessions", "list", "--cohort", "spring-a"], env)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.strip().splitlines()
    assert sorted(line.split("\t")[1] for line in lines) == ["alice@example.org", "bob@example.org"]
    assert all(line.split("\t")[0] in cohort.threads.values() and "question" in line for line in lines)
    every = coach(["sessions", "list"], env).stdout
    assert cohort.threads["carol@example.org"] in every
    unknown = coach(["sessions", "list", "--cohort", "nope"], env)
    assert unknown.returncode == 1 and "no cohort" in unknown.stderr
