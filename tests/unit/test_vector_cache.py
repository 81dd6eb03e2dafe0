"""The query-vector layer: a text already embedded is served from a bounded cache (same vector, no model
call), and the model waits passively between calls so that a busy machine does not multiply its cost."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import numpy as np
import pytest

from assistant.text import vectors


class CountingModel:
    """A stand-in for the e5 model: a vector that encodes the text's length; every text it embeds is kept."""

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def query(self, texts: list[str]) -> list[np.ndarray]:
        self.embedded += texts
        return [np.full(vectors.DIM, len(t), dtype=np.float32) for t in texts]


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[CountingModel]:
    fake = CountingModel()
    monkeypatch.setattr(vectors, "e5_model", lambda variant="original": fake)
    monkeypatch.setattr(vectors, "_cache", type(vectors._cache)())
    yield fake


def test_a_text_seen_before_gets_the_same_vector_without_a_model_call(model: CountingModel) -> None:
    first = vectors.embed_queries(["les infirmières libérales", "", "les infirmières libérales"])
    again = vectors.embed_queries(["les infirmières libérales", "des kinés"])
    assert model.embedded == ["les infirmières libérales", "des kinés"]  # each text once, duplicates included
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[0], first[2])
    assert not first[1].any()  # an empty text is zeros, never embedded


def test_the_cache_stays_bounded_and_forgets_the_least_recently_used(model: CountingModel,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectors, "_CACHE_SIZE", 3)
    vectors.embed_queries(["a", "bb", "ccc"])
    vectors.embed_queries(["a"])  # used again: now the most recent
    vectors.embed_queries(["dddd", "eeeee"])
    assert len(vectors._cache) == 3
    model.embedded.clear()
    vectors.embed_queries(["a", "bb"])
    assert model.embedded == ["bb"]  # "a" was kept, "bb" (least recently used) was dropped


def test_the_running_totals_tell_cache_hits_from_texts_the_model_embedded(model: CountingModel) -> None:
    before = vectors.query_stats()
    vectors.embed_queries(["les kinés", "", "les kinés", "des dentistes"])
    vectors.embed_queries(["des dentistes"])
    after = vectors.query_stats()
    assert after.asked - before.asked == 4  # the empty text is not asked for
    assert after.embedded - before.embedded == len(model.embedded) == 2
    assert after.cached - before.cached == 2  # the duplicate in the first call, the repeat in the second
    assert after.embedded_chars - before.embedded_chars == len("les kinés") + len("des dentistes")


def _policy_after_loading(env: dict[str, str]) -> str:
    code = "import os; from assistant.text.vectors import e5_model; e5_model(); print(os.environ['OMP_WAIT_POLICY'])"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    return done.stdout.strip()


def test_the_model_loads_with_passive_waiting_unless_the_environment_says_otherwise() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    assert _policy_after_loading(env) == "PASSIVE"
    assert _policy_after_loading({**env, "OMP_WAIT_POLICY": "ACTIVE"}) == "ACTIVE"
