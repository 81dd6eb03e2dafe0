"""What a founder turn sends to the embedding model (issue 12): the answer once, serving retrieval and the
understanding layer alike; never the question glued to it, never the whole session joined into one text
(each earlier answer was embedded at its own turn and the query cache serves it again)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.text import vectors
from tests.integration.test_session import EN_CLEAN, FR_SCRIPT, run_script


class RecordingModel:
    """The real e5 model, every query text it embeds kept in order."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.embedded: list[str] = []

    def query(self, texts: list[str]) -> Any:
        self.embedded += texts
        return self.real.query(texts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> RecordingModel:
    recording = RecordingModel(vectors.e5_model())
    monkeypatch.setattr(vectors, "e5_model", lambda variant="original": recording)
    monkeypatch.setattr(vectors, "_cache", type(vectors._cache)())  # a fresh process: nothing cached yet
    return recording


@pytest.mark.parametrize("script", [EN_CLEAN, FR_SCRIPT], ids=["en", "fr"])
async def test_each_answer_is_embedded_once_and_no_text_joins_two_answers(session, model, script):
    turns = await run_script(session, f"embeddings-{len(script)}", script)
    assert turns[-1].done
    answers = [text for _qid, text in script]
    for answer in answers:
        assert model.embedded.count(answer) == 1, answer
    for text in model.embedded:
        held = [a for a in answers if a in text]
        assert len(held) <= 1 or text in answers, f"one embedded text joins {len(held)} answers: {text[:120]!r}"
        assert not any(text.endswith(f"\n{a}") for a in answers), f"an answer embedded with a prefix: {text[:120]!r}"
