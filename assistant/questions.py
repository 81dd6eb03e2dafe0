"""The question catalogue: order of the session and the canvas fields each question fills."""

from __future__ import annotations

from assistant.domain import KEY_QUESTIONS, QuestionId

# The coach walks this list; `priority` is asked only when there are several segments.
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


def next_question(current: QuestionId, segment_count: int) -> QuestionId:
    """The question after `current`; `priority` only makes sense with several segments."""
    index = FLOW.index(current)
    if current == "summary":
        return "summary"
    nxt = FLOW[index + 1]
    if nxt == "priority" and segment_count < 2:
        return "summary"
    return nxt


def previous_question(current: QuestionId, segment_count: int) -> QuestionId:
    if current == "intake":
        return "intake"
    prev = FLOW[FLOW.index(current) - 1]
    if prev == "priority" and segment_count < 2:
        prev = "evidence"
    return prev


def progress(question_id: QuestionId, segment_count: int) -> tuple[int, int]:
    """1-based position among the questions this session will ask, and their total."""
    asked = [q for q in FLOW if q != "summary" and (q != "priority" or segment_count > 1)]
    if question_id not in asked:
        return len(asked), len(asked)
    return asked.index(question_id) + 1, len(asked)
