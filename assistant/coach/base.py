"""The one interface the graph talks to. Two engines implement it: offline (rules) and LLM."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from assistant.analysis import Analysis, Finding, SegmentUpdate
from assistant.canvas import Canvas, Citation
from assistant.domain import Language, QuestionId
from assistant.retrieval.passage import Passage


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


__all__ = ["MAX_FOLLOW_UPS", "Analysis", "Answer", "Coach", "Finding", "SegmentUpdate", "TurnContext", "Usage"]


MAX_FOLLOW_UPS = 2  # follow-up questions asked at most on one question, then the session moves on


class TurnContext(Strict):
    question_id: QuestionId
    answer: str
    language: Language
    canvas: Canvas
    passages: list[Passage] = Field(default_factory=list)
    answers: dict[str, str] = Field(default_factory=dict)
    follow_up_count: int = 0
    # The summary comes right after this answer unless it draws a follow-up question (one is asked only for a
    # mistake, while follow_up_count < MAX_FOLLOW_UPS): an engine may then leave the reply to the summary.
    closing: bool = False

    def reaches_summary(self, mistakes_found: bool) -> bool:
        """Whether this answer, read with or without mistakes, leads straight to the summary."""
        return self.closing and (not mistakes_found or self.follow_up_count >= MAX_FOLLOW_UPS)


class Answer(Strict):
    """A free question answered from the knowledge base."""

    text: str
    citations: list[Citation] = Field(default_factory=list)


class Usage(Strict):
    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    fallbacks: int = 0


class Coach(Protocol):
    """Both engines implement this; the graph never knows which one it holds."""

    name: str

    async def analyse(self, ctx: TurnContext) -> Analysis: ...

    async def answer_question(self, question: str, passages: list[Passage], language: Language,
                              canvas: Canvas | None = None) -> Answer: ...

    async def summarise(self, canvas: Canvas, passages: list[Passage], language: Language) -> str: ...

    def usage(self) -> Usage: ...


# Usage is metered per founder turn through a context variable: each asyncio task (one founder
# turn) has its own meter, so hundreds of sessions in one process never mix their counts.
_METER: ContextVar[Usage | None] = ContextVar("coach_usage_meter", default=None)


@contextmanager
def metering() -> Iterator[Usage]:
    meter = Usage()
    token = _METER.set(meter)
    try:
        yield meter
    finally:
        _METER.reset(token)


def record_usage(*, calls: int = 0, prompt_tokens: int = 0, completion_tokens: int = 0, fallbacks: int = 0) -> None:
    """Called by an engine after each model call; a no-op outside a metered turn."""
    meter = _METER.get()
    if meter is None:
        return
    meter.model_calls += calls
    meter.prompt_tokens += prompt_tokens
    meter.completion_tokens += completion_tokens
    meter.fallbacks += fallbacks
