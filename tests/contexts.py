"""Sessions so far, as the readers see them: one builder for the tests that read a single answer.

`context("for_whom", "Les PME", "fr", pitch="…", most_important="…")` is the `DetectionContext` of an answer
given at `for_whom`, in a session whose pitch and earlier answers are those passed; `read_flags` and
`rule_flags` are the mistake ids the whole reader (rules and classifier heads, with the shipped embeddings)
and the rule detectors alone find in it.
"""

from __future__ import annotations

from assistant.canvas import Canvas
from assistant.understanding.base import DetectionContext
from assistant.understanding.mistakes import detect


def context(question: str, answer: str, lang: str, pitch: str = "", **earlier: str) -> DetectionContext:
    """The context of `answer` at `question`: a canvas in `lang` holding the pitch, the pitch as the intake
    answer (when given) and the `earlier` answers by question id."""
    answers = {"intake": pitch, **earlier} if pitch else dict(earlier)
    return DetectionContext(question_id=question, answer=answer, language=lang,  # type: ignore[arg-type]
                            canvas=Canvas(language=lang, startup=pitch),  # type: ignore[arg-type]
                            answers=answers)  # type: ignore[arg-type]


def read_flags(ctx: DetectionContext) -> set[str]:
    """The mistake ids `read_mistakes` finds with the shipped heads and the offline embeddings."""
    from assistant.text.vectors import embed_queries
    from assistant.understanding.reader import read_mistakes

    return {d.mistake_id for d in read_mistakes(ctx, embed_queries)}


def rule_flags(ctx: DetectionContext) -> set[str]:
    """The mistake ids the rule detectors alone find."""
    return {d.mistake_id for d in detect(ctx)}
