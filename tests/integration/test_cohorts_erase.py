"""A founder takes their data and leaves, over real HTTP against the real PostgreSQL: the export holds their
canvas, their messages and their mentor's comments; after they delete their account, nothing of theirs is
left anywhere in the database — checkpoints, history (messages, elements, exports), comments, accounts,
roles, invite codes: every row of every table is read and searched for their name and their words."""

from __future__ import annotations

import asyncio
import io
import json
import uuid
import zipfile
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest

from assistant.cohorts.records import RoomRecords
from assistant.cohorts.sql_store import SqlCohortStore
from tests.e2e.conftest import Room, start_room
from tests.integration.cohort_room import Cohort, _record_owner, cohort_database

ERIN = "erin@example.org"
MARKER = "zanzibar kite surfers"  # words only Erin wrote
ANSWERS = [f"We rent gear to {MARKER} on the coast", f"Beginner {MARKER} aged 25 to 40 who travel twice a year"]


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory, retriever: Any) -> Iterator[Cohort]:
    with cohort_database(tmp_path_factory.mktemp("erase-data"), retriever) as made:
        yield made


@pytest.fixture(scope="module")
def room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, cohort: Cohort) -> Iterator[Room]:
    out = tmp_path_factory.mktemp("room-out")
    with start_room(request, tmp_path_factory, out, "erase-room", {"DATABASE_URL": cohort.url}, {}) as started:
        yield started


async def _play(cohort: Cohort, retriever: Any, thread: str) -> None:
    from assistant.app import open_session

    async with open_session(cohort.settings, retriever=retriever) as session:
        await session.start(thread, "en")
        for answer in ANSWERS:
            await session.send(thread, answer)


def _traces(url: str, needles: list[str]) -> list[str]:
    """Every table row (as text; bytea as hex) holding one of `needles`."""
    hexes = [n.encode().hex() for n in needles]
    found = []
    with psycopg.connect(url) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        for table in tables:
            for (row,) in conn.execute(f'SELECT t::text FROM "{table}" t'):
                low = row.lower()
                if any(n.lower() in low for n in needles) or any(h in low for h in hexes):
                    found.append(f"{table}: {row[:160]}")
    return found


def test_a_founder_exports_then_deletes_everything(room: Room, cohort: Cohort, retriever: Any) -> None:
    store = SqlCohortStore(cohort.settings)
    code = store.issue_invites("spring-a", 1)[0]
    with httpx.Client(base_url=room.url, timeout=60) as client:
        assert client.post("/signup", data={"code": code, "email": ERIN, "password": "erin-password-1"}
                           ).status_code == 201
    thread = str(uuid.uuid4())
    asyncio.run(_play(cohort, retriever, thread))
    _record_owner(cohort.url, thread, ERIN, ANSWERS[0][:40])
    RoomRecords(cohort.settings).add_comment(thread, "mona@example.org", f"Meet ten {MARKER} this week")
    before = _traces(cohort.url, [ERIN, MARKER])
    assert any(t.startswith("checkpoint") for t in before) and any(t.startswith("coach_invites") for t in before)

    with httpx.Client(base_url=room.url, timeout=60) as client:
        assert client.get("/account").status_code == 401
        assert client.post("/login", data={"username": ERIN, "password": "erin-password-1"}).status_code == 200
        assert client.get("/account?lang=en").status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(client.get("/account/export.zip").content))
        assert sorted(archive.namelist()) == sorted(f"{thread}/{n}" for n in (
            "canvas.md", "canvas.json", "messages.json", "comments.json"))
        messages = json.loads(archive.read(f"{thread}/messages.json"))
        assert [m["text"] for m in messages if MARKER in str(m.get("text"))] == ANSWERS
        assert MARKER in json.loads(archive.read(f"{thread}/comments.json"))[0]["body"]
        assert MARKER in archive.read(f"{thread}/canvas.md").decode()

        wrong = client.post("/account/delete", data={"password": "not-her-password", "confirm": "on"})
        assert wrong.status_code == 403 and len(_traces(cohort.url, [ERIN, MARKER])) == len(before)
        gone = client.post("/account/delete?lang=en", data={"password": "erin-password-1", "confirm": "on"})
        assert gone.status_code == 200 and "were deleted" in gone.text
        assert client.get("/account").status_code == 401  # signed out
        assert client.post("/login", data={"username": ERIN, "password": "erin-password-1"}).status_code == 401

    assert _traces(cohort.url, [ERIN, MARKER]) == []
    others = _traces(cohort.url, ["physiotherapists"])  # Alice's words
    assert any(t.startswith("checkpoint") for t in others)  # nobody else's sessions were touched
    with httpx.Client(base_url=room.url, timeout=60) as client:  # the code she used stays used
        again = client.post("/signup", data={"code": code, "email": "fred@example.org", "password": "fred-pass-1"})
        assert again.status_code == 409
