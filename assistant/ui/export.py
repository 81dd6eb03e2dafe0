"""The export button: the canvas as Markdown and JSON files, made in the browser from a stored element (so an
export comes back with the thread after a resume; see docs/ui-access.md)."""

from __future__ import annotations

import logging

import chainlit as cl

from assistant.ui import canvas_view, texts
from assistant.ui.reply import show_actions
from assistant.ui.tab import Tab

log = logging.getLogger("assistant.ui")


async def export(tab: Tab) -> None:
    thread_id = tab.thread_id()
    session = await tab.coach()
    if session is None or not await tab.may_use(thread_id):
        return
    lang = tab.lang()
    if not await session.exists(thread_id):
        await tab.say(texts.t(lang, "export_empty"))
        return
    try:
        turn = await session.read(thread_id)
        files = cl.CustomElement(name="ExportFiles", props=canvas_view.export_props(turn.canvas, lang),
                                 display="inline")
        message = cl.Message(content=texts.t(lang, "export_ready"), author=texts.t(lang, "coach"),
                             elements=[files])  # type: ignore[list-item]
        await message.send()
    except Exception:
        log.exception("export failed on thread %s", thread_id)
        await tab.say(texts.t(lang, "export_failed"))
        return
    await show_actions(tab, message.id, turn.done, turn.language)
