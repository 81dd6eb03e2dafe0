"""An LLM judge for the coach's reply to a planted mistake, with a rubric and a cache.

Judged turns: for each planted mistake of a scenario, the coach's reply to the founder's first
message at the planted question (the message that shows the mistake). The rubric follows the
MRBench dimensions (Maurya et al., 2025, "Unifying AI Tutor Evaluation"), adapted to coaching:
mistake identification, providing guidance, actionability, revealing of the answer, and tone.
The prompt is prompts/judge.md (English, for French and English conversations).

Scores: the desirable label of a dimension counts 1, the middle one 0.5, the worst 0 — so
`revealing_answer` scores 1 when the coach did *not* hand over the answer. Verdicts are cached
on disk by a hash of the model and the filled prompt: re-running an evaluation, or scoring the same
transcript again, costs no model call.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import mean
from typing import Any

from pydantic import BaseModel, Field

from assistant.prompts import PROMPTS_DIR, Prompts, fill
from evals.scenario import Scenario
from evals.simulator import coach_text
from evals.transcript import Transcript

DIMENSIONS: dict[str, tuple[str, str, str]] = {
    "mistake_identification": ("yes", "to_some_extent", "no"),
    "providing_guidance": ("yes", "to_some_extent", "no"),
    "actionability": ("yes", "to_some_extent", "no"),
    "revealing_answer": ("no", "partially", "yes"),
    "tone": ("encouraging", "neutral", "offensive"),
}
SCORE = (1.0, 0.5, 0.0)
HISTORY_EXCHANGES = 3
TEXT_LIMIT = 2000


def label_score(dimension: str, label: str) -> float:
    return SCORE[DIMENSIONS[dimension].index(label)]


class JudgeItem(BaseModel):
    """One coach reply to judge, with what the judge needs to see."""

    scenario_id: str
    run: int = 0
    source: str = ""
    language: str
    mistake_id: str
    question_id: str
    exchange: int = Field(description="1-based index of the founder message that shows the mistake.")
    history: str
    founder: str
    coach: str


class Verdict(BaseModel):
    scenario_id: str
    run: int = 0
    source: str = ""
    mistake_id: str
    question_id: str
    labels: dict[str, str] = Field(default_factory=dict)
    reasons: dict[str, str] = Field(default_factory=dict)
    scores: dict[str, float] = Field(default_factory=dict)
    cached: bool = False
    error: str = ""


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def judge_items(transcript: Transcript, scenario: Scenario) -> list[JudgeItem]:
    """The coach replies that follow each planted mistake (none when the question was never reached)."""
    items = []
    for pm in scenario.planted_mistakes:
        index = next((i for i, e in enumerate(transcript.exchanges) if e.question_id == pm.question), None)
        if index is None:
            continue
        lines = []
        if index < HISTORY_EXCHANGES and transcript.opening:
            lines.append(f"Coach: {_clip(coach_text(transcript.opening), 600)}")
        for e in transcript.exchanges[max(0, index - HISTORY_EXCHANGES) : index]:
            lines.append(f"Founder: {_clip(e.founder, 600)}")
            lines.append(f"Coach: {_clip(coach_text(e.coach), 600)}")
        exchange = transcript.exchanges[index]
        items.append(
            JudgeItem(
                scenario_id=transcript.scenario_id,
                run=transcript.run,
                source=transcript.source,
                language=transcript.language,
                mistake_id=pm.id,
                question_id=pm.question,
                exchange=index + 1,
                history="\n\n".join(lines) or "(none)",
                founder=_clip(exchange.founder),
                coach=_clip(coach_text(exchange.coach)),
            )
        )
    return items


def parse_verdict(content: str) -> tuple[dict[str, str], dict[str, str]]:
    """Labels and reasons from the judge's JSON answer; ValueError when it does not follow the rubric."""
    match = re.search(r"\{.*\}", content, re.DOTALL)
    if not match:
        raise ValueError("no JSON object in the judge's answer")
    data = json.loads(match.group(0))
    labels, reasons = {}, {}
    for dim, allowed in DIMENSIONS.items():
        node = data.get(dim)
        if not isinstance(node, dict):
            raise ValueError(f"missing dimension {dim}")
        label = str(node.get("label", "")).strip().lower().replace(" ", "_").replace("-", "_")
        if label not in allowed:
            raise ValueError(f"{dim}: {label!r} is not one of {allowed}")
        labels[dim], reasons[dim] = label, str(node.get("reason", "")).strip()
    return labels, reasons


