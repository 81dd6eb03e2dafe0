"""Scenario files: one YAML file per simulated founder, validated strictly on load.

The format is a contract shared with the scenario authors (see evals/README.md):

    id: dental-saas-fr            # [a-z0-9-]
    language: fr                  # fr | en
    title: ...
    founder: {persona: ..., pitch: ...}   # pitch = the founder's first message
    answers: {for_whom: ..., most_important: ..., characteristics: ..., jobs: ..., pains: ...,
              gains: ..., [intake, buyer_user, evidence, priority], default: ...}
    followups: {question_id: [answer to the 1st follow-up, answer to the 2nd, ...]}   # optional
    truth: {segments: [{name, type, who, jobs, pains, gains, buyer?, user?}],
            after_interviews?: {verdicts: [{kind, about, verdict}], validation?}}   # with `interviews`
    interviews: [notes of one interview, ...]                                     # optional, pasted after the summary
    planted_mistakes: [{id: <mistake id>, question: <question id>}]                  # [] when clean
    source: ...   sector: <one of evals.sectors.SECTOR_IDS>                          # optional
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.domain import KEY_QUESTIONS, QUESTION_IDS, Language, MistakeId, QuestionId, SegmentType
from evals.sectors import SECTOR_IDS

# Questions a founder can be asked (the summary is never a question to answer).
ANSWERABLE: tuple[str, ...] = tuple(q for q in QUESTION_IDS if q != "summary")
OPTIONAL_ANSWERS: tuple[str, ...] = ("intake", "buyer_user", "evidence", "priority")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FounderSpec(Strict):
    persona: str = Field(min_length=1)
    pitch: str = Field(min_length=1)


class TruthSegment(Strict):
    name: str = Field(min_length=1)
    type: SegmentType
    who: str = Field(min_length=1)
    jobs: list[str] = Field(default_factory=list)
    pains: list[str] = Field(default_factory=list)
    gains: list[str] = Field(default_factory=list)
    buyer: str = ""
    user: str = ""


class TruthVerdict(Strict):
    """What the interview notes say of one assumption of the canvas: `kind` (segment, pain, job, gain,
    buyer_user) and words of its claim (`about`, matched without case or accents inside the claim; "" for any
    claim of that kind). Assumptions no item names should be read as untouched."""

    kind: Literal["segment", "pain", "job", "gain", "buyer_user"]
    about: str = ""
    verdict: Literal["supported", "contradicted"]


class AfterInterviews(Strict):
    verdicts: list[TruthVerdict] = Field(min_length=1)
    validation: Literal["assumption", "partially_validated", "validated"] | None = Field(
        default=None, description="The focus segment's status once the notes are read.")


class Truth(Strict):
    segments: list[TruthSegment] = Field(min_length=1)
    after_interviews: AfterInterviews | None = None


class PlantedMistake(Strict):
    id: MistakeId
    question: QuestionId

    @field_validator("question")
    @classmethod
    def _answerable(cls, value: str) -> str:
        if value not in ANSWERABLE:
            raise ValueError(f"a mistake cannot be planted at {value!r}")
        return value


class Scenario(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    language: Language
    title: str = Field(min_length=1)
    # Where the startup and its answers come from (e.g. "public: Doctolib canvas example"), and its sector
    # (one of SECTOR_IDS, the ids of the example library prompts/<lang>/examples.yaml): both optional,
    # used by reports; `voice.sector_examples` checks the examples shown against the sector's.
    source: str = ""
    sector: str = ""
    founder: FounderSpec
    answers: dict[str, str]
    followups: dict[str, list[str]] = Field(default_factory=dict)
    truth: Truth
    planted_mistakes: list[PlantedMistake]
    interviews: list[str] = Field(default_factory=list, description="Interview notes pasted after the summary.")

    @field_validator("sector")
    @classmethod
    def _sector(cls, value: str) -> str:
        if value and value not in SECTOR_IDS:
            raise ValueError(f"unknown sector {value!r}: use one of {', '.join(SECTOR_IDS)} (evals/sectors.py)")
        return value

    @field_validator("answers")
    @classmethod
    def _answers(cls, answers: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(answers) - set(ANSWERABLE) - {"default"})
        if unknown:
            raise ValueError(f"unknown question ids in answers: {unknown}")
        missing = [q for q in (*KEY_QUESTIONS, "default") if q not in answers]
        if missing:
            raise ValueError(f"answers must include {missing}")
        empty = sorted(q for q, text in answers.items() if not text.strip())
        if empty:
            raise ValueError(f"empty answers: {empty}")
        return answers

    @field_validator("followups")
    @classmethod
    def _followups(cls, followups: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = sorted(set(followups) - set(ANSWERABLE))
        if unknown:
            raise ValueError(f"unknown question ids in followups: {unknown}")
        return followups

    @model_validator(mode="after")
    def _interviews_with_truth(self) -> Scenario:
        if bool(self.interviews) != (self.truth.after_interviews is not None):
            raise ValueError("`interviews` and `truth.after_interviews` go together")
        return self

    @model_validator(mode="after")
    def _unique_truth_names(self) -> Scenario:
        names = [s.name.strip().lower() for s in self.truth.segments]
        if len(names) != len(set(names)):
            raise ValueError("truth segment names must be unique")
        return self

    @property
    def planted_ids(self) -> set[str]:
        return {m.id for m in self.planted_mistakes}

    @property
    def clean(self) -> bool:
        return not self.planted_mistakes

    def answer_for(self, question_id: str, attempt: int) -> str:
        """The scripted answer to the `attempt`-th ask (0 = first) of `question_id`.

        The first ask is answered with `answers[question_id]` (the pitch for `intake`), the
        follow-ups on the same question with `followups[question_id]` in order; any ask with no
        scripted answer left gets `default` (for `intake`: `answers.intake` when given).
        """
        if question_id == "intake":
            first = self.founder.pitch
        else:
            first = self.answers.get(question_id, self.answers["default"])
        sequence = [first, *self.followups.get(question_id, [])]
        if attempt < len(sequence):
            return sequence[attempt]
        if question_id == "intake" and "intake" in self.answers:
            return self.answers["intake"]
        return self.answers["default"]


class ScenarioError(ValueError):
    """A scenario file that does not follow the format; the message names the file."""


def load_scenario(path: Path) -> Scenario:
    try:
        data: Any = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: a scenario file holds one mapping")
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in exc.errors()
        )
        raise ScenarioError(f"{path}: {problems}") from exc


def load_scenarios(directory: Path, only: list[str] | None = None) -> list[Scenario]:
    """Every `*.yaml`/`*.yml` file of `directory`, sorted by id; `only` keeps the given ids."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ScenarioError(f"{directory}: not a directory")
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    scenarios: list[Scenario] = []
    errors: list[str] = []
    for path in files:
        try:
            scenarios.append(load_scenario(path))
        except ScenarioError as exc:
            errors.append(str(exc))
    if errors:
        raise ScenarioError("\n".join(errors))
    seen: dict[str, int] = {}
    for s in scenarios:
        seen[s.id] = seen.get(s.id, 0) + 1
    dupes = sorted(i for i, n in seen.items() if n > 1)
    if dupes:
        raise ScenarioError(f"{directory}: duplicate scenario ids {dupes}")
    if only:
        unknown = sorted(set(only) - set(seen))
        if unknown:
            raise ScenarioError(f"no scenario with id {unknown} in {directory}")
        scenarios = [s for s in scenarios if s.id in set(only)]
    if not scenarios:
        raise ScenarioError(f"{directory}: no scenario files")
    return sorted(scenarios, key=lambda s: s.id)
