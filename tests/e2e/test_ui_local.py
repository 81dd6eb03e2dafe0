"""The default set-up, as a founder first meets it: `coach ui` on 127.0.0.1, no account, no secret configured.

The local single-user mode signs the founder in by itself, so a reload and a server restart bring the session
back (conversation, canvas, history); on a phone the canvas opens only when asked and the chat stays in view.
"""

from __future__ import annotations

import json
import re
import stat
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Room, _require_browser, restart_room, start_room
from tests.e2e.test_ui_browser import ANSWERS, LABELS, QUESTION_IDS, Founder, _question_marks

pytestmark = pytest.mark.e2e

LOCALES = {"fr": "fr-FR", "en": "en-US"}
STARTUP = {"fr": "Nous livrons du pain bio", "en": "We deliver hot organic bread"}
UPDATED = {"fr": "mis à jour", "en": "updated"}
PHONE = {"width": 390, "height": 844}
SESSIONS: dict[str, dict[str, Any]] = {}  # per language: the tab, its thread and question, for the restart


@pytest.fixture(scope="module")
def local_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
               output_dir: Path) -> Iterator[Room]:
    """The room exactly as `coach ui` starts with nothing configured (no CHAINLIT_AUTH_SECRET, no users)."""
    _require_browser()
    with start_room(request, tmp_path_factory, output_dir, "local-room", {}, {}, accounts=False) as started:
        yield started


def _current_question(founder: Founder) -> str:
    """The question the coach is waiting on, read from its latest messages."""
    count = founder.messages.count()
    text = "\n".join(founder.messages.nth(i).inner_text() for i in range(max(0, count - 2), count))
    found = [q for q, mark in _question_marks(founder.lang).items() if mark in text]
    assert found, f"no question in the coach's latest messages: {text[-400:]}"
    return found[-1]


def _answer_current(founder: Founder) -> tuple[str, str]:
    """Answer the question the coach is waiting on until it moves on; (that question, the next one)."""
    current = _current_question(founder)
    last = founder.messages.nth(founder.messages.count() - 1).inner_text()
    founder.coach_through(last, current=current, stop_after=current)
    return current, _current_question(founder)


def _call(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, str, list[str]]:
    req = urllib.request.Request(url, method=method, headers=headers or {}, data=b"{}" if method == "POST" else None)
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, resp.read().decode(), resp.headers.get_all("set-cookie") or []
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), []


