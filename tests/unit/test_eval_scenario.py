"""Scenario loading and validation, and the scripted answer sequence."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals.scenario import ScenarioError, load_scenario, load_scenarios

KEY = ["for_whom", "most_important", "characteristics", "jobs", "pains", "gains"]
SHIPPED = Path(__file__).resolve().parents[2] / "evals" / "scenarios"


def data(**changes) -> dict:
    base = {
        "id": "bakery-en",
        "language": "en",
        "title": "Bakery",
        "founder": {"persona": "Claire", "pitch": "We deliver bread."},
        "answers": {**{q: f"A {q}" for q in KEY}, "default": "I don't know yet."},
        "followups": {"for_whom": ["F1", "F2"]},
        "truth": {
            "segments": [
                {
                    "name": "Parents",
                    "type": "niche_market",
                    "who": "busy parents",
                    "jobs": ["j"],
                    "pains": ["p"],
                    "gains": ["g"],
                }
            ]
        },
        "planted_mistakes": [{"id": "too_broad", "question": "for_whom"}],
    }
    base.update(changes)
    return base


def write(tmp_path: Path, d: dict, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    return path


def test_valid_scenario_and_answer_sequence(tmp_path):
    s = load_scenario(write(tmp_path, data()))
    assert s.planted_ids == {"too_broad"} and not s.clean
    assert [s.answer_for("for_whom", i) for i in range(4)] == ["A for_whom", "F1", "F2", "I don't know yet."]
    assert s.answer_for("jobs", 0) == "A jobs" and s.answer_for("jobs", 1) == "I don't know yet."
    assert s.answer_for("buyer_user", 0) == "I don't know yet."
    assert s.answer_for("intake", 0) == "We deliver bread."
    assert s.answer_for("intake", 1) == "I don't know yet."


def test_intake_answer_is_used_after_the_pitch(tmp_path):
    d = data()
    d["answers"]["intake"] = "We bake."
    s = load_scenario(write(tmp_path, d))
    assert s.answer_for("intake", 0) == "We deliver bread." and s.answer_for("intake", 1) == "We bake."


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "Bad_Id"}, "id"),
        ({"language": "de"}, "language"),
        ({"planted_mistakes": [{"id": "too_vague", "question": "for_whom"}]}, "planted_mistakes.0.id"),
        ({"planted_mistakes": [{"id": "too_broad", "question": "summary"}]}, "cannot be planted"),
        ({"followups": {"nope": ["x"]}}, "unknown question ids in followups"),
        ({"extra": 1}, "extra"),
    ],
)
def test_invalid_fields_are_named(tmp_path, changes, message):
    with pytest.raises(ScenarioError, match=message):
        load_scenario(write(tmp_path, data(**changes)))


def test_answers_must_cover_key_questions_and_default(tmp_path):
    d = data()
    del d["answers"]["pains"], d["answers"]["default"]
    with pytest.raises(ScenarioError, match=r"answers must include \['pains', 'default'\]"):
        load_scenario(write(tmp_path, d))
    d = data()
    d["answers"]["whatever"] = "x"
    with pytest.raises(ScenarioError, match="unknown question ids in answers"):
        load_scenario(write(tmp_path, d))


def test_planted_mistakes_key_is_required_and_truth_type_checked(tmp_path):
    d = data()
    del d["planted_mistakes"]
    with pytest.raises(ScenarioError, match="planted_mistakes"):
        load_scenario(write(tmp_path, d))
    d = data()
    d["truth"]["segments"][0]["type"] = "niche"
    with pytest.raises(ScenarioError, match="truth.segments.0.type"):
        load_scenario(write(tmp_path, d))


def test_directory_loading(tmp_path):
    write(tmp_path, data(id="b"), "b.yaml")
    write(tmp_path, data(id="a", planted_mistakes=[]), "a.yml")
    assert [s.id for s in load_scenarios(tmp_path)] == ["a", "b"]
    assert [s.id for s in load_scenarios(tmp_path, ["b"])] == ["b"]
    with pytest.raises(ScenarioError, match="no scenario with id"):
        load_scenarios(tmp_path, ["zzz"])
    write(tmp_path, data(id="a"), "c.yaml")
    with pytest.raises(ScenarioError, match="duplicate scenario ids"):
        load_scenarios(tmp_path)


def test_broken_yaml_and_empty_directory(tmp_path):
    (tmp_path / "x.yaml").write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(ScenarioError, match="invalid YAML"):
        load_scenarios(tmp_path)
    with pytest.raises(ScenarioError, match="no scenario files"):
        load_scenarios(_empty(tmp_path))


def _empty(tmp_path: Path) -> Path:
    d = tmp_path / "empty"
    d.mkdir()
    return d


def test_shipped_scenarios_load():
    scenarios = load_scenarios(SHIPPED)
    assert len(scenarios) >= 24
    assert {s.language for s in scenarios} == {"fr", "en"}
