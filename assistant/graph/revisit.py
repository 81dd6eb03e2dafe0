"""Revisiting a finished session: which question a founder asks to reopen, the state update that reopens it
(the public hook other flows call, e.g. an interview note that contradicts an assumption), and when the room
should suggest a revisit.

Pure functions over the state; the `revisit` node (`nodes/revisit.py`) and `CoachSession` call them.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from assistant.domain import LANGUAGES, QUESTION_IDS, QuestionId, as_language
from assistant.graph import history
from assistant.graph.context import Context
from assistant.graph.state import State
from assistant.messages import CoachMessage
from assistant.prompts import Prompts
from assistant.questions import FLOW
from assistant.text.tokens import normalise
from assistant.turns import Action, Text

COMMAND_WORDS = ("revoir", "revisit", "rouvrir", "reopen")
# Whole messages that ask for a revisit without the slash, once the summary is done.
BARE_REQUESTS = frozenset({*COMMAND_WORDS, "revoir une question", "rouvrir une question", "revisit a question",
                           "reopen a question"})
NudgeReason = Literal["stale", "evidence"]


def reopenable() -> list[QuestionId]:
    """The questions a finished session can reopen, in the session's order."""
    return [q for q in FLOW if q != "summary"]


def reopen(state: State, question_id: QuestionId) -> dict[str, Any]:
    """The state update that reopens `question_id`: the canvas, answers and versions are kept, the question is
    asked again in full, and once it is answered (or skipped) the session goes back to the summary.

    Merge it into a node's update and leave routing to the graph (`pending_ask` makes the next node `ask`).
    Raises ValueError for `summary` or an id that is not a question."""
    if question_id not in QUESTION_IDS or question_id == "summary":
        raise ValueError(f"cannot reopen {question_id!r}")
    return {"question_id": question_id, "done": False, "revisiting": True, "revisit_choice": False,
            "follow_ups": 0, "dont_knows": 0, "pending_ask": True,
            "asked": [q for q in state.get("asked", []) if q != question_id]}


def evidence_arrived(at: datetime) -> dict[str, Any]:
    """The state update that records new evidence (interview notes) at `at` (timezone-aware): a finished
    session whose last version is older is nudged to a revisit at its next resume."""
    return {"evidence_at": at.isoformat()}


def question_label(prompts: Prompts, lang: str, qid: str) -> str:
    """A question's short name for the founder ("leurs douleurs", "their pains")."""
    return prompts.text(as_language(lang), f"topics.{qid}")


def choices_text(prompts: Prompts, lang: str) -> str:
    """The reopenable questions, numbered: "1. votre startup, 2. pour qui, …"."""
    return ", ".join(f"{i}. {question_label(prompts, lang, q)}" for i, q in enumerate(reopenable(), 1))


def match_question(prompts: Prompts, typed: str) -> QuestionId | None:
    """The question `typed` names: its number in the list, its id, one of its names in either language
    (`revisit.names`), or a close spelling of one; None when nothing fits."""
    key = normalise(typed).strip(" .!?«»\"'")
    if not key:
        return None
    options = reopenable()
    if key.isdigit():
        return options[int(key) - 1] if 1 <= int(key) <= len(options) else None
    names: dict[str, QuestionId] = {}
    for qid in options:
        names[normalise(qid).replace("_", " ")] = qid
        for lang in LANGUAGES:
            names[normalise(question_label(prompts, lang, qid))] = qid
            for name in prompts.variants(lang, f"revisit.names.{qid}"):
                names.setdefault(normalise(name), qid)
    if key in names:
        return names[key]
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


def revisit_request(received: Text | Action, state: State, prompts: Prompts) -> dict[str, Any] | None:
    """What the founder asks to reopen this turn, or None when the turn is not a revisit request.

    `{"question": qid or "", "typed": what followed the command}` for the revisit button (an `Action`),
    `/revoir [question]` or `/revisit [question]`, "revoir" alone after the summary, or, right after the coach
    listed the questions, a message that names one of them."""
    if isinstance(received, Action):
        return {"question": received.question or "", "typed": ""} if received.name == "revisit" else None
    text = received.text.strip()
    if text.startswith("/"):
        word, _, rest = text[1:].partition(" ")
        if normalise(word) not in COMMAND_WORDS:
            return None
        return {"question": match_question(prompts, rest) or "", "typed": rest.strip()[:60]}
    if state.get("done") and normalise(text).strip(" .!") in BARE_REQUESTS:
        return {"question": "", "typed": ""}
    if state.get("revisit_choice") and len(text) <= 60:
        qid = match_question(prompts, text)
        return {"question": qid, "typed": text} if qid else None
    return None


def last_heard(values: Mapping[str, Any]) -> Mapping[str, Any]:
    """The latest founder message without its text (`heard`), or the last of the old `inbox` list for a turn
    recorded before the messages moved to the store; {} before any."""
    old = values.get("inbox") or []
    return values.get("heard") or (old[-1] if old else {})


def nudge_reason(values: Mapping[str, Any], now: datetime, after_days: int) -> tuple[NudgeReason, int] | None:
    """Why a resumed session should be offered a revisit, and the whole days since the canvas last changed:
    new evidence since the latest version, or a finished canvas unchanged for `after_days` days or more.

    `now` is timezone-aware; stored times are ISO 8601 (a session finished before versions existed counts
    from its last founder message)."""
    if not values.get("done"):
        return None
    last = history.latest_at(values)
    if not last:
        last = str(last_heard(values).get("at", ""))
    try:
        changed = datetime.fromisoformat(last) if last else None
        evidence = datetime.fromisoformat(values["evidence_at"]) if values.get("evidence_at") else None
    except ValueError:
        return None
    days = (now - changed).days if changed else 0
    if evidence is not None and (changed is None or evidence > changed):
        return "evidence", days
    if changed is not None and days >= after_days:
        return "stale", days
    return None


def nudge_message(values: Mapping[str, Any], ctx: Context) -> CoachMessage | None:
    """The revisit suggestion shown when a session is resumed (in the session's language), or None; the
    stale delay is `ctx.revisit_after_days`, the time `ctx.clock()`."""
    found = nudge_reason(values, ctx.clock(), ctx.revisit_after_days)
    if found is None:
        return None
    lang = as_language(values.get("language"))
    text = ctx.prompts.text(lang, f"revisit.nudge_{found[0]}", count=found[1])
    return CoachMessage(kind="notice", text=text, question_id="summary")
