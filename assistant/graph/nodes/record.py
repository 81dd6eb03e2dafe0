"""The last step of every turn: from the first summary on, a change to the founder's canvas makes a new canvas
version (number, time, what changed), announced in one short line from version 2 on, and kept in the LangGraph
store (`assistant.graph.history`)."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.canvas.field_names import field_label
from assistant.canvas.versions import CanvasDiff, load_versions, next_version
from assistant.domain import as_language
from assistant.graph import history, inbox
from assistant.graph.context import Context
from assistant.graph.nodes.common import lang_of, msg
from assistant.graph.revisit import last_heard
from assistant.graph.state import State
from assistant.prompts import Prompts
from assistant.text.typography import semicolon


def changes_text(prompts: Prompts, lang: str, changes: CanvasDiff) -> str:
    """What changed, in a few words: "nouveau segment Écoles ; Parents : Douleurs, Gains"."""
    language = as_language(lang)

    def label(field: str) -> str:
        return field_label(field, language)

    parts = [prompts.text(language, "revisit.added", name=n) for n in changes.added]
    parts += [prompts.text(language, "revisit.removed", name=n) for n in changes.removed]
    parts += [prompts.text(language, "revisit.changed", name=c.name,
                           names=", ".join(dict.fromkeys(label(f.field) for f in c.fields))) for c in changes.changed]
    parts += [label(f.field) for f in changes.canvas]
    return f"{semicolon(language)} ".join(parts)


async def record(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    if not (state.get("done") or history.has_versions(state) or state.get("revisiting")):
        return {}  # before the first summary the canvas is a draft: no versions yet
    ctx = runtime.context
    last = await history.latest(runtime.store, inbox.current_thread(), state)
    canvas = Canvas.model_validate(state["canvas"])
    new = next_version([last] if last else [], canvas, at=ctx.clock().isoformat(),
                       question_id=str(last_heard(state).get("question_id", "")),
                       kind=str((state.get("reading") or {}).get("kind", "")))
    if new is None:
        return {}
    update: dict[str, Any] = {
        "canvas": canvas.model_copy(update={"version": new.number}).model_dump(mode="json"),
    }
    if runtime.store is not None:  # the history in the store, the latest version in the checkpoint
        await history.keep(runtime.store, inbox.current_thread(), state, new)
        update["latest_version"] = history.header(new)
    else:  # a graph compiled without a store: the old layout, the whole list in the checkpoint
        update["versions"] = [v.model_dump(mode="json") for v in [*load_versions(state.get("versions")), new]]
    if new.changes is not None and not new.changes.empty:
        lang = lang_of(state, ctx)
        text = ctx.prompts.text(lang, "revisit.version_saved", index=new.number,
                                names=changes_text(ctx.prompts, lang, new.changes))
        update["outbox"] = list(state.get("outbox", [])) + [msg("notice", text)]
    return update
