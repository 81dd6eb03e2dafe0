"""The room's revisit and history buttons: choose a question to reopen (one button per question, each sending
a typed `Action`), the canvas history with a side-by-side diff of two versions, and the revisit nudge shown
when a finished session is resumed."""

from __future__ import annotations

import logging

import chainlit as cl
from chainlit.types import ThreadDict

from assistant.canvas.versions import find
from assistant.graph.revisit import question_label, reopenable
from assistant.session import CoachSession
from assistant.turns import Action
from assistant.ui import conversation, texts
from assistant.ui.history_view import compare_pairs, diff_markdown, history_markdown, text
from assistant.ui.reply import show_actions
from assistant.ui.safety import safe_markdown
from assistant.ui.tab import Tab

log = logging.getLogger("assistant.ui")


async def _session(tab: Tab) -> CoachSession | None:
    session = await tab.coach()
    if session is None or not await tab.may_use(tab.thread_id()) or not await session.exists(tab.thread_id()):
        return None
    return session


async def choose_question(tab: Tab) -> None:
    """The revisit button: one button per question the finished session can reopen."""
    session = await _session(tab)
    if session is None:
        return
    turn = await session.read(tab.thread_id())
    lang, prompts = turn.language, session.context.prompts
    actions = [cl.Action(name="revisit_question", payload={"question": q}, icon="pencil",
                         label=f"{i}. {question_label(prompts, lang, q)}")
               for i, q in enumerate(reopenable(), 1)]
    await cl.Message(content=text(lang, "choose"), author=texts.t(lang, "coach"),
                     actions=actions).send()


async def reopen(tab: Tab, question: str) -> None:
    """A question's button: the reopening is a turn of the session, sent as `Action(name="revisit")`."""
    try:
        action = Action(name="revisit", question=question)  # type: ignore[arg-type]
    except ValueError:
        log.warning("revisit button with an unknown question %r", question)
        return
    await conversation.command(tab, action)


async def show_history(tab: Tab, pair: tuple[int, int] | None = None) -> None:
    """The history of the canvas versions, then the diff of `pair` (default: the last two versions), with
    buttons to compare earlier versions with the latest."""
    session = await _session(tab)
    if session is None:
        return
    thread_id = tab.thread_id()
    turn = await session.read(thread_id)
    lang = turn.language
    versions = await session.versions(thread_id)
    parts = [history_markdown(versions, lang, session.context.prompts)]
    if pair is None and len(versions) >= 2:
        pair = (versions[-2].number, versions[-1].number)
    if pair is not None:
        try:
            parts.append(diff_markdown(find(versions, pair[0]), find(versions, pair[1]), lang))
        except KeyError:
            parts.append(text(lang, "missing"))
    elif len(versions) == 1:
        parts.append(text(lang, "only_one"))
    actions = [cl.Action(name="compare", payload={"a": a, "b": b}, icon="git-compare",
                         label=text(lang, "compare", a=a, b=b))
               for a, b in compare_pairs(versions) if (a, b) != pair]
    message = cl.Message(content=safe_markdown("\n\n".join(parts)), author=texts.t(lang, "coach"),
                         actions=actions, metadata={"kind": "history"})
    await message.send()
    await show_actions(tab, message.id, turn.done, lang)


async def show_nudge(tab: Tab, session: CoachSession, thread: ThreadDict) -> None:
    """At resume: a suggestion to revisit a finished canvas (new evidence, or unchanged for long), if any, with
    the buttons under it. Chainlit shows a resumed thread's steps once the resume handler returns, replacing
    what was sent meanwhile: the message is sent (so it is kept in the history) and added to those steps."""
    nudge = await session.nudge(str(thread["id"]))
    if nudge is None:
        return
    lang = tab.lang()
    message = cl.Message(content=safe_markdown(nudge.text), author=texts.t(lang, "coach"),
                         metadata={"kind": "nudge"})
    await message.send()
    thread["steps"] = [*(thread.get("steps") or []), message.to_dict()]
    await show_actions(tab, message.id, True, lang)
