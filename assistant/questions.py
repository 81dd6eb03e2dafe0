"""The question catalogue: order of the session and the canvas fields each question fills."""

from __future__ import annotations

from assistant.domain import KEY_QUESTIONS, QuestionId

# The coach walks this list. `priority` is asked with one segment too: rating it on value and fit, and saying
# which groups come next or stay aside, is where deferred and set-aside groups surface (founders and the
# scenario authors answer it whatever the count).
FLOW: tuple[QuestionId, ...] = (
    "intake",
    *KEY_QUESTIONS,
    "buyer_user",
    "evidence",
    "priority",
    "summary",
)

# Canvas fields (of Segment) that an answer to each question fills.
FIELDS: dict[QuestionId, tuple[str, ...]] = {
    "intake": ("startup",),
    "for_whom": ("name", "who"),
    "most_important": ("focus_segment", "who"),
    "characteristics": ("characteristics", "needs", "behaviours"),
    "jobs": ("jobs",),
    "pains": ("pains",),
    "gains": ("gains",),
    "buyer_user": ("buyer", "user"),
    "evidence": ("evidence", "validation"),
    "priority": ("priority",),
    "summary": (),
}


def next_question(current: QuestionId) -> QuestionId:
    """The question after `current` (every question is asked, whatever the segment count)."""
    if current == "summary":
        return "summary"
    return FLOW[FLOW.index(current) + 1]


def previous_question(current: QuestionId) -> QuestionId:
    if current == "intake":
        return "intake"
    return FLOW[FLOW.index(current) - 1]


def progress(question_id: QuestionId) -> tuple[int, int]:
    """1-based position among the questions this session will ask, and their total."""
    asked = [q for q in FLOW if q != "summary"]
    if question_id not in asked:
        return len(asked), len(asked)
    return asked.index(question_id) + 1, len(asked)
