"""Resuming a thread from the history: messages come back from Chainlit's history; the buttons, the language
and the canvas panel are rebuilt from the checkpoint."""

from __future__ import annotations

from chainlit.types import ThreadDict

from assistant.ui import auth, history, texts
from assistant.ui.preferences import load_preference, send_settings
from assistant.ui.reply import canvas_element, show_actions
from assistant.ui.tab import Tab


async def resume(tab: Tab, thread: ThreadDict) -> None:
    thread_id = str(thread["id"])
    if not auth.can_open(thread.get("userIdentifier"), tab.user()):
        await tab.say(texts.t(tab.lang(), "forbidden"))
        return
    if not await tab.may_use(thread_id):
        return
    await load_preference(tab)
    session = await tab.coach()
    if session is None or not await session.exists(thread_id):
        return
    turn = await session.read(thread_id)
    view = tab.view()
    view.language = turn.language
    view.thread_named = bool(thread.get("name")) and bool(turn.canvas.startup)
    await send_settings(tab, turn.language)
    steps = thread.get("steps") or []
    last = next((s["id"] for s in reversed(steps) if s.get("type") == "assistant_message"), None)
    await show_actions(tab, last, turn.done, turn.language)
    await history.show_nudge(tab, session, thread)  # a revisit suggested, when the canvas is due one
    # Chainlit sends `thread` to the browser once this handler returns, and the browser then shows exactly
    # the thread's elements: the canvas, rebuilt from the checkpoint, travels with it (and opens the side
    # panel, so not on a narrow screen, where it would cover the chat: the canvas button opens it there).
    element, key = canvas_element(tab, turn.canvas, turn.language)
    elements = [e for e in thread.get("elements") or [] if e.get("name") != "CanvasPanel"]
    thread["elements"] = elements if tab.narrow() else [*elements, element.to_dict()]
    view.canvas_key = key
