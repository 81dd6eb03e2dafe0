"""The turn that ends a session, in one model call: the closing summary's two sections and a persona per
segment come from one structured output (`ClosingOut`).

The summary keeps the canvas (rendered here, never written by the model) and adds the model's sections; every
persona field is checked against the founder's words and dropped when they cannot trace it
(`assistant.personas.faithful`). The caller falls back to the offline summary and personas on any failure.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.canvas import Canvas
from assistant.canvas.render import canvas_markdown
from assistant.coach.llm.client import ChatClient
from assistant.coach.llm.personas import PersonaOut, offline_personas, to_persona, traced_personas
from assistant.coach.llm.prompts import PromptBook
from assistant.coach.llm.reading import extract_json
from assistant.coach.llm.schema import SchemaError, strict_schema
from assistant.domain import Language
from assistant.personas.faithful import FounderText
from assistant.personas.models import Persona
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage

_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])(?:\s+|$)")  # a bullet or a number the model put in front anyway


class ClosingOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    still_to_validate: list[str] = Field(description="Two to four short items: segments and assumptions that "
                                                     "still lack real customer evidence, and open critiques.")
    next_steps: list[str] = Field(description="Three or four concrete steps linking the focus segment to the "
                                              "other blocks of the canvas.")
    personas: list[PersonaOut] = Field(description="One persona per segment, from the founder's words only.")


class Closing(BaseModel):
    """What the founder sees when the session ends: the summary (Markdown) and one persona per segment."""

    summary: str
    personas: list[Persona]


def _items(values: list[str]) -> list[str]:
    return [text for text in (_MARK.sub("", v).strip() for v in values) if text]


def closing_summary(prompts: Prompts, canvas: Canvas, out: ClosingOut, lang: Language) -> str:
    """The summary in Markdown: title, the canvas, what is still to validate, the numbered next steps.
    Raises SchemaError when the model gave no next step."""
    still, steps = _items(out.still_to_validate), _items(out.next_steps)
    if not steps:
        raise SchemaError("the summary has no next step")
    t = prompts.text
    lines = [f"### {t(lang, 'summary.unvalidated_title')}", *(f"- {i}" for i in still)]
    if not still:
        lines.append(t(lang, "summary.unvalidated_none"))
    lines += ["", f"### {t(lang, 'summary.next_title')}", *(f"{n}. {i}" for n, i in enumerate(steps, 1))]
    return f"## {t(lang, 'summary.title')}\n\n{canvas_markdown(canvas)}\n" + "\n".join(lines)


async def model_closing(chat: ChatClient, book: PromptBook, canvas: Canvas, passages: list[Passage],
                        answers: dict[str, str], founder: FounderText, lang: Language, *, cap: int) -> Closing:
    """One structured call of at most `cap` tokens for the summary and the personas (same segments and order
    as the offline draft, untraced fields dropped). Raises SchemaError when the output cannot be read or
    carries the system prompt, and what `ChatClient.structured` raises when the server fails."""
    messages = book.closing(canvas, passages, answers, lang, ClosingOut)
    done = await chat.structured(messages, "closing", strict_schema(ClosingOut), max_tokens=cap)
    if book.canary.leaked(done.text):
        raise SchemaError("the output carries the system prompt")
    try:
        out = ClosingOut.model_validate(extract_json(done.text))
        drafted = [to_persona(p) for p in out.personas]
    except ValidationError as exc:
        raise SchemaError(str(exc)) from exc
    summary = closing_summary(book.prompts, canvas, out, lang)
    offline = offline_personas(canvas, answers, lang)
    return Closing(summary=summary, personas=traced_personas(drafted, offline, founder))
