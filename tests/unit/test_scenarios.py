"""Validation of the shipped evaluation scenario set (evals/scenarios/*.yaml).

Each file is checked on its own (format, ids, consistency between answers, plants and truth), then the
set as a whole is checked against the coverage requirements (languages, segment types, mistakes, clean
scenarios, multi-sided platforms).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "evals" / "scenarios"
SCENARIO_FILES = sorted(SCENARIO_DIR.glob("*.yaml"))

LANGUAGES = ("fr", "en")
SEGMENT_TYPES = ("mass_market", "niche_market", "segmented", "diversified", "multi_sided")
MISTAKE_IDS = (
    "too_broad",
    "demographics_only",
    "too_many_segments",
    "not_validated",
    "ignores_underserved",
    "assumes_homogeneous",
    "never_revisited",
    "buyer_user_confusion",
    "one_sided_platform",
)
# The questions the coach asks, in order. `summary` is the closing state, never a question.
QUESTION_IDS = (
    "intake",
    "for_whom",
    "most_important",
    "characteristics",
    "jobs",
    "pains",
    "gains",
    "buyer_user",
    "evidence",
    "priority",
)
KEY_QUESTIONS = ("for_whom", "most_important", "characteristics", "jobs", "pains", "gains")
# Every scenario scripts these: a missing evidence or buyer_user answer would fall back to `default`
# ("I don't know yet"), which is itself an unplanted mistake.
REQUIRED_ANSWERS = (*KEY_QUESTIONS, "buyer_user", "evidence", "default")
ANSWER_KEYS = (*QUESTION_IDS, "default")
MULTI_SEGMENT_TYPES = ("segmented", "diversified", "multi_sided")

TOP_LEVEL_REQUIRED = {"id", "language", "title", "founder", "answers", "truth", "planted_mistakes"}
TOP_LEVEL_OPTIONAL = {"followups", "source", "sector"}
FOUNDER_KEYS = {"persona", "pitch"}
SEGMENT_REQUIRED = {"name", "type", "who", "jobs", "pains", "gains"}
SEGMENT_OPTIONAL = {"buyer", "user"}
PLANT_KEYS = {"id", "question"}

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SEGMENTS = 3
MAX_FOLLOWUPS = 2
MAX_PLANTS = 3

# Set-level requirements.
MIN_SCENARIOS = 24
MIN_PER_LANGUAGE = 12
MIN_PER_TYPE = 3
MIN_PER_MISTAKE = 3
MIN_CLEAN = 4
MIN_MULTI_SIDED = 3
MIN_MULTI_SEGMENT = 5


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"{path.name}: top level must be a mapping"
    return data


SCENARIOS: dict[str, dict[str, Any]] = {p.stem: _load(p) for p in SCENARIO_FILES}


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and len(value) > 0 and all(_is_text(v) for v in value)


def _types(scenario: dict[str, Any]) -> list[str]:
    return [seg["type"] for seg in scenario["truth"]["segments"]]


def _plants(scenario: dict[str, Any]) -> list[dict[str, str]]:
    return scenario["planted_mistakes"]


# --------------------------------------------------------------------------- per scenario


def test_scenario_files_exist() -> None:
    assert SCENARIO_FILES, f"no scenario found in {SCENARIO_DIR}"


@pytest.fixture(params=sorted(SCENARIOS), ids=str)
def scenario(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, SCENARIOS[request.param]


def test_top_level_keys(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    keys = set(data)
    assert TOP_LEVEL_REQUIRED <= keys, f"{stem}: missing {sorted(TOP_LEVEL_REQUIRED - keys)}"
    unknown = keys - TOP_LEVEL_REQUIRED - TOP_LEVEL_OPTIONAL
    assert not unknown, f"{stem}: unknown keys {sorted(unknown)}"


def test_id_language_title(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    assert data["id"] == stem, f"{stem}: id {data['id']!r} must equal the file name"
    assert ID_RE.match(stem), f"{stem}: id must match [a-z0-9-]"
    assert data["language"] in LANGUAGES, f"{stem}: language {data['language']!r}"
    assert _is_text(data["title"]), f"{stem}: empty title"


def test_founder(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    founder = data["founder"]
    assert isinstance(founder, dict) and set(founder) == FOUNDER_KEYS, f"{stem}: founder needs persona, pitch"
    for key in FOUNDER_KEYS:
        assert _is_text(founder[key]), f"{stem}: founder.{key} is empty"


def test_answers(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    answers = data["answers"]
    assert isinstance(answers, dict), f"{stem}: answers must be a mapping"
    unknown = set(answers) - set(ANSWER_KEYS)
    assert not unknown, f"{stem}: unknown answer ids {sorted(unknown)}"
    missing = [k for k in REQUIRED_ANSWERS if k not in answers]
    assert not missing, f"{stem}: missing answers {missing}"
    for key, value in answers.items():
        assert _is_text(value), f"{stem}: answers.{key} must be a non-empty string"
    if len(data["truth"]["segments"]) > 1:
        assert "priority" in answers, f"{stem}: several segments in truth, so priority must be scripted"


def test_followups(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    followups = data.get("followups") or {}
    assert isinstance(followups, dict), f"{stem}: followups must be a mapping"
    planted_questions = {p["question"] for p in _plants(data)}
    for question, replies in followups.items():
        assert question in QUESTION_IDS, f"{stem}: followups for unknown question {question!r}"
        assert question in planted_questions, f"{stem}: followups.{question} but nothing is planted there"
        assert _text_list(replies), f"{stem}: followups.{question} must be a non-empty list of strings"
        assert len(replies) <= MAX_FOLLOWUPS, f"{stem}: at most {MAX_FOLLOWUPS} follow-ups per question"


def test_truth_segments(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    truth = data["truth"]
    assert isinstance(truth, dict) and set(truth) == {"segments"}, f"{stem}: truth must hold only segments"
    segments = truth["segments"]
    assert isinstance(segments, list) and 1 <= len(segments) <= MAX_SEGMENTS, f"{stem}: 1-3 segments"
    names = [seg.get("name") for seg in segments]
    assert len(set(names)) == len(names), f"{stem}: duplicate segment names"
    for seg in segments:
        assert isinstance(seg, dict), f"{stem}: each segment must be a mapping"
        keys = set(seg)
        assert SEGMENT_REQUIRED <= keys, f"{stem}: segment missing {sorted(SEGMENT_REQUIRED - keys)}"
        assert not keys - SEGMENT_REQUIRED - SEGMENT_OPTIONAL, f"{stem}: unknown segment keys"
        assert seg["type"] in SEGMENT_TYPES, f"{stem}: segment type {seg['type']!r}"
        for key in ("name", "who"):
            assert _is_text(seg[key]), f"{stem}: segment {key} is empty"
        for key in ("jobs", "pains", "gains"):
            assert _text_list(seg[key]), f"{stem}/{seg['name']}: {key} must be a non-empty list of strings"
        for key in SEGMENT_OPTIONAL & keys:
            assert _is_text(seg[key]), f"{stem}/{seg['name']}: {key} is empty"


def test_segment_types_are_coherent(scenario: tuple[str, dict[str, Any]]) -> None:
    """Segmented, diversified and multi-sided describe a relation between segments: two at least."""
    stem, data = scenario
    counts = Counter(_types(data))
    for kind in MULTI_SEGMENT_TYPES:
        if counts[kind]:
            assert counts[kind] >= 2, f"{stem}: a {kind} business needs at least two {kind} segments"


def test_sector(scenario: tuple[str, dict[str, Any]]) -> None:
    """Every shipped scenario names its sector, an id of the example library (voice.sector_examples)."""
    from evals.sectors import SECTOR_IDS

    stem, data = scenario
    assert data.get("sector") in SECTOR_IDS, f"{stem}: sector {data.get('sector')!r} is not one of {SECTOR_IDS}"


def test_planted_mistakes(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    plants = _plants(data)
    assert isinstance(plants, list), f"{stem}: planted_mistakes must be a list ([] when clean)"
    assert len(plants) <= MAX_PLANTS, f"{stem}: at most {MAX_PLANTS} planted mistakes"
    followups = data.get("followups") or {}
    for plant in plants:
        assert isinstance(plant, dict) and set(plant) == PLANT_KEYS, f"{stem}: plant needs id and question"
        assert plant["id"] in MISTAKE_IDS, f"{stem}: unknown mistake {plant['id']!r}"
        assert plant["question"] in QUESTION_IDS, f"{stem}: unknown question {plant['question']!r}"
        question = plant["question"]
        if question != "intake":  # the pitch is the intake answer
            assert question in data["answers"], f"{stem}: {plant['id']} planted at {question}, not scripted"
            assert question in followups, f"{stem}: no followups for the planted question {question}"
    ids = [p["id"] for p in plants]
    assert len(set(ids)) == len(ids), f"{stem}: a mistake is planted twice"


def test_plants_fit_the_truth(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    segments = data["truth"]["segments"]
    for plant in _plants(data):
        if plant["id"] == "one_sided_platform":
            assert plant["question"] == "for_whom", f"{stem}: one_sided_platform belongs to for_whom"
            assert _types(data).count("multi_sided") >= 2, f"{stem}: one_sided_platform needs a platform"
        if plant["id"] == "buyer_user_confusion":
            assert plant["question"] == "buyer_user", f"{stem}: buyer_user_confusion belongs to buyer_user"
            assert any(
                seg.get("buyer") and seg.get("user") and seg["buyer"] != seg["user"] for seg in segments
            ), f"{stem}: buyer_user_confusion needs a truth segment whose buyer and user differ"
        if plant["question"] == "priority":
            assert len(segments) > 1, f"{stem}: priority is only asked when there are several segments"


def test_clean_scenarios_are_complete(scenario: tuple[str, dict[str, Any]]) -> None:
    stem, data = scenario
    if _plants(data):
        return
    assert not data.get("followups"), f"{stem}: a clean scenario has no followups"
    for seg in data["truth"]["segments"]:
        assert seg.get("buyer") and seg.get("user"), f"{stem}: clean scenario must clarify buyer and user"


# --------------------------------------------------------------------------- the set


def test_constants_match_the_domain() -> None:
    domain = pytest.importorskip("assistant.domain")
    assert set(LANGUAGES) == set(domain.LANGUAGES)
    assert set(SEGMENT_TYPES) == set(domain.SEGMENT_TYPES)
    assert set(MISTAKE_IDS) == set(domain.MISTAKE_IDS)
    assert set(QUESTION_IDS) == set(domain.QUESTION_IDS) - {"summary"}
    assert set(domain.KEY_QUESTIONS) == set(KEY_QUESTIONS)
    assert domain.MAX_SEGMENTS == MAX_SEGMENTS


def test_the_eval_loader_accepts_the_set() -> None:
    loader = pytest.importorskip("evals.scenario")
    loaded = loader.load_scenarios(SCENARIO_DIR)
    assert sorted(s.id for s in loaded) == sorted(SCENARIOS)


def test_set_size_and_languages() -> None:
    assert len(SCENARIOS) >= MIN_SCENARIOS
    languages = Counter(s["language"] for s in SCENARIOS.values())
    for language in LANGUAGES:
        assert languages[language] >= MIN_PER_LANGUAGE, f"only {languages[language]} {language} scenarios"


def test_titles_are_unique() -> None:
    titles = Counter(s["title"] for s in SCENARIOS.values())
    assert not [t for t, n in titles.items() if n > 1]


def test_every_segment_type_is_covered() -> None:
    per_type = Counter(t for s in SCENARIOS.values() for t in set(_types(s)))
    for kind in SEGMENT_TYPES:
        assert per_type[kind] >= MIN_PER_TYPE, f"{kind}: only {per_type[kind]} scenarios"


def test_multi_sided_and_multi_segment_coverage() -> None:
    platforms = [k for k, s in SCENARIOS.items() if "multi_sided" in _types(s)]
    assert len(platforms) >= MIN_MULTI_SIDED, platforms
    several = [k for k, s in SCENARIOS.items() if len(s["truth"]["segments"]) >= 2]
    assert len(several) >= MIN_MULTI_SEGMENT, several
    assert any(len(s["truth"]["segments"]) == 3 for s in SCENARIOS.values()), "no scenario with 3 segments"
    assert any(len(s["truth"]["segments"]) == 1 for s in SCENARIOS.values()), "no single-segment scenario"


def test_every_mistake_is_planted_enough() -> None:
    per_mistake = Counter(p["id"] for s in SCENARIOS.values() for p in _plants(s))
    for mistake in MISTAKE_IDS:
        assert per_mistake[mistake] >= MIN_PER_MISTAKE, f"{mistake}: planted {per_mistake[mistake]} times"


def test_clean_scenarios() -> None:
    clean = [s for s in SCENARIOS.values() if not _plants(s)]
    assert len(clean) >= MIN_CLEAN, f"only {len(clean)} clean scenarios"
    assert {s["language"] for s in clean} == set(LANGUAGES), "clean scenarios in both languages"


def test_the_public_material_scenarios_load_and_cover_every_mistake() -> None:
    from evals import scenario as loader

    public = loader.load_scenarios(SCENARIO_DIR.parent / "scenarios-public")
    assert len(public) >= 12 and {s.language for s in public} == {"fr", "en"}
    assert {m.id for s in public for m in s.planted_mistakes} == set(MISTAKE_IDS)
    assert all(s.source.startswith("public") and s.sector for s in public)
    from evals.sectors import SECTOR_IDS

    assert all(s.sector in SECTOR_IDS for s in public), sorted({s.sector for s in public} - set(SECTOR_IDS))
