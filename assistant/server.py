"""The coaching graph for LangGraph's own server (`langgraph dev`, LangGraph Studio): see langgraph.json.

The server owns the threads and the checkpointer; `make_graph` hands it the compiled graph, and this
process's dependencies (coach, retriever, prompts), built once from the settings (environment) at the
first run. A session through the server behaves like one in the room:

- start a thread with a run whose input is `{}` (or `{"language": "en", "language_locked": true}`): it
  stops at the first question, an interrupt whose value holds the coach's messages;
- each founder turn resumes it: `{"command": {"resume": {"kind": "text", "text": "..."}}}` or
  `{"kind": "action", "name": "skip"}` (assistant/turns.py), and stops at the next interrupt.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

from assistant.app import build_coach, build_context, load_retriever
from assistant.graph import Context, build_graph
from assistant.graph.builder import CoachGraph
from assistant.prompts import Prompts
from assistant.settings import Settings

_context: Context | None = None
_building = asyncio.Lock()


async def _process_context() -> Context:
    """The dependencies of every run of this process, built on first use (indexing the knowledge base)."""
    global _context
    async with _building:
        if _context is None:
            settings = Settings()
            prompts = Prompts()
            retriever = await load_retriever(settings, progress=False)
            _context = build_context(settings, prompts, retriever, build_coach(settings, prompts))
    return _context


def served_context(context: Context) -> type[Context]:
    """A context schema that always yields `context`: the server builds each run's context from the request
    (`ServedContext(**request_context)`, headers included), which cannot carry a coach or a retriever."""

    @dataclasses.dataclass(frozen=True)
    class ServedContext(Context):
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return context

    return ServedContext


async def make_graph(config: Any = None) -> CoachGraph:
    """The graph factory named in langgraph.json (the server calls it for each run; cheap after the first).

    Raises what building the dependencies raises (e.g. an unreadable knowledge directory)."""
    context = await _process_context()
    return build_graph().copy({"context_schema": served_context(context)})
