"""The Customer Segments canvas: strict, versioned, JSON-Schema exportable, rendered to Markdown."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain import LANGUAGES, Language, MistakeId, QuestionId, SegmentType
from assistant.personas.models import Persona
from assistant.text.labels import labels

SCHEMA_VERSION = "1.0"

ValidationStatus = Literal["assumption", "partially_validated", "validated"]
Detector = Literal["rules", "model"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Citation(Strict):
    """A passage of the knowledge base that backs a piece of guidance."""

    chunk_id: str = Field(description="Id of the retrieved chunk, e.g. 'segments-de-clientele#erreurs-courantes'.")
    document: str = Field(description="Title of the source document.")
    section: str = Field(description="Section heading inside the document.")


class Priority(Strict):
    value: int | None = Field(default=None, ge=1, le=5, description="Value of the segment to the business, 1-5.")
    fit: int | None = Field(default=None, ge=1, le=5, description="Fit with what the startup can deliver, 1-5.")
    rank: int | None = Field(default=None, ge=1, description="1 = the segment to focus on first.")
    rationale: str = ""


class Segment(Strict):
    name: str = Field(description="Short name of the segment.")
    who: str = Field(default="", description="Who they are, in the founder's words.")
    segment_type: SegmentType | None = None
    type_rationale: str = ""
    characteristics: list[str] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list)
    behaviours: list[str] = Field(default_factory=list)
    jobs: list[str] = Field(default_factory=list, description="Jobs to be done.")
    pains: list[str] = Field(default_factory=list)
    gains: list[str] = Field(default_factory=list)
    buyer: str = Field(default="", description="Who pays, with what they pay in parentheses when said: "
                                               "\"the guest (pays the booking plus a 10% service fee)\".")
    user: str = Field(default="", description="Who uses the product; may differ from the buyer.")
    evidence: list[str] = Field(default_factory=list, description="Interviews, data, pilots behind this segment.")
    validation: ValidationStatus = "assumption"
    assumptions: list[str] = Field(default_factory=list, description="Assumptions still to test.")
    draft: bool = Field(default=False, description="Critiqued as too broad and not narrowed yet: not a segment to "
                                                   "build on, and not typed.")
    priority: Priority = Field(default_factory=Priority)
    linked_segments: list[str] = Field(
        default_factory=list, description="Other sides of a multi-sided platform, by segment name."
    )


def role_holder(role: str) -> str:
    """The person of a buyer or user field, without its terms: "the guest (pays the booking…)" → "the guest";
    "" for a buyer that says nobody on the side pays ("Nobody on this side pays (hosts pay nothing)": `nobody_pays`
    of `labels.yaml`). Two fields name the same person when their holders are equal (casefolded)."""
    holder = role.split(" (", 1)[0].strip()
    return "" if holder.casefold() in _nobody_labels() else holder


@lru_cache(maxsize=1)
def _nobody_labels() -> frozenset[str]:
    """Every language's `nobody_pays` label, casefolded."""
    return frozenset(labels(language).canvas.nobody_pays.casefold() for language in LANGUAGES)


class Critique(Strict):
    mistake_id: MistakeId
    question_id: QuestionId
    title: str = Field(default="", description="The mistake's name in the session language, shown to the founder.")
    message: str
    evidence: str = Field(default="", description="The founder's words that show the mistake.")
    sources: list[Citation] = Field(default_factory=list)
    resolved: bool = False
    found_by: list[Detector] = Field(default_factory=lambda: list[Detector](["rules"]))


class OpenQuestion(Strict):
    question_id: QuestionId
    text: str


class SessionMetadata(Strict):
    provider: str = "offline"
    model: str = ""
    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    fallbacks: int = 0


class Canvas(Strict):
    schema_version: str = SCHEMA_VERSION
    language: Language = "fr"
    startup: str = Field(default="", description="What the startup does, from the intake.")
    segments: list[Segment] = Field(default_factory=list, max_length=3)
    focus_segment: str = Field(default="", description="Name of the segment to focus on first.")
    critiques: list[Critique] = Field(default_factory=list)
    open_questions: list[OpenQuestion] = Field(default_factory=list)
    metadata: SessionMetadata = Field(default_factory=SessionMetadata)
    personas: list[Persona] = Field(default_factory=list, description="One per segment, drafted after the session.")
    version: int = Field(default=0, ge=0, description="Canvas version: 0 until the first summary, then 1, 2, ... "
                                                       "one more at every accepted change (assistant.canvas.versions).")

    def segment(self, name: str) -> Segment | None:
        key = name.strip().lower()
        return next((s for s in self.segments if s.name.strip().lower() == key), None)

    def open_critiques(self) -> list[Critique]:
        return [c for c in self.critiques if not c.resolved]

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @staticmethod
    def json_schema() -> dict[str, Any]:
        return Canvas.model_json_schema()


def schema_json() -> str:
    return json.dumps(Canvas.json_schema(), indent=2, ensure_ascii=False)
