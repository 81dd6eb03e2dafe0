"""The row of buttons under the latest coach message: which ones, their labels, and moving them down."""

from __future__ import annotations

import chainlit as cl

from assistant.ui import texts
from assistant.ui.tab import Tab

ACTION_ICONS = {"skip": "skip-forward", "example": "lightbulb", "canvas": "panel-right-open",
                "export": "download", "restart": "rotate-ccw", "revisit": "pencil", "history": "history",
                "interviews": "clipboard-list"}


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
