"""The mentor dashboard in headless Chromium, on the real PostgreSQL: a mentor signs in, sees the cohort's
table and its four charts, downloads the CSV and the ZIP of canvases, and comments on a founder's canvas;
the founder, coaching in the room at the same time, sees the comment after their next answer.

The screenshot goes to the test output folder (out/e2e/dashboard.png); with COACH_TEST_UPDATE_DOCS=1 it also
replaces docs/images/dashboard.png (the README's picture)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.cohorts.records import RoomRecords
from tests.e2e.conftest import ROOT, Room, start_room
from tests.integration.cohort_room import PASSWORD, Cohort, cohort_database

pytestmark = pytest.mark.e2e
TIMEOUT_MS = 240_000  # a loaded CI machine: the first turn waits for the models to load
COMMENT = "Interview five clinics before our next session <please>"


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory, retriever) -> Iterator[Cohort]:  # type: ignore[no-untyped-def]
    with cohort_database(tmp_path_factory.mktemp("cohort-data"), retriever) as made:
        yield made


@pytest.fixture(scope="module")
def cohort_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, output_dir: Path,
                cohort: Cohort, browser: Any) -> Iterator[Room]:
    with start_room(request, tmp_path_factory, output_dir, "dashboard-room", {"DATABASE_URL": cohort.url},
                    {}) as started:
        yield started


def _signed_in(browser: Any, room: Room, user: str, locale: str = "en-US") -> Any:
    page = browser.new_context(locale=locale, accept_downloads=True, viewport={"width": 1440, "height": 1000}
                               ).new_page()
    page.goto(room.url + "/login")
    offer = page.locator("#coach-signup")  # the sign-in page offers the sign-up page (public/coach.js)
    offer.wait_for(timeout=TIMEOUT_MS)
    assert offer.get_attribute("href") == "/signup"
    page.fill("#email", user)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#starters", timeout=TIMEOUT_MS)
    return page


def _say(page: Any, text: str) -> None:
    """Send a message; pressed again while the composer keeps it (its socket was not connected yet)."""
    page.fill("#chat-input", text)
    for _ in range(40):
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
        if page.input_value("#chat-input") == "":
            return
        page.focus("#chat-input")
    raise AssertionError("the room never took the message")


def _new_thread(records: RoomRecords, cohort: Cohort) -> str:
    """The thread the founder just opened in the browser (its owner is recorded on its first turn)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        opened = [t.thread_id for t in records.threads(["alice@example.org"])
                  if t.thread_id != cohort.threads["alice@example.org"]]
        if opened:
            assert len(opened) == 1, opened
            return opened[0]
        time.sleep(0.5)
    raise AssertionError("the founder's new thread was never recorded")


def _download(page: Any, selector: str, path: Path) -> Path:
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.click(selector)
    assert info.value.failure() is None
    info.value.save_as(path)
    return path


def test_the_mentor_dashboard_charts_exports_and_a_comment_the_founder_sees(
        cohort_room: Room, cohort: Cohort, browser: Any, output_dir: Path) -> None:
    founder = _signed_in(browser, cohort_room, "alice@example.org")
    _say(founder, "We sell scheduling software to independent physiotherapists in Lyon")
    founder.locator('[data-step-type="assistant_message"]').nth(1).wait_for(timeout=TIMEOUT_MS)
    records = RoomRecords(cohort.settings)
    thread = _new_thread(records, cohort)

    mentor = _signed_in(browser, cohort_room, "mona@example.org")
    mentor.goto(cohort_room.url + "/dashboard?lang=en")
    rows = mentor.locator("#founders tbody tr")
    assert sorted(rows.nth(i).get_attribute("data-founder") for i in range(rows.count())) == [
        "alice@example.org", "bob@example.org"]
    assert "carol@example.org" not in mentor.content()
    for chart in ("mistakes", "types", "evidence", "progress"):
        figure = mentor.locator(f'figure[data-chart="{chart}"]')
        assert figure.locator("svg").count() == 1, chart
        assert figure.locator("svg").bounding_box()["height"] > 50  # type: ignore[index]
    shot = output_dir / "dashboard.png"
    mentor.screenshot(path=str(shot), full_page=True)
    if os.environ.get("COACH_TEST_UPDATE_DOCS") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "images" / "dashboard.png")

    table = _download(mentor, "#export-csv", output_dir / "founders.csv").read_text(encoding="utf-8")
    assert sorted(r["founder"] for r in csv.DictReader(io.StringIO(table))) == ["alice@example.org",
                                                                               "bob@example.org"]
    archive = zipfile.ZipFile(_download(mentor, "#export-zip", output_dir / "canvases.zip"))
    assert {f"alice@example.org/{thread}.md", f"alice@example.org/{thread}.json"} <= set(archive.namelist())
    assert not any(name.startswith("carol") for name in archive.namelist())

    mentor.goto(f"{cohort_room.url}/dashboard/threads/{thread}?lang=en")
    assert "Customer Segments" in mentor.locator("#canvas").inner_text()
    assert mentor.locator("h1").inner_text() == "alice@example.org"
    mentor.fill("textarea[name=body]", COMMENT)
    mentor.click("button[type=submit]")
    mentor.get_by_text("Comment sent.").wait_for(timeout=TIMEOUT_MS)
    assert COMMENT in mentor.locator("#comments").inner_text()

    _say(founder, "Independent physiotherapists with their own practice, 1 to 3 people")
    note = founder.get_by_text(COMMENT)
    note.wait_for(timeout=TIMEOUT_MS)
    assert "Comment from your mentor (mona@example.org)" in founder.locator("body").inner_text()
    assert all(c.seen_at for c in records.comments(thread))
    founder.screenshot(path=str(output_dir / "dashboard-comment-in-room.png"))


def test_past_the_cohort_cap_a_founder_is_told_and_coached_offline(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, output_dir: Path,
        cohort: Cohort, browser: Any) -> None:
    """A room on a model (a scripted OpenAI-compatible server that must never be called) whose cohort spent its
    cap: the founder is told once, and the offline coach answers."""
    from assistant.cohorts.sql_store import SqlCohortStore
    from tests.fakes.openai_server import ScriptedOpenAI

    SqlCohortStore(cohort.settings).configure("spring-b", token_cap=0)
    with ScriptedOpenAI() as model:
        env = {"DATABASE_URL": cohort.url, "COACH_PROVIDER": "openai", "OPENAI_BASE_URL": model.url,
               "OPENAI_API_KEY": "test-key", "COACH_PROMPT_PROFILE": "full"}
        with start_room(request, tmp_path_factory, output_dir, "capped-room", env, {}) as room:
            founder = _signed_in(browser, room, "carol@example.org")
            _say(founder, "An app that helps independent restaurants cut food waste")
            founder.get_by_text("Your cohort has used its model budget").wait_for(timeout=TIMEOUT_MS)
            founder.locator('[data-step-type="assistant_message"]').nth(2).wait_for(timeout=TIMEOUT_MS)
            _say(founder, "Independent restaurants with 20 to 50 seats")
            founder.locator('[data-step-type="assistant_message"]').nth(4).wait_for(timeout=TIMEOUT_MS)
            assert founder.get_by_text("Your cohort has used its model budget").count() == 1  # said once
            founder.screenshot(path=str(output_dir / "dashboard-cap-notice.png"))
        assert model.requests == []  # every turn was the offline coach's
