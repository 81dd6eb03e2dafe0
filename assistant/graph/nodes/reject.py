"""Messages the coach cannot use as an answer: empty, emoji only, another language, "I don't know", a
first message that does not describe a startup, anything after the summary. A second "I don't know"
becomes an open question and the coach moves on."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.canvas.update import add_open_question
from assistant.domain import Language
from assistant.graph.context import Context
from assistant.graph.nodes.common import advance, example_text, lang_of, msg
from assistant.graph.state import State
from assistant.prompts import Prompts, fill


async def reject(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    prompts = runtime.context.prompts
    lang = lang_of(state, runtime.context)
    qid = state["question_id"]
    kind = state["reading"]["kind"]
    outbox = list(state.get("outbox", []))
    if state.get("done"):
        outbox.append(msg("notice", prompts.text(lang, "messages.after_done")))
        return {"outbox": outbox, "pending_ask": False}
    if kind == "dont_know":
        # a founder stuck at several questions is not answered twice with the same sentences
        told = state.get("dont_knows_total", 0)
        if state.get("dont_knows", 0) >= 1 or qid == "summary":
            canvas = Canvas.model_validate(state["canvas"])
            ask = prompts.text(lang, f"questions.{qid}.ask", count=len(canvas.segments))
            canvas = add_open_question(canvas, qid, ask)
            outbox.append(msg("notice", _varied(prompts, lang, "messages.dont_know_again", told)))
            return {"outbox": outbox, "canvas": canvas.model_dump(mode="json"), "dont_knows_total": told + 1,
                    **advance(state, canvas)}
        example = example_text(runtime.context, lang, qid, state.get("sector", ""))
        outbox.append(msg("feedback", _varied(prompts, lang, "messages.dont_know", told, example=example), qid))
        return {"outbox": outbox, "dont_knows": state.get("dont_knows", 0) + 1, "dont_knows_total": told + 1,
                "pending_ask": False}
    if kind == "not_a_pitch":
        example = prompts.text(lang, "questions.intake.example")
        outbox.append(msg("feedback", prompts.text(lang, "messages.not_a_pitch", example=example), qid))
        return {"outbox": outbox, "pitch_requests": state.get("pitch_requests", 0) + 1, "pending_ask": False}
    outbox.append(msg("notice", prompts.text(lang, f"messages.{kind}"), qid))
    return {"outbox": outbox, "pending_ask": False}


def _varied(prompts: Prompts, lang: Language, key: str, n: int, **values: Any) -> str:
    """The `n`-th of the interchangeable templates at `key`, round robin, filled with `values`."""
    variants = prompts.variants(lang, key)
    return fill(variants[n % len(variants)], values)
