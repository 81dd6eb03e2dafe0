"""The way back to the founder: a finished turn's messages (in place of the streamed reply when it was the
first) with their sources, the canvas in the side panel, the row of buttons under the latest message; the thread
is named after the startup.

Chainlit does not persist the side panel: on resume it is rebuilt from the checkpoint (see `resume.py`)."""

from __future__ import annotations

import logging
import re

import chainlit as cl

from assistant.canvas import Canvas
from assistant.messages import CoachMessage
from assistant.session import Turn
from assistant.ui import canvas_view, fieldwork_view, texts
from assistant.ui.safety import plain, safe_markdown
from assistant.ui.tab import Tab

log = logging.getLogger("assistant.ui")
ACTION_ICONS = {"skip": "skip-forward", "example": "lightbulb", "canvas": "panel-right-open",
                "export": "download", "restart": "rotate-ccw", "revisit": "pencil", "history": "history",
                "interviews": "clipboard-list"}


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


async def show_actions(tab: Tab, message_id: str | None, done: bool, lang: str) -> None:
    """The buttons live under the latest coach message only. When the canvas changed while it stayed closed
    (narrow screens), its button says so."""
    view = tab.view()
    for action in view.actions:
        await action.remove()
    view.actions = []
    view.actions_for, view.done = message_id, done
    if not message_id:
        return
    if view.running:  # still answering, whatever another handler's end said meanwhile
        await cl.context.emitter.task_start()
    names = ["interviews", "revisit", "history", "canvas", "export", "restart"] if done else [
        "skip", "example", "canvas", "export", "restart"]
    keys = {n: f"action.{n}" for n in names}
    if view.canvas_pending:
        keys["canvas"] = "action.canvas.updated"
    actions = [cl.Action(name=n, payload={}, label=texts.t(lang, keys[n]),
                         tooltip=texts.t(lang, f"{keys[n]}.tip"), icon=ACTION_ICONS[n]) for n in names]
    for action in actions:
        await action.send(for_id=message_id)
    view.actions = actions


def canvas_element(tab: Tab, canvas: Canvas, lang: str) -> tuple[cl.CustomElement, str]:
    """The canvas panel element (one id per session, so updates replace it in place) and its content key."""
    props = canvas_view.canvas_props(canvas, lang)
    element = cl.CustomElement(name="CanvasPanel", props=props, display="side", id=tab.view().canvas_element_id)
    return element, canvas_view.props_key(props)


async def show_canvas(tab: Tab, canvas: Canvas, lang: str, *, force: bool = False) -> None:
    """Open or refresh the canvas in the side panel.

    On a narrow screen the side panel is a drawer over the chat: it opens only when the founder asks (`force`),
    and a change is announced on the canvas button instead (`canvas_pending`; the first, empty canvas is no news).
    """
    view = tab.view()
    element, key = canvas_element(tab, canvas, lang)
    if key == view.canvas_key and not force:
        return
    if not force and tab.narrow():
        view.canvas_pending = view.canvas_pending or bool(view.canvas_key)
        view.canvas_key = key
        return
    await cl.ElementSidebar.set_elements([element], key=key)
    view.canvas_key, view.canvas_pending = key, False


async def open_canvas(tab: Tab) -> None:
    """The canvas button: open the panel on the session's current canvas."""
    thread_id = tab.thread_id()
    session = await tab.coach()
    if session is None or not await tab.may_use(thread_id) or not await session.exists(thread_id):
        return
    turn = await session.read(thread_id)
    view = tab.view()
    announced = view.canvas_pending
    await show_canvas(tab, turn.canvas, turn.language, force=True)
    if announced:  # the canvas button no longer needs to say it changed
        await show_actions(tab, view.actions_for, view.done, turn.language)
