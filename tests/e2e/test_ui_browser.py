"""The coaching room in a real browser: sign in, coach a founder, export, resume; one founder per account.

Drives `coach ui` (offline coach, SQLite history) in headless Chromium. Screenshots of the canvas panel, the
downloaded exports and the server log land in the test run's output folder (see conftest.py).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.prompts import Prompts
from assistant.ui import texts
from tests.e2e.conftest import USERS, Room

pytestmark = pytest.mark.e2e

XSS = "<img src=x onerror=alert(1)>"
JS_LINK = "[clic](javascript:alert(1))"
TURN_TIMEOUT = 90.0
CLICK_RETRY_S = 20.0  # a click that starts no turn within this is clicked again, once
# The export is saved by the browser from the element's own text (no request to the server): it starts at once.
DOWNLOAD_TIMEOUT_MS = 30_000
# The French session is finished when exported (canvas version 1, in the names); the English one is not yet.
EXPORT_NAMES = {"fr": ["canevas-segments-v1.md", "canevas-segments-v1.json"],
                "en": ["customer-segments.md", "customer-segments.json"]}

ANSWERS: dict[str, dict[str, list[str]]] = {
    "fr": {
        "intake": ["Nous livrons du pain bio chaud le matin aux familles actives du centre-ville. "
                   f"{XSS} {JS_LINK}"],
        "for_whom": ["Tout le monde, tous ceux qui mangent du pain",
                     "Les familles actives du centre-ville qui manquent de temps le matin"],
        "most_important": ["Les familles actives, parce qu'elles commandent tous les jours"],
        "characteristics": ["Ils partent tôt au travail, commandent sur mobile et paient par abonnement"],
        "jobs": ["Préparer un petit-déjeuner sain avant l'école"],
        "pains": ["Pas le temps de passer à la boulangerie ; le pain est rassis"],
        "gains": ["Gagner quinze minutes le matin et faire plaisir aux enfants"],
        "buyer_user": ["Le parent paie l'abonnement, toute la famille mange le pain"],
        "evidence": ["Douze entretiens avec des parents et quarante inscrits sur la liste d'attente"],
        "priority": ["Les familles actives : valeur 4, adéquation 4"],
    },
    "en": {
        "intake": ["We deliver hot organic bread in the morning to busy families downtown."],
        "for_whom": ["Busy downtown families with young children who have no time in the morning"],
        "most_important": ["Busy families, because they order every day"],
        "characteristics": ["They leave early for work, order on their phone and pay by subscription"],
        "jobs": ["Get a healthy breakfast on the table before school"],
        "pains": ["No time to stop at the bakery; the bread is stale"],
        "gains": ["Save fifteen minutes every morning and please the kids"],
        "buyer_user": ["The parent pays the subscription, the whole family eats the bread"],
        "evidence": ["Twelve interviews with parents and forty sign-ups on the waiting list"],
        "priority": ["Busy families: value 4, fit 4"],
    },
}
LABELS = {
    "fr": {"canvas": "Voir le canevas", "skip": "Passer", "export": "Exporter", "empty": "Aucun segment",
           "example": "Un exemple", "restart": "Recommencer", "restart_yes": "Oui, recommencer",
           "login": "Se connecter", "start": "Je démarre mon canvas",
           "types": "Expliquer les types de segments", "review": "Relire mes segments existants"},
    "en": {"canvas": "Show the canvas", "skip": "Skip", "export": "Export", "empty": "No segment yet",
           "example": "Give me an example", "restart": "Restart", "restart_yes": "Yes, restart",
           "login": "Sign In", "start": "Start my canvas", "types": "Explain the segment types",
           "review": "Review my existing segments"},
}
QUESTION_IDS = ["intake", "for_whom", "most_important", "characteristics", "jobs", "pains", "gains",
                "buyer_user", "evidence", "priority"]
STATE: dict[str, Any] = {}
FOUNDERS: list[Founder] = []  # the tabs of the running test, their journals written out if it fails


def _question_marks(lang: str) -> dict[str, str]:
    """The start of each question as the coach asks it (the templates may end with a {count})."""
    prompts = Prompts()
    return {q: prompts.raw(lang, f"questions.{q}.ask").split("{")[0][:40] for q in QUESTION_IDS}  # type: ignore[arg-type]


class Founder:
    """One founder in one browser tab."""

    def __init__(self, page: Any, lang: str, room: Room) -> None:
        self.page, self.lang, self.room = page, lang, room
        self.labels = LABELS[lang]
        self.dialogs: list[str] = []
        # What the tab saw (navigations, console errors, the room's events and requests, downloads), written
        # out when a test fails (see conftest.py).
        self.journal: list[str] = []
        self.started = time.monotonic()
        FOUNDERS.append(self)
        page.on("dialog", self._on_dialog)
        page.on("framenavigated", lambda f: f == page.main_frame and self._note(f"navigated to {f.url}"))
        page.on("console", lambda m: m.type == "error" and self._note(f"console: {m.text[:300]}"))
        page.on("websocket", self._on_websocket)
        page.on("request", lambda r: "/project/" in r.url and self._note(f"request {r.method} {r.url[-100:]}"))
        page.on("response", lambda r: "/project/" in r.url and self._note(f"response {r.status} {r.url[-100:]}"))
        page.on("requestfailed", lambda r: self._note(f"request failed {r.url[-100:]}: {r.failure}"))
        page.on("download", lambda d: self._note(f"download {d.suggested_filename}"))
        page.on("popup", lambda p: self._note(f"popup {p.url}"))

    def _note(self, line: str) -> None:
        self.journal.append(f"{time.monotonic() - self.started:7.1f}s {line}")

    def _on_websocket(self, ws: Any) -> None:
        self._note(f"websocket {ws.url[:80]}")
        ws.on("framereceived", lambda payload: self._frame("<", payload))
        ws.on("framesent", lambda payload: self._frame(">", payload))
        ws.on("close", lambda _ws: self._note("websocket closed"))

    def _frame(self, way: str, payload: Any) -> None:
        """A socket.io event, by name (e.g. `< task_end`, `> client_message`)."""
        text = payload if isinstance(payload, str) else ""
        match = re.match(r'^\d+(\["([a-z_]+)")?', text)
        if match and match.group(2):
            self._note(f"{way} {match.group(2)} {text[len(match.group(0)):][:70]}")
        elif text[:1] in ("0", "1", "4"):
            self._note(f"{way} socket.io {text[:40]}")

    def dump(self, out: Path, name: str) -> Path:
        path = out / f"journal-{name}.log"
        path.write_text("\n".join(self.journal), encoding="utf-8")
        return path

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def login(self, user: str) -> None:
        self.page.goto(self.room.url + "/")
        self.page.fill("#email", user)
        self.page.fill("#password", USERS[user])
        self.page.click("button[type=submit]")
        self.page.wait_for_selector("#starters", timeout=30_000)

    def enter(self) -> None:
        """The default set-up (no account): the room signs its one local founder in by itself."""
        self.page.goto(self.room.url + "/")
        self.page.wait_for_selector("#starters", timeout=30_000)
        assert self.page.locator("#password").count() == 0

    @property
    def messages(self) -> Any:
        return self.page.locator('[data-step-type="assistant_message"]')

    def panel(self) -> Any:
        return self.page.locator('[data-testid="canvas-panel"]')

    def wait_turn(self, before: int) -> str:
        """Wait until the coach has answered (buttons back under its latest message); return its new text."""
        deadline = time.monotonic() + TURN_TIMEOUT
        failure = texts.t(self.lang, "engine_error")
        while time.monotonic() < deadline:
            count = self.messages.count()
            if count > before and failure in self.messages.nth(count - 1).inner_text():
                log = self.room.log.read_text(encoding="utf-8", errors="replace")[-4000:]
                raise AssertionError(f"the coaching engine failed on this turn; room log:\n{log}")
            if count > before and self.page.locator("#stop-button").count() == 0:
                button = self.messages.nth(count - 1).get_by_role("button", name=self.labels["canvas"])
                if button.count() and button.first.is_enabled():
                    return "\n".join(self.messages.nth(i).inner_text() for i in range(before, count))
            self.page.wait_for_timeout(200)
        out = self.room.log.parent
        self.page.screenshot(path=str(out / f"timeout-{self.lang}.png"))
        self.room.dump_stacks()
        raise AssertionError(f"the coach did not answer within {TURN_TIMEOUT:.0f}s (see {out}: the screenshot, "
                             f"the tab's journal, the room's log with its threads' stacks)")

    def send(self, text: str) -> str:
        before = self.messages.count()
        self.page.fill("#chat-input", text)
        self.page.keyboard.press("Enter")
        return self.wait_turn(before)

    def click_last(self, label: str) -> str:
        before = self.messages.count()
        button = self.messages.nth(before - 1).get_by_role("button", name=label)
        button.click()
        # Once in a CI run (2026-12-02) a click right after the summary's turn sent nothing (the tab's journal
        # shows no action): the front end dropped it. A founder clicks again; so does the test, once.
        def nothing_started() -> bool:
            return self.messages.count() == before and self.page.locator("#stop-button").count() == 0

        deadline = time.monotonic() + CLICK_RETRY_S
        while nothing_started() and time.monotonic() < deadline:
            self.page.wait_for_timeout(200)
        # a button the room has removed means the action arrived (the room takes a message's buttons away when
        # it acts on one): only a button still there may have been dropped; `is_enabled` would wait for it
        if nothing_started() and button.count() and button.is_enabled():
            button.click()
        return self.wait_turn(before)

    def starter(self, label: str) -> str:
        self.page.get_by_role("button", name=label).click()
        return self.wait_turn(0)

    def done(self) -> bool:
        last = self.messages.nth(self.messages.count() - 1)
        return last.get_by_role("button", name=self.labels["skip"]).count() == 0

    def coach_through(self, first_text: str, *, current: str = "intake", answered: tuple[str, ...] = (),
                      stop_after: str | None = None) -> list[str]:
        """Answer each question as it comes (a follow-up gets the next variant; a third ask is skipped)."""
        marks, answers = _question_marks(self.lang), ANSWERS[self.lang]
        text, asked = first_text, list(answered)
        tries: dict[str, int] = {q: answered.count(q) for q in answered}
        for _ in range(30):
            found = [q for q, mark in marks.items() if mark in text]
            current = found[-1] if found else current
            if self.done() or (stop_after and stop_after in asked and current != stop_after):
                break
            tries[current] = tries.get(current, 0) + 1
            asked.append(current)
            options = answers[current]
            if tries[current] > len(options) + 1:
                text = self.click_last(self.labels["skip"])
            else:
                text = self.send(options[min(tries[current], len(options)) - 1])
        return asked

    def export_names(self) -> list[str]:
        """The file names on the latest export's cards, each shown whole (not cut)."""
        cards = self.page.locator('[data-testid="export-files"]').last.locator('[data-testid="export-file-name"]')
        cards.first.wait_for(timeout=15_000)
        for i in range(cards.count()):
            assert cards.nth(i).evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "a file name is cut"
        return [cards.nth(i).inner_text() for i in range(cards.count())]

    def download(self, fmt: str, path: Path) -> Path:
        """Save the latest export's `fmt` file (md or json) to `path`."""
        button = self.page.locator(f'[data-testid="export-file"][data-format="{fmt}"]').last
        with self.page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
            button.click()
        assert info.value.failure() is None
        info.value.save_as(path)
        return path

    def no_script_ran(self) -> None:
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.page.locator('img[src="x"]').count() == 0
        assert self.page.locator('a[href^="javascript:" i]').count() == 0
        assert self.page.evaluate("() => document.querySelectorAll('[onerror]').length") == 0


