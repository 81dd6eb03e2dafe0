"""Pure routers: which node runs next, from the state alone."""

from __future__ import annotations

from typing import Literal

from assistant.graph.state import State


class ImpossibleState(RuntimeError):
    """The state holds a value no router can route: a bug, never a founder's input."""


def route_reading(state: State) -> Literal["revisit", "command", "faq", "reject", "analyse", "fieldwork"]:
    """After `listen`: a revisit, a command, a free question, an answer to analyse, interview notes or words after
    the summary (fieldwork), or a message to turn down."""
    if state.get("revisit_request") is not None:
        return "revisit"
    kind = state["reading"]["kind"]
    if kind == "notes" or kind == "command" and state["reading"].get("command") in ("accept", "refuse"):
        return "fieldwork"
    if kind in ("command", "unknown_command"):
        return "command"
    if kind == "faq":
        return "faq"
    if kind == "answer":  # after the summary, or while changes proposed from interview notes wait for an answer
        waiting = bool((state.get("fieldwork") or {}).get("proposals"))
        return "fieldwork" if state.get("done") or waiting else "analyse"
    if kind in ("empty", "emoji_only", "other_language", "dont_know", "not_a_pitch"):
        return "reject"
    raise ImpossibleState(f"unknown reading kind {kind!r}")


def route_after_turn(state: State) -> Literal["ask", "record"]:
    return "ask" if state.get("pending_ask") else "record"


def route_after_ask(state: State) -> Literal["summary", "record"]:
    """`record` ends every turn (canvas versions), then `listen` waits for the founder."""
    return "summary" if state["question_id"] == "summary" and not state.get("done") else "record"
