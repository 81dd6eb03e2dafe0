"""Showing a finished turn: the coach's messages (in place of the streamed reply when it was the first) with
their sources, then the canvas panel and the buttons; the thread is named after the startup."""

from __future__ import annotations

import logging
import re

import chainlit as cl

from assistant.canvas import Canvas
from assistant.messages import CoachMessage
from assistant.session import Turn
from assistant.ui import canvas_view, fieldwork_view, texts
from assistant.ui.buttons import show_actions
from assistant.ui.panel import show_canvas
from assistant.ui.safety import plain, safe_markdown
from assistant.ui.tab import Tab

log = logging.getLogger("assistant.ui")


def _sources(message: CoachMessage, lang: str) -> list[cl.CustomElement]:
    if message.kind == "kit":  # the interview kit also comes as a Markdown file to save and print
        return [cl.CustomElement(name="ExportFiles", props=fieldwork_view.kit_file_props(message.text, lang),
                                 display="inline")]
    if not message.citations:
        return []
    return [cl.CustomElement(name="Sources", props=canvas_view.sources_props(message.citations, lang),
                             display="inline")]


def _flat(text: str) -> str:
    """Text without citation markers ([chunk-id]) or layout, to compare a stream with its final message."""
    return " ".join(re.sub(r"\[[^\]\n]*\]", " ", text).split())


def _streamed_first(turn: Turn, streamed_text: str) -> bool:
    """Whether the streamed reply is the turn's first message (else it is re-sent in its place)."""
    head = _flat(streamed_text)[:60]
    return bool(head) and bool(turn.messages) and head in _flat(turn.messages[0].text)


async def show_turn(tab: Tab, turn: Turn, streamed: cl.Message | None = None, streamed_text: str = "") -> None:
    lang = turn.language
    tab.view().language = lang
    author = texts.t(lang, "coach")
    if streamed is not None and not _streamed_first(turn, streamed_text):
        await streamed.remove()  # keep the turn's order: the reply comes back in its place below
        streamed = None
    last: cl.Message | None = None
    for i, m in enumerate(turn.messages):
        content = safe_markdown(m.text)
        elements = _sources(m, lang)
        if i == 0 and streamed is not None:
            streamed.content = content
            await streamed.update()
            for el in elements:
                await el.send(for_id=streamed.id)
            last = streamed
        else:
            last = cl.Message(content=content, author=author, elements=elements,  # type: ignore[arg-type]
                              metadata={"kind": m.kind})
            await last.send()
    await show_canvas(tab, turn.canvas, lang)
    await show_actions(tab, last.id if last else None, turn.done, lang)
    await _name_thread(tab, turn.canvas)


async def _name_thread(tab: Tab, canvas: Canvas) -> None:
    """Name the thread in the history after the startup, once the founder has described it."""
    if tab.view().thread_named or not canvas.startup or tab.user() is None:
        return
    try:
        await tab.room.history().update_thread(tab.thread_id(), name=plain(canvas.startup, 80))
        tab.view().thread_named = True
    except Exception:
        log.exception("could not name thread")
