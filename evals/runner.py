"""Run scenarios through the real compiled graph, one simulated founder per run.

All runs share one process, one retriever (one index, one embedding model) and one coach; the
sessions live in a temporary SQLite checkpoint database that is deleted afterwards.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from assistant.session import CoachSession
from assistant.settings import Settings
from evals.metrics import MAX_FOUNDER_TURNS
from evals.scenario import Scenario
from evals.simulator import SimulatedFounder
from evals.transcript import Exchange, Transcript

FounderFactory = Callable[[Scenario, int], SimulatedFounder]


async def run_scenario(
    session: CoachSession,
    scenario: Scenario,
    founder: SimulatedFounder,
    *,
    run: int = 0,
    source: str = "",
    max_turns: int = MAX_FOUNDER_TURNS,
    thread_id: str | None = None,
) -> Transcript:
    """One session: open it (the language follows the founder, as in the real CLI), then answer
    every coach turn until the summary, the founder stops, or `max_turns` founder messages."""
    thread = thread_id or f"eval-{scenario.id}-{run}-{uuid.uuid4().hex[:8]}"
    started = time.perf_counter()
    transcript = Transcript(scenario_id=scenario.id, language=scenario.language, source=source, run=run)
    try:
        turn = await session.start(thread)
        transcript.opening = list(turn.messages)
        text: str | None = await founder.first_message()
        while True:
            if text is None:
                transcript.stopped = "founder_stop"
                break
            if transcript.founder_turns >= max_turns:
                transcript.stopped = "max_turns"
                break
            asked = turn.question_id
            turn = await session.send(thread, text)
            transcript.exchanges.append(
                Exchange(
                    question_id=asked,
                    founder=text,
                    coach=list(turn.messages),
                    retrieved=list(turn.retrieved),
                    question_after=turn.question_id,
                )
            )
            transcript.canvas, transcript.done = turn.canvas, turn.done
            if turn.done:
                transcript.stopped = "done"
                break
            text = await founder.reply(turn.question_id, turn.messages)
    except Exception as exc:  # a crash is a result: the run scores as not completed
        transcript.stopped, transcript.error = "error", f"{type(exc).__name__}: {exc}"
    transcript.duration_s = round(time.perf_counter() - started, 3)
    return transcript


async def run_suite(
    settings: Settings,
    scenarios: Sequence[Scenario],
    founder_factory: FounderFactory,
    *,
    coach: Any,
    retriever: Any,
    repeats: int = 1,
    concurrency: int = 1,
    source: str = "",
    max_turns: int = MAX_FOUNDER_TURNS,
    on_done: Callable[[Transcript], Awaitable[None] | None] | None = None,
    checkpoint_dir: Path | None = None,
) -> list[Transcript]:
    """Every scenario `repeats` times through one compiled graph; transcripts in (scenario, run) order."""
    from assistant.app import open_session

    with (
        tempfile.TemporaryDirectory(prefix="coach-eval-")
        if checkpoint_dir is None
        else nullcontext(str(checkpoint_dir))
    ) as tmp:
        # A private data dir holds only the checkpoints: the retriever is already loaded.
        run_settings = settings.model_copy(
            update={"data_dir": Path(tmp), "database_url": None, "language": None}
        )
        semaphore = asyncio.Semaphore(max(1, concurrency))
        async with open_session(run_settings, progress=False, coach=coach, retriever=retriever) as session:

            async def one(scenario: Scenario, run: int) -> Transcript:
                async with semaphore:
                    t = await run_scenario(
                        session,
                        scenario,
                        founder_factory(scenario, run),
                        run=run,
                        source=source,
                        max_turns=max_turns,
                    )
                if on_done is not None:
                    result = on_done(t)
                    if asyncio.iscoroutine(result):
                        await result
                return t

            jobs = [one(s, r) for s in scenarios for r in range(repeats)]
            return list(await asyncio.gather(*jobs))
