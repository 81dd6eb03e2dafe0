"""Simulated founders: the scripted one and the LLM one (with a scripted fake client)."""

from __future__ import annotations

from assistant.messages import CoachMessage
from evals.simulator import STOP, LLMFounder, ScriptedFounder, founder_system_prompt
from tests.unit.test_eval_fakes import FakeClient, make_scenario


def msg(text: str) -> list[CoachMessage]:
    return [CoachMessage(kind="question", text=text)]


async def test_scripted_founder_follows_the_state_question_id():
    f = ScriptedFounder(make_scenario([("too_broad", "for_whom")]))
    assert await f.first_message() == "We deliver warm bread."
    assert await f.reply("for_whom", msg("For whom?")) == "answer to for_whom"
    assert await f.reply("for_whom", msg("Which group first?")) == "Busy parents downtown."  # follow-up
    assert await f.reply("for_whom", msg("Again?")) == "I don't know yet."  # script ran out
    assert await f.reply("jobs", msg("Jobs?")) == "answer to jobs"
    assert await f.reply("evidence", msg("Evidence?")) == "I don't know yet."  # not listed: default
    assert await f.reply("intake", msg("What do you do?")) == "I don't know yet."


def test_system_prompt_holds_persona_script_truth_and_rules():
    prompt = founder_system_prompt(make_scenario([("too_broad", "for_whom")], language="fr"))
    assert "Claire, 34" in prompt
    assert "answer to for_whom" in prompt and "if the coach insists (1): Busy parents downtown." in prompt
    assert (
        'Segment "Busy parents" (niche market): parents downtown' in prompt and "who pays: parent" in prompt
    )
    assert "Write in French only" in prompt
    assert STOP in prompt and "Never invent" in prompt


async def test_llm_founder_talks_through_the_client():
    client = FakeClient(["Mostly busy parents, I think.", "Parents downtown who leave early.", STOP])
    f = LLMFounder(make_scenario(), client, "m1", temperature=0.5)
    assert await f.first_message() == "We deliver warm bread."
    assert await f.reply("for_whom", msg("For whom do you create value?")) == "Mostly busy parents, I think."
    assert await f.reply("for_whom", msg("Which one first?")) == "Parents downtown who leave early."
    assert await f.reply("summary", [CoachMessage(kind="summary", text="Here is your canvas.")]) is None
    first, second = client.completions.calls[0], client.completions.calls[1]
    assert first["model"] == "m1" and first["temperature"] == 0.5
    roles = [m["role"] for m in first["messages"]]
    assert roles == ["system", "user", "assistant", "user"]  # the coach speaks as the user
    assert first["messages"][-1]["content"].startswith("[topic: for whom you create value")
    assert "For whom do you create value?" in first["messages"][-1]["content"]
    assert "the coach insists, time 1" in second["messages"][-1]["content"]
    assert second["messages"][-2] == {"role": "assistant", "content": "Mostly busy parents, I think."}


async def test_llm_founder_stops_on_marker_with_text_or_empty_answer():
    f = LLMFounder(make_scenario(), FakeClient([f"Thanks, bye! {STOP}"]), "m")
    await f.first_message()
    assert await f.reply("jobs", msg("Jobs?")) is None
    g = LLMFounder(make_scenario(), FakeClient(["   "]), "m")
    assert await g.reply("jobs", msg("Jobs?")) is None
