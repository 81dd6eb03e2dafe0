"""Personas after the summary: one per segment, drafted by the engine (the LLM's structured output, or the
offline draft from the canvas), each field checked against the founder's words; shown with the first empty
field asked for and the interview kit announced. Also the founder's corrections in words, and their answers
to a persona field the coach asked for."""

from __future__ import annotations

from typing import Any, Protocol

from langgraph.runtime import Runtime
from langgraph.store.base import BaseStore

from assistant.canvas import Canvas
from assistant.coach.base import metering
from assistant.domain import Language
from assistant.graph import history, inbox
from assistant.graph.context import Context
from assistant.graph.nodes.common import fallback_notice, lang_of, msg, with_usage
from assistant.graph.state import State
from assistant.interviews import texts
from assistant.interviews.state import Fieldwork
from assistant.personas.builder import (
    correct_persona,
    correction_fields,
    draft_personas,
    is_correction,
    keep_founder_edits,
)
from assistant.personas.faithful import FounderText, keep_traced
from assistant.personas.models import ASK_ORDER, Persona
from assistant.personas.render import persona_card

ASKED_FIELDS = ASK_ORDER[:3]  # the empty fields worth a question: a moment, where to reach them, the context


class PersonaWriter(Protocol):
    async def draft(self, canvas: Canvas, answers: dict[str, str], founder: FounderText, language: Language
                    ) -> list[Persona]: ...


async def founder_words(state: State, store: BaseStore | None) -> FounderText:
    """Everything the founder typed or pasted in this session: what a persona may hold (the messages in the
    store, `assistant.graph.inbox`, and those of the old layout in the checkpoint)."""
    messages = await inbox.founder_messages(store, inbox.current_thread(), state.get("inbox"))
    said = [str(r.get("text", "")) for r in messages if r.get("kind") in ("answer", "notes")]
    return FounderText([*said, *state.get("answers", {}).values()])


async def draft_all(ctx: Context, canvas: Canvas, state: State, lang: Language,
                    store: BaseStore | None = None) -> list[Persona]:
    founder = await founder_words(state, store)
    answers = dict(state.get("answers", {}))
    writer: PersonaWriter | None = getattr(ctx.coach, "personas", None)
    ready = state.get("drafted_personas")
    if ready is not None:  # drafted (and checked) with the summary
        drafted = [Persona.model_validate(p) for p in ready]
    elif writer is not None and hasattr(writer, "draft"):
        drafted = await writer.draft(canvas, answers, founder, lang)
    else:
        drafted = [keep_traced(p, founder)[0] for p in draft_personas(canvas.segments, answers, lang)]
    previous = {p.segment: p for p in canvas.personas}
    return [keep_founder_edits(p, previous[p.segment]) if p.segment in previous else p for p in drafted]


def next_question(canvas: Canvas, work: Fieldwork, lang: Language) -> tuple[Fieldwork, list[dict[str, Any]]]:
    """Ask for the first empty field not asked yet (a moment, where to reach them, the context), if any."""
    for persona in canvas.personas:
        for name in persona.empty_fields():
            key = f"{persona.segment}|{name}"
            if name in ASKED_FIELDS and key not in work.asked:
                work = work.model_copy(update={"asking_segment": persona.segment, "asking_field": name,
                                               "asked": [*work.asked, key]})
                return work, [msg("question", texts.text(lang, f"persona.ask.{name}", segment=persona.segment),
                                  "summary")]
    return work.model_copy(update={"asking_segment": "", "asking_field": ""}), []


async def personas(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    lang = lang_of(state, ctx)
    canvas = Canvas.model_validate(state["canvas"])
    with metering() as used:
        drafted = await draft_all(ctx, canvas, state, lang, runtime.store)
    before = canvas.personas
    canvas = with_usage(canvas.model_copy(update={"personas": drafted}), used, ctx.coach)
    work = Fieldwork.model_validate(state.get("fieldwork") or {})
    outbox = list(state.get("outbox", [])) + fallback_notice(ctx, lang, used)
    first = not history.has_versions(state)  # the first summary: later ones come back from a revisit
    if drafted and first:
        outbox.append(msg("persona", texts.text(lang, "persona.drafted"), "summary"))
    outbox += [msg("persona", persona_card(p, lang), "summary") for p in drafted if p not in before]
    asks_already = any("?" in str(m.get("text", "")) for m in outbox)  # one question per turn, never two
    if first and not asks_already:
        work, question = next_question(canvas, work, lang)
        outbox += question
    else:  # a field asked before (a revisit since) is no longer waiting for an answer
        work = work.model_copy(update={"asking_segment": "", "asking_field": ""})
    if first and not work.interviews:
        outbox.append(msg("notice", texts.text(lang, "kit.announce"), "summary"))
    return {"outbox": outbox, "canvas": canvas.model_dump(mode="json"), "fieldwork": work.model_dump(mode="json"),
            "drafted_personas": None}


def correction_turn(state: State, ctx: Context, canvas: Canvas, work: Fieldwork, text: str
                    ) -> dict[str, Any] | None:
    """A founder's words about a persona: the field the coach asked for, or a correction ("non, elle a plutôt
    45 ans"); None when there is no persona to correct."""
    lang = lang_of(state, ctx)
    if not canvas.personas:
        return None
    target = work.asking_segment if canvas.segment(work.asking_segment) else canvas.personas[0].segment
    if not work.asking_field:
        target = canvas.focus_segment if any(p.segment == canvas.focus_segment for p in canvas.personas) else target
    said_about = correction_fields(text, lang)
    # The answer fills the field asked for, unless it corrects the persona or clearly speaks of another field.
    answers_it = said_about in (["context"], [work.asking_field]) and not is_correction(text, lang)
    field = work.asking_field if work.asking_field and answers_it else None
    personas_now = []
    changed: list[str] = []
    for p in canvas.personas:
        if p.segment == target:
            p, changed = correct_persona(p, text, lang, field)
        personas_now.append(p)
    canvas = canvas.model_copy(update={"personas": personas_now})
    names = ", ".join(texts.text(lang, f"persona.field_names.{f}") for f in changed)
    outbox = list(state.get("outbox", [])) + [msg("feedback", texts.text(lang, "persona.corrected", segment=target,
                                                                         fields=names), "summary")]
    persona = next(p for p in personas_now if p.segment == target)
    outbox.append(msg("persona", persona_card(persona, lang), "summary"))
    work, question = next_question(canvas, work, lang)
    return {"outbox": outbox + question, "canvas": canvas.model_dump(mode="json"),
            "fieldwork": work.model_dump(mode="json"), "pending_ask": False}
