"""The floor of a founder turn on this machine: what no coach can avoid.

One bare LangGraph turn (a node that waits on `interrupt`, resumed once, SQLite checkpoints), one query
embedding and one Chroma query. The coach's own cost is its turn time over this floor, a ratio that
holds from one machine to the next.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, TypedDict

from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph.graph import START, StateGraph
from langgraph.types import Command, interrupt

from assistant.graph import Retriever


class _State(TypedDict, total=False):
    inbox: list[str]


def _listen(state: _State) -> dict[str, Any]:
    text = interrupt("next?")
    return {"inbox": [*state.get("inbox", [])[-1:], str(text)]}


def bare_graph(checkpointer: AsyncSqliteSaver) -> Any:
    builder = StateGraph(_State)
    builder.add_node("listen", _listen)
    builder.add_edge(START, "listen")
    builder.add_edge("listen", "listen")
    return builder.compile(checkpointer=checkpointer)


async def measure_floor(data_dir: Path, retriever: Retriever, texts: list[str]) -> list[float]:
    """Milliseconds of one floor turn per text in `texts` (each text embedded fresh, never from a cache)."""
    search = getattr(retriever, "search", None)
    assert search is not None
    timings: list[float] = []
    async with AsyncSqliteSaver.from_conn_string(str(data_dir / "floor.sqlite")) as saver:
        await saver.setup()
        graph = bare_graph(saver)
        config: Any = {"configurable": {"thread_id": "floor"}, "recursion_limit": 10_000}
        await graph.ainvoke({"inbox": []}, config)
        for text in texts:
            start = time.perf_counter()
            await graph.ainvoke(Command(resume=text), config)
            await search(text, k=4)  # one query embedding, one Chroma query (no filter to relax)
            timings.append((time.perf_counter() - start) * 1000)
    return timings
