"""Ask the current question: in full the first time, short when it is asked again."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.graph.context import Context
from assistant.graph.nodes.common import lang_of, question_message
from assistant.graph.state import State


async def ask(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    qid = state["question_id"]
    if qid == "summary":
        return {"pending_ask": False}
    canvas = Canvas.model_validate(state["canvas"])
    full = qid not in state.get("asked", [])
    message = question_message(runtime.context, lang_of(state, runtime.context), qid, canvas, full,
                               state.get("sector", ""))
    asked = state.get("asked", []) + ([qid] if full else [])
    return {"outbox": state.get("outbox", []) + [message], "asked": asked, "pending_ask": False}
