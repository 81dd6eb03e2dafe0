"""The coaching room: Chainlit handlers, a thin layer over `CoachSession`.

Handlers translate Chainlit events into `CoachSession` calls and the resulting turn into messages and
elements. All coaching state lives in the LangGraph checkpointer, keyed by Chainlit's thread id
(`cl.context.session.thread_id`); Chainlit's own history (data layer) only replays what was shown.

Start it with `coach ui` (see assistant/ui/runtime.py), never `chainlit run`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from http.cookies import CookieError, SimpleCookie
from typing import Any

import chainlit as cl
from chainlit.input_widget import InputWidget, Select
from chainlit.types import ThreadDict
from starlette.datastructures import Headers

from assistant.canvas import Canvas
from assistant.messages import CoachMessage
from assistant.session import BusyEvent, CoachSession, TokenEvent, Turn
from assistant.settings import Settings
from assistant.ui import access, auth, canvas_view, texts
from assistant.ui.datalayer import CoachDataLayer, get_data_layer
from assistant.ui.safety import plain, safe_markdown, safe_token
from assistant.ui.view import View

log = logging.getLogger("assistant.ui")
SETTINGS = Settings()

ACTION_ICONS = {"skip": "skip-forward", "example": "lightbulb", "canvas": "panel-right-open",
                "export": "download", "restart": "rotate-ccw"}
# Set by public/coach.js: "1" when the screen is narrower than Chainlit's 768 px line, where its side panel
# becomes a drawer over the chat.
NARROW_COOKIE = "coach_narrow"


class Room:
    """The process-wide CoachSession: one graph, one checkpointer, opened at start-up (or on first use)."""

    def __init__(self) -> None:
        self._stack: AsyncExitStack | None = None
        self._session: CoachSession | None = None
        self._lock = asyncio.Lock()

    async def session(self) -> CoachSession:
        if self._session is None:
            async with self._lock:
                if self._session is None:
                    from assistant.app import load_retriever, open_session

                    retriever = await load_retriever(SETTINGS, progress=False)
                    await _warm_up(retriever)
                    stack = AsyncExitStack()
                    self._session = await stack.enter_async_context(
                        open_session(SETTINGS, progress=False, retriever=retriever)
                    )
                    self._stack = stack
        return self._session

    async def close(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
        self._stack, self._session = None, None


async def _warm_up(retriever: Any) -> None:
    """Index the knowledge base and load the embedding model before the first founder arrives: done on a
    founder's first answer, this takes long enough on a small machine to stall their connection."""
    try:
        await retriever.search("customer segments", language="fr", k=1)
    except Exception:
        log.exception("could not warm up the knowledge index; the first answer will be slow")


ROOM = Room()


def history() -> CoachDataLayer:
    return get_data_layer(SETTINGS)


# ---------------------------------------------------------------- lifecycle, persistence, accounts

@cl.data_layer
def _data_layer() -> CoachDataLayer:
    return history()


@cl.on_app_startup
async def _startup() -> None:
    await history().ensure_schema()
    await ROOM.session()


@cl.on_app_shutdown
async def _shutdown() -> None:
    await ROOM.close()


# Local single-user mode or accounts (assistant/ui/access.py); `coach ui` sets CHAINLIT_HOST before this import.
ACCESS = access.resolve(SETTINGS, os.environ.get("CHAINLIT_HOST") or SETTINGS.ui_host)
access.install_secret(SETTINGS, ACCESS)

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
        store = auth.UserStore(SETTINGS.users_path)
        name = await asyncio.to_thread(store.authenticate, username, password)
        return cl.User(identifier=name, metadata={"provider": "password"}) if name else None


if ACCESS.header and SETTINGS.auth_header:
    _AUTH_HEADER: str = SETTINGS.auth_header

    @cl.header_auth_callback
    async def _header_login(headers: Headers) -> cl.User | None:
        name = auth.header_identity(headers, _AUTH_HEADER, SETTINGS.proxy_secret)
        return cl.User(identifier=name, metadata={"provider": "header"}) if name else None


# ---------------------------------------------------------------- small helpers

def _view() -> View:
    view = cl.user_session.get("view")
    if not isinstance(view, View):
        view = View()
        cl.user_session.set("view", view)
    return view


def _thread_id() -> str:
    return str(cl.context.session.thread_id)


def _user() -> str | None:
    user = cl.user_session.get("user")
    return getattr(user, "identifier", None)


def _browser_language() -> str:
    environ = getattr(cl.context.session, "environ", None) or {}
    return texts.browser_language(environ.get("HTTP_ACCEPT_LANGUAGE"), default=SETTINGS.language or "fr")


