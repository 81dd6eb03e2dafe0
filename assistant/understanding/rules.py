"""What every detector shares: the questions it listens to, the context it reads, how it quotes."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from assistant.domain import MistakeId, QuestionId
from assistant.text.patterns import Match
from assistant.text.tokens import Token
from assistant.understanding.base import Detection, DetectionContext, Detector
from assistant.understanding.cues import excerpt

ALL_QUESTIONS: tuple[QuestionId, ...] = (
    "intake", "for_whom", "most_important", "characteristics", "jobs", "pains", "gains", "buyer_user",
    "evidence", "priority",
)


def scoped(*questions: QuestionId) -> Callable[[Detector], Detector]:
    """Run the detector only on answers to `questions`, and never on an empty answer."""

    def wrap(detector: Detector) -> Detector:
        @functools.wraps(detector)
        def run(ctx: DetectionContext) -> Detection | None:
            if ctx.question_id not in questions or not ctx.answer.strip():
                return None
            return detector(ctx)

        return run

    return wrap


def hit(mistake_id: MistakeId, text: str, tokens: Sequence[Token], m: Match, reason: str,
        stated: bool = False) -> Detection:
    return Detection(mistake_id=mistake_id, evidence=excerpt(text, tokens, m), reason=reason, stated=stated)


def whole(mistake_id: MistakeId, text: str, reason: str, limit: int = 160) -> Detection:
    """A detection whose evidence is the answer itself (shortened)."""
    quote = " ".join(text.split())
    if len(quote) > limit:
        quote = quote[: limit - 1].rsplit(" ", 1)[0] + "…"
    return Detection(mistake_id=mistake_id, evidence=quote, reason=reason)


def segments_text(ctx: DetectionContext) -> str:
    return "\n".join(f"{s.name}. {s.who}" for s in ctx.canvas.segments)


def other_texts(ctx: DetectionContext) -> list[str]:
    """The pitch and the answers to the other questions, each its own text (where a payer may be named apart
    from the answer's)."""
    return [ctx.canvas.startup, *(a for q, a in ctx.answers.items() if q != ctx.question_id)]


def context_text(ctx: DetectionContext, *question_ids: str, with_answer: bool = True) -> str:
    """Earlier answers (all of them when no ids are given), the canvas segments and the startup."""
    ids = question_ids or tuple(ctx.answers)
    parts = [ctx.canvas.startup, *(ctx.answers.get(q, "") for q in ids), segments_text(ctx)]
    if with_answer:
        parts.append(ctx.answer)
    return "\n".join(p for p in parts if p)
