"""Concurrent turns share query-embedding calls instead of queueing one call each, and a turn's
CPU-bound reading never stops the event loop (other founders' turns go on meanwhile)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from assistant.text import vectors


class SlowModel:
    """A stand-in for the e5 model: a vector that encodes the text's length, after a pause per call."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail
        self.lock = threading.Lock()

    def query(self, texts: list[str]) -> list[np.ndarray]:
        with self.lock:
            self.calls.append(list(texts))
        time.sleep(0.05)
        if self.fail:
            raise RuntimeError("model crashed")
        return [np.full(vectors.DIM, len(t), dtype=np.float32) for t in texts]


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowModel]:
    fake = SlowModel()
    monkeypatch.setattr(vectors, "e5_model", lambda variant="original": fake)
    monkeypatch.setattr(vectors, "_cache", type(vectors._cache)())
    yield fake


def _together(texts: list[str]) -> list[Any]:
    results: list[Any] = [None] * len(texts)
    start = threading.Barrier(len(texts))

    def one(i: int) -> None:
        start.wait()
        try:
            results[i] = vectors.embed_queries([texts[i]])[0]
        except RuntimeError as exc:
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_concurrent_queries_share_model_calls_and_each_gets_its_own_vector(model: SlowModel) -> None:
    texts = [f"founder {'x' * i}" for i in range(12)]
    results = _together(texts)
    assert [int(r[0]) for r in results] == [len(t) for t in texts]
    assert len(model.calls) < len(texts)
    assert sorted(t for call in model.calls for t in call) == sorted(texts)  # each text embedded once


def test_a_model_failure_reaches_every_waiting_caller(model: SlowModel) -> None:
    model.fail = True
    results = _together(["one answer", "another answer", "a third one"])
    assert all(isinstance(r, RuntimeError) for r in results)


async def test_reading_a_message_leaves_the_event_loop_free(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.coach.base import Analysis
    from assistant.graph.nodes import listen
    from assistant.prompts import Prompts
    from tests.fakes.coach import ScriptedCoach
    from tests.fakes.sessions import session_for

    real = listen.read_message

    def slow_read(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # e.g. language detection of a long message on a busy machine
        return real(*args, **kwargs)

    monkeypatch.setattr(listen, "read_message", slow_read)
    session = session_for(ScriptedCoach(Analysis(startup="bakery")), Prompts())
    await session.start("t")
    ticks = 0

    async def other_founder() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    other = asyncio.create_task(other_founder())
    turn = await session.send("t", "We run an organic bakery that delivers warm bread to busy parents at home.")
    other.cancel()
    assert turn.question_id != "intake"
    assert ticks >= 15  # the other founder's task kept running during the 0.3 s read