def _lang() -> str:
    return _view().language or _browser_language()


def _narrow() -> bool:
    """Whether the founder's screen is narrow: what the page last said (a window message from coach.js), else
    its cookie when the page connected."""
    view = _view()
    if view.narrow is not None:
        return view.narrow
    environ = getattr(cl.context.session, "environ", None) or {}
    cookies: SimpleCookie = SimpleCookie()
    try:
        cookies.load(environ.get("HTTP_COOKIE") or "")
    except CookieError:
        return False
    morsel = cookies.get(NARROW_COOKIE)
    return morsel is not None and morsel.value == "1"


async def _say(text: str) -> cl.Message:
    msg = cl.Message(content=safe_markdown(text), author=texts.t(_lang(), "coach"))
    await msg.send()
    return msg


async def _may_use(thread_id: str) -> bool:
    """Only the account that opened a thread may use it (in the local mode, the one local founder owns every
    thread). Someone who is not signed in (a room started some other way than `coach ui`) is not told apart."""
    user = _user()
    if user is None:
        return True
    try:
        ok = await history().claim_thread(thread_id, user)
    except Exception:
        log.exception("ownership check failed for thread %s", thread_id)
        ok = False
    if not ok:
        await _say(texts.t(_lang(), "forbidden"))
    return ok


@asynccontextmanager
async def _answering(*, ends: bool) -> AsyncIterator[None]:
    """The room is answering: the message box and the buttons wait until it is done.

    Chainlit says so with its task events, but it makes a task of a message only, not of a button, and it ends
    the task of whichever handler finishes first (the start of the chat, a reconnection) even while a turn is
    still running: the room then looked idle mid-turn, and a founder (or a test) could click Export or send the
    next answer while the previous turn was still writing. So a turn says it is running when it starts and again
    just before its buttons come back (`_show_actions`); a button's turn ends its own task (`ends`), Chainlit
    ends a message's."""
    view = _view()
    view.running += 1
    await cl.context.emitter.task_start()
    try:
        yield
    finally:
        view.running -= 1
        if ends and view.running == 0:
            await cl.context.emitter.task_end()


async def _chat_ready() -> None:
    """Wait until the start (or resume) of the chat has finished: a starter picked as the page connects is
    handled at the same time, and the end of the start would otherwise mark the room idle mid-turn."""
    started = _view().started
    if not started.is_set():
        try:
            await asyncio.wait_for(started.wait(), timeout=10)
        except TimeoutError:
            log.warning("the chat start did not finish within 10 s; answering anyway")


async def _coach() -> CoachSession | None:
    try:
        return await ROOM.session()
    except Exception:
        log.exception("the coaching engine could not start")
        await _say(texts.t(_lang(), "not_ready"))
        return None


# ---------------------------------------------------------------- rendering a turn

def _sources(message: CoachMessage, lang: str) -> list[cl.CustomElement]:
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


async def _show_turn(turn: Turn, streamed: cl.Message | None = None, streamed_text: str = "") -> None:
    lang = turn.language
    _view().language = lang
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
    await _show_canvas(turn.canvas, lang)
    await _show_actions(last.id if last else None, turn.done, lang)
    await _name_thread(turn.canvas)


async def _show_actions(message_id: str | None, done: bool, lang: str) -> None:
    """The buttons live under the latest coach message only. When the canvas changed while it stayed closed
    (narrow screens), its button says so."""
    view = _view()
    for action in view.actions:
        await action.remove()
    view.actions = []
    view.actions_for, view.done = message_id, done
    if not message_id:
        return
    if view.running:  # still answering, whatever another handler's end said meanwhile
        await cl.context.emitter.task_start()
    names = ["canvas", "export", "restart"] if done else ["skip", "example", "canvas", "export", "restart"]
    keys = {n: f"action.{n}" for n in names}
    if view.canvas_pending:
        keys["canvas"] = "action.canvas.updated"
    actions = [cl.Action(name=n, payload={}, label=texts.t(lang, keys[n]),
                         tooltip=texts.t(lang, f"{keys[n]}.tip"), icon=ACTION_ICONS[n]) for n in names]
    for action in actions:
        await action.send(for_id=message_id)
    view.actions = actions


def _canvas_element(canvas: Canvas, lang: str) -> tuple[cl.CustomElement, str]:
    """The canvas panel element (one id per session, so updates replace it in place) and its content key."""
    props = canvas_view.canvas_props(canvas, lang)
    element = cl.CustomElement(name="CanvasPanel", props=props, display="side", id=_view().canvas_element_id)
    return element, canvas_view.props_key(props)


