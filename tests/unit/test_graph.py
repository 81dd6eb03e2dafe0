"""Graph rules on a scripted coach: what the founder sees turn by turn, whatever the engine reads."""

from __future__ import annotations

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore

from assistant.analysis import Analysis, Finding, SegmentUpdate
from assistant.graph import Context, build_graph
from assistant.prompts import Prompts
from assistant.session import CoachSession
from assistant.turns import Action, Text
from tests.fakes.coach import ScriptedCoach
from tests.fakes.retriever import TagRetriever

BROAD = Finding(mistake_id="too_broad", evidence="tout le monde", message="Trop large.")


def session(coach: ScriptedCoach) -> CoachSession:
    context = Context(coach=coach, retriever=TagRetriever(), prompts=Prompts(), language="fr")
    return CoachSession(build_graph(InMemorySaver(), InMemoryStore()), context)


async def test_a_finding_gets_a_cited_critique_then_at_most_two_follow_ups_then_an_open_question() -> None:
    coach = ScriptedCoach(
        Analysis(startup="Une appli de recettes"),
        Analysis(updates=[SegmentUpdate(segment="Tout le monde")], findings=[BROAD], follow_up="Qui d'abord ?"),
        Analysis(updates=[SegmentUpdate(segment="Tout le monde")], findings=[BROAD], follow_up="Vraiment ?"),
        Analysis(updates=[SegmentUpdate(segment="Tout le monde")], findings=[BROAD], follow_up="Encore ?"),
    )
    s = session(coach)
    await s.start("t")
    await s.send("t", "Une appli de recettes")
    first = await s.send("t", "tout le monde")
    critique = [m for m in first.messages if m.kind == "critique"]
    assert critique and critique[0].mistake_id == "too_broad" and critique[0].citations
    assert first.question_id == "for_whom"
    second = await s.send("t", "tout le monde je vous dis")
    assert second.question_id == "for_whom" and any(m.kind == "critique" for m in second.messages)
    third = await s.send("t", "bah tout le monde")
    assert third.question_id == "most_important"  # moved on after two follow-ups
    assert any(q.question_id == "for_whom" for q in third.canvas.open_questions)
    coach.assert_complete()


async def test_an_unusable_answer_keeps_the_question_and_says_why() -> None:
    coach = ScriptedCoach(Analysis(startup="X"), Analysis(usable=False))
    s = session(coach)
    await s.start("t")
    await s.send("t", "Une appli de covoiturage pour les salariés")
    turn = await s.send("t", "hmm voilà")
    assert turn.question_id == "for_whom"
    assert [m.kind for m in turn.messages] == ["feedback"]
    coach.assert_complete()


async def test_actions_are_commands_never_reparsed_text() -> None:
    coach = ScriptedCoach(Analysis(startup="X"))
    s = session(coach)
    await s.start("t")
    await s.send("t", "Une appli de covoiturage pour les salariés")
    skipped = await s.send("t", Action(name="skip"))
    assert skipped.question_id == "most_important"
    # The same word typed as text is an answer the coach reads, not a command.
    coach.then(Analysis(updates=[SegmentUpdate(segment="Salariés")]))
    back = await s.send("t", Action(name="back"))
    assert back.question_id == "for_whom"
    typed = await s.send("t", Text(text="les salariés des zones industrielles"))
    assert typed.question_id == "most_important" and typed.canvas.segments[0].name == "Salariés"
    coach.assert_complete()


async def test_the_inbox_keeps_every_raw_message_and_the_turn_reports_progress() -> None:
    coach = ScriptedCoach(Analysis(startup="X"))
    s = session(coach)
    await s.start("t")
    turn = await s.send("t", "Une appli de covoiturage pour les salariés")
    await s.send("t", "")
    await s.send("t", "🙂🙂")
    inbox = await s.founder_messages("t")
    assert [m["text"] for m in inbox] == ["Une appli de covoiturage pour les salariés", "", "🙂🙂"]
    assert (turn.progress.index, turn.progress.total) == (2, 10)
    coach.assert_complete()
