"""The one interface the graph talks to. Two engines implement it: offline (rules) and LLM."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Canvas, Citation
from assistant.domain import Language, MistakeId, QuestionId, SegmentType
from assistant.passage import Passage


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SegmentUpdate(Strict):
    """What one answer says about one segment. Lists are appended, strings replace when non-empty."""

    segment: str = Field(
        description="Name of the segment this update is about: an existing one, or a new one to create."
    )
    who: str = ""
    segment_type: SegmentType | None = None
    type_rationale: str = ""
    characteristics: list[str] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list)
    behaviours: list[str] = Field(default_factory=list)
    jobs: list[str] = Field(default_factory=list)
    pains: list[str] = Field(default_factory=list)
    gains: list[str] = Field(default_factory=list)
    buyer: str = ""
    user: str = ""
    evidence: list[str] = Field(default_factory=list)
    validated: bool | None = Field(default=None, description="True when real customer evidence backs it.")
    assumptions: list[str] = Field(default_factory=list)
    priority_value: int | None = Field(default=None, ge=1, le=5)
    priority_fit: int | None = Field(default=None, ge=1, le=5)
    linked_segments: list[str] = Field(default_factory=list)


class Finding(Strict):
    """A common mistake shown by the answer."""

    mistake_id: MistakeId
    evidence: str = Field(description="The founder's own words that show the mistake.")
    message: str = Field(description="A short, kind explanation of why it is a problem.")
    cited: list[str] = Field(default_factory=list, description="Ids of the retrieved passages that back it.")
    found_by: list[str] = Field(default_factory=lambda: ["rules"])


class Analysis(Strict):
    """The coach's reading of one answer."""

    updates: list[SegmentUpdate] = Field(default_factory=list)
    startup: str = Field(default="", description="What the startup does (intake only).")
    focus_segment: str = Field(default="", description="The segment to focus on first, when the answer says.")
    findings: list[Finding] = Field(default_factory=list)
    reflection: str = Field(default="", description="One sentence that reflects what the founder said.")
    follow_up: str = Field(default="", description="One targeted question when a mistake was found, else empty.")
    usable: bool = Field(default=True, description="False when the answer gives nothing to record.")


class TurnContext(Strict):
    question_id: QuestionId
    answer: str
    language: Language
    canvas: Canvas
    passages: list[Passage] = Field(default_factory=list)
    answers: dict[str, str] = Field(default_factory=dict)
    follow_up_count: int = 0


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

    async def answer_question(self, question: str, passages: list[Passage], language: Language) -> Answer: ...

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
