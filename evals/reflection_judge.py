"""The judge's second rubric: does the coach's reflection restate what the founder meant?

After an answer about the segment's profile (characteristics, jobs, pains, gains, buyer and user,
evidence), the coach says in one sentence what it understood before the next question (a reflection, as in
motivational interviewing). Judged turns are read from the text the founder saw: an exchange at one of
those questions whose reply moved on to another question, raised no critique, and said something before the
next question (its `feedback` messages). The prompt is prompts/judge_reflection.md; the label `yes` scores 1,
`partially` 0.5, `no` 0. Verdicts share the mistake judge's cache (keyed by model and filled prompt).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from statistics import mean
from typing import Any

from pydantic import BaseModel

from assistant.prompts import PROMPTS_DIR, fill
from evals.judge import JudgeCache, ModelCalls
from evals.transcript import Transcript

REFLECTED_QUESTIONS = ("characteristics", "jobs", "pains", "gains", "buyer_user", "evidence")
LABELS = {"yes": 1.0, "partially": 0.5, "no": 0.0}
DIMENSION = "restates_meaning"
TEXT_LIMIT = 1500


class ReflectionItem(BaseModel):
    scenario_id: str
    run: int = 0
    language: str
    question_id: str
    exchange: int  # 1-based index of the founder message reflected
    founder: str
    coach: str


class ReflectionVerdict(BaseModel):
    scenario_id: str
    run: int = 0
    question_id: str
    exchange: int
    label: str = ""
    reason: str = ""
    score: float | None = None
    cached: bool = False
    error: str = ""


def reflection_items(transcript: Transcript) -> list[ReflectionItem]:
    """The reflections of one run (see the module docstring for which turns count)."""
    items = []
    for i, e in enumerate(transcript.exchanges, 1):
        moved_on = e.question_after != e.question_id
        said = [m.text for m in e.coach if m.kind == "feedback"]
        if e.question_id not in REFLECTED_QUESTIONS or not moved_on or not said:
            continue
        if any(m.kind == "critique" for m in e.coach):
            continue
        items.append(ReflectionItem(scenario_id=transcript.scenario_id, run=transcript.run,
                                    language=transcript.language, question_id=e.question_id, exchange=i,
                                    founder=e.founder[:TEXT_LIMIT], coach="\n\n".join(said)[:TEXT_LIMIT]))
    return items


def parse_reflection(content: str) -> tuple[str, str]:
    """(label, reason) from the judge's JSON answer; ValueError when it does not follow the rubric."""
    match = re.search(r"\{.*\}", content, re.DOTALL)
    if not match:
        raise ValueError("no JSON object in the judge's answer")
    node = json.loads(match.group(0)).get(DIMENSION)
    if not isinstance(node, dict):
        raise ValueError(f"missing {DIMENSION}")
    label = str(node.get("label", "")).strip().lower()
    if label not in LABELS:
        raise ValueError(f"{DIMENSION}: {label!r} is not one of {tuple(LABELS)}")
    return label, str(node.get("reason", "")).strip()


def _reflection_value(content: str) -> dict[str, Any]:
    label, reason = parse_reflection(content)
    return {"label": label, "reason": reason, "score": LABELS[label]}


class ReflectionJudge(ModelCalls):
    """Calls a chat model (an `openai.AsyncOpenAI`-compatible client) once per uncached reflection."""

    def __init__(self, client: Any, model: str, *, cache: JudgeCache | None = None,
                 prompt_path: Path = PROMPTS_DIR / "judge_reflection.md", concurrency: int = 4,
                 retries: int = 1, max_tokens: int = 200) -> None:
        super().__init__(client, model, cache=cache, concurrency=concurrency, retries=retries,
                         max_tokens=max_tokens)
        self.template = prompt_path.read_text(encoding="utf-8")

    def prompt(self, item: ReflectionItem) -> str:
        lang = "en" if item.language == "en" else "fr"
        question = self.prompts.text(lang, f"topics.{item.question_id}")
        return fill(self.template, {"question": question, "founder": item.founder, "coach": item.coach})

    async def judge(self, item: ReflectionItem) -> ReflectionVerdict:
        base = {"scenario_id": item.scenario_id, "run": item.run, "question_id": item.question_id,
                "exchange": item.exchange}
        value, cached, error = await self.ask(self.prompt(item), _reflection_value)
        if value is None:
            return ReflectionVerdict.model_validate({**base, "error": error})
        return ReflectionVerdict.model_validate({**base, **value, "cached": cached})

    async def judge_all(self, transcripts: Sequence[Transcript]) -> list[ReflectionVerdict]:
        items = [i for t in transcripts for i in reflection_items(t)]
        return list(await asyncio.gather(*(self.judge(i) for i in items)))


def summarise_reflections(verdicts: Sequence[ReflectionVerdict]) -> dict[str, Any]:
    """report.json → aggregate.judge.reflections: mean score (None with nothing judged), label counts, and a
    few reflections judged `no` with the judge's reason."""
    ok = [v for v in verdicts if not v.error and v.score is not None]
    return {
        "items": len(verdicts),
        "errors": len(verdicts) - len(ok),
        "cached": sum(v.cached for v in verdicts),
        "score": mean(v.score for v in ok if v.score is not None) if ok else None,
        "labels": dict(Counter(v.label for v in ok)),
        "misses": [f"{v.scenario_id} turn {v.exchange} ({v.question_id}): {v.reason}"
                   for v in ok if v.label == "no"][:5],
    }
