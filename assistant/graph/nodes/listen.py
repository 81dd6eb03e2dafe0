"""Wait for the founder (`interrupt`), keep the raw message first (in the LangGraph store:
`assistant.graph.inbox`), then read it.

The resume payload is a founder turn: `{"kind": "text", "text": ...}` or `{"kind": "action", "name": ...}`
(see `assistant.turns`); a bare string is read as text.
"""

from __future__ import annotations

import asyncio
from typing import Any

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from assistant.canvas import Canvas
from assistant.graph import inbox
from assistant.graph.context import Context
from assistant.graph.nodes.common import lang_of, msg
from assistant.graph.revisit import revisit_request
from assistant.graph.state import State
from assistant.interviews.notes import notes_in
from assistant.turns import Notes, parse_input
from assistant.understanding.intake import Reading, read_message
from assistant.understanding.substance import describes_startup

RAW_MESSAGE_LIMIT = 100_000  # what the inbox keeps of one message (the coach reads far less)


def decide_language(state: State, detected: str) -> tuple[str, int]:
    """Follow the founder's language: set at the first answer, switched after two in a row in the other.

    Returns (session language, streak of messages in the other language)."""
    current = state.get("language") or ""
    if state.get("language_locked") or detected not in ("fr", "en"):
        return current, 0
    first = not (state.get("turns") or state.get("inbox"))  # no founder message before this one
    if first or state.get("question_id") == "intake" and not state.get("answers"):
        return detected, 0
    if detected == current:
        return current, 0
    streak = state.get("other_language_streak", 0) + 1
    return (detected, 0) if streak >= 2 else (current, streak)


def _read(text: str, state: State, max_chars: int) -> Reading:
    reading = read_message(text, session_language=state.get("language"), max_chars=max_chars)
    if reading.kind == "answer" and state.get("question_id") == "intake" and not describes_startup(
            reading.text, insist=state.get("pitch_requests", 0) > 0):
        # "Bonjour", a tag, a self-introduction: kept in the inbox, and the coach asks for a pitch.
        reading = reading.model_copy(update={"kind": "not_a_pitch"})
    return reading


async def listen(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    received = parse_input(interrupt({"question_id": state["question_id"], "messages": state.get("outbox", [])}))
    notes = notes_in(received.kind, getattr(received, "text", ""), bool(state.get("done")))
    request = None if isinstance(received, Notes) or notes is not None else revisit_request(received, state,
                                                                                             ctx.prompts)
    if isinstance(received, Notes) or notes is not None:  # read whole, never capped like an answer
        text = getattr(received, "text", "")
        reading = Reading(kind="notes", text=notes or "", length=len(text))
    elif request is not None:
        text = received.text if received.kind == "text" else "/revisit"
        reading = Reading(kind="command", text=text[:200], length=len(text))
    elif received.kind == "action":
        text = "/" + received.name
        name = None if received.name == "revisit" else received.name  # a revisit is a request, handled above
        reading = Reading(kind="command", text=text, command=name, length=len(text))
    else:
        text = received.text
        # Language detection and the readers are CPU work: off the event loop, so other founders' turns go on.
        reading = await asyncio.to_thread(_read, text, state, ctx.max_message_chars)
    language, streak = decide_language(state, reading.language)
    record = {
        "text": text[:RAW_MESSAGE_LIMIT],
        "question_id": state["question_id"],
        "kind": reading.kind,
        "at": ctx.clock().isoformat(),
    }
    turn = state.get("turns", 0) + 1
    update: dict[str, Any] = {
        "heard": {k: record[k] for k in ("question_id", "kind", "at")},
        "reading": reading.model_dump(),
        "outbox": [],
        "retrieved": [],
        "turns": turn,
        "language": language,
        "other_language_streak": streak,
        "revisit_request": request,
        "revisit_choice": False,
    }
    if runtime.store is not None:  # kept before any node reads it; the checkpoint keeps only `heard`
        await inbox.keep(runtime.store, inbox.current_thread(), turn, record)
    else:  # a graph compiled without a store (a bare test graph): the old layout, in the checkpoint
        update["inbox"] = [record]
    if language and language != state.get("language"):
        canvas = Canvas.model_validate(state["canvas"]).model_copy(update={"language": language})
        update["canvas"] = canvas.model_dump(mode="json")
    if reading.truncated:
        lang = lang_of({"language": language}, ctx)
        note = ctx.prompts.text(lang, "messages.too_long", length=reading.length, limit=ctx.max_message_chars)
        update["outbox"] = [msg("notice", note)]
    return update
