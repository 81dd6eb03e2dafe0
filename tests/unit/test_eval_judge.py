"""The LLM judge: which turns are judged, the rubric parsing, scores and the cache (fake client)."""

from __future__ import annotations

import json

import pytest

from assistant.messages import CoachMessage
from evals.judge import DIMENSIONS, Judge, JudgeCache, judge_items, label_score, parse_verdict, summarise
from evals.transcript import Exchange, Transcript
from tests.unit.test_eval_fakes import FakeClient, make_scenario


def verdict_json(**labels: str) -> str:
    best = {d: allowed[0] for d, allowed in DIMENSIONS.items()}
    best.update(labels)
    return json.dumps({d: {"label": lab, "reason": f"because {d}"} for d, lab in best.items()})


def transcript() -> Transcript:
    def ex(qid: str, founder: str, coach: str) -> Exchange:
        return Exchange(question_id=qid, founder=founder, coach=[CoachMessage(kind="feedback", text=coach)])

    return Transcript(
        scenario_id="s1",
        language="en",
        source="offline",
        opening=[CoachMessage(kind="question", text="What does your startup do?")],
        exchanges=[
            ex("intake", "We deliver warm bread.", "For whom?"),
            ex("for_whom", "Everyone eats bread.", "Everyone is not a segment. Which group first?"),
            ex("for_whom", "Busy parents.", "Noted. What are they like?"),
        ],
    )


def test_judged_turn_is_the_reply_to_the_first_answer_at_the_planted_question():
    items = judge_items(
        transcript(), make_scenario([("too_broad", "for_whom"), ("not_validated", "evidence")])
    )
    assert len(items) == 1  # evidence was never reached
    item = items[0]
    assert (item.mistake_id, item.question_id, item.exchange) == ("too_broad", "for_whom", 2)
    assert item.founder == "Everyone eats bread." and item.coach.startswith("Everyone is not a segment")
    assert (
        "Coach: What does your startup do?" in item.history
        and "Founder: We deliver warm bread." in item.history
    )
    assert judge_items(transcript(), make_scenario()) == []  # clean scenario: nothing to judge


def test_parse_verdict_normalises_labels_and_rejects_others():
    labels, reasons = parse_verdict("```json\n" + verdict_json(actionability="To some extent") + "\n```")
    assert labels["actionability"] == "to_some_extent" and reasons["tone"] == "because tone"
    with pytest.raises(ValueError, match="tone"):
        parse_verdict(verdict_json(tone="rude"))
    with pytest.raises(ValueError, match="missing dimension"):
        parse_verdict('{"tone": {"label": "neutral"}}')
    with pytest.raises(ValueError, match="no JSON"):
        parse_verdict("sure!")


def test_label_scores_put_the_desirable_label_first():
    assert label_score("mistake_identification", "yes") == 1.0
    assert label_score("actionability", "to_some_extent") == 0.5
    assert label_score("revealing_answer", "no") == 1.0 and label_score("revealing_answer", "yes") == 0.0
    assert label_score("tone", "offensive") == 0.0


async def test_judge_scores_caches_and_reloads(tmp_path):
    item = judge_items(transcript(), make_scenario([("too_broad", "for_whom")]))[0]
    cache_file = tmp_path / "judge.jsonl"
    client = FakeClient([verdict_json(revealing_answer="partially", tone="neutral")])
    judge = Judge(client, "judge-model", cache=JudgeCache(cache_file))
    v = await judge.judge(item)
    assert not v.error and not v.cached
    assert v.scores == {
        "mistake_identification": 1.0,
        "providing_guidance": 1.0,
        "actionability": 1.0,
        "revealing_answer": 0.5,
        "tone": 0.5,
    }
    call = client.completions.calls[0]
    assert call["model"] == "judge-model" and call["temperature"] == 0 and call["max_tokens"] == 700
    prompt = call["messages"][0]["content"]
    assert "Segment too broad" in prompt and "Everyone eats bread." in prompt and "{" in prompt
    again = await judge.judge(item)
    assert again.cached and again.scores == v.scores and len(client.completions.calls) == 1
    # A new process reads the cache file: still no call.
    fresh = Judge(FakeClient([]), "judge-model", cache=JudgeCache(cache_file))
    assert (await fresh.judge(item)).cached and fresh.calls == 0
    # Another model is another key.
    other = Judge(FakeClient([verdict_json()]), "other-model", cache=JudgeCache(cache_file))
    assert not (await other.judge(item)).cached


async def test_judge_retries_a_bad_answer_then_records_the_error():
    item = judge_items(transcript(), make_scenario([("too_broad", "for_whom")]))[0]
    ok = Judge(FakeClient(["not json", verdict_json()]), "m")
    assert not (await ok.judge(item)).error and ok.calls == 2
    bad = Judge(FakeClient([RuntimeError("boom"), "still not json"]), "m")
    v = await bad.judge(item)
    assert v.error.startswith("ValueError") and v.scores == {}


async def test_summary_of_verdicts():
    item = judge_items(transcript(), make_scenario([("too_broad", "for_whom")]))[0]
    judge = Judge(
        FakeClient([verdict_json(tone="neutral"), verdict_json(mistake_identification="no"), "x", "y"]), "m"
    )
    first = await judge.judge(item)
    second = await judge.judge(item.model_copy(update={"coach": "Other reply"}))
    failed = await judge.judge(item.model_copy(update={"coach": "Third reply"}))
    s = summarise([first, second, failed])
    assert s["items"] == 3 and s["errors"] == 1
    assert s["dimensions"]["tone"] == {"score": 0.75, "labels": {"neutral": 1, "encouraging": 1}}
    assert s["dimensions"]["mistake_identification"]["score"] == 0.5
    assert s["overall"] == pytest.approx((0.9 + 0.8) / 2)
    assert s["by_mistake"] == {"too_broad": pytest.approx(0.85)}