def _new_page(browser: Any, locale: str) -> Any:
    context = browser.new_context(locale=locale, viewport={"width": 1440, "height": 1000},
                                  accept_downloads=True)
    return context.new_page()


def _shot(founder: Founder, out: Path, name: str) -> Path:
    """A screenshot of the canvas panel, tall enough to show all of it."""
    page = founder.page
    height = page.evaluate(
        "() => { const el = document.querySelector('[data-testid=canvas-panel]');"
        " return el ? Math.ceil(el.scrollHeight) : 0; }"
    )
    page.set_viewport_size({"width": 1440, "height": max(1000, min(4000, height + 220))})
    page.wait_for_timeout(400)
    path = out / name
    founder.panel().screenshot(path=str(path))
    page.screenshot(path=str(out / name.replace("canvas-panel", "room")))
    page.set_viewport_size({"width": 1440, "height": 1000})
    return path


def test_french_founder_fills_exports_and_resumes_the_canvas(room: Room, browser: Any,
                                                             output_dir: Path) -> None:
    page = _new_page(browser, "fr-FR")
    alice = Founder(page, "fr", room)
    alice.login("alice")

    # French starters for a French browser; the first one starts the session.
    for key in ("start", "types", "review"):
        assert page.get_by_role("button", name=LABELS["fr"][key]).is_visible()
    first = alice.starter(LABELS["fr"]["start"])
    assert _question_marks("fr")["intake"] in first
    panel = alice.panel()
    panel.wait_for(timeout=15_000)
    assert LABELS["fr"]["empty"] in panel.inner_text()
    # "Un exemple" shows an example answer to the current question, and the question stays open.
    example = alice.click_last(LABELS["fr"]["example"])
    assert Prompts().text("fr", "questions.intake.example")[:30] in example

    # The intake answer carries an XSS payload and a javascript: link: shown as text, never run.
    text = alice.send(ANSWERS["fr"]["intake"][0])
    assert _question_marks("fr")["for_whom"] in text
    startup = page.locator('[data-testid="canvas-startup"]')
    startup.wait_for(timeout=15_000)
    assert XSS in startup.inner_text() and JS_LINK in startup.inner_text()
    user_bubbles = page.locator('[data-step-type="user_message"]')
    assert any(XSS in user_bubbles.nth(i).inner_text() for i in range(user_bubbles.count()))
    alice.no_script_ran()

    # "Everyone" is too broad: the coach pushes back, citing its sources (expandable, document and section).
    text = alice.send(ANSWERS["fr"]["for_whom"][0])
    sources = page.locator('[data-testid="message-sources"]')
    sources.last.wait_for(timeout=10_000)
    item = sources.last.locator('[data-testid="message-source"]').first
    assert not item.is_visible()  # folded until the founder opens it
    sources.last.locator("summary").click()
    item.wait_for(timeout=5_000)
    assert " — " in item.inner_text()
    page.locator('[data-testid="canvas-critique"]').first.wait_for(timeout=10_000)
    # The group just critiqued as too broad is a draft in the panel, not yet a segment.
    draft = page.locator('[data-testid="canvas-segment-draft"]').first
    draft.wait_for(timeout=10_000)
    assert draft.inner_text() == "brouillon : groupe encore trop large"
    page.screenshot(path=str(output_dir / "room-critique-fr.png"))
    asked = alice.coach_through(text, current="for_whom", answered=("intake", "for_whom"))
    assert {"for_whom", "jobs", "pains", "gains"} <= set(asked), asked

    # The panel holds the whole canvas, updated after every turn.
    page.locator('[data-testid="canvas-jobs"]').first.wait_for(timeout=15_000)
    content = panel.inner_text()
    assert page.locator('[data-testid="canvas-segment"]').count() >= 1
    assert "famille" in page.locator('[data-testid="canvas-segment-name"]').first.inner_text().lower()
    for expected in ("petit-déjeuner", "boulangerie", "quinze minutes", "Type", "entretiens"):
        assert expected in content, expected
    assert page.locator('[data-testid="canvas-buyer-user"]').count() >= 1
    alice.no_script_ran()
    _shot(alice, output_dir, "canvas-panel-fr.png")

    # Export: Markdown and JSON downloads of the canvas, two cards with their own label and whole name.
    alice.click_last(LABELS["fr"]["export"])
    assert alice.export_names() == EXPORT_NAMES["fr"]
    page.locator('[data-testid="export-files"]').last.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / "room-export-fr.png"))
    markdown = alice.download("md", output_dir / "export-fr.md").read_text(encoding="utf-8")
    assert markdown.startswith("## Canevas — Segments de clientèle") and "petit-déjeuner" in markdown
    exported = json.loads(alice.download("json", output_dir / "export-fr.json").read_text(encoding="utf-8"))
    assert exported["language"] == "fr" and exported["segments"] and XSS in exported["startup"]

    # The history shows the thread; reloading resumes it with its messages and the canvas rebuilt.
    page.wait_for_url(re.compile(r"/thread/[0-9a-f-]{36}"), timeout=15_000)
    thread_id = page.url.rstrip("/").split("/")[-1]
    STATE["thread_id"], STATE["startup"] = thread_id, ANSWERS["fr"]["intake"][0][:40]
    messages_before = alice.messages.count()
    page.reload()
    panel = alice.panel()
    panel.wait_for(timeout=30_000)
    assert "petit-déjeuner" in panel.inner_text() and XSS in panel.inner_text()
    alice.messages.nth(messages_before - 1).wait_for(timeout=15_000)
    # The export came back with the thread, and still downloads (the file is made in the browser).
    again = json.loads(alice.download("json", output_dir / "export-fr-reloaded.json").read_text(encoding="utf-8"))
    assert again == exported
    assert any(XSS in page.locator('[data-step-type="user_message"]').nth(i).inner_text()
               for i in range(page.locator('[data-step-type="user_message"]').count()))
    alice.no_script_ran()
    # The session carries on where it stopped: the buttons are back and the graph still answers.
    text = alice.send("/canevas")
    assert "Canevas — Segments de clientèle" in text
    # In the history, the thread is named after the startup.
    entry = page.locator(f'a[href="/thread/{thread_id}"]')
    entry.first.wait_for(timeout=10_000)
    assert "Nous livrons du pain bio" in entry.first.inner_text()
    page.context.close()


