"""The graph's state: small, JSON-only values so checkpoints stay light and safe to deserialise."""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, TypedDict

from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Citation

MessageKind = Literal["question", "feedback", "critique", "faq", "notice", "canvas", "summary"]


class CoachMessage(BaseModel):
    """One message of the coach, as the UI, CLI and evaluation suite receive it."""

    model_config = ConfigDict(extra="forbid")

    kind: MessageKind
    text: str
    question_id: str = ""
    citations: list[Citation] = Field(default_factory=list)
    mistake_id: str = ""


class State(TypedDict, total=False):
    language: str  # "fr" | "en"
    language_locked: bool  # set by configuration: never follow the founder's language
    other_language_streak: int
    question_id: str  # what the coach is waiting for (see assistant.domain.QuestionId)
    follow_ups: int  # follow-ups asked on the current question
    dont_knows: int  # "I don't know" answers on the current question
    asked: list[str]  # questions already asked in full (later re-asks are short)
    pending_ask: bool  # the next step is to (re)ask the current question
    canvas: dict[str, Any]
    answers: dict[str, str]  # founder answers by question id, follow-ups appended
    # Every founder message, raw, even the ones the coach rejects: nothing is ever lost.
    inbox: Annotated[list[dict[str, Any]], operator.add]
    reading: dict[str, Any]  # how the latest message was read (assistant.intake.Reading)
    outbox: list[dict[str, Any]]  # coach messages of the current turn (CoachMessage dumps)
    retrieved: list[str]  # chunk ids retrieved during the current turn
    done: bool
    turns: int