def test_local_mode_signs_in_without_a_password_only_on_this_machine(local_room: Room) -> None:
    url = local_room.url
    config = json.loads(_call(url + "/auth/config")[1])
    assert config["requireLogin"] and config["headerAuth"] and not config["passwordAuth"]
    # A page that reaches the room under another name (DNS rebinding) is not the local founder.
    assert _call(url + "/auth/header", "POST", {"Host": "evil.example"})[0] == 401
    status, _, cookies = _call(url + "/auth/header", "POST", {"Host": f"127.0.0.1:{local_room.port}"})
    assert status == 200 and cookies
    cookie = "; ".join(c.split(";")[0] for c in cookies)
    status, body, _ = _call(url + "/user", headers={"Cookie": cookie})
    assert status == 200 and json.loads(body)["identifier"] == "~local"
    # The generated cookie-signing secret: created once, private.
    secret = local_room.data_dir / "ui-local-secret"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert len(secret.read_text().strip()) >= 32


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_reload_brings_back_the_conversation_and_the_canvas(local_room: Room, browser: Any, lang: str) -> None:
    context = browser.new_context(locale=LOCALES[lang], viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    founder = Founder(page, lang, local_room)
    founder.enter()  # no sign-in form: the room signs its local founder in by itself

    # Two questions answered (the coach may push back once on the second).
    first = founder.starter(LABELS[lang]["start"])
    founder.coach_through(first, stop_after="for_whom")
    page.wait_for_url(re.compile(r"/thread/[0-9a-f-]{36}"), timeout=15_000)
    thread_id = page.url.rstrip("/").split("/")[-1]
    current = _current_question(founder)
    assert QUESTION_IDS.index(current) > QUESTION_IDS.index("for_whom")
    founder.panel().wait_for(timeout=15_000)
    assert STARTUP[lang] in founder.panel().inner_text()
    count = founder.messages.count()

    page.reload()
    founder.panel().wait_for(timeout=30_000)
    assert STARTUP[lang] in founder.panel().inner_text()
    founder.messages.nth(count - 2).wait_for(timeout=15_000)
    users = page.locator('[data-step-type="user_message"]')
    assert any(ANSWERS[lang]["intake"][0][:30] in users.nth(i).inner_text() for i in range(users.count()))
    assert _current_question(founder) == current
    # The history on the left lists it, named after the startup.
    entry = page.locator(f'a[href="/thread/{thread_id}"]')
    entry.first.wait_for(timeout=15_000)
    assert STARTUP[lang] in entry.first.inner_text()

    # The next answer carries on from the same question, with the earlier answers kept.
    answered, now = _answer_current(founder)
    assert answered == current and QUESTION_IDS.index(now) > QUESTION_IDS.index(current)
    assert STARTUP[lang] in founder.panel().inner_text()
    SESSIONS[lang] = {"page": page, "founder": founder, "thread": thread_id, "question": now}


@pytest.mark.parametrize("lang", ["en"])  # the French room on a phone: the same layout, other labels
def test_on_a_phone_the_canvas_waits_to_be_opened(local_room: Room, browser: Any, lang: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(locale=LOCALES[lang], viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    founder = Founder(page, lang, local_room)
    founder.enter()
    panel = founder.panel()

    def chat_in_view() -> None:
        """The canvas is not over the chat: the coach's latest message and the message box can be reached."""
        assert panel.count() == 0 or not panel.first.is_visible()
        last = founder.messages.nth(founder.messages.count() - 1)
        on_top = None
        for _ in range(10):  # the room scrolls itself to the newest message: let that settle, then look again
            last.scroll_into_view_if_needed()
            box = last.bounding_box()
            assert box is not None
            # A message taller than the phone's screen starts above it: look inside the part in view.
            top, bottom = max(box["y"], 0), min(box["y"] + box["height"], page.viewport_size["height"])
            x, y = box["x"] + min(box["width"] / 2, 150), (top + bottom) / 2
            on_top = page.evaluate(
                "([x, y]) => { const el = document.elementFromPoint(x, y);"
                " const step = el && el.closest('[data-step-type]');"
                " return step ? step.getAttribute('data-step-type') : (el ? el.tagName : null); }", [x, y])
            if on_top == "assistant_message":
                break
            page.wait_for_timeout(300)
        assert on_top == "assistant_message", on_top
        assert page.locator("#chat-input").is_visible()

    first = founder.starter(LABELS[lang]["start"])
    assert _question_marks(lang)["intake"] in first
    chat_in_view()

    # An answer fills the canvas: the chat stays in view and the canvas button says it changed.
    founder.send(ANSWERS[lang]["intake"][0])
    chat_in_view()
    last = founder.messages.nth(founder.messages.count() - 1)
    cue = last.get_by_role("button", name=UPDATED[lang])
    assert cue.is_visible(), last.inner_text()
    page.screenshot(path=str(local_room.log.parent / f"phone-cue-{lang}.png"))

    # Opened on request, the canvas shows the answer; closed, the chat is back.
    cue.click()
    panel.first.wait_for(state="visible", timeout=15_000)
    assert STARTUP[lang] in panel.first.inner_text()
    page.screenshot(path=str(local_room.log.parent / f"phone-canvas-{lang}.png"))
    page.keyboard.press("Escape")
    panel.first.wait_for(state="hidden", timeout=15_000)
    expect(founder.messages.last.get_by_role("button", name=UPDATED[lang])).to_have_count(0)

    # The next answer leaves the canvas closed again, and says so.
    founder.send(ANSWERS[lang]["for_whom"][-1])
    chat_in_view()
    last = founder.messages.nth(founder.messages.count() - 1)
    assert last.get_by_role("button", name=UPDATED[lang]).is_visible()
    context.close()


def test_server_restart_keeps_the_sessions_in_the_history(local_room: Room, browser: Any) -> None:
    if set(SESSIONS) != {"fr", "en"}:
        pytest.fail("the reload tests did not record their sessions")
    secret = local_room.data_dir / "ui-local-secret"
    before = secret.read_text()

    restart_room(local_room)
    assert secret.read_text() == before and stat.S_IMODE(secret.stat().st_mode) == 0o600

    for lang in ("fr", "en"):
        session = SESSIONS[lang]
        page, founder = session["page"], session["founder"]
        sign_ins: list[str] = []
        page.on("request", lambda r, seen=sign_ins: "/auth/header" in r.url and seen.append(r.url))
        founder.enter()
        assert sign_ins == []  # the same browser is still signed in: the room kept its secret
        entry = page.locator(f'a[href="/thread/{session["thread"]}"]')
        entry.first.wait_for(timeout=30_000)
        assert STARTUP[lang] in entry.first.inner_text()
        entry.first.click()
        page.wait_for_url(re.compile(session["thread"]), timeout=15_000)
        founder.panel().wait_for(timeout=30_000)
        assert STARTUP[lang] in founder.panel().inner_text()
        founder.messages.first.wait_for(timeout=15_000)
        assert _current_question(founder) == session["question"]
        answered, now = _answer_current(founder)
        assert answered == session["question"] and QUESTION_IDS.index(now) > QUESTION_IDS.index(answered)
        page.context.close()
