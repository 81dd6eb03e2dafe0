"""The coach's messages as every front end receives them (room, CLI, evaluation runner)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Citation

MessageKind = Literal["question", "feedback", "critique", "faq", "notice", "canvas", "summary", "persona", "kit",
                      "evidence"]


class CoachMessage(BaseModel):
    """One message of the coach, as the UI, CLI and evaluation suite receive it."""

    model_config = ConfigDict(extra="forbid")

    kind: MessageKind
    text: str
    question_id: str = ""
    citations: list[Citation] = Field(default_factory=list)
    mistake_id: str = ""