def test_english_founder_and_second_user_isolation(room: Room, browser: Any, output_dir: Path) -> None:
    page = _new_page(browser, "en-US")
    bob = Founder(page, "en", room)
    bob.login("bob")
    for key in ("start", "types", "review"):
        assert page.get_by_role("button", name=LABELS["en"][key]).is_visible()

    # The second starter answers a question on segment types, with its sources, then asks the first question.
    text = bob.starter(LABELS["en"]["types"])
    assert _question_marks("en")["intake"] in text
    sources = page.locator('[data-testid="message-sources"]')
    sources.first.wait_for(timeout=10_000)
    sources.first.locator("summary").click()
    assert " — " in sources.first.locator('[data-testid="message-source"]').first.inner_text()

    bob.coach_through(bob.send(ANSWERS["en"]["intake"][0]), answered=("intake",), stop_after="gains")
    bob.panel().wait_for(timeout=15_000)
    content = bob.panel().inner_text()
    assert "Canvas — Customer Segments" in content and "Jobs to be done".upper() in content.upper()
    assert "healthy breakfast" in content
    _shot(bob, output_dir, "canvas-panel-en.png")

    # Export in English; when the browser cannot save a file, the room says so instead of nothing happening.
    bob.click_last(LABELS["en"]["export"])
    assert bob.export_names() == EXPORT_NAMES["en"]
    markdown = bob.download("md", output_dir / "export-en.md").read_text(encoding="utf-8")
    assert markdown.startswith("## Canvas — Customer Segments") and "healthy breakfast" in markdown
    page.evaluate("() => { URL.createObjectURL = () => { throw new Error('saving files is blocked'); }; }")
    page.locator('[data-testid="export-file"][data-format="json"]').last.click()
    notice = page.locator('[data-testid="export-error"]').last
    notice.wait_for(timeout=10_000)
    assert notice.inner_text() == texts.t("en", "export_browser_failed")

    # Restart asks for confirmation, then empties the canvas and asks the first question again.
    bob.messages.nth(bob.messages.count() - 1).get_by_role("button", name=LABELS["en"]["restart"]).click()
    confirm = page.get_by_role("button", name=LABELS["en"]["restart_yes"])
    confirm.wait_for(timeout=15_000)
    before = bob.messages.count()
    confirm.click()
    assert _question_marks("en")["intake"] in bob.wait_turn(before)
    page.get_by_text(LABELS["en"]["empty"]).first.wait_for(timeout=15_000)

    # The language setting: the current conversation keeps its language, the next one follows the setting.
    page.click("#chat-settings-open-modal")
    page.click("#language")
    page.get_by_role("option", name="Français").click()
    page.locator("#chat-settings").get_by_role("button", name="Confirm").click()
    page.get_by_text("la langue choisie s'appliquera à votre prochaine conversation").wait_for(timeout=15_000)

    # Bob cannot open Alice's thread: not in his history, refused by the API, nothing shown in the room.
    thread_id = STATE.get("thread_id")
    if not thread_id:
        pytest.fail("the French test did not record Alice's thread")
    api = page.request
    assert api.get(f"{room.url}/project/thread/{thread_id}").status in (401, 403, 404)
    listed = api.post(f"{room.url}/project/threads",
                      data=json.dumps({"pagination": {"first": 50}, "filter": {}}),
                      headers={"content-type": "application/json"}).json()
    assert thread_id not in [t["id"] for t in listed["data"]]
    page.goto(f"{room.url}/thread/{thread_id}")
    page.wait_for_timeout(4_000)
    body = page.locator("body").inner_text()
    assert STATE["startup"] not in body and "petit-déjeuner" not in body
    panels = page.locator('[data-testid="canvas-panel"]')
    assert panels.count() == 0 or "petit-déjeuner" not in panels.first.inner_text()
    page.context.close()
