"""Reopen a question of a finished session (`/revoir`, `/revisit`, the room's button): the canvas is kept,
the question is asked again, then the summary comes back. Without a question, the coach lists them."""

from __future__ import annotations

from typing import Any, cast

from langgraph.runtime import Runtime

from assistant.domain import QuestionId
from assistant.graph.context import Context
from assistant.graph.nodes.common import lang_of, msg
from assistant.graph.revisit import choices_text, question_label, reopen
from assistant.graph.state import State


async def revisit(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    prompts = runtime.context.prompts
    lang = lang_of(state, runtime.context)
    request = state.get("revisit_request") or {}
    target, typed = request.get("question") or "", request.get("typed") or ""
    outbox = list(state.get("outbox", []))
    if not state.get("done") and not state.get("revisiting"):
        outbox.append(msg("notice", prompts.text(lang, "revisit.not_done"), state["question_id"]))
        return {"outbox": outbox, "pending_ask": False}
    if not target:
        key = "revisit.unknown" if typed else "revisit.choose"
        outbox.append(msg("notice", prompts.text(lang, key, question=typed, names=choices_text(prompts, lang))))
        return {"outbox": outbox, "revisit_choice": True, "pending_ask": False}
    outbox.append(msg("notice", prompts.text(lang, "revisit.opened", question=question_label(prompts, lang, target)),
                      target))
    return {**reopen(state, cast(QuestionId, target)), "outbox": outbox}
