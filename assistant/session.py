"""The one typed turn API for every front end (room, CLI, evaluation runner, benchmarks).

`session.stream(thread_id, Text | Action)` yields `TokenEvent`s as an engine streams its reply, then the
finished `Turn` (messages, canvas, question id, progress) — one stream, read once. Nothing but this
module knows the graph's state keys.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import replace
from typing import Any, Literal

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.types import Command
from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Canvas
from assistant.canvas.versions import CanvasVersion
from assistant.domain import Language, QuestionId
from assistant.graph import Context, history, inbox
from assistant.graph.builder import CoachGraph
from assistant.graph.revisit import nudge_message
from assistant.graph.state import State
from assistant.interviews.state import Fieldwork
from assistant.locks import LocalLocks, ThreadLocks
from assistant.logs import log_turn
from assistant.messages import CoachMessage
from assistant.questions import progress
from assistant.turns import Action, Notes, Text, parse_input


class Progress(BaseModel):
    model_config = ConfigDict(extra="forbid")

    index: int  # 1-based position of the current question among those this session will ask
    total: int


class Turn(BaseModel):
    """What one founder message produced, plus where the session stands."""

    model_config = ConfigDict(extra="forbid")

    thread_id: str
    question_id: QuestionId
    messages: list[CoachMessage] = Field(default_factory=list)
    canvas: Canvas
    language: str
    done: bool = False
    retrieved: list[str] = Field(default_factory=list)  # chunk ids retrieved during this turn
    resumed: bool = False
    progress: Progress = Field(default_factory=lambda: Progress(index=0, total=0))  # 0/0: not computed


class Moment(BaseModel):
    """Where a session stood at one checkpoint (`at`: ISO 8601 UTC)."""

    model_config = ConfigDict(extra="forbid")

    at: str
    progress: Progress
    done: bool = False


class BusyEvent(BaseModel):
    """Another turn of this thread is running (another tab or process): this message is kept and waits."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["busy"] = "busy"


