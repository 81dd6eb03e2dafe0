"""The canvas in Chainlit's side panel: refreshed after a turn when it changed, opened on request.

Chainlit does not persist it: on resume it is rebuilt from the checkpoint (see `resume.py`).
"""

from __future__ import annotations

import chainlit as cl

from assistant.canvas import Canvas
from assistant.ui import canvas_view
from assistant.ui.buttons import show_actions
from assistant.ui.tab import Tab


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
