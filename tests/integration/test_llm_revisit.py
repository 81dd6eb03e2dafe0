"""Revisiting a finished session on the LLM coach (the real `openai` client, a scripted OpenAI-compatible
server on loopback), FR and EN: reopening costs no model call, the reopened answer is read by the model, the
summary and the personas come back from one more call, and the canvas gets version 2 with the model's change."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import aclosing

import pytest

from assistant.prompts import Prompts
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.sessions import (
    EN_STEPS,
    FR_STEPS,
    PARENTS,
    PRACTICES,
    Step,
    closing_sections,
    drive,
    llm_coach,
    output,
    script,
    send,
    session_for,
)

REVISITS = {
    "en": ("/revisit pains", Step(
        "pains", "Sending reminders by hand takes the receptionist an hour a day.",
        output("pains", updates=[{"segment": PRACTICES, "pains": ["Reminders by hand take an hour a day"]}]),
        [], summary=closing_sections(["Whether reminders by hand are the pain that sells."],
                                     ["**Value proposition**: reminders."])),
        "Reopening the question \"their pains\"", "Canvas: version 2 saved"),
    "fr": ("/revoir douleurs", Step(
        "pains", "Le pain arrive parfois froid en hiver.",
        output("pains", updates=[{"segment": PARENTS, "pains": ["Le pain arrive parfois froid en hiver"]}]),
        [], summary=closing_sections([], ["**Proposition de valeur** : le pain chaud en hiver."])),
        "On rouvre la question « leurs douleurs »", "Canevas : version 2 enregistrée"),
}


@pytest.fixture
def server() -> Iterator[ScriptedOpenAI]:
    with ScriptedOpenAI() as fake:
        yield fake


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_reopen_a_question_on_the_llm_coach_then_version_2(server: ScriptedOpenAI, lang: str) -> None:
    steps = EN_STEPS if lang == "en" else FR_STEPS
    command, step, opened, saved = REVISITS[lang]
    prompts = Prompts()
    for s in steps:
        script(server, s)
    coach = llm_coach(server.url, prompts)
    session = session_for(coach, prompts)
    async with aclosing(coach):
        finished = (await drive(session, f"{lang}-revisit", steps))[-1].turn
        assert finished.done and finished.canvas.version == 1
        calls = len(server.requests)
        reopened = (await send(session, f"{lang}-revisit", command)).turn
        assert len(server.requests) == calls  # reopening is the graph's work, no model call
        assert reopened.question_id == "pains" and opened in reopened.messages[0].text
        script(server, step)
        back = await send(session, f"{lang}-revisit", step.answer)

    turn = back.turn
    assert turn.done and turn.canvas.version == 2 and saved in turn.messages[-1].text
    assert back.text("summary")  # the summary comes back
    assert len(server.requests) == calls + 2  # the answer's analysis, then the summary with the personas
    pains = turn.canvas.segments[0].pains
    assert pains[-1] == step.analysis["updates"][0]["pains"][0] and len(pains) > 1  # earlier pains kept
    v1, v2 = await session.versions(f"{lang}-revisit")
    assert v2.changes is not None and [f.field for f in v2.changes.changed[0].fields] == ["pains"]
    assert turn.canvas.metadata.fallbacks == 0
    server.assert_complete()
