"""The whole loop after a session, through `CoachSession` on real SQLite checkpoints: personas shown and
corrected, the interview kit, three interview notes pasted (one long paste, read whole), statuses and
evidence updated with quoted lines, a proposal accepted that reopens its question, the summary back — and
nothing the founder typed or pasted lost across restarts. Offline in French; the LLM engine in English on
the scripted OpenAI-compatible server (its persona checked field by field against the founder's words)."""

from __future__ import annotations

from contextlib import aclosing
from pathlib import Path

from assistant.app import open_session
from assistant.coach.base import Coach
from assistant.personas.faithful import FounderText, unsupported_fields
from assistant.prompts import Prompts
from assistant.session import Turn
from assistant.settings import Settings
from assistant.turns import Action, Notes
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.retriever import TagRetriever
from tests.fakes.sessions import EN_STEPS, PRACTICES, llm_coach, script
from tests.integration.test_session import FR_SCRIPT, run_script

FR_NOTES = """Entretien 1 — Sophie, mère de deux enfants, centre-ville, 12 mars
- Elle part avant 8h et dépose les enfants à l'école à 8h20.
- La file d'attente le matin ne la dérange pas : elle achète le pain la veille au soir.
- Le pain industriel rassis : elle en jette un demi chaque mercredi.

Entretien 2 — Karim, père, quartier Graslin
- Il n'a jamais fait la file d'attente le matin, il passe à la boulangerie le soir.
- Le pain industriel rassis finit à la poubelle chaque semaine.
- Il a payé trois mois d'avance son panier de légumes bio.

Entretien 3 — Julie, mère solo
- Pas de file d'attente pour elle le matin, la boulangerie est en bas de chez elle.
- Préparer le petit-déjeuner des enfants vite : elle le fait en 10 minutes, en courant.
"""
# A long paste: the same three interviews, then the interviewer's raw transcript of the third (far past the
# 4,000 characters an ordinary answer is read up to). Its last line is read too.
TRANSCRIPT = "\n".join(f"- Julie raconte sa semaine, jour {n} : école, travail, courses, rien sur le pain."
                       for n in range(1, 70))
LONG_PASTE = FR_NOTES + TRANSCRIPT + "\n- Dernière ligne : le pain industriel rassis, elle le donne aux canards."


def settings(tmp: Path) -> Settings:
    return Settings(COACH_DATA_DIR=tmp, COACH_PROVIDER="offline")


async def reopen_session(tmp: Path, coach: Coach | None = None):  # noqa: ANN201 - an async context manager
    return open_session(settings(tmp), retriever=TagRetriever(), coach=coach)


def kinds(turn: Turn) -> list[str]:
    return [m.kind for m in turn.messages]


def text(turn: Turn, kind: str) -> str:
    return "\n".join(m.text for m in turn.messages if m.kind == kind)


async def test_french_offline_loop_survives_restarts(tmp_path: Path) -> None:
    thread = "fr-fieldwork"
    async with await reopen_session(tmp_path) as session:
        turns = await run_script(session, thread, FR_SCRIPT)
        done = turns[-1]
        assert done.done and "summary" in kinds(done)
        persona = done.canvas.personas[0]
        assert persona.segment == done.canvas.segments[0].name
        founder = FounderText([t for _, t in FR_SCRIPT])
        assert unsupported_fields(persona, founder) == []  # only what the founder said
        assert "**Persona — " in text(done, "persona") and "*à préciser*" in text(done, "persona")
        assert "/entretiens" in text(done, "notice")
        asked = [m.text for m in done.messages if m.kind == "question"][-1]
        assert asked.startswith("Pour le persona")  # an empty field is asked for

        corrected = await session.send(thread, "non, elle a plutôt 45 ans et gère trois boutiques")
        assert "C'est noté dans le persona" in text(corrected, "feedback")
        assert corrected.canvas.personas[0].context.value == "elle a plutôt 45 ans et gère trois boutiques"
        kit = await session.send(thread, Action(name="interviews"))
        assert text(kit, "kit").startswith("# Kit d'entretiens clients")
        assert "La file d'attente le matin" in text(kit, "kit")

    async with await reopen_session(tmp_path) as session:  # a restart: the corrected persona is still there
        assert (await session.read(thread)).canvas.personas[0].context.origin == "correction"
        read = await session.send(thread, Notes(text=LONG_PASTE))
        evidence = text(read, "evidence")
        assert "J'ai lu **3 entretien(s)**" in evidence
        assert "**Contredit** (douleur, " in evidence
        assert "> La file d'attente le matin ne la dérange pas : elle achète le pain la veille au soir." in evidence
        assert "**Confirmé** (douleur, " in evidence and "elle le donne aux canards" in evidence  # the last line
        assert ": hypothèse → partiellement validé" not in evidence  # 22 interviews and pre-orders already
        proposals = [m.text for m in read.messages if m.kind == "question"][-1]
        assert "1. retirer « La file d'attente le matin »" in proposals
        seg = read.canvas.segments[0]
        assert any("ne la dérange pas" in e for e in seg.evidence)

    async with await reopen_session(tmp_path) as session:  # a restart while the proposal waits
        inbox = await session.founder_messages(thread)
        assert inbox[-1]["text"] == LONG_PASTE and inbox[-1]["kind"] == "notes"  # kept whole
        accepted = await session.send(thread, "oui")
        assert accepted.question_id == "pains" and not accepted.done  # the contradicted question reopened
        assert "La file d'attente le matin" not in accepted.canvas.segments[0].pains
        back = await session.send(thread, "Le pain industriel rassis; les retards au travail.")
        assert back.done and back.question_id == "summary"
        assert back.canvas.version > done.canvas.version
        assert back.canvas.personas[0].context.value == "elle a plutôt 45 ans et gère trois boutiques"
        assert any(q.text.startswith("Contredit en entretien") for q in back.canvas.open_questions)


