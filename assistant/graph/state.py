"""The graph's state: small, JSON-only values so checkpoints stay light and safe to deserialise.

Session state (language, question, canvas, answers) lives across turns; the per-turn keys
(`reading`, `outbox`, `retrieved`, `pending_ask`, `heard`) are rewritten by every turn. The founder's raw
messages are not here: they grow with the session, so they live in the LangGraph store
(`assistant.graph.inbox`) and every checkpoint stays about the same size.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, TypedDict

from assistant.domain import QuestionId


class State(TypedDict, total=False):
    language: str  # "fr" | "en"
    language_locked: bool  # set by configuration: never follow the founder's language
    other_language_streak: int
    question_id: QuestionId  # what the coach is waiting for
    follow_ups: int  # follow-ups asked on the current question
    dont_knows: int  # "I don't know" answers on the current question
    dont_knows_total: int  # "I don't know" answers in the session: the coach varies its replies to them
    sector: str  # the sector of the pitch (assistant.examples), "" when none fits
    pitch_requests: int  # first messages that did not describe a startup (the coach asked for one)
    asked: list[str]  # questions already asked in full (later re-asks are short)
    canvas: dict[str, Any]
    answers: dict[str, str]  # founder answers by question id, follow-ups appended
    # The old layout of the founder's raw messages, read for threads written before the store
    # (assistant.graph.inbox), and still written by a graph compiled without a store.
    inbox: Annotated[list[dict[str, Any]], operator.add]
    heard: dict[str, Any]  # the latest founder message without its text: question_id, kind, at
    done: bool
    turns: int
    # Revisiting a finished session (assistant.graph.revisit): canvas versions from the first summary on
    # (CanvasVersion dumps), a reopened question to answer before the summary comes back, the questions just
    # listed for a choice, and when new evidence (interview notes) last arrived (ISO 8601).
    versions: list[dict[str, Any]]  # the old layout: the store holds them now (assistant.graph.history)
    latest_version: dict[str, Any] | None  # the latest one's number and time ({"number", "at"})
    version_series: str  # which history the stored versions belong to (a new one at each /restart)
    revisiting: bool
    revisit_choice: bool
    evidence_at: str
    fieldwork: dict[str, Any]  # personas asked, interview notes read, proposals waiting (assistant.interviews.state)
    # Per turn.
    reading: dict[str, Any]  # how the latest message was read (assistant.understanding.intake.Reading)
    outbox: list[dict[str, Any]]  # coach messages of the current turn (CoachMessage dumps)
    retrieved: list[str]  # chunk ids retrieved during the current turn
    pending_ask: bool  # the next step is to (re)ask the current question
    drafted_personas: list[dict[str, Any]] | None  # drafted with the summary (Persona dumps), for `personas`
    revisit_request: dict[str, Any] | None  # {"question": qid or "", "typed": ...} when the founder asks to revisit