class TokenEvent(BaseModel):
    """A piece of the coach's reply, streamed before the turn is finished (LLM engine only)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["token"] = "token"
    text: str


def _turn(thread_id: str, values: Mapping[str, Any], interrupts: Any) -> Turn:
    messages: list[dict[str, Any]] = []
    for intr in interrupts or ():
        value = getattr(intr, "value", None)
        if isinstance(value, dict):
            messages = value.get("messages", [])
    canvas = Canvas.model_validate(values["canvas"])
    qid: QuestionId = values.get("question_id", "intake")
    index, total = progress(qid)
    return Turn(
        thread_id=thread_id,
        question_id=qid,
        messages=[CoachMessage.model_validate(m) for m in messages],
        canvas=canvas,
        language=values.get("language") or "fr",
        done=bool(values.get("done")),
        retrieved=list(values.get("retrieved", [])),
        progress=Progress(index=index, total=total),
    )


class CoachSession:
    """A thin facade over the compiled graph and the run context; all state lives in the checkpointer."""

    def __init__(self, graph: CoachGraph, context: Context, locks: ThreadLocks | None = None) -> None:
        self.graph = graph
        self.context = context
        self.locks: ThreadLocks = locks or LocalLocks()

    @staticmethod
    def _config(thread_id: str) -> RunnableConfig:
        return {"configurable": {"thread_id": thread_id}, "recursion_limit": 50}

    async def exists(self, thread_id: str) -> bool:
        snap = await self.graph.aget_state(self._config(thread_id))
        return bool(snap.values)

    async def start(self, thread_id: str, language: Language | None = None) -> Turn:
        """Open a session, or resume an existing one at the question it was waiting on."""
        async with self.locks.hold(thread_id):
            return await self._start(thread_id, language)

    async def _start(self, thread_id: str, language: Language | None = None) -> Turn:
        config = self._config(thread_id)
        snap = await self.graph.aget_state(config)
        if snap.values:
            turn = _turn(thread_id, snap.values, snap.interrupts)
            nudge = nudge_message(snap.values, self.context)  # a revisit suggested at resume
            return turn.model_copy(update={"resumed": True, "messages": turn.messages + ([nudge] if nudge else [])})
        initial: State = {"language": language, "language_locked": True} if language else {}
        return await self._run(thread_id, initial)

    async def stream(
        self, thread_id: str, founder: Text | Action | Notes | str
    ) -> AsyncIterator[BusyEvent | TokenEvent | Turn]:
        """Send one founder turn; yield reply tokens as an engine streams them, then the finished Turn.

        One turn per thread at a time: when another turn of the thread is running (another tab or
        process), a `BusyEvent` comes first and this message waits its turn, kept in order.
        Engines stream through LangGraph's custom stream (`get_stream_writer()`), emitting
        `{"type": "token", "text": ...}`; the offline engine emits none."""
        payload = parse_input(founder)
        waiting = asyncio.Event()

        async def on_wait() -> None:
            waiting.set()

        hold = self.locks.hold(thread_id, on_wait)
        entering = asyncio.ensure_future(hold.__aenter__())
        signal = asyncio.ensure_future(waiting.wait())
        try:
            await asyncio.wait({entering, signal}, return_when=asyncio.FIRST_COMPLETED)
            if not entering.done():
                yield BusyEvent()
            await entering
            async for event in self._stream_locked(thread_id, payload):
                yield event
        finally:
            signal.cancel()
            if not entering.done():
                entering.cancel()  # the client went away while waiting: the lock was never taken
            elif not entering.cancelled() and entering.exception() is None:
                await hold.__aexit__(None, None, None)

    async def _stream_locked(self, thread_id: str, payload: Text | Action | Notes
                             ) -> AsyncIterator[TokenEvent | Turn]:
        started, config = time.monotonic(), self._config(thread_id)
        before = (await self.graph.aget_state(config)).values
        if not before:
            await self._start(thread_id)
        values: Mapping[str, Any] = {}
        context = replace(self.context, turn_started=asyncio.get_running_loop().time())  # the turn's deadline
        async for mode, event in self.graph.astream(Command(resume=payload.model_dump()), config, context=context,
                                                    stream_mode=["custom", "values"]):
            if mode == "custom" and isinstance(event, dict) and event.get("type") == "token":
                yield TokenEvent(text=str(event.get("text", "")))
            elif mode == "values" and isinstance(event, dict):
                values = event
        turn = _turn(thread_id, values, values.get("__interrupt__")) if values else await self.read(thread_id)
        fallbacks_before = int(((before or {}).get("canvas") or {}).get("metadata", {}).get("fallbacks", 0))
        meta = turn.canvas.metadata
        log_turn(thread=thread_id, turn=int(values.get("turns", 0)), latency_ms=(time.monotonic() - started) * 1000,
                 engine=meta.provider, fallback=meta.fallbacks > fallbacks_before, question=turn.question_id)
        yield turn

    async def send(self, thread_id: str, founder: Text | Action | Notes | str) -> Turn:
        """Send one founder turn and return the finished Turn."""
        turn: Turn | None = None
        async for event in self.stream(thread_id, founder):
            if isinstance(event, Turn):
                turn = event
        assert turn is not None  # stream always ends with a Turn
        return turn

    async def _run(self, thread_id: str, initial: State) -> Turn:
        values: Mapping[str, Any] = {}
        async for event in self.graph.astream(initial, self._config(thread_id), context=self.context,
                                              stream_mode="values"):
            values = event
        return _turn(thread_id, values, values.get("__interrupt__"))

    async def read(self, thread_id: str) -> Turn:
        snap = await self.graph.aget_state(self._config(thread_id))
        if not snap.values:
            raise KeyError(f"no session {thread_id!r}")
        return _turn(thread_id, snap.values, snap.interrupts)

    async def versions(self, thread_id: str) -> list[CanvasVersion]:
        """The canvas versions of a thread, oldest first (none before the first summary, or for an unknown thread)."""
        snap = await self.graph.aget_state(self._config(thread_id))
        return await history.all_versions(history.store_of(self.graph), thread_id, snap.values or {})

    async def nudge(self, thread_id: str) -> CoachMessage | None:
        """The revisit suggestion for a resumed thread (`assistant.graph.revisit.nudge_message`), or None."""
        snap = await self.graph.aget_state(self._config(thread_id))
        return nudge_message(snap.values, self.context) if snap.values else None

    async def fieldwork(self, thread_id: str) -> Fieldwork:
        """The session's interviews read, verdicts and proposals waiting (empty for an unknown thread)."""
        snap = await self.graph.aget_state(self._config(thread_id))
        return Fieldwork.model_validate((snap.values or {}).get("fieldwork") or {})

    async def founder_messages(self, thread_id: str) -> list[dict[str, Any]]:
        """Every raw founder message of the thread, in order (the inbox: `assistant.graph.inbox`)."""
        snap = await self.graph.aget_state(self._config(thread_id))
        return await inbox.founder_messages(history.store_of(self.graph), thread_id, (snap.values or {}).get("inbox"))

    async def timeline(self, thread_id: str, limit: int = 500) -> list[Moment]:
        """Where the session stood after each of its last `limit` checkpoints, oldest first (for progress
        over time and the last activity); empty for an unknown thread."""
        moments: list[Moment] = []
        async for snap in self.graph.aget_state_history(self._config(thread_id), limit=limit):
            if not snap.values or "canvas" not in snap.values or not snap.created_at:
                continue
            qid = snap.values.get("question_id", "intake")
            index, total = progress(qid)
            moments.append(Moment(at=snap.created_at, progress=Progress(index=index, total=total),
                                  done=bool(snap.values.get("done"))))
        return moments[::-1]

    async def delete(self, thread_id: str) -> None:
        """Delete every checkpoint, pending write and stored item of a thread (no-op for an unknown one)."""
        if isinstance(saver := self.graph.checkpointer, BaseCheckpointSaver):
            await saver.adelete_thread(thread_id)
        await history.forget_thread(history.store_of(self.graph), thread_id)
