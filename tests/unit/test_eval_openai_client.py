"""The LLM founder and the judge through the real `openai` client, against a scripted loopback server."""

from __future__ import annotations

from assistant.messages import CoachMessage
from assistant.settings import Settings
from evals.judge import Judge, judge_items, make_client
from evals.simulator import STOP, LLMFounder
from tests.fakes.openai_server import ScriptedOpenAI
from tests.unit.test_eval_fakes import make_scenario
from tests.unit.test_eval_judge import transcript, verdict_json


async def test_founder_and_judge_over_http():
    with ScriptedOpenAI() as server:
        server.reply("Mostly busy parents downtown.", fmt=None)
        server.reply(STOP, fmt=None)
        server.reply(verdict_json(tone="neutral"), fmt="json_object")
        settings = Settings(
            OPENAI_BASE_URL=server.url, OPENAI_API_KEY="k", COACH_MAX_RETRIES=0, COACH_TIMEOUT=5
        )
        client = make_client(settings)

        founder = LLMFounder(make_scenario([("too_broad", "for_whom")]), client, "scripted-model")
        await founder.first_message()
        ask = [CoachMessage(kind="question", text="For whom do you create value?", question_id="for_whom")]
        assert await founder.reply("for_whom", ask) == "Mostly busy parents downtown."
        assert await founder.reply("summary", [CoachMessage(kind="summary", text="Your canvas.")]) is None

        item = judge_items(transcript(), make_scenario([("too_broad", "for_whom")]))[0]
        verdict = await Judge(client, "scripted-model").judge(item)
        assert not verdict.error and verdict.labels["tone"] == "neutral"
        server.assert_complete()
        assert server.requests[0]["messages"][0]["role"] == "system"
