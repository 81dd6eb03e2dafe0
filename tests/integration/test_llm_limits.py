"""A rambling or slow model never stalls a founder turn: every call carries an output cap sized for what
it writes, and past the turn deadline the offline engine answers the turn (the late answer is dropped,
the founder's answer is kept, the usual notice is shown)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.coach.llm.limits import Limits
from assistant.prompts import Prompts
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.sessions import EN_STEPS, closing_output, drive, llm_coach, script, send, session_for

FALLBACK_NOTICE = "I handled this turn with the offline coach"
LIMITS = Limits(analysis=300, reply=80, faq=200, summary=400, deadline_s=1.5)


def capped_at(cap: int) -> Any:
    def check(request: dict[str, Any]) -> str | None:
        return None if request.get("max_tokens") == cap else f"max_tokens {request.get('max_tokens')}, not {cap}"

    return check


@pytest.fixture
def server() -> Iterator[ScriptedOpenAI]:
    with ScriptedOpenAI() as fake:
        yield fake


def _session(server: ScriptedOpenAI, prompts: Prompts) -> Any:
    coach = llm_coach(server.url, prompts, timeout=30.0, max_retries=0)  # the client alone would wait 30 s
    coach.limits = LIMITS
    return session_for(coach, prompts)


async def test_every_call_asks_for_its_own_output_cap(server: ScriptedOpenAI) -> None:
    prompts = Prompts()
    for step in EN_STEPS[:2]:
        server.structured(step.analysis, expect=capped_at(LIMITS.analysis))
        server.stream(step.reply, expect=capped_at(LIMITS.reply))
    sent = await drive(_session(server, prompts), "caps", EN_STEPS[:2])
    server.assert_complete()
    assert all(FALLBACK_NOTICE not in s.text("notice") for s in sent)


async def test_a_model_that_never_answers_costs_one_deadline_then_the_session_goes_on(
        server: ScriptedOpenAI) -> None:
    prompts = Prompts()
    session = _session(server, prompts)
    first, second, third = EN_STEPS[:3]
    server.structured(first.analysis).stream(first.reply)
    server.hang(label="for_whom analysis")
    server.structured(third.analysis).stream(third.reply)
    await drive(session, "hang", [first])
    start = time.monotonic()
    late = await send(session, "hang", second.answer)
    assert time.monotonic() - start < LIMITS.deadline_s + 3
    assert FALLBACK_NOTICE in late.text("notice")
    assert late.turn.question_id == "most_important"  # the offline engine took the answer and moved on
    assert any("dental practices" in s.who.lower() + s.name.lower() for s in late.turn.canvas.segments)
    inbox = await session.founder_messages("hang")
    assert inbox[-1]["text"] == second.answer  # nothing lost
    after = await send(session, "hang", third.answer)
    assert FALLBACK_NOTICE not in after.text("notice")
    server.assert_complete()


async def test_a_rambling_reply_is_cut_at_the_deadline_and_the_turn_keeps_the_models_analysis(
        server: ScriptedOpenAI) -> None:
    prompts = Prompts()
    session = _session(server, prompts)
    first, second = EN_STEPS[:2]
    server.structured(first.analysis).stream(first.reply)
    server.structured(second.analysis)
    server.stream(["and so on "] * 200, pause=0.05, label="rambling reply")  # 10 s of text
    await drive(session, "ramble", [first])
    start = time.monotonic()
    cut = await send(session, "ramble", second.answer)
    assert time.monotonic() - start < LIMITS.deadline_s + 3
    assert FALLBACK_NOTICE in cut.text("notice")
    assert "and so on and so on and so on" not in cut.text("feedback")
    segment = cut.turn.canvas.segments[0]
    assert segment.who == "2 to 5 dentists, still booking by phone"  # the model's analysis was in time
    server.assert_complete()


async def test_the_turn_that_reaches_the_summary_keeps_one_deadline_for_the_analysis_and_the_summary(
        server: ScriptedOpenAI) -> None:
    """The last answer's turn makes two model calls (the analysis, then the summary and personas): they share
    the turn's deadline, so a slow analysis leaves the summary only what is left, and the offline summary
    stands in when that runs out (before, each call had a deadline of its own: up to twice the deadline)."""
    prompts = Prompts()
    session = _session(server, prompts)
    *before, last = EN_STEPS
    for step in before:
        script(server, step)
    await drive(session, "one-deadline", before)
    server.structured(last.analysis, delay=LIMITS.deadline_s * 0.7, label="slow closing analysis")
    server.structured(closing_output(last), delay=LIMITS.deadline_s * 0.7, label="slow summary")
    start = time.monotonic()
    final = await send(session, "one-deadline", last.answer)
    elapsed = time.monotonic() - start
    assert elapsed < LIMITS.deadline_s + 0.5, elapsed  # not 0.7 + 0.7 deadlines
    assert final.turn.done
    assert FALLBACK_NOTICE in final.text("notice")  # the summary was drafted offline, and the founder is told
    assert "## Summary of your Customer Segments block" in final.text("summary")
    assert final.turn.canvas.segments  # the model's analysis, in time, filled the canvas
    inbox = await session.founder_messages("one-deadline")
    assert inbox[-1]["text"] == last.answer
