"""The judge's reflection rubric: which coach sentences are judged as reflections, a verdict through the real
`openai` client against the scripted loopback server, the cache, a bad answer, and the report's figures."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.messages import CoachMessage
from evals.judge import JudgeCache
from evals.reflection_judge import ReflectionJudge, reflection_items, summarise_reflections
from evals.report import build_report
from evals.transcript import Exchange, Transcript
from tests.fakes.openai_server import ScriptedOpenAI


def verdict(label: str, reason: str = "It says the pain is lost time.") -> str:
    return json.dumps({"restates_meaning": {"label": label, "reason": reason}})


def transcript() -> Transcript:
    def ex(qid: str, founder: str, after: str, *messages: tuple[str, str]) -> Exchange:
        return Exchange(question_id=qid, founder=founder, question_after=after,
                        coach=[CoachMessage(kind=k, text=t) for k, t in messages])

    return Transcript(scenario_id="s1", language="en", source="offline", exchanges=[
        ex("for_whom", "Busy parents.", "most_important", ("feedback", "Segments noted: Busy parents.")),
        ex("pains", "They lose an hour every morning and pay for a nanny.", "gains",
           ("feedback", "So for Busy parents the problem is counted in lost time and money."),
           ("question", "What gains are they looking for?")),
        ex("gains", "Everyone wants it.", "gains", ("critique", "Everyone is not a segment.")),
        ex("jobs", "Feed the kids.", "jobs", ("feedback", "Could you say more?")),  # a nudge: no move on
        ex("evidence", "I asked three friends.", "priority",
           ("feedback", "So you have run a pilot with paying customers."), ("question", "Which first?")),
    ])


def test_reflections_are_the_words_said_after_a_profile_answer_that_moved_on() -> None:
    items = reflection_items(transcript())
    assert [(i.question_id, i.exchange) for i in items] == [("pains", 2), ("evidence", 5)]
    assert items[0].coach == "So for Busy parents the problem is counted in lost time and money."
    assert items[0].founder.startswith("They lose an hour")


async def test_the_judge_rates_each_reflection_over_http(tmp_path: Path) -> None:
    cache = tmp_path / "judge.jsonl"
    with ScriptedOpenAI() as server:
        server.reply(verdict("yes"), fmt="json_object")
        server.reply("not json at all", fmt="json_object")  # the second reflection: a bad answer, then a retry
        server.reply(verdict("no", "The founder asked friends; no pilot was run."), fmt="json_object")
        judge = ReflectionJudge(server.client(), "judge-model", cache=JudgeCache(cache), concurrency=1)
        verdicts = await judge.judge_all([transcript()])
        server.assert_complete()
        prompts = [r["messages"][0]["content"] for r in server.requests]
    assert "They lose an hour every morning" in prompts[0] and "lost time and money" in prompts[0]
    assert [(v.label, v.score, v.error) for v in verdicts] == [("yes", 1.0, ""), ("no", 0.0, "")]

    # Judged again: every verdict comes from the cache, no model call.
    with ScriptedOpenAI() as server:
        again = await ReflectionJudge(server.client(), "judge-model", cache=JudgeCache(cache)).judge_all(
            [transcript()])
        server.assert_complete()
    assert all(v.cached for v in again) and [v.label for v in again] == ["yes", "no"]

    summary = summarise_reflections(verdicts)
    assert summary["score"] == 0.5 and summary["labels"] == {"yes": 1, "no": 1} and summary["errors"] == 0
    assert summary["misses"] == ["s1 turn 5 (evidence): The founder asked friends; no pilot was run."]
    report = build_report(config={"coach": "x"}, scenarios=[], scores=[], reflections=verdicts)
    assert report["aggregate"]["judge"]["reflections"]["score"] == 0.5
    assert len(report["judge_reflections"]) == 2


async def test_a_judge_that_never_follows_the_rubric_leaves_an_error() -> None:
    with ScriptedOpenAI() as server:
        server.reply(verdict("maybe"), fmt="json_object").reply(verdict("maybe"), fmt="json_object")
        judge = ReflectionJudge(server.client(), "judge-model", retries=1)
        item = reflection_items(transcript())[0]
        result = await judge.judge(item)
        server.assert_complete()
    assert result.score is None and "is not one of" in result.error
    assert summarise_reflections([result])["score"] is None


async def test_coach_eval_judges_reflections_with_the_mistake_judges_client_and_cache(tmp_path: Path) -> None:
    from evals.cli import _judge_reflections
    from evals.judge import Judge

    cache = JudgeCache(tmp_path / "judge.jsonl")
    with ScriptedOpenAI() as server:
        server.reply(verdict("yes"), fmt="json_object").reply(verdict("partially"), fmt="json_object")
        judge = Judge(server.client(), "judge-model", cache=cache, concurrency=1)
        verdicts = await _judge_reflections(judge, [transcript()])
        server.assert_complete()
    assert sorted(v.label for v in verdicts) == ["partially", "yes"] and len(cache.entries) == 2
