"""Every offline template exists in both languages and every placeholder resolves."""

import pytest

from assistant.domain import MISTAKE_IDS, QUESTION_IDS
from assistant.prompts import MissingPlaceholder, Prompts, fill, placeholders

SAMPLE = {"count": 2, "length": 20000, "limit": 4000, "example": "ex", "summary": "s", "command": "/x",
          "suggestion": "", "title": "t", "follow_up": "f", "type": "niche", "rationale": "r", "names": "a, b",
          "name": "N", "question": "q", "pains": "p", "gains": "g", "buyer": "b", "index": 1, "total": 9,
          "startup": "s"}


def test_same_keys_in_both_languages():
    prompts = Prompts()
    assert set(prompts.keys("fr")) == set(prompts.keys("en"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_placeholder_resolves(lang):
    prompts = Prompts()
    for key in prompts.keys(lang):
        assert placeholders(prompts.raw(lang, key)) <= SAMPLE.keys(), key
        assert "{" not in prompts.text(lang, key, **SAMPLE)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_question_and_mistake_has_its_texts(lang):
    prompts = Prompts()
    for qid in QUESTION_IDS:
        if qid == "summary":
            continue
        for part in ("ask", "why", "example"):
            assert prompts.text(lang, f"questions.{qid}.{part}", count=2)
        assert prompts.text(lang, f"questions.{qid}.ask", count=2).count("?") == 1, qid
    for mid in MISTAKE_IDS:
        for part in ("title", "explain", "follow_up", "follow_up_2"):
            assert prompts.text(lang, f"mistakes.{mid}.{part}")
        assert prompts.text(lang, f"mistakes.{mid}.follow_up").count("?") == 1
        assert "?" not in prompts.text(lang, f"mistakes.{mid}.explain")


def test_missing_value_is_an_error():
    with pytest.raises(MissingPlaceholder):
        fill("Hello {name}", {})
