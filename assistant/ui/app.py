"""The coaching room: Chainlit handlers, a thin layer over `CoachSession`.

Handlers translate Chainlit events into calls on the room's modules (`conversation`, `panel`, `export`,
`resume`, `preferences`), which turn `CoachSession` turns into messages and elements. All coaching state lives
in the LangGraph checkpointer, keyed by Chainlit's thread id (`cl.context.session.thread_id`); Chainlit's own
history (data layer) only replays what was shown.

This is the only module that reads the environment at import (the settings, the access mode) and registers
Chainlit callbacks. Start it with `coach ui` (see assistant/ui/runtime.py), never `chainlit run`.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import chainlit as cl
from chainlit.oauth_providers import get_configured_oauth_providers
from chainlit.types import ThreadDict
from starlette.datastructures import Headers

from assistant.settings import Settings
from assistant.ui import access, auth, conversation, export, history, oauth, preferences, resume, texts, uploads
from assistant.ui.accounts import user_store
from assistant.ui.dashboard import account as account_pages
from assistant.ui.dashboard import notes
from assistant.ui.dashboard import routes as dashboard
from assistant.ui.dashboard import signup as signup_page
from assistant.ui.datalayer import CoachDataLayer
from assistant.ui.reply import open_canvas
from assistant.ui.room import Room
from assistant.ui.tab import Tab

SETTINGS = Settings()
ROOM = Room(SETTINGS)


def _tab() -> Tab:
    return Tab(ROOM)


# ---------------------------------------------------------------- lifecycle, persistence, accounts

@cl.data_layer
def _data_layer() -> CoachDataLayer:
    return ROOM.history()


@cl.on_app_startup
async def _startup() -> None:
    await ROOM.history().ensure_schema()
    await ROOM.session()


@cl.on_app_shutdown
async def _shutdown() -> None:
    await ROOM.close()


# Local single-user mode or accounts (assistant/ui/access.py); `coach ui` sets CHAINLIT_HOST before this import.
ACCESS = access.resolve(SETTINGS, os.environ.get("CHAINLIT_HOST") or SETTINGS.ui_host)
access.install_secret(SETTINGS, ACCESS)
dashboard.install(ROOM, os.environ.get("CHAINLIT_ROOT_PATH", ""))  # /dashboard (mentors, admins)
if ACCESS.password:
    signup_page.install(SETTINGS, os.environ.get("CHAINLIT_ROOT_PATH", ""))  # /signup with an invite code
    account_pages.install(ROOM, os.environ.get("CHAINLIT_ROOT_PATH", ""))  # /account: export, delete

if ACCESS.local:

    @cl.header_auth_callback
    async def _local_login(headers: Headers) -> cl.User | None:
        """The one local founder, without a password (the sign-in page calls this by itself)."""
        if ACCESS.check_host and not access.addressed_to_loopback(headers.get("host")):
            return None
        return cl.User(identifier=access.LOCAL_USER, display_name=access.LOCAL_DISPLAY_NAME,
                       metadata={"provider": "local"})

if ACCESS.password:

    @cl.password_auth_callback
    async def _password_login(username: str, password: str) -> cl.User | None:
        store = user_store(SETTINGS)
        name = await asyncio.to_thread(store.authenticate, username, password)
        return cl.User(identifier=name, metadata={"provider": "password"}) if name else None


if ACCESS.oauth and get_configured_oauth_providers():

    @cl.oauth_callback
    async def _oauth_login(provider_id: str, token: str, raw_user_data: dict[str, str], default_user: cl.User,
                           id_token: str | None = None) -> cl.User | None:
        """The provider proved the email; the room admits only the people it knows (assistant/ui/oauth.py)."""
        name = await asyncio.to_thread(oauth.admit, SETTINGS, default_user.identifier)
        return cl.User(identifier=name, metadata={"provider": provider_id}) if name else None


if ACCESS.header and SETTINGS.auth_header:
    _AUTH_HEADER: str = SETTINGS.auth_header

    @cl.header_auth_callback
    async def _header_login(headers: Headers) -> cl.User | None:
        name = auth.header_identity(headers, _AUTH_HEADER, SETTINGS.proxy_secret)
        return cl.User(identifier=name, metadata={"provider": "header"}) if name else None


# ---------------------------------------------------------------- chat events

@cl.set_starters
async def _starters(current_user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
    lang = "fr" if (language or "").lower().startswith("fr") else "en"
    return [
        cl.Starter(label=texts.t(lang, f"starter.{sid}"), message=texts.t(lang, f"starter.{sid}"),
                   icon=texts.STARTER_ICONS[sid])
        for sid in texts.STARTERS
    ]


@cl.on_chat_start
async def on_chat_start() -> None:
    tab = _tab()
    try:
        await preferences.start(tab)
    finally:
        tab.view().started.set()


@cl.on_message
async def on_message(message: cl.Message) -> None:
    tab = _tab()
    await tab.chat_ready()
    async with tab.answering(ends=False):
        attached = uploads.attached_notes(message.elements, message.content or "")  # notes sent as a file
        if attached is not None:
            await conversation.notes(tab, attached)
        else:
            await conversation.answer(tab, message.content or "")
        await notes.show_new(tab)


@cl.on_chat_resume
async def on_chat_resume(thread: ThreadDict) -> None:
    """Messages come back from Chainlit's history; the canvas panel is rebuilt from the checkpoint."""
    tab = _tab()
    try:
        await resume.resume(tab, thread)
        await notes.show_new(tab)
    finally:
        tab.view().started.set()