class JudgeCache:
    """Verdicts by key, one JSON object per line, appended as they come."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        if path is not None and path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                    self.entries[row["key"]] = row["value"]
                except (ValueError, KeyError, TypeError):
                    continue

    def get(self, key: str) -> dict[str, Any] | None:
        return self.entries.get(key)

    def put(self, key: str, value: dict[str, Any]) -> None:
        self.entries[key] = value
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"key": key, "value": value}, ensure_ascii=False) + "\n")


class ModelCalls:
    """One JSON-mode chat call per prompt to an `openai.AsyncOpenAI`-compatible client: answers cached by
    (model, prompt), at most `concurrency` calls at once, `retries` more tries after a failed call or an
    answer `parse` rejects. `calls` counts the calls made."""

    def __init__(self, client: Any, model: str, *, cache: JudgeCache | None, concurrency: int, retries: int,
                 max_tokens: int) -> None:
        self.max_tokens = max_tokens  # a verdict is short; a rambling model must not run for minutes
        self.client = client
        self.model = model
        self.cache = cache or JudgeCache(None)
        self.prompts = Prompts()
        self.semaphore = asyncio.Semaphore(concurrency)
        self.retries = retries
        self.calls = 0

    def key(self, prompt: str) -> str:
        return hashlib.sha256(json.dumps([self.model, prompt], ensure_ascii=False).encode()).hexdigest()

    async def ask(self, prompt: str, parse: Callable[[str], dict[str, Any]]) -> tuple[dict[str, Any] | None, bool, str]:
        """(value, cached, error): the parsed answer (None when every try failed, with the last error)."""
        key = self.key(prompt)
        hit = self.cache.get(key)
        if hit is not None:
            return hit, True, ""
        error = ""
        for _ in range(1 + self.retries):
            try:
                async with self.semaphore:
                    self.calls += 1
                    response = await self.client.chat.completions.create(
                        model=self.model, messages=[{"role": "user", "content": prompt}], temperature=0,
                        response_format={"type": "json_object"}, max_tokens=self.max_tokens)
                value = parse(response.choices[0].message.content or "")
            except Exception as exc:  # a bad answer or a failed call: try again, then record the error
                error = f"{type(exc).__name__}: {exc}"
                continue
            self.cache.put(key, value)
            return value, False, ""
        return None, False, error


def _verdict_value(content: str) -> dict[str, Any]:
    labels, reasons = parse_verdict(content)
    return {"labels": labels, "reasons": reasons,
            "scores": {d: label_score(d, label) for d, label in labels.items()}}


class Judge(ModelCalls):
    """Calls a chat model (an `openai.AsyncOpenAI`-compatible client) once per uncached item."""

    def __init__(self, client: Any, model: str, *, cache: JudgeCache | None = None,
                 prompt_path: Path = PROMPTS_DIR / "judge.md", concurrency: int = 4, retries: int = 1,
                 max_tokens: int = 700) -> None:
        super().__init__(client, model, cache=cache, concurrency=concurrency, retries=retries,
                         max_tokens=max_tokens)
        self.template = prompt_path.read_text(encoding="utf-8")

    def prompt(self, item: JudgeItem) -> str:
        def say(key: str) -> str:
            try:
                return self.prompts.text("en", f"mistakes.{item.mistake_id}.{key}")
            except KeyError:
                return item.mistake_id.replace("_", " ")

        return fill(
            self.template,
            {
                "mistake_id": item.mistake_id,
                "mistake_title": say("title"),
                "mistake_explain": say("explain"),
                "question": item.question_id,
                "history": item.history,
                "founder": item.founder,
                "coach": item.coach,
            },
        )

    async def judge(self, item: JudgeItem) -> Verdict:
        base = {"scenario_id": item.scenario_id, "run": item.run, "source": item.source,
                "mistake_id": item.mistake_id, "question_id": item.question_id}
        value, cached, error = await self.ask(self.prompt(item), _verdict_value)
        if value is None:
            return Verdict.model_validate({**base, "error": error})
        return Verdict.model_validate({**base, **value, "cached": cached})

    async def judge_all(self, items: Sequence[JudgeItem]) -> list[Verdict]:
        return list(await asyncio.gather(*(self.judge(i) for i in items)))


def summarise(verdicts: Sequence[Verdict]) -> dict[str, Any]:
    """Mean score and label counts per dimension, overall mean, and per-mistake means."""
    ok = [v for v in verdicts if not v.error]
    dims: dict[str, Any] = {}
    for dim in DIMENSIONS:
        scores = [v.scores[dim] for v in ok if dim in v.scores]
        dims[dim] = {
            "score": mean(scores) if scores else None,
            "labels": dict(Counter(v.labels[dim] for v in ok if dim in v.labels)),
        }
    by_mistake: dict[str, list[float]] = defaultdict(list)
    for v in ok:
        by_mistake[v.mistake_id].append(mean(v.scores.values()))
    overall = [mean(v.scores.values()) for v in ok if v.scores]
    return {
        "items": len(verdicts),
        "errors": len(verdicts) - len(ok),
        "cached": sum(v.cached for v in verdicts),
        "overall": mean(overall) if overall else None,
        "dimensions": dims,
        "by_mistake": {m: mean(s) for m, s in sorted(by_mistake.items())},
    }


def make_client(settings: Any) -> Any:
    """An `openai.AsyncOpenAI` client from the project settings (OPENAI_BASE_URL, OPENAI_API_KEY)."""
    from openai import AsyncOpenAI

    return AsyncOpenAI(
        api_key=settings.openai_api_key or "not-needed",
        base_url=settings.openai_base_url,
        timeout=settings.timeout_seconds,
        max_retries=settings.max_retries,
    )
