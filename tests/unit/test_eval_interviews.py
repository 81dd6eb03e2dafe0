"""The after-session evaluation: verdicts scored against the labelled truth (precision and recall), persona
fields checked word for word against the founder's messages, and the interview scenarios load."""

from __future__ import annotations

from pathlib import Path

from assistant.interviews.assumptions import Assumption
from assistant.interviews.verdicts import AssumptionVerdict
from assistant.personas.models import Persona, PersonaField
from evals.interviews import score_verdicts, unsupported
from evals.scenario import AfterInterviews, TruthVerdict, load_scenarios

ROOT = Path(__file__).resolve().parents[2]


def verdict(kind: str, claim: str, said: str) -> AssumptionVerdict:
    a = Assumption(id=f"s:{kind}:0", segment="s", kind=kind, claim=claim, question_id="pains", risk=3)  # type: ignore[arg-type]
    return AssumptionVerdict(assumption=a, verdict=said)  # type: ignore[arg-type]


def test_verdicts_are_scored_against_the_truth() -> None:
    truth = AfterInterviews(verdicts=[TruthVerdict(kind="pain", about="file d'attente", verdict="contradicted"),
                                      TruthVerdict(kind="pain", about="rassis", verdict="supported"),
                                      TruthVerdict(kind="segment", verdict="supported")])
    score = score_verdicts([verdict("pain", "La file d'attente le matin", "contradicted"),  # right
                            verdict("pain", "Le pain rassis", "contradicted"),  # wrong side
                            verdict("job", "Préparer le petit-déjeuner", "supported"),  # truth: untouched
                            verdict("gain", "Du bio", "untouched")], truth)  # nothing said, nothing counted
    assert (score.tp, score.fp, score.fn) == (1, 2, 2)


def test_persona_fields_are_checked_word_for_word() -> None:
    founder = ["Ils partent avant 8h; ils déposent les enfants à l'école.", "On les trouve sur les marchés."]
    persona = Persona(segment="s", context=PersonaField(value="partent avant 8h; déposent les enfants à l'école",
                                                        source="Ils partent avant 8h\nils déposent les enfants"),
                      channels=PersonaField(value="les marchés du samedi", source="On les trouve sur les marchés"),
                      name=PersonaField(value="Sophie", source="Sophie"))
    filled, bad = unsupported(persona, founder)
    assert filled == 3 and sorted(bad) == ["channels", "name"]  # "samedi" and "Sophie" were never said


def test_the_interview_scenarios_load_with_their_truth() -> None:
    scenarios = load_scenarios(ROOT / "evals" / "scenarios-interviews")
    assert len(scenarios) >= 8 and {s.language for s in scenarios} == {"fr", "en"}
    for s in scenarios:
        assert s.interviews and s.truth.after_interviews is not None
        assert any(v.verdict == "contradicted" for v in s.truth.after_interviews.verdicts), s.id


def test_the_command_says_which_target_is_missed() -> None:
    from evals.interviews_cli import missed_targets

    met = {"verdict_precision": 0.87, "verdict_recall": 0.89, "persona_unsupported_share": 0.0,
           "completed": 10, "scenarios": 10}
    assert missed_targets(met) == []
    assert missed_targets({**met, "verdict_recall": 0.8, "persona_unsupported_share": 0.04}) == [
        "verdict_recall 0.8 < 0.85", "persona_unsupported_share 0.04 > 0"]
