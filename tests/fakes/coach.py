"""A scripted `Coach`: a queue of `Analysis` objects handed out in order, with `assert_complete()` so a
test fails when the graph did not use every scripted step (workflows cannot drift silently)."""

from __future__ import annotations

from collections import deque

from assistant.analysis import Analysis
from assistant.canvas import Canvas
from assistant.coach.base import Answer, TurnContext, Usage
from assistant.domain import Language
from assistant.retrieval.passage import Passage


class ScriptedCoach:
    name = "scripted"

    def __init__(self, *analyses: Analysis, summary: str = "SUMMARY") -> None:
        self.queue: deque[Analysis] = deque(analyses)
        self.seen: list[TurnContext] = []
        self.summary = summary

    def then(self, analysis: Analysis) -> ScriptedCoach:
        self.queue.append(analysis)
        return self

    async def analyse(self, ctx: TurnContext) -> Analysis:
        self.seen.append(ctx)
        if not self.queue:
            raise AssertionError(f"no scripted analysis left for {ctx.question_id}: {ctx.answer!r}")
        return self.queue.popleft()

    async def answer_question(self, question: str, passages: list[Passage], language: Language,
                              canvas: Canvas | None = None) -> Answer:
        return Answer(text=f"ANSWER: {question}", citations=[p.citation() for p in passages[:1]])

    async def summarise(self, canvas: Canvas, passages: list[Passage], language: Language) -> str:
        return self.summary

    def usage(self) -> Usage:
        return Usage()

    def assert_complete(self) -> None:
        assert not self.queue, f"{len(self.queue)} scripted analyses were never used"
