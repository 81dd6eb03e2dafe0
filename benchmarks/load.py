"""The LLM coach against a loopback server that answers every call after a fixed delay.

`overhead`: N founders at once, each typing its next message after a think time; a turn's wall time over
(model calls in the turn × the server's delay) says how close the coach is to the model's own latency.
`model_cost`: model calls and tokens per scripted session, with no delay.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from assistant.session import CoachSession
from benchmarks.sessions import SessionRun, invisible_tag, run_session
from benchmarks.stats import median, p95
from evals.scenario import Scenario

OpenSession = Callable[[str], AbstractAsyncContextManager[CoachSession]]  # base URL -> session


@dataclass
class LoadResult:
    founders: int
    ratio_p50: float
    ratio_p95: float
    turn_ms_p50: float
    turn_ms_p95: float
    model_turns: int
    fallbacks: int


async def overhead(session: CoachSession, cases: list[Scenario], founders: int, turns: int,
                   think: tuple[float, float], delay_s: float, seed: int = 7) -> LoadResult:
    """`founders` concurrent scripted founders, `turns` founder turns each; turns without a model call
    (commands, rejected messages) do not count."""
    rng = random.Random(seed)
    runs: list[SessionRun] = await asyncio.gather(*(
        run_session(session, f"load-{founders}-{i}", cases[i % len(cases)], max_turns=turns, think=think,
                    rng=random.Random(rng.random()), tag=invisible_tag(i))
        for i in range(founders)))
    samples = [t for r in runs for t in r.turns if t.model_calls > 0]
    if not samples:
        raise RuntimeError("no turn called the model: is the benchmark server answering?")
    ratios = [t.ms / (t.model_calls * delay_s * 1000) for t in samples]
    times = [t.ms for t in samples]
    return LoadResult(founders, median(ratios), p95(ratios), median(times), p95(times), len(samples),
                      sum(t.fallbacks for r in runs for t in r.turns))


async def model_cost(session: CoachSession, cases: list[Scenario]) -> dict[str, float]:
    """Model calls per founder turn (median, max over turns that reached the coach) and tokens per session
    (median over `cases`), one scripted session per case."""
    runs = [await run_session(session, f"cost-{i}-{s.id}", s) for i, s in enumerate(cases)]
    per_turn = [t.model_calls for r in runs for t in r.turns if t.model_calls > 0]
    return {
        "model_calls_per_turn.median": median(per_turn) if per_turn else 0.0,
        "model_calls_per_turn.max": float(max(per_turn, default=0)),
        "model_calls_per_session.median": median([r.model_calls for r in runs]),
        "tokens_per_session.median": median([r.tokens for r in runs]),
    }
