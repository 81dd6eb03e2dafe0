"""A founder's message or button through the session: the first message opens the thread (starters are
translated, never analysed), every later one is streamed through `CoachSession.stream` and shown as it comes."""

from __future__ import annotations

import logging

import chainlit as cl

from assistant.session import BusyEvent, CoachSession, TokenEvent, Turn
from assistant.turns import Action, CommandName, Notes
from assistant.ui import texts
from assistant.ui.reply import show_turn
from assistant.ui.safety import safe_token
from assistant.ui.tab import Tab

log = logging.getLogger("assistant.ui")


async def answer(tab: Tab, text: str) -> None:
    """A message typed in the room (the caller marks the tab busy)."""
    await _send(tab, text, first=text)


async def notes(tab: Tab, text: str) -> None:
    """Interview notes attached as a file (with what was typed): read whole, as notes (the caller marks the tab
    busy)."""
    await _send(tab, Notes(text=text), first=text)


async def command(tab: Tab, name: CommandName | Action) -> None:
    """A button that acts on the session (skip, example, restart, revisit): a turn of its own, sent as an `Action`
    (never as text to be read back into a command). Before the session has started, any button starts it."""
    action = name if isinstance(name, Action) else Action(name=name)
    async with tab.answering(ends=True):
        await _send(tab, action, first=texts.t(tab.lang(), "starter.start"))


async def _send(tab: Tab, founder: str | Action | Notes, *, first: str) -> None:
    """The founder's turn through the session, or `first` when the thread has no session yet (it opens one)."""
    thread_id = tab.thread_id()
    if not await tab.may_use(thread_id):
        return
    session = await tab.coach()
    if session is None:
        return
    if not await session.exists(thread_id):
        await _open_thread(tab, session, thread_id, first)
    else:
        await _turn(tab, session, thread_id, founder)


async def confirm_restart(tab: Tab) -> None:
    """The restart button asks first; a confirmed restart is a command."""
    lang = tab.lang()
    choice = await cl.AskActionMessage(
        content=texts.t(lang, "restart_confirm"),
        author=texts.t(lang, "coach"),
        actions=[
            cl.Action(name="restart_yes", payload={"restart": True}, label=texts.t(lang, "restart_yes"),
                      icon="rotate-ccw"),
            cl.Action(name="restart_no", payload={"restart": False}, label=texts.t(lang, "restart_no"),
                      icon="x"),
        ],
        timeout=300,
    ).send()
    try:
        if choice and choice.get("payload", {}).get("restart"):
            await command(tab, "restart")
        else:
            await tab.say(texts.t(lang, "restart_cancelled"))
    finally:
        # An ask marks the session busy again once answered, as if inside a message handler; nothing
        # ends that task for an action callback, which would leave the composer and the buttons disabled.
        await cl.context.emitter.task_end()


async def _turn(tab: Tab, session: CoachSession, thread_id: str, founder: str | Action | Notes) -> None:
    """Send one founder turn through the graph, streaming the reply as it comes."""
    streamed: cl.Message | None = None
    tokens: list[str] = []
    turn: Turn | None = None
    try:
        async for item in session.stream(thread_id, founder):
            if isinstance(item, BusyEvent):
                await tab.say(texts.t(tab.lang(), "busy"))
            elif isinstance(item, TokenEvent):
                if streamed is None:
                    streamed = cl.Message(content="", author=texts.t(tab.lang(), "coach"))
                tokens.append(item.text)
                await streamed.stream_token(safe_token(item.text))
            else:
                turn = item
    except Exception:
        log.exception("turn failed on thread %s", thread_id)
        if streamed is not None:
            await streamed.remove()
        await tab.say(texts.t(tab.lang(), "engine_error"))
        return
    if turn is not None:
        await show_turn(tab, turn, streamed, "".join(tokens))


def _start_language(tab: Tab, starter: tuple[str, str] | None, text: str) -> str:
    """The session language: the founder's setting, else the starter's, else their first message's, else
    the browser's."""
    pref = tab.view().language_pref
    if pref in ("fr", "en"):
        return pref
    if starter:
        return starter[1]
    from assistant.understanding.intake import read_message

    detected = read_message(text, session_language=None,
                            max_chars=tab.room.settings.max_message_chars).language
    return detected if detected in ("fr", "en") else tab.browser_language()


async def _open_thread(tab: Tab, session: CoachSession, thread_id: str, text: str) -> None:
    """The first message of a thread starts the session; starters are translated, never analysed."""
    starter = texts.match_starter(text)
    lang = _start_language(tab, starter, text)
    tab.view().language = lang
    if starter and starter[0] == "review":
        await tab.say(texts.t(lang, "review_hint"))
    first = await session.start(thread_id, lang)  # type: ignore[arg-type]
    await show_turn(tab, first)
    if starter is None:
        await _turn(tab, session, thread_id, text)
    elif starter[0] == "types":
        await _turn(tab, session, thread_id, texts.t(lang, "types_question"))
