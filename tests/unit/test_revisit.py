"""Revisiting a finished session on a scripted coach: reopen any question (command, button, choice), the canvas
kept, the summary back, a canvas version per accepted change, and the revisit nudge at resume. FR and EN."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from langgraph.checkpoint.memory import InMemorySaver

from assistant.analysis import Analysis, SegmentUpdate
from assistant.graph import Context, build_graph
from assistant.graph.builder import CoachGraph
from assistant.graph.revisit import evidence_arrived, reopen
from assistant.prompts import Prompts
from assistant.session import CoachSession, Turn
from assistant.turns import Action
from tests.fakes.coach import ScriptedCoach
from tests.fakes.retriever import TagRetriever

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
PARENTS = "Parents actifs"
DENTISTS = "Independent dental practices"


def session(coach: ScriptedCoach, lang: str, graph: CoachGraph | None = None, now: datetime = T0) -> CoachSession:
    context = Context(coach=coach, retriever=TagRetriever(), prompts=Prompts(), language=lang,  # type: ignore[arg-type]
                      clock=lambda: now)
    return CoachSession(graph or build_graph(InMemorySaver()), context)


async def finish(s: CoachSession, pitch: str, answer: str) -> Turn:
    """A short session: the pitch, one segment, every other question skipped, then the summary."""
    await s.start("t")
    await s.send("t", pitch)
    turn = await s.send("t", answer)
    while not turn.done:
        turn = await s.send("t", Action(name="skip"))
    return turn


def fr_coach(*more: Analysis) -> ScriptedCoach:
    return ScriptedCoach(Analysis(startup="Boulangerie bio livrée le matin"),
                         Analysis(updates=[SegmentUpdate(segment=PARENTS, who="Parents qui partent tôt")]), *more)


async def test_fr_reopen_a_question_by_name_keep_the_canvas_and_get_version_2_with_what_changed() -> None:
    coach = fr_coach(Analysis(updates=[SegmentUpdate(segment=PARENTS, needs=["Du bio pour les enfants"])]))
    s = session(coach, "fr")
    done = await finish(s, "Une boulangerie bio qui livre le matin.", "Les parents actifs du centre-ville.")
    assert done.canvas.version == 1 and [v.number for v in await s.versions("t")] == [1]

    reopened = await s.send("t", "/revoir besoins")
    assert reopened.question_id == "characteristics" and not reopened.done
    assert "On rouvre la question « caractéristiques et comportements »" in reopened.messages[0].text
    assert reopened.messages[-1].kind == "question"
    assert reopened.canvas.segments[0].who == "Parents qui partent tôt"  # nothing lost

    back = await s.send("t", "Ils veulent du bio pour les enfants.")
    assert back.done and back.question_id == "summary" and back.canvas.version == 2
    assert [m.kind for m in back.messages if m.kind != "persona"][-2:] == ["summary", "notice"]
    assert back.messages[-1].text == "Canevas : version 2 enregistrée (Parents actifs : Besoins)."
    assert back.canvas.startup == "Boulangerie bio livrée le matin"
    assert back.canvas.segments[0].needs == ["Du bio pour les enfants"]
    v1, v2 = await s.versions("t")
    assert (v2.number, v2.question_id, v2.at) == (2, "characteristics", T0.isoformat())
    assert v2.changes is not None and v2.changes.changed[0].fields[0].added == ["Du bio pour les enfants"]
    # After the summary, an answer is still turned down, and the help names the new command.
    assert "/revoir" in (await s.send("t", "encore une chose")).messages[0].text
    coach.assert_complete()


async def test_en_revisit_lists_the_questions_then_a_name_or_the_button_reopens_one() -> None:
    coach = ScriptedCoach(Analysis(startup="Scheduling software for dentists"),
                          Analysis(updates=[SegmentUpdate(segment=DENTISTS)]),
                          Analysis(updates=[SegmentUpdate(segment=DENTISTS, pains=["No-shows cost revenue"])]),
                          Analysis(updates=[SegmentUpdate(segment="Dental clinics", who="Chains of 10+ chairs")]))
    s = session(coach, "en")
    await finish(s, "We build scheduling software for small dental practices.", "Independent dental practices.")

    listed = await s.send("t", "Revisit a question")  # the slash is not needed after the summary
    assert listed.done and listed.messages[0].text.startswith("Which question would you like to revisit?")
    assert "6. their pains" in listed.messages[0].text
    chosen = await s.send("t", "pains")  # right after the list, a question's name is enough
    assert chosen.question_id == "pains"
    v2 = await s.send("t", "No-shows cost them revenue.")
    assert v2.done and v2.canvas.version == 2

    button = await s.send("t", Action(name="revisit", question="for_whom"))
    assert button.question_id == "for_whom" and "Reopening the question \"for whom\"" in button.messages[0].text
    v3 = await s.send("t", "Also dental clinics with 10 chairs or more.")
    assert v3.done and v3.canvas.version == 3 and len(v3.canvas.segments) == 2
    assert "new segment Dental clinics" in v3.messages[-1].text
    versions = await s.versions("t")
    assert versions[2].changes is not None and versions[2].changes.added == ["Dental clinics"]
    coach.assert_complete()


async def test_unknown_target_mid_session_and_restart() -> None:
    coach = fr_coach()
    s = session(coach, "fr")
    await s.start("t")
    await s.send("t", "Une boulangerie bio qui livre le matin.")
    early = await s.send("t", "/revoir douleurs")
    assert early.question_id == "for_whom" and "une fois la synthèse faite" in early.messages[0].text
    done = await s.send("t", "Les parents actifs du centre-ville.")
    while not done.done:
        done = await s.send("t", Action(name="skip"))
    unknown = await s.send("t", "/revoir la météo")
    text = unknown.messages[0].text
    assert unknown.done and "« la météo »" in text and "1. votre startup" in text
    # Without the list just shown, a question's name is an ordinary message (turned down after the summary).
    await s.send("t", "/canevas")
    assert (await s.send("t", "douleurs")).question_id == "summary"
    restarted = await s.send("t", Action(name="restart"))
    assert restarted.canvas.version == 0 and await s.versions("t") == []
    coach.assert_complete()


async def test_a_session_finished_before_versions_existed_gets_version_1_when_reopened() -> None:
    coach = fr_coach(Analysis(updates=[SegmentUpdate(segment=PARENTS, pains=["La file d'attente"])]))
    graph = build_graph(InMemorySaver())
    s = session(coach, "fr", graph)
    await finish(s, "Une boulangerie bio qui livre le matin.", "Les parents actifs du centre-ville.")
    config = s._config("t")
    values = (await graph.aget_state(config)).values
    await graph.aupdate_state(config, {"versions": [], "canvas": {**values["canvas"], "version": 0}})
    await s.send("t", Action(name="revisit", question="pains"))
    back = await s.send("t", "La file d'attente le matin.")
    assert [v.number for v in await s.versions("t")] == [1, 2] and back.canvas.version == 2


async def test_the_nudge_at_resume_after_the_set_delay_or_new_evidence() -> None:
    coach = fr_coach()
    graph = build_graph(InMemorySaver())
    await finish(session(coach, "fr", graph), "Une boulangerie bio qui livre le matin.", "Les parents actifs.")
    assert await session(coach, "fr", graph, T0 + timedelta(days=29)).nudge("t") is None
    later = await session(coach, "fr", graph, T0 + timedelta(days=45)).start("t")
    assert later.resumed and later.messages[-1].text.startswith("Votre canevas n'a pas changé depuis 45 jours")

    await graph.aupdate_state(session(coach, "fr", graph)._config("t"), evidence_arrived(T0 + timedelta(days=2)))
    nudge = await session(coach, "fr", graph, T0 + timedelta(days=3)).nudge("t")
    assert nudge is not None and nudge.text.startswith("De nouvelles notes d'entretien sont arrivées")
    coach.assert_complete()


def test_reopen_is_a_plain_state_update() -> None:
    update = reopen({"asked": ["intake", "pains", "gains"], "done": True}, "pains")
    assert update["question_id"] == "pains" and update["revisiting"] and not update["done"]
    assert update["asked"] == ["intake", "gains"] and update["pending_ask"]
    try:
        reopen({}, "summary")
    except ValueError:
        pass
    else:
        raise AssertionError("summary cannot be reopened")
