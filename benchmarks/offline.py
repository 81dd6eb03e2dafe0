"""The offline coach: turn latency against the floor, saturation throughput against the embedding-bound
limit, memory per concurrent session, and checkpoint bytes written per turn over a long session."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from assistant.session import CoachSession
from assistant.storage import CHECKPOINTS_FILE
from assistant.text.vectors import e5_model
from benchmarks.sessions import invisible_tag, run_session, scenarios
from benchmarks.stats import cpu_seconds, median, p95, rss_mb
from evals.scenario import Scenario
from evals.simulator import ScriptedFounder

Tick = Callable[[], None]

FAQ = {
    "fr": ["Dois-je me concentrer sur un seul segment ?", "C'est quoi la différence entre B2B et B2C ?",
           "Combien d'entretiens faut-il faire ?"],
    "en": ["Should I focus on one segment?", "What is the difference between B2B and B2C?",
           "How many interviews should I run?"],
}


async def turn_latency(session: CoachSession, cases: list[Scenario], tick: Tick) -> list[float]:
    """Milliseconds of every founder turn of `cases`, played one after the other."""
    timings: list[float] = []
    for i, scenario in enumerate(cases):
        run = await run_session(session, f"latency-{i}-{scenario.id}", scenario)
        timings += [t.ms for t in run.turns]
        tick()
    return timings


async def saturation(session: CoachSession, cases: list[Scenario], founders: int, turns: int) -> dict[str, float]:
    """`founders` sessions at once with no think time, `turns` founder turns each: turns per second, and the
    resident memory each session adds. Founders playing the same scenario are told apart (`invisible_tag`)."""
    before, cpu = rss_mb(), cpu_seconds()
    start = time.perf_counter()
    runs = await asyncio.gather(*(
        run_session(session, f"sat-{founders}-{i}", cases[i % len(cases)], max_turns=turns, tag=invisible_tag(i))
        for i in range(founders)))
    wall = time.perf_counter() - start
    done = sum(len(r.turns) for r in runs)
    return {"turns_per_s": done / wall, "cpu_ms_per_turn": (cpu_seconds() - cpu) * 1000 / done,
            "rss_mb_per_session": max(0.0, rss_mb() - before) / founders,
            "turn_ms_p50": median([t.ms for r in runs for t in r.turns]),
            "turn_ms_p95": p95([t.ms for r in runs for t in r.turns])}


def embedding_cpu_ms(texts: list[str]) -> float:
    """Median CPU milliseconds (every core counted) of one query embedding, each text fresh."""
    model = e5_model()
    model.query(["warm-up"])
    costs = []
    for text in texts:
        cpu = cpu_seconds()
        model.query([text])
        costs.append((cpu_seconds() - cpu) * 1000)
    return median(costs)


def embedding_bound(cpu_ms: float) -> float:
    """Turns per second this machine allows when every turn embeds one query: cores × 1000 / CPU ms."""
    return (os.cpu_count() or 1) * 1000 / max(cpu_ms, 1e-6)


def _bytes_stored(db: Path, thread: str) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        checkpoints = conn.execute(
            "SELECT COALESCE(SUM(LENGTH(checkpoint) + LENGTH(metadata)), 0) FROM checkpoints WHERE thread_id = ?",
            (thread,)).fetchone()[0]
        writes = conn.execute("SELECT COALESCE(SUM(LENGTH(value)), 0) FROM writes WHERE thread_id = ?",
                              (thread,)).fetchone()[0]
    return int(checkpoints) + int(writes)


async def checkpoint_growth(session: CoachSession, data_dir: Path, scenario: Scenario,
                            turns: int = 40) -> list[int]:
    """Bytes each of `turns` founder turns adds to the SQLite checkpoints: the scenario's answers with a
    free question every fifth turn, free questions only once the summary is given."""
    thread, db = "checkpoint-growth", data_dir / CHECKPOINTS_FILE
    founder, questions = ScriptedFounder(scenario), FAQ[scenario.language]
    turn = await session.start(thread)
    written: list[int] = []
    text = await founder.first_message()
    for i in range(1, turns + 1):
        before = _bytes_stored(db, thread)
        turn = await session.send(thread, text)
        written.append(_bytes_stored(db, thread) - before)
        if (i + 1) % 5 == 0 or turn.done:
            text = questions[i % len(questions)]
        else:
            text = await founder.reply(turn.question_id, turn.messages) or questions[0]
    return written


def cases(limit: int | None) -> tuple[Scenario, list[Scenario]]:
    """A warm-up scenario (loads the models, fills no measured cache) and the measured ones."""
    found = scenarios()
    warm, rest = found[-1], found[:-1]
    return warm, rest[:limit] if limit else rest
