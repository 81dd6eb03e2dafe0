"""The contract of the rule-based mistake detectors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.canvas import Canvas
from assistant.domain import Language, MistakeId, QuestionId


@dataclass(frozen=True)
class DetectionContext:
    """Everything a detector may look at for one founder answer."""

    question_id: QuestionId
    answer: str  # the founder's answer to question_id (already cleaned)
    language: Language
    canvas: Canvas  # the canvas *before* this answer is applied
    # Earlier answers of this session, by question id (follow-up answers joined to the first one).
    answers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Detection:
    mistake_id: MistakeId
    evidence: str  # the founder's words that show the mistake (a quote or a short excerpt)
    reason: str = ""  # short internal explanation, for debugging and eval reports
    # The founder states the mistake in so many words ("X, Y, Z, doesn't matter"; "who signs the PO doesn't
    # matter"): the rule's reading stands whatever a classifier head guesses (`reader.read_mistakes`).
    stated: bool = False


Detector = Callable[[DetectionContext], Detection | None]