async def _show_canvas(canvas: Canvas, lang: str, *, force: bool = False) -> None:
    """Open or refresh the canvas in the side panel (not persisted by Chainlit: rebuilt on resume).

    On a narrow screen the side panel is a drawer over the chat: it opens only when the founder asks (`force`),
    and a change is announced on the canvas button instead (`canvas_pending`; the first, empty canvas is no news).
    """
    view = _view()
    element, key = _canvas_element(canvas, lang)
    if key == view.canvas_key and not force:
        return
    if not force and _narrow():
        view.canvas_pending = view.canvas_pending or bool(view.canvas_key)
        view.canvas_key = key
        return
    await cl.ElementSidebar.set_elements([element], key=key)
    view.canvas_key, view.canvas_pending = key, False


async def _name_thread(canvas: Canvas) -> None:
    """Name the thread in the history after the startup, once the founder has described it."""
    if _view().thread_named or not canvas.startup or _user() is None:
        return
    try:
        await history().update_thread(_thread_id(), name=plain(canvas.startup, 80))
        _view().thread_named = True
    except Exception:
        log.exception("could not name thread")


async def _turn(session: CoachSession, thread_id: str, text: str) -> None:
    """Send one founder message through the graph, streaming the reply as it comes."""
    streamed: cl.Message | None = None
    tokens: list[str] = []
    turn: Turn | None = None
    try:
        async for item in session.stream(thread_id, text):
            if isinstance(item, BusyEvent):
                await _say(texts.t(_lang(), "busy"))
            elif isinstance(item, TokenEvent):
                if streamed is None:
                    streamed = cl.Message(content="", author=texts.t(_lang(), "coach"))
                tokens.append(item.text)
                await streamed.stream_token(safe_token(item.text))
            else:
                turn = item
    except Exception:
        log.exception("turn failed on thread %s", thread_id)
        if streamed is not None:
            await streamed.remove()
        await _say(texts.t(_lang(), "engine_error"))
        return
    if turn is not None:
        await _show_turn(turn, streamed, "".join(tokens))


def _start_language(starter: tuple[str, str] | None, text: str) -> str:
    """The session language: the founder's setting, else the starter's, else their first message's, else
    the browser's."""
    pref = _view().language_pref
    if pref in ("fr", "en"):
        return pref
    if starter:
        return starter[1]
    from assistant.understanding.intake import read_message

    detected = read_message(text, session_language=None, max_chars=SETTINGS.max_message_chars).language
    return detected if detected in ("fr", "en") else _browser_language()


async def _open_thread(session: CoachSession, thread_id: str, text: str) -> None:
    """The first message of a thread starts the session; starters are translated, never analysed."""
    starter = texts.match_starter(text)
    lang = _start_language(starter, text)
    _view().language = lang
    if starter and starter[0] == "review":
        await _say(texts.t(lang, "review_hint"))
    first = await session.start(thread_id, lang)  # type: ignore[arg-type]
    await _show_turn(first)
    if starter is None:
        await _turn(session, thread_id, text)
    elif starter[0] == "types":
        await _turn(session, thread_id, texts.t(lang, "types_question"))


# ---------------------------------------------------------------- chat events

async def _send_settings(lang: str) -> None:
    pref = _view().language_pref
    items = {texts.t(lang, f"settings.language.{v}"): v for v in ("auto", "fr", "en")}
    widgets: list[InputWidget] = [
        Select(id="language", label=texts.t(lang, "settings.language"), items=items, initial_value=pref),
    ]
    await cl.ChatSettings(widgets).send()


async def _load_preference() -> None:
    user = _user()
    if user is None:
        return
    try:
        pref = await history().get_language(user)
    except Exception:
        pref = None
    if pref in ("auto", "fr", "en"):
        _view().language_pref = pref


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
    # Nothing is said before the founder picks a starter or writes: the starters stay visible until then.
    try:
        await _load_preference()
        pref = _view().language_pref
        _view().language = pref if pref in ("fr", "en") else _browser_language()
        await _send_settings(_view().language)
    finally:
        _view().started.set()


@cl.on_message
async def on_message(message: cl.Message) -> None:
    await _chat_ready()
    async with _answering(ends=False):
        thread_id = _thread_id()
        if not await _may_use(thread_id):
            return
        session = await _coach()
        if session is None:
            return
        if not await session.exists(thread_id):
            await _open_thread(session, thread_id, message.content or "")
        else:
            await _turn(session, thread_id, message.content or "")


@cl.on_chat_resume
async def on_chat_resume(thread: ThreadDict) -> None:
    """Messages come back from Chainlit's history; the canvas panel is rebuilt from the checkpoint."""
    try:
        await _resume(thread)
    finally:
        _view().started.set()


