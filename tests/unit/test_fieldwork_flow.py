"""Fieldwork on a scripted coach, through the compiled graph: the personas after the summary, the kit and
interview notes at any moment (mid-session, the current question is asked again), persona words after the
summary, answers to proposals, and what is turned down. FR and EN."""

from __future__ import annotations

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore

from assistant.analysis import Analysis, SegmentUpdate
from assistant.graph import Context, build_graph
from assistant.prompts import Prompts
from assistant.session import CoachSession, Turn
from assistant.turns import Action, Notes
from tests.fakes.coach import ScriptedCoach
from tests.fakes.retriever import TagRetriever

PARENTS = "Parents actifs"
PAINS = Analysis(updates=[SegmentUpdate(segment=PARENTS, pains=["La file d'attente le matin"])])


def session(coach: ScriptedCoach, lang: str) -> CoachSession:
    context = Context(coach=coach, retriever=TagRetriever(), prompts=Prompts(), language=lang)  # type: ignore[arg-type]
    return CoachSession(build_graph(InMemorySaver(), InMemoryStore()), context)


async def finish(s: CoachSession, *answers: str) -> Turn:
    await s.start("t")
    turn = None
    for answer in answers:
        turn = await s.send("t", answer)
    assert turn is not None
    while not turn.done:
        turn = await s.send("t", Action(name="skip"))
    return turn


async def test_mid_session_the_kit_and_notes_come_and_the_question_is_asked_again() -> None:
    coach = ScriptedCoach(Analysis(startup="Boulangerie"),
                          Analysis(updates=[SegmentUpdate(segment=PARENTS, who="Parents qui partent tôt")]))
    s = session(coach, "fr")
    await s.start("t")
    await s.send("t", "Une boulangerie bio qui livre le matin.")
    await s.send("t", "Les parents actifs du centre-ville.")
    kit = await s.send("t", "/entretiens")
    assert [m.kind for m in kit.messages] == ["kit", "question"] and kit.question_id == "most_important"
    read = await s.send("t", Notes(text="Entretien 1\n- Les parents partent tôt, avant 8h."))
    assert read.messages[0].kind == "evidence" and read.messages[-1].kind == "question"
    assert not read.done and read.question_id == "most_important"
    inbox = await s.founder_messages("t")
    assert inbox[-1]["kind"] == "notes"
    coach.assert_complete()


async def test_after_the_summary_persona_words_and_proposals_in_english() -> None:
    coach = ScriptedCoach(Analysis(startup="Bakery"),
                          Analysis(updates=[SegmentUpdate(segment=PARENTS, who="Working parents downtown")]),
                          Analysis(updates=[SegmentUpdate(segment=PARENTS, pains=["Queues at the bakery"])]),
                          Analysis(updates=[SegmentUpdate(segment=PARENTS, pains=["Stale bread"])]))
    s = session(coach, "en")
    await s.start("t")
    await s.send("t", "An organic bakery that delivers in the morning.")
    await s.send("t", "Working parents downtown.")
    turn = await s.send("t", Action(name="skip"))  # most_important
    turn = await s.send("t", Action(name="skip"))  # characteristics
    turn = await s.send("t", Action(name="skip"))  # jobs
    turn = await s.send("t", "Queues at the bakery.")  # pains
    while not turn.done:
        turn = await s.send("t", Action(name="skip"))
    assert turn.canvas.personas[0].segment == PARENTS
    assert any(m.kind == "persona" for m in turn.messages)

    reached = await s.send("t", "You reach them through the parents' association newsletter.")
    assert reached.canvas.personas[0].channels.value.endswith("association newsletter")
    read = await s.send("t", Notes(text="Interview 1 - Ann\n- Queues at the bakery are not a problem for her."))
    assert "**Contradicted** (pain, Parents actifs) — Queues at the bakery" in read.messages[0].text
    waiting = await s.send("t", "Let me think about the bakery opening hours and the school run.")
    assert "Some proposed changes are still waiting" in waiting.messages[0].text
    accepted = await s.send("t", Action(name="accept"))
    assert accepted.question_id == "pains" and "Queues at the bakery" not in accepted.canvas.segments[0].pains
    back = await s.send("t", "Stale bread.")
    assert back.done and back.canvas.segments[0].pains == ["Stale bread"]
    coach.assert_complete()


async def test_mid_session_an_accepted_change_keeps_the_order_of_the_questions() -> None:
    coach = ScriptedCoach(Analysis(startup="Boulangerie"),
                          Analysis(updates=[SegmentUpdate(segment=PARENTS, who="Parents qui partent tôt")]), PAINS)
    s = session(coach, "fr")
    await s.start("t")
    await s.send("t", "Une boulangerie bio qui livre le matin.")
    await s.send("t", "Les parents actifs du centre-ville.")
    for _ in range(3):  # most_important, characteristics, jobs
        turn = await s.send("t", Action(name="skip"))
    turn = await s.send("t", "La file d'attente le matin.")
    assert turn.question_id == "gains"
    read = await s.send("t", "/notes Entretien 1\n- La file d'attente le matin ne la dérange pas du tout.")
    assert "Contredit" in read.messages[0].text and read.question_id == "gains"
    accepted = await s.send("t", "oui")
    assert accepted.question_id == "gains" and not accepted.done  # no jump back to the summary
    assert accepted.canvas.segments[0].pains == [] and accepted.messages[-1].kind == "question"
    coach.assert_complete()
