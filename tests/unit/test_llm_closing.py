"""The answer that reaches the summary, on the LLM coach: no reply call (the summary answers the turn), and
the summary's sections and the personas read from one structured output."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from assistant.canvas import Canvas, Segment
from assistant.coach.base import Analysis, TurnContext
from assistant.coach.llm.client import ChatClient, exponential_backoff
from assistant.coach.llm.closing import ClosingOut, closing_summary
from assistant.coach.llm.coach import LLMCoach
from assistant.coach.llm.guard import Canary
from assistant.coach.llm.schema import SchemaError
from assistant.prompts import Prompts
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.sessions import output
from tests.unit.test_llm_coach import StubRules, _no_sleep

RULES_REFLECTION = "Real commitments: solid ground."


@pytest.fixture
def server() -> Iterator[ScriptedOpenAI]:
    with ScriptedOpenAI() as fake:
        yield fake


@pytest.fixture
async def coach(server: ScriptedOpenAI) -> AsyncIterator[LLMCoach]:
    chat = ChatClient(server.client(timeout=5), "scripted", backoff=exponential_backoff(0.001), sleep=_no_sleep)
    made = LLMCoach(chat, Prompts(), StubRules(Analysis(reflection=RULES_REFLECTION)), canary=Canary("CANARY-closing"))
    yield made
    await made.aclose()


def evidence_turn(follow_ups: int = 0, closing: bool = True) -> TurnContext:
    canvas = Canvas(language="en", segments=[Segment(name="Dental practices")], focus_segment="Dental practices")
    return TurnContext(question_id="evidence", answer="We run paid pilots with 4 practices.", language="en",
                       canvas=canvas, follow_up_count=follow_ups, closing=closing)


CLEAN = output("evidence", updates=[{"segment": "Dental practices", "evidence": ["Paid pilots with 4 practices"]}])
FLAWED = {**CLEAN, "findings": [{"mistake_id": "not_validated", "evidence": "pilots", "cited": [], "message": "m"}],
          "follow_up": "How many renewed?"}


async def test_the_answer_before_the_summary_makes_one_call_and_keeps_a_reflection(
    server: ScriptedOpenAI, coach: LLMCoach
) -> None:
    server.structured(CLEAN)
    analysis = await coach.analyse(evidence_turn())
    assert len(server.requests) == 1 and analysis.updates[0].evidence == ["Paid pilots with 4 practices"]
    assert analysis.reflection == RULES_REFLECTION
    server.assert_complete()


@pytest.mark.parametrize(("follow_ups", "closing", "calls"), [(0, True, 2), (2, True, 1), (0, False, 2)])
async def test_a_reply_is_streamed_only_when_the_session_goes_on(
    server: ScriptedOpenAI, coach: LLMCoach, follow_ups: int, closing: bool, calls: int
) -> None:
    """With a mistake found and follow-ups left a question comes next: the reply is streamed; once they are
    used up, or with no mistake, the summary comes next: no reply call."""
    server.structured(FLAWED if closing else CLEAN)
    if calls == 2:
        server.stream(["Four paid pilots."])
    analysis = await coach.analyse(evidence_turn(follow_ups, closing))
    assert len(server.requests) == calls
    assert analysis.reflection == ("Four paid pilots." if calls == 2 else RULES_REFLECTION)
    server.assert_complete()


def test_the_summary_sections_are_clean_markdown_under_the_canvas() -> None:
    canvas = Canvas(language="en", segments=[Segment(name="Dental practices")])
    out = ClosingOut(still_to_validate=["- Renewals after the pilots", "  "],
                     next_steps=["1. Price the reminders", "* Reach owners at dental fairs"], personas=[])
    text = closing_summary(Prompts(), canvas, out, "en")
    assert text.startswith("## Summary of your Customer Segments block") and "Dental practices" in text
    assert "### Still to validate\n- Renewals after the pilots\n\n### Next steps" in text
    assert text.endswith("\n1. Price the reminders\n2. Reach owners at dental fairs")
    nothing_open = closing_summary(Prompts(), canvas, out.model_copy(update={"still_to_validate": []}), "en")
    assert Prompts().text("en", "summary.unvalidated_none") in nothing_open
    with pytest.raises(SchemaError):
        closing_summary(Prompts(), canvas, out.model_copy(update={"next_steps": ["-", ""]}), "en")
