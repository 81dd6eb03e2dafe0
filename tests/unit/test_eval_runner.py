"""The run loop on a fake session: what a transcript records and when a run stops."""

from __future__ import annotations

from assistant.canvas import Canvas, Critique
from assistant.messages import CoachMessage
from assistant.session import Turn
from evals.metrics import score_run
from evals.runner import run_scenario
from evals.simulator import ScriptedFounder
from tests.unit.test_eval_fakes import make_scenario

FLOW = [
    "intake",
    "for_whom",
    "most_important",
    "characteristics",
    "jobs",
    "pains",
    "gains",
    "buyer_user",
    "evidence",
    "summary",
]


class FakeSession:
    """Walks FLOW; an answer containing 'for_whom' at for_whom is flagged once, then accepted."""

    def __init__(self, fail_at: str = "", loop: bool = False) -> None:
        self.qid = "intake"
        self.canvas = Canvas(language="en")
        self.fail_at = fail_at
        self.loop = loop
        self.flagged = False

    def turn(self, messages, done=False, retrieved=()):
        return Turn(
            thread_id="t",
            question_id=self.qid,
            messages=messages,
            canvas=self.canvas,
            language="en",
            done=done,
            retrieved=list(retrieved),
        )

    async def start(self, thread_id, language=None):
        return self.turn(
            [CoachMessage(kind="question", text="What does your startup do?", question_id="intake")]
        )

    async def send(self, thread_id, text):
        if self.qid == self.fail_at:
            raise RuntimeError("engine exploded")
        if self.loop:
            return self.turn([CoachMessage(kind="feedback", text="Could you say more?")])
        if self.qid == "for_whom" and "for_whom" in text and not self.flagged:
            self.flagged = True
            self.canvas = self.canvas.model_copy(
                update={"critiques": [Critique(mistake_id="too_broad", question_id="for_whom", message="m")]}
            )
            return self.turn(
                [
                    CoachMessage(
                        kind="critique",
                        text="Too broad. Which group first?",
                        question_id="for_whom",
                        mistake_id="too_broad",
                    )
                ],
                retrieved=["a#1"],
            )
        self.qid = FLOW[FLOW.index(self.qid) + 1]
        if self.qid == "summary":
            return self.turn(
                [CoachMessage(kind="summary", text="Summary.", question_id="summary")], done=True
            )
        return self.turn(
            [CoachMessage(kind="question", text=f"Tell me about {self.qid}?", question_id=self.qid)]
        )


async def test_transcript_records_every_exchange_until_the_summary():
    scenario = make_scenario([("too_broad", "for_whom")])
    t = await run_scenario(FakeSession(), scenario, ScriptedFounder(scenario), run=2, source="fake")
    assert t.done and t.stopped == "done" and t.run == 2 and t.source == "fake"
    assert t.opening[0].question_id == "intake"
    assert [e.question_id for e in t.exchanges] == ["intake", "for_whom", "for_whom", *FLOW[2:9]]
    second = t.exchanges[1]
    assert second.founder == "answer to for_whom" and second.coach[0].mistake_id == "too_broad"
    assert second.retrieved == ["a#1"] and second.question_after == "for_whom"
    assert t.exchanges[2].founder == "Busy parents downtown."  # the scripted follow-up
    assert t.founder_turns == 10 and t.canvas is not None
    s = score_run(t, scenario)
    assert s.completed and s.coverage == 1.0 and s.located == ["too_broad@for_whom"]


async def test_run_stops_at_the_turn_limit():
    scenario = make_scenario()
    t = await run_scenario(FakeSession(loop=True), scenario, ScriptedFounder(scenario), max_turns=5)
    assert not t.done and t.stopped == "max_turns" and t.founder_turns == 5
    assert not score_run(t, scenario, max_turns=5).completed


async def test_engine_errors_are_recorded_not_raised():
    scenario = make_scenario()
    t = await run_scenario(FakeSession(fail_at="jobs"), scenario, ScriptedFounder(scenario))
    assert t.stopped == "error" and t.error == "RuntimeError: engine exploded" and not t.done
    assert "not completed (error: RuntimeError: engine exploded)" in score_run(t, scenario).failures


async def test_founder_stop_ends_the_run():
    class Quitter(ScriptedFounder):
        async def reply(self, question_id, coach):
            return None if question_id == "jobs" else await super().reply(question_id, coach)

    scenario = make_scenario()
    t = await run_scenario(FakeSession(), scenario, Quitter(scenario))
    assert t.stopped == "founder_stop" and t.exchanges[-1].question_after == "jobs" and not t.done
