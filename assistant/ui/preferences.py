"""The founder's language setting (gear icon next to the message box): kept per account in the history
database, applied to the next conversation (a session keeps one language)."""

from __future__ import annotations

import logging
from typing import Any

import chainlit as cl
from chainlit.input_widget import InputWidget, Select

from assistant.ui import texts
from assistant.ui.tab import Tab

log = logging.getLogger("assistant.ui")


async def send_settings(tab: Tab, lang: str) -> None:
    pref = tab.view().language_pref
    items = {texts.t(lang, f"settings.language.{v}"): v for v in ("auto", "fr", "en")}
    widgets: list[InputWidget] = [
        Select(id="language", label=texts.t(lang, "settings.language"), items=items, initial_value=pref),
    ]
    await cl.ChatSettings(widgets).send()


async def load_preference(tab: Tab) -> None:
    user = tab.user()
    if user is None:
        return
    try:
        pref = await tab.room.history().get_language(user)
    except Exception:
        pref = None
    if pref in ("auto", "fr", "en"):
        tab.view().language_pref = pref


async def start(tab: Tab) -> None:
    """A new chat: its language and settings. Nothing is said before the founder picks a starter or writes: the
    starters stay visible until then."""
    await load_preference(tab)
    pref = tab.view().language_pref
    tab.view().language = pref if pref in ("fr", "en") else tab.browser_language()
    await send_settings(tab, tab.view().language)


async def update(tab: Tab, values: dict[str, Any]) -> None:
    """The founder changed the setting: saved for their account; the current session keeps its language."""
    pref = str(values.get("language")) if values.get("language") in ("auto", "fr", "en") else "auto"
    tab.view().language_pref = pref
    user = tab.user()
    if user is not None:
        try:
            await tab.room.history().set_language(user, str(pref))
        except Exception:
            log.exception("could not save the language preference")
    wanted = pref if pref in ("fr", "en") else tab.browser_language()
    session = await tab.coach()
    if session is not None and await session.exists(tab.thread_id()):
        if wanted != tab.lang():
            await tab.say(texts.t(wanted, "language_next"))
        return
    tab.view().language = wanted
