"""The one way in for the CLI, the UI and the evaluation suite: start, send, read a session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command
from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Canvas
from assistant.domain import Language
from assistant.state import CoachMessage


class Turn(BaseModel):
    """What one founder message produced, plus where the session stands."""

    model_config = ConfigDict(extra="forbid")

    thread_id: str
    question_id: str
    messages: list[CoachMessage] = Field(default_factory=list)
    canvas: Canvas
    language: str
    done: bool = False
    retrieved: list[str] = Field(default_factory=list)  # chunk ids retrieved during this turn
    resumed: bool = False


def _resume(text: str) -> Command[Any]:
    command: Command[Any] = Command(resume=text)
    return command


class CoachSession:
    """A thin facade over the compiled graph; all state lives in the checkpointer."""

    def __init__(self, graph: CompiledStateGraph) -> None:
        self.graph = graph

    @staticmethod
    def _config(thread_id: str) -> RunnableConfig:
        return {"configurable": {"thread_id": thread_id}, "recursion_limit": 50}

    async def exists(self, thread_id: str) -> bool:
        snap = await self.graph.aget_state(self._config(thread_id))
        return bool(snap.values)

    async def start(self, thread_id: str, language: Language | None = None) -> Turn:
        """Open a session, or resume an existing one at the question it was waiting on."""
        config = self._config(thread_id)
        snap = await self.graph.aget_state(config)
        if snap.values:
            turn = self._turn(thread_id, snap)
            turn.resumed = True
            return turn
        initial: dict[str, Any] = {"language": language, "language_locked": True} if language else {}
        await self.graph.ainvoke(initial, config)
        return await self.read(thread_id)

    async def send(self, thread_id: str, text: str) -> Turn:
        config = self._config(thread_id)
        snap = await self.graph.aget_state(config)
        if not snap.values:
            await self.start(thread_id)
        await self.graph.ainvoke(_resume(text), config)
        return await self.read(thread_id)

    async def stream_send(self, thread_id: str, text: str) -> AsyncIterator[str | Turn]:
        """Like `send`, yielding reply tokens as an engine streams them (str), then the Turn.

        Engines stream through LangGraph's custom stream (`get_stream_writer()`), emitting
        `{"type": "token", "text": ...}` events; the offline engine emits none.
        """
        config = self._config(thread_id)
        snap = await self.graph.aget_state(config)
        if not snap.values:
            await self.start(thread_id)
        async for event in self.graph.astream(_resume(text), config, stream_mode="custom"):
            if isinstance(event, dict) and event.get("type") == "token":
                yield str(event.get("text", ""))
        yield await self.read(thread_id)

    async def read(self, thread_id: str) -> Turn:
        snap = await self.graph.aget_state(self._config(thread_id))
        if not snap.values:
            raise KeyError(f"no session {thread_id!r}")
        return self._turn(thread_id, snap)

    async def founder_messages(self, thread_id: str) -> list[dict[str, Any]]:
        snap = await self.graph.aget_state(self._config(thread_id))
        return list(snap.values.get("inbox", [])) if snap.values else []

    @staticmethod
    def _turn(thread_id: str, snap: Any) -> Turn:
        values = snap.values
        messages: list[dict[str, Any]] = []
        for task in snap.tasks:
            for intr in task.interrupts:
                if isinstance(intr.value, dict):
                    messages = intr.value.get("messages", [])
        return Turn(
            thread_id=thread_id,
            question_id=values.get("question_id", "intake"),
            messages=[CoachMessage.model_validate(m) for m in messages],
            canvas=Canvas.model_validate(values["canvas"]),
            language=values.get("language") or "fr",
            done=bool(values.get("done")),
            retrieved=list(values.get("retrieved", [])),
        )
