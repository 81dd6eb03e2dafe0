"""The LLM engine's personas: one structured call for every segment, then each field checked against the
founder's words (`assistant.personas.faithful`): a field the model cannot trace to them is dropped, never
kept. When the model fails or its output cannot be read, the offline draft is used."""

from __future__ import annotations

import json
import logging

import openai
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.canvas import Canvas
from assistant.coach.base import record_usage
from assistant.coach.llm.client import ChatClient, ModelUnavailable
from assistant.coach.llm.guard import as_data
from assistant.coach.llm.prompts import PromptBook, canvas_data
from assistant.coach.llm.schema import skeleton, strict_schema
from assistant.domain import Language
from assistant.personas.builder import draft_personas
from assistant.personas.faithful import FounderText, keep_traced
from assistant.personas.models import LIST_FIELDS, SCALAR_FIELDS, Persona, PersonaField

log = logging.getLogger(__name__)
OUTPUT_CAP = 900


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftField(_Strict):
    value: str = Field(description="The fact, in the founder's words; empty when the founder said nothing of it.")
    source: str = Field(description="The founder's exact words the value comes from, copied; empty with the value.")


class PersonaOut(_Strict):
    segment: str = Field(description="The segment's exact name.")
    name: DraftField
    role: DraftField
    context: DraftField
    moment: DraftField = Field(description="A day or a buying moment the founder described.")
    jobs: list[DraftField]
    pains: list[DraftField]
    gains: list[DraftField]
    quote: DraftField = Field(description="One sentence of the founder's own, word for word.")
    channels: DraftField = Field(description="Where the founder said these people can be reached.")
    buyer: DraftField
    user: DraftField


class PersonasOut(_Strict):
    personas: list[PersonaOut]


def _field(d: DraftField) -> PersonaField:
    if not d.value.strip():
        return PersonaField()
    return PersonaField(value=d.value.strip(), source=d.source.strip(), origin="session")


def to_persona(out: PersonaOut) -> Persona:
    data: dict[str, object] = {k: _field(getattr(out, k)) for k in SCALAR_FIELDS}
    data |= {k: [f for f in map(_field, getattr(out, k)) if not f.empty] for k in LIST_FIELDS}
    return Persona.model_validate({"segment": out.segment, **data})


def offline_personas(canvas: Canvas, answers: dict[str, str], language: Language) -> list[Persona]:
    """The offline draft of every segment that is not a draft itself, in the canvas's order."""
    return draft_personas(canvas.segments, answers, language)


def traced_personas(drafted: list[Persona], offline: list[Persona], founder: FounderText) -> list[Persona]:
    """One persona per offline draft (same segments, same order): the model's when it drafted that segment,
    else the offline one; in both cases each field the founder's words cannot trace is dropped."""
    by_name = {p.segment.strip().casefold(): p for p in drafted}
    out = []
    for own in offline:
        model = by_name.get(own.segment.strip().casefold())
        persona, dropped = keep_traced(model or own, founder)
        if dropped:
            log.info("persona %r: fields the founder never said were dropped: %s", own.segment, dropped)
        out.append(persona.model_copy(update={"segment": own.segment}))
    return out


class LLMPersonas:
    """Drafts personas with the model; `draft` never raises for a model failure (the offline draft is used)."""

    def __init__(self, chat: ChatClient, book: PromptBook) -> None:
        self.chat = chat
        self.book = book

    async def draft(self, canvas: Canvas, answers: dict[str, str], founder: FounderText, language: Language
                    ) -> list[Persona]:
        offline = offline_personas(canvas, answers, language)
        try:
            drafted = await self._model(canvas, answers, language)
        except (ModelUnavailable, openai.OpenAIError, ValidationError, ValueError) as exc:
            log.warning("personas drafted offline: %s", exc)
            record_usage(fallbacks=1)
            return [keep_traced(p, founder)[0] for p in offline]
        return traced_personas(drafted, offline, founder)

    async def _model(self, canvas: Canvas, answers: dict[str, str], language: Language) -> list[Persona]:
        said = "\n".join(f"[{q}] {a}" for q, a in answers.items())
        messages = [{"role": "system", "content": self.book.system(language)},
                    {"role": "user", "content": self.book.prompts.file(
                        language, "personas.md", answers=as_data(said), canvas=canvas_data(canvas),
                        shape=skeleton(PersonasOut))}]
        done = await self.chat.structured(messages, "personas", strict_schema(PersonasOut), max_tokens=OUTPUT_CAP)
        if self.book.canary.leaked(done.text):
            raise ValueError("the output carries the system prompt")
        return [to_persona(p) for p in PersonasOut.model_validate(json.loads(done.text)).personas]