@cl.on_window_message
async def on_window_message(message: Any) -> None:
    """public/coach.js says when the screen crosses the narrow-screen line (e.g. a phone turned sideways)."""
    if isinstance(message, dict) and message.get("coach") == "viewport" and isinstance(message.get("narrow"), bool):
        _tab().view().narrow = message["narrow"]


@cl.on_settings_update
async def on_settings_update(values: dict[str, Any]) -> None:
    await preferences.update(_tab(), values)


# ---------------------------------------------------------------- buttons

@cl.action_callback("skip")
async def _on_skip(action: cl.Action) -> None:
    await conversation.command(_tab(), "skip")


@cl.action_callback("example")
async def _on_example(action: cl.Action) -> None:
    await conversation.command(_tab(), "example")


@cl.action_callback("canvas")
async def _on_canvas(action: cl.Action) -> None:
    tab = _tab()
    async with tab.answering(ends=True):
        await open_canvas(tab)


@cl.action_callback("export")
async def _on_export(action: cl.Action) -> None:
    tab = _tab()
    async with tab.answering(ends=True):
        await export.export(tab)


@cl.action_callback("restart")
async def _on_restart(action: cl.Action) -> None:
    await conversation.confirm_restart(_tab())


@cl.action_callback("interviews")
async def _on_interviews(action: cl.Action) -> None:
    await conversation.command(_tab(), "interviews")


@cl.action_callback("revisit")
async def _on_revisit(action: cl.Action) -> None:
    tab = _tab()
    async with tab.answering(ends=True):
        await history.choose_question(tab)


@cl.action_callback("revisit_question")
async def _on_revisit_question(action: cl.Action) -> None:
    await history.reopen(_tab(), str(action.payload.get("question", "")))


@cl.action_callback("history")
async def _on_history(action: cl.Action) -> None:
    tab = _tab()
    async with tab.answering(ends=True):
        await history.show_history(tab)


@cl.action_callback("compare")
async def _on_compare(action: cl.Action) -> None:
    tab = _tab()
    try:
        pair = (int(action.payload["a"]), int(action.payload["b"]))
    except (KeyError, TypeError, ValueError):
        return
    async with tab.answering(ends=True):
        await history.show_history(tab, pair)
