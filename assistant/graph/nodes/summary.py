"""The closing summary: the canvas, what is still unvalidated, and next steps to the other blocks."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.coach.base import metering
from assistant.graph.context import Context
from assistant.graph.nodes.common import fallback_notice, lang_of, msg, with_usage
from assistant.graph.nodes.personas import founder_words
from assistant.graph.state import State


async def summary(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    lang = lang_of(state, ctx)
    canvas = Canvas.model_validate(state["canvas"])
    focus = canvas.focus_segment or lang
    passages = await ctx.retriever.search(f"next steps value proposition channels {focus}", language=lang, k=2)
    close = getattr(ctx.coach, "close", None)  # an engine that drafts the personas with the summary, in one call
    drafted = None
    founder = await founder_words(state, runtime.store) if close is not None else None
    with metering() as used:
        if close is None:
            text = await ctx.coach.summarise(canvas, passages, lang)
        else:
            closing = await close(canvas, passages, dict(state.get("answers", {})), founder, lang,
                                  started=ctx.turn_started)
            text, drafted = closing.summary, [p.model_dump(mode="json") for p in closing.personas]
    canvas = with_usage(canvas, used, ctx.coach)
    outbox = list(state.get("outbox", [])) + fallback_notice(ctx, lang, used) + [msg("summary", text, "summary")]
    return {"outbox": outbox, "canvas": canvas.model_dump(mode="json"), "done": True, "pending_ask": False,
            "revisiting": False, "drafted_personas": drafted}