async def test_an_answer_after_the_summary_that_is_neither_notes_nor_about_a_persona(tmp_path: Path) -> None:
    async with await reopen_session(tmp_path) as session:
        await run_script(session, "fr-after", FR_SCRIPT)
        await session.send("fr-after", "Sur les groupes Facebook des parents d'élèves du centre")  # the asked field
        turn = await session.send("fr-after", "encore une chose")
        assert kinds(turn) == ["notice"] and "/revoir" in turn.messages[0].text
        nothing = await session.send("fr-after", Notes(text="   "))
        assert "Je n'ai trouvé aucune note" in text(nothing, "notice")
        refused = await session.send("fr-after", Action(name="refuse"))
        assert kinds(refused) == ["notice"]  # no proposal waiting: nothing to refuse


INVENTED = {"personas": [{
    "segment": PRACTICES,
    "name": {"value": "Dr. Maria Lopez", "source": "Dr. Maria Lopez runs a practice in Boston"},
    "role": {"value": "Independent dental practices with 2 to 5 dentists",
             "source": "Independent dental practices with 2 to 5 dentists that still book appointments by phone."},
    "context": {"value": "Lose about 10% of slots to no-shows",
                "source": "lose about 10% of slots to no-shows"},
    "moment": {"value": "Every Monday she reviews the week in Boston", "source": "Every Monday"},
    "jobs": [{"value": "Fill the agenda every day", "source": "Fill the agenda every day"}],
    "pains": [{"value": "No-shows cost them revenue", "source": "No-shows cost them revenue"},
              {"value": "Insurance paperwork takes weekends", "source": "Insurance paperwork"}],
    "gains": [],
    "quote": {"value": "", "source": ""},
    "channels": {"value": "", "source": ""},
    "buyer": {"value": "The dentist-owner", "source": "The dentist-owner signs and pays"},
    "user": {"value": "The receptionist", "source": "the receptionist uses it every day"},
}]}
EN_NOTES = """Interview 1 - Dr Lee, 3 dentists
- No-shows are not a problem: they keep a waiting list and fill gaps the same day.
- Their receptionist spends hours on the phone every morning.

Interview 2 - Dr Park, 2 dentists
- No-shows rarely cost them anything, patients call to cancel.
- Hours on the phone for the receptionist, she said it twice.

Interview 3 - Dr Olsen
- The receptionist spends two hours on the phone after lunch.
"""


async def test_english_llm_loop_drops_what_the_founder_never_said(tmp_path: Path) -> None:
    prompts = Prompts()
    with ScriptedOpenAI() as server:
        steps = [*EN_STEPS[:-1], EN_STEPS[-1].__class__(**{**EN_STEPS[-1].__dict__, "personas": INVENTED})]
        for step in steps:
            script(server, step)
        coach = llm_coach(server.url, prompts)
        async with aclosing(coach), await reopen_session(tmp_path, coach) as session:
            turn = await session.start("en-llm")
            for step in steps:
                assert turn.question_id == step.question_id
                turn = await session.send("en-llm", step.answer)
            assert turn.done
            persona = turn.canvas.personas[0]
            # Traced fields kept, invented ones (a name, Boston, insurance) dropped.
            assert persona.name.empty and persona.moment.empty
            assert [p.value for p in persona.pains] == ["No-shows cost them revenue"]
            assert persona.context.value == "Lose about 10% of slots to no-shows"
            assert (persona.buyer.value, persona.user.value) == ("The dentist-owner", "The receptionist")
            assert unsupported_fields(persona, FounderText([s.answer for s in steps])) == []
            assert "Where to reach them" in text(turn, "persona")
            server.assert_complete()  # the personas came from the model, with the summary

            read = await session.send("en-llm", Notes(text=EN_NOTES))
            evidence = text(read, "evidence")
            assert "I read **3 interview(s)**" in evidence
            assert "**Contradicted** (pain, Independent dental practices) — No-shows cost revenue" in evidence
            assert "**Supported** (pain, Independent dental practices) — Hours on the phone" in evidence
            refused = await session.send("en-llm", "no")
            assert "the canvas stays as it is" in text(refused, "feedback")
            seg = refused.canvas.segments[0]
            assert "No-shows cost revenue" in seg.pains
            assert "To check again: “No-shows cost revenue” (contradicted in interviews)" in seg.assumptions
            assert len(server.requests) == len(steps) * 2  # the summary came with the personas; notes cost no call

        async with await reopen_session(tmp_path, coach) as again:  # a restart
            assert (await again.read("en-llm")).canvas.segments[0].assumptions == seg.assumptions
