"""Session commands: skip, back, canvas, example, restart, help (and a hint for an unknown one)."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.canvas.render import canvas_markdown
from assistant.canvas.update import add_open_question
from assistant.graph.context import Context
from assistant.graph.nodes.common import advance, example_text, lang_of, msg
from assistant.graph.state import State
from assistant.interviews.kit import kit_markdown
from assistant.questions import previous_question
from assistant.understanding.intake import Reading


async def command(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    prompts = runtime.context.prompts
    lang = lang_of(state, runtime.context)
    reading = Reading.model_validate(state["reading"])
    qid = state["question_id"]
    canvas = Canvas.model_validate(state["canvas"])
    outbox = list(state.get("outbox", []))
    done = bool(state.get("done"))

    def say(key: str, **values: Any) -> None:
        outbox.append(msg("notice", prompts.text(lang, key, **values), qid))

    if reading.kind == "unknown_command":
        hint = prompts.text(lang, "messages.did_you_mean", command="/" + reading.suggestion) if (
            reading.suggestion) else ""
        say("messages.unknown_command", command=reading.typo or reading.text[:30], suggestion=hint)
        return {"outbox": outbox, "pending_ask": False}
    cmd = reading.command
    if cmd == "restart":
        say("messages.restarted")
        return {"outbox": outbox, "canvas": Canvas(language=lang).model_dump(mode="json"), "answers": {},
                "asked": [], "question_id": "intake", "follow_ups": 0, "dont_knows": 0, "pitch_requests": 0,
                "done": False, "pending_ask": True, "versions": [], "revisiting": False,
                # a new history of versions: those before the restart stay in the store, out of it
                "latest_version": None, "version_series": f"s{state.get('turns', 0)}"}
    if cmd == "canvas":
        header = prompts.text(lang, "messages.canvas_header")
        outbox.append(msg("canvas", header + "\n\n" + canvas_markdown(canvas)))
        return {"outbox": outbox, "pending_ask": not done}
    if cmd == "interviews":  # the interview kit, any time (built from the canvas as it stands)
        outbox.append(msg("kit", kit_markdown(canvas)))
        return {"outbox": outbox, "pending_ask": not done}
    if cmd == "help":
        say("messages.help")
        return {"outbox": outbox, "pending_ask": not done}
    if done:
        say("messages.after_done")
        return {"outbox": outbox, "pending_ask": False}
    if cmd == "example":
        say("messages.example_only", example=example_text(runtime.context, lang, qid, state.get("sector", "")))
        return {"outbox": outbox, "pending_ask": False}
    if cmd == "back":
        if qid == "intake":
            say("messages.cannot_go_back")
            return {"outbox": outbox, "pending_ask": True}
        say("messages.went_back")
        prev = previous_question(qid)
        return {"outbox": outbox, "question_id": prev, "follow_ups": 0, "dont_knows": 0, "pending_ask": True,
                "asked": [q for q in state.get("asked", []) if q != prev]}
    # skip
    canvas = add_open_question(canvas, qid, prompts.text(lang, f"questions.{qid}.ask", count=len(canvas.segments)))
    say("messages.skipped")
    return {"outbox": outbox, "canvas": canvas.model_dump(mode="json"), **advance(state, canvas)}
