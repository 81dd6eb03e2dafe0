"""Full sessions on the LLM coach: the real `openai` client, a scripted OpenAI-compatible server on
loopback, the compiled graph and its checkpointer. The canvas comes from the model's structured output,
the reply is streamed token by token, and calls and tokens are counted in the canvas metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import aclosing

import pytest

from assistant.app import build_coach
from assistant.coach.llm.coach import LLMCoach
from assistant.prompts import Prompts
from assistant.settings import Settings
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.retriever import TagRetriever
from tests.fakes.sessions import (
    EN_STEPS,
    FR_STEPS,
    PARENTS,
    PRACTICES,
    TOO_BROAD,
    drive,
    expected_calls,
    llm_coach,
    script,
    send,
    session_for,
    usage_of,
)


@pytest.fixture
def server() -> Iterator[ScriptedOpenAI]:
    with ScriptedOpenAI() as fake:
        yield fake


def founder_text_stays_in_its_slot(server: ScriptedOpenAI, answers: list[str]) -> None:
    """Founder answers reach the model only inside tagged data slots, never in the system prompt."""
    slots = re.compile(r"<(founder_answer|earlier_answers|canvas|evidence|noted)>.*?</\1>", re.S)
    for request in server.requests:
        system = request["messages"][0]
        assert system["role"] == "system" and "CANARY-" in system["content"]
        outside = slots.sub("", request["messages"][-1]["content"])
        for answer in answers:
            assert answer not in system["content"] and answer not in outside


async def test_english_session_through_settings_and_build_coach(server: ScriptedOpenAI) -> None:
    settings = Settings(
        OPENAI_BASE_URL=server.url,
        OPENAI_API_KEY="test-key",
        COACH_MODEL="scripted-model",
        COACH_RETRY_BACKOFF=0.001,
        COACH_TIMEOUT=5,
    )
    prompts = Prompts()
    coach = build_coach(settings, prompts)
    assert isinstance(coach, LLMCoach) and coach.model == "scripted-model"
    for step in EN_STEPS:
        script(server, step)
    async with aclosing(coach):
        sent = await drive(session_for(coach, prompts), "en-llm", EN_STEPS)

    last = sent[-1].turn
    assert last.done and last.language == "en"
    seg = last.canvas.segments[0]
    assert seg.name == PRACTICES and len(last.canvas.segments) == 1
    assert last.canvas.startup == "Scheduling software for small dental practices"
    assert seg.behaviours == ["Answer the phone between patients"]
    assert seg.jobs == ["Fill the agenda every day", "Remind patients before appointments"]
    assert seg.pains == ["No-shows cost revenue", "Hours on the phone for the receptionist"]
    assert (seg.buyer, seg.user) == ("The dentist-owner", "The receptionist")
    assert seg.validation == "validated" and seg.segment_type == "niche_market"
    assert last.canvas.critiques == []

    # The reply is streamed token by token and becomes the feedback the founder reads.
    pains = sent[5]
    assert pains.tokens == ["Lost revenue ", "and hours on the phone."]
    assert pains.text("feedback").startswith("Lost revenue and hours on the phone.")
    summary = sent[-1].text("summary")
    assert "## Summary of your Customer Segments block" in summary and "### Next steps" in summary
    assert PRACTICES in summary

    meta = last.canvas.metadata
    assert meta.provider == "openai" and meta.fallbacks == 0
    assert meta.model_calls == len(server.requests) == expected_calls(EN_STEPS)  # two per turn, + the summary
    assert (meta.prompt_tokens, meta.completion_tokens) == usage_of(server)
    assert coach.usage().model_calls == meta.model_calls
    founder_text_stays_in_its_slot(server, [s.answer for s in EN_STEPS])
    server.assert_complete()


async def test_french_session_with_a_mistake_found_by_model_and_rules(server: ScriptedOpenAI) -> None:
    prompts = Prompts()
    for step in FR_STEPS:
        script(server, step)
    coach = llm_coach(server.url, prompts)
    async with aclosing(coach):
        sent = await drive(session_for(coach, prompts), "fr-llm", FR_STEPS)

    flagged = sent[1]
    critique = next(m for m in flagged.turn.messages if m.kind == "critique")
    assert critique.mistake_id == "too_broad"
    assert [c.chunk_id for c in critique.citations] == ["exemples-de-segmentation#mauvaise-a-bonne"]
    assert critique.text.endswith("qu'un groupe précis le mois prochain, lequel serait-ce ?")  # one question
    assert flagged.streamed.startswith("Vous pensez que tout le monde mange du pain")
    assert flagged.turn.question_id == "for_whom"

    last = sent[-1].turn
    assert last.done and last.language == "fr"
    too_broad = next(c for c in last.canvas.critiques if c.mistake_id == "too_broad")
    assert sorted(too_broad.found_by) == ["model", "rules"] and too_broad.resolved
    assert too_broad.evidence == "tout le monde mange du pain"
    seg = last.canvas.segments[0]
    assert seg.name == PARENTS and len(last.canvas.segments) == 1  # "Tout le monde" was replaced
    assert seg.pains == ["La file d'attente le matin", "Le pain industriel rassis", "Les retards au travail"]
    assert seg.gains[1] == "Gagner 15 minutes chaque matin"
    assert (seg.buyer, seg.user) == ("Les parents", "Toute la famille")
    assert "## Résumé" in sent[-1].text("summary") or "### Prochaines étapes" in sent[-1].text("summary")
    meta = last.canvas.metadata
    assert meta.model_calls == expected_calls(FR_STEPS) and meta.fallbacks == 0
    founder_text_stays_in_its_slot(server, [s.answer for s in FR_STEPS] + [TOO_BROAD["evidence"]])
    server.assert_complete()


async def test_faq_mid_session_is_answered_by_the_model_with_retrieved_sources(
    server: ScriptedOpenAI,
) -> None:
    prompts, retriever = Prompts(), TagRetriever()
    coach = llm_coach(server.url, prompts)
    session = session_for(coach, prompts, retriever)
    script(server, EN_STEPS[0])
    question = "Should I focus on one segment or several?"
    source = (await retriever.search(question, language="en", k=3))[1].chunk_id
    server.stream(["Start with one segment ", f"[{source}]", ", then expand [no#such]."])
    async with aclosing(coach):
        await drive(session, "faq-llm", EN_STEPS[:1])
        asked = await send(session, "faq-llm", question)
    faq = next(m for m in asked.turn.messages if m.kind == "faq")
    assert faq.text == "Start with one segment, then expand."
    assert [c.chunk_id for c in faq.citations] == [source]
    assert asked.turn.question_id == "for_whom" and asked.streamed
    assert asked.turn.canvas.metadata.model_calls == 3
    server.assert_complete()


QUOTE = "We interviewed 25 practice owners and run paid pilots with 4 practices."


async def test_the_answer_that_reaches_the_summary_costs_two_calls_and_shows_summary_and_personas(
    server: ScriptedOpenAI,
) -> None:
    *before, closing = EN_STEPS
    drafted = {"personas": [{
        "segment": PRACTICES, "name": {"value": "", "source": ""}, "role": {"value": "", "source": ""},
        "context": {"value": "", "source": ""}, "moment": {"value": "", "source": ""},
        "jobs": [], "pains": [], "gains": [], "quote": {"value": QUOTE, "source": QUOTE},
        "channels": {"value": "", "source": ""}, "buyer": {"value": "", "source": ""},
        "user": {"value": "", "source": ""}}]}
    last_step = closing.__class__(**{**closing.__dict__, "personas": drafted})
    prompts = Prompts()
    for step in before:
        script(server, step)
    coach = llm_coach(server.url, prompts)
    session = session_for(coach, prompts)
    async with aclosing(coach):
        await drive(session, "en-closing", before)
        calls = len(server.requests)
        script(server, last_step)
        last = await send(session, "en-closing", last_step.answer)

    turn = last.turn
    closing_requests = server.requests[calls:]
    assert len(closing_requests) == 2 and not any(r.get("stream") for r in closing_requests)
    assert turn.canvas.metadata.model_calls == len(server.requests) == 2 * len(EN_STEPS)
    summary = last.text("summary")
    assert summary.startswith("## Summary of your Customer Segments block") and PRACTICES in summary
    assert "### Still to validate\n- Whether owners renew after the pilots." in summary
    assert "### Next steps: link your segments to the other blocks\n1. **Value proposition**: no-show reminders." \
        in summary
    assert turn.done and turn.canvas.metadata.fallbacks == 0 and "offline coach" not in last.text("notice")
    assert [p.quote.value for p in turn.canvas.personas] == [QUOTE]  # the model's persona, traced
    assert QUOTE in last.text("persona")  # and its card is shown
    kinds = [m.kind for m in turn.messages]
    assert "value 4/5, fit 5/5" in last.text("feedback")  # the answer is still reflected, with no model call
    assert kinds.index("feedback") < kinds.index("summary") < kinds.index("persona")
    server.assert_complete()
