"""The chat messages of each model role, built from the files in prompts/<lang>/ (persona, analyse, reply,
follow_up, repair, faq, summary, personas, and closing: the summary and the personas in one structured call).

Founder text, canvas values and passages only ever enter a prompt escaped, inside tagged slots
(`<founder_answer>`, `<canvas>`, `<passage id=...>`), so they are data the model reads, never orders.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from assistant.canvas import Canvas
from assistant.coach.base import Analysis, TurnContext
from assistant.coach.llm.guard import Canary, as_data
from assistant.coach.llm.schema import skeleton
from assistant.domain import MISTAKE_IDS, Language
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage

Message = dict[str, str]
ROLE_FILES = ("persona.md", "analyse.md", "reply.md", "follow_up.md", "repair.md", "faq.md", "summary.md",
              "personas.md", "closing.md")
_PASSAGE_CHARS = 1200
# The compact profile, for small-context local models: fewer and shorter passages, mistakes by name only.
_COMPACT_PASSAGES, _COMPACT_CHARS = 2, 400


def passages_block(passages: list[Passage], chars: int = _PASSAGE_CHARS) -> str:
    if not passages:
        return "(none)"
    return "\n".join(
        f'<passage id="{as_data(p.chunk_id)}" document="{as_data(p.document)}" '
        f'section="{as_data(p.section)}">\n'
        f"{as_data(p.text.strip()[:chars])}\n</passage>"
        for p in passages
    )


def canvas_data(canvas: Canvas, *, full: bool = False) -> str:
    """The canvas as compact JSON (non-empty fields only), escaped for a <canvas> slot."""
    segments = []
    for seg in canvas.segments:
        data = seg.model_dump(exclude_defaults=True)
        data["name"] = seg.name
        if not full:
            data.pop("priority", None)
        segments.append(data)
    out: dict[str, Any] = {
        "startup": canvas.startup, "focus_segment": canvas.focus_segment, "segments": segments}
    if full:
        out["open_critiques"] = [{"mistake_id": c.mistake_id, "question_id": c.question_id}
                                 for c in canvas.open_critiques()]
        out["open_questions"] = [q.text for q in canvas.open_questions]
    return as_data(json.dumps(out, ensure_ascii=False))


def recorded_summary(analysis: Analysis) -> str:
    """What the turn put in the canvas, in one line, for the reply prompt."""
    parts = []
    for up in analysis.updates:
        data = up.model_dump(exclude_defaults=True)
        values = [v for k, v in data.items() if k != "segment" and isinstance(v, str)]
        values += [item for v in data.values() if isinstance(v, list) for item in v]
        parts.append(f"{up.segment}: {', '.join(values)}" if values else up.segment)
    return "; ".join(parts) or analysis.startup or "-"


class PromptBook:
    """Fills the role files for one coach; the system prompt carries the coach's canary."""

    def __init__(self, prompts: Prompts, canary: Canary, *, compact: bool = False) -> None:
        self.prompts = prompts
        self.canary = canary
        self.compact = compact
        self._system: dict[str, str] = {}

    def _passages(self, passages: list[Passage]) -> str:
        if self.compact:
            return passages_block(passages[:_COMPACT_PASSAGES], _COMPACT_CHARS)
        return passages_block(passages)

    def system(self, lang: Language) -> str:
        if lang not in self._system:
            text = self.prompts.file(lang, "persona.md", canary=self.canary.token)
            self.canary.protect(text)
            self._system[lang] = text
        return self._system[lang]

    def _messages(self, lang: Language, name: str, **values: Any) -> list[Message]:
        return [{"role": "system", "content": self.system(lang)},
                {"role": "user", "content": self.prompts.file(lang, name, **values)}]

    def question(self, ctx: TurnContext) -> str:
        count = len(ctx.canvas.segments)
        return self.prompts.text(ctx.language, f"questions.{ctx.question_id}.ask", count=count)

    def mistakes(self, lang: Language) -> str:
        text = self.prompts.text
        if self.compact:
            return "\n".join(f"- {m}: {text(lang, f'mistakes.{m}.title')}" for m in MISTAKE_IDS)
        return "\n".join(
            f"- {m}: {text(lang, f'mistakes.{m}.title')} — {text(lang, f'mistakes.{m}.explain')}"
            for m in MISTAKE_IDS
        )

    def analyse(self, ctx: TurnContext, model: type[BaseModel]) -> list[Message]:
        fields = [k for k in model.model_fields if k not in ("findings", "follow_up", "usable")]
        earlier = ctx.answers.get(ctx.question_id, "") if ctx.follow_up_count else ""
        return self._messages(
            ctx.language, "analyse.md",
            question_id=ctx.question_id,
            question=self.question(ctx),
            fields=", ".join(fields) or "-",
            canvas=canvas_data(ctx.canvas),
            earlier=as_data(earlier) or "-",
            passages=self._passages(ctx.passages),
            mistakes=self.mistakes(ctx.language),
            answer=as_data(ctx.answer),
            shape=skeleton(model),
        )

    def repair(self, messages: list[Message], bad_output: str, error: str, lang: Language,
               model: type[BaseModel]) -> list[Message]:
        note = self.prompts.file(lang, "repair.md", error=error[:400], shape=skeleton(model))
        return [*messages, {"role": "assistant", "content": bad_output[:2000]},
                {"role": "user", "content": note}]

    def reply(self, ctx: TurnContext, analysis: Analysis) -> list[Message]:
        recorded = recorded_summary(analysis)
        values = {"question": self.question(ctx), "answer": as_data(ctx.answer),
                  "recorded": as_data(recorded)}
        if not analysis.findings:
            return self._messages(ctx.language, "reply.md", **values)
        first = analysis.findings[0]
        title = self.prompts.text(ctx.language, f"mistakes.{first.mistake_id}.title")
        return self._messages(ctx.language, "follow_up.md", **values, finding=f"{title} — {first.message}",
                              evidence=as_data(first.evidence) or "-", follow_up=analysis.follow_up or "-")

    def faq(self, question: str, passages: list[Passage], lang: Language, canvas: Canvas | None = None
            ) -> list[Message]:
        return self._messages(lang, "faq.md", question=as_data(question), passages=self._passages(passages),
                              canvas=canvas_data(canvas or Canvas(language=lang)),
                              example_id=as_data(passages[0].chunk_id) if passages else "id")

    def summary(self, canvas: Canvas, passages: list[Passage], lang: Language) -> list[Message]:
        return self._messages(lang, "summary.md", canvas=canvas_data(canvas, full=True),
                              passages=self._passages(passages))

    def closing(self, canvas: Canvas, passages: list[Passage], answers: dict[str, str], lang: Language,
                model: type[BaseModel]) -> list[Message]:
        """The one call that ends a session: the summary's sections and a persona per segment (`model`)."""
        said = "\n".join(f"[{q}] {a}" for q, a in answers.items())
        return self._messages(lang, "closing.md", canvas=canvas_data(canvas, full=True), answers=as_data(said),
                              passages=self._passages(passages), shape=skeleton(model))
