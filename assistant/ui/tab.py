"""One founder's browser tab, as Chainlit's context sees it during a handler: its `View`, thread, signed-in user,
language and screen width; saying something; whether it may use a thread; marking it busy while a turn runs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from http.cookies import CookieError, SimpleCookie

import chainlit as cl

from assistant.domain import as_language
from assistant.session import CoachSession
from assistant.ui import texts
from assistant.ui.catalogue import BySection
from assistant.ui.room import Room
from assistant.ui.safety import safe_markdown
from assistant.ui.view import View

log = logging.getLogger("assistant.ui")

# Set by public/coach.js: "1" when the screen is narrower than Chainlit's 768 px line, where its side panel
# becomes a drawer over the chat.
NARROW_COOKIE = "coach_narrow"
# Said once per tab past the cohort's model cap, by language: prompts/<lang>/ui.yaml, section `tab`.
CAP_NOTICE: Mapping[str, str] = BySection(lambda c: c.tab.cap_notice)


class Tab:
    """The current tab (read from Chainlit's context: only valid inside a handler) and the room it is in."""

    def __init__(self, room: Room) -> None:
        self.room = room

    def view(self) -> View:
        view = cl.user_session.get("view")
        if not isinstance(view, View):
            view = View()
            cl.user_session.set("view", view)
        return view

    def thread_id(self) -> str:
        return str(cl.context.session.thread_id)

    def user(self) -> str | None:
        user = cl.user_session.get("user")
        return getattr(user, "identifier", None)

    def browser_language(self) -> str:
        environ = getattr(cl.context.session, "environ", None) or {}
        return texts.browser_language(environ.get("HTTP_ACCEPT_LANGUAGE"),
                                      default=self.room.settings.language or "fr")

    def lang(self) -> str:
        return self.view().language or self.browser_language()

    def narrow(self) -> bool:
        """Whether the founder's screen is narrow: what the page last said (a window message from coach.js), else
        its cookie when the page connected."""
        view = self.view()
        if view.narrow is not None:
            return view.narrow
        environ = getattr(cl.context.session, "environ", None) or {}
        cookies: SimpleCookie = SimpleCookie()
        try:
            cookies.load(environ.get("HTTP_COOKIE") or "")
        except CookieError:
            return False
        morsel = cookies.get(NARROW_COOKIE)
        return morsel is not None and morsel.value == "1"

    async def say(self, text: str) -> cl.Message:
        msg = cl.Message(content=safe_markdown(text), author=texts.t(self.lang(), "coach"))
        await msg.send()
        return msg

    async def may_use(self, thread_id: str) -> bool:
        """Only the account that opened a thread may use it (in the local mode, the one local founder owns every
        thread). Someone who is not signed in (a room started some other way than `coach ui`) is not told
        apart."""
        user = self.user()
        if user is None:
            return True
        try:
            ok = await self.room.history().claim_thread(thread_id, user)
        except Exception:
            log.exception("ownership check failed for thread %s", thread_id)
            ok = False
        if not ok:
            await self.say(texts.t(self.lang(), "forbidden"))
        return ok

    async def coach(self) -> CoachSession | None:
        """The coaching session, or None once the founder has been told it could not start. Past their cohort's
        model cap, the same session on the offline engine (said once per tab)."""
        try:
            session = await self.room.session()
        except Exception:
            log.exception("the coaching engine could not start")
            await self.say(texts.t(self.lang(), "not_ready"))
            return None
        if self.room.settings.resolved_provider == "offline":
            return session
        try:
            session, capped = await self.room.budget().session_for(session, self.user())
        except Exception:  # an unreadable cohort store does not stop the coaching
            log.exception("could not read the cohort's model spend")
            return session
        if capped and not cl.user_session.get("cap_noticed"):
            cl.user_session.set("cap_noticed", True)
            await self.say(CAP_NOTICE[as_language(self.lang())])
        return session

    @asynccontextmanager
    async def answering(self, *, ends: bool) -> AsyncIterator[None]:
        """The room is answering: the message box and the buttons wait until it is done.

        Chainlit says so with its task events, but it makes a task of a message only, not of a button, and it
        ends the task of whichever handler finishes first (the start of the chat, a reconnection) even while a
        turn is still running: the room then looked idle mid-turn, and a founder (or a test) could click Export
        or send the next answer while the previous turn was still writing. So a turn says it is running when it
        starts and again just before its buttons come back (`buttons.show_actions`); a button's turn ends its
        own task (`ends`), Chainlit ends a message's."""
        view = self.view()
        view.running += 1
        await cl.context.emitter.task_start()
        try:
            yield
        finally:
            view.running -= 1
            if ends and view.running == 0:
                await cl.context.emitter.task_end()

    async def chat_ready(self) -> None:
        """Wait until the start (or resume) of the chat has finished: a starter picked as the page connects is
        handled at the same time, and the end of the start would otherwise mark the room idle mid-turn."""
        started = self.view().started
        if not started.is_set():
            try:
                await asyncio.wait_for(started.wait(), timeout=10)
            except TimeoutError:
                log.warning("the chat start did not finish within 10 s; answering anyway")
