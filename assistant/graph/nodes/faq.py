"""A free question asked at any time ("B2B ou B2C ?"): answered from the knowledge base with its
sources, then the session resumes at the same question."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.coach.base import metering
from assistant.graph.context import Context
from assistant.graph.nodes.common import fallback_notice, lang_of, msg, with_usage
from assistant.graph.state import State


async def faq(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    lang = lang_of(state, ctx)
    question = state["reading"]["text"]
    done = bool(state.get("done"))
    passages = await ctx.retriever.search(question, language=lang, k=3)
    canvas = Canvas.model_validate(state["canvas"])
    with metering() as used:
        answer = await ctx.coach.answer_question(question, passages, lang, canvas)
    canvas = with_usage(canvas, used, ctx.coach)
    outbox = list(state.get("outbox", [])) + fallback_notice(ctx, lang, used)
    outbox.append(msg("faq", answer.text, state["question_id"], answer.citations))
    if not done:
        outbox.append(msg("notice", ctx.prompts.text(lang, "messages.faq_resume")))
    return {"outbox": outbox, "retrieved": state.get("retrieved", []) + [p.chunk_id for p in passages],
            "canvas": canvas.model_dump(mode="json"), "pending_ask": not done}
