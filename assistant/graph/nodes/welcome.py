"""The first node of a session: an empty canvas, the welcome notice, then the first question."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.graph.context import Context
from assistant.graph.nodes.common import lang_of, msg
from assistant.graph.state import State


async def welcome(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    language = state.get("language") or ctx.language or ctx.default_language
    lang = lang_of({"language": language}, ctx)
    return {
        "language": language,
        "language_locked": bool(state.get("language_locked") or ctx.language),
        "question_id": "intake",
        "follow_ups": 0,
        "dont_knows": 0,
        "asked": [],
        "answers": {},
        "canvas": Canvas(language=lang).model_dump(mode="json"),
        "outbox": [msg("notice", ctx.prompts.text(lang, "messages.welcome"))],
        "pending_ask": True,
        "done": False,
        "turns": 0,
    }