async def _resume(thread: ThreadDict) -> None:
    thread_id = str(thread["id"])
    if not auth.can_open(thread.get("userIdentifier"), _user()):
        await _say(texts.t(_lang(), "forbidden"))
        return
    if not await _may_use(thread_id):
        return
    await _load_preference()
    session = await _coach()
    if session is None or not await session.exists(thread_id):
        return
    turn = await session.read(thread_id)
    view = _view()
    view.language = turn.language
    view.thread_named = bool(thread.get("name")) and bool(turn.canvas.startup)
    await _send_settings(turn.language)
    steps = thread.get("steps") or []
    last = next((s["id"] for s in reversed(steps) if s.get("type") == "assistant_message"), None)
    await _show_actions(last, turn.done, turn.language)
    # Chainlit sends `thread` to the browser once this handler returns, and the browser then shows exactly
    # the thread's elements: the canvas, rebuilt from the checkpoint, travels with it (and opens the side
    # panel, so not on a narrow screen, where it would cover the chat: the canvas button opens it there).
    element, key = _canvas_element(turn.canvas, turn.language)
    elements = [e for e in thread.get("elements") or [] if e.get("name") != "CanvasPanel"]
    thread["elements"] = elements if _narrow() else [*elements, element.to_dict()]
    view.canvas_key = key


@cl.on_window_message
async def on_window_message(message: Any) -> None:
    """public/coach.js says when the screen crosses the narrow-screen line (e.g. a phone turned sideways)."""
    if isinstance(message, dict) and message.get("coach") == "viewport" and isinstance(message.get("narrow"), bool):
        _view().narrow = message["narrow"]


@cl.on_settings_update
async def on_settings_update(values: dict[str, Any]) -> None:
    pref = str(values.get("language")) if values.get("language") in ("auto", "fr", "en") else "auto"
    _view().language_pref = pref
    user = _user()
    if user is not None:
        try:
            await history().set_language(user, str(pref))
        except Exception:
            log.exception("could not save the language preference")
    wanted = pref if pref in ("fr", "en") else _browser_language()
    session = await _coach()
    if session is not None and await session.exists(_thread_id()):
        if wanted != _lang():
            await _say(texts.t(wanted, "language_next"))
        return
    _view().language = wanted


# ---------------------------------------------------------------- buttons

async def _command(name: str) -> None:
    async with _answering(ends=True):
        thread_id = _thread_id()
        if not await _may_use(thread_id):
            return
        session = await _coach()
        if session is None:
            return
        if not await session.exists(thread_id):
            await _open_thread(session, thread_id, texts.t(_lang(), "starter.start"))
            return
        await _turn(session, thread_id, texts.t(_lang(), f"command.{name}"))


@cl.action_callback("skip")
async def _on_skip(action: cl.Action) -> None:
    await _command("skip")


@cl.action_callback("example")
async def _on_example(action: cl.Action) -> None:
    await _command("example")


@cl.action_callback("canvas")
async def _on_canvas(action: cl.Action) -> None:
    async with _answering(ends=True):
        await _open_canvas()


async def _open_canvas() -> None:
    thread_id = _thread_id()
    session = await _coach()
    if session is None or not await _may_use(thread_id) or not await session.exists(thread_id):
        return
    turn = await session.read(thread_id)
    view = _view()
    announced = view.canvas_pending
    await _show_canvas(turn.canvas, turn.language, force=True)
    if announced:  # the canvas button no longer needs to say it changed
        await _show_actions(view.actions_for, view.done, turn.language)


@cl.action_callback("export")
async def _on_export(action: cl.Action) -> None:
    async with _answering(ends=True):
        await _export()


async def _export() -> None:
    thread_id = _thread_id()
    session = await _coach()
    if session is None or not await _may_use(thread_id):
        return
    lang = _lang()
    if not await session.exists(thread_id):
        await _say(texts.t(lang, "export_empty"))
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
        await _say(texts.t(lang, "export_failed"))
        return
    await _show_actions(message.id, turn.done, turn.language)


@cl.action_callback("restart")
async def _on_restart(action: cl.Action) -> None:
    lang = _lang()
    answer = await cl.AskActionMessage(
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
        if answer and answer.get("payload", {}).get("restart"):
            await _command("restart")
        else:
            await _say(texts.t(lang, "restart_cancelled"))
    finally:
        # An ask marks the session busy again once answered, as if inside a message handler; nothing
        # ends that task for an action callback, which would leave the composer and the buttons disabled.
        await cl.context.emitter.task_end()
