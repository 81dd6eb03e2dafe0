"""Output caps, the turn deadline and the prompt profile, from the settings a deployment sets."""

from __future__ import annotations

from assistant.canvas import Canvas
from assistant.coach.base import TurnContext
from assistant.coach.llm.guard import Canary
from assistant.coach.llm.limits import Limits
from assistant.coach.llm.prompts import PromptBook
from assistant.coach.llm.schema import analysis_model
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage
from assistant.settings import Settings


def test_each_call_has_its_own_cap_and_coach_max_tokens_lowers_them_all() -> None:
    default = Limits.from_settings(Settings())
    assert default.reply < default.analysis < default.summary
    low = Limits.from_settings(Settings(COACH_MAX_TOKENS=200))
    assert (low.analysis, low.reply, low.faq, low.summary) == (200, default.reply, 200, 200)
    assert Limits.from_settings(Settings(COACH_TURN_DEADLINE=12)).deadline_s == 12


def test_small_context_servers_get_the_compact_prompts() -> None:
    assert not Limits.from_settings(Settings()).compact
    assert Limits.from_settings(Settings(COACH_CONTEXT_SIZE=2048)).compact
    assert not Limits.from_settings(Settings(COACH_CONTEXT_SIZE=32768)).compact
    assert Limits.from_settings(Settings(COACH_PROMPT_PROFILE="compact")).compact
    assert not Limits.from_settings(Settings(COACH_PROMPT_PROFILE="full", COACH_CONTEXT_SIZE=2048)).compact


def _analysis_prompt(compact: bool) -> list[dict[str, str]]:
    passages = [Passage(chunk_id=f"doc#s{i}", document="Guide", section=f"S{i}", language="en",
                        text="Segments are groups of people with common needs. " * 30) for i in range(4)]
    ctx = TurnContext(question_id="for_whom", answer="Dentists who run their own practice.", language="en",
                      canvas=Canvas(language="en"), passages=passages)
    return PromptBook(Prompts(), Canary("CANARY-x"), compact=compact).analyse(ctx, analysis_model("for_whom"))


def test_the_compact_profile_is_much_shorter_and_keeps_the_same_stable_system_prompt() -> None:
    full, compact = _analysis_prompt(False), _analysis_prompt(True)
    assert full[0] == compact[0]  # the cached prefix a server reuses
    assert len(compact[1]["content"]) < 0.6 * len(full[1]["content"])
    assert "doc#s1" in compact[1]["content"] and "doc#s3" not in compact[1]["content"]
    assert "Dentists who run their own practice." in compact[1]["content"]
