"""What the session keeps of its fieldwork between turns (graph state key `fieldwork`, JSON only): the
persona field the coach asked for, the interviews read so far, the latest verdicts, the proposals waiting
for the founder's answer, and the assumptions already settled (accepted or refused)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.interviews.notes import Interview
from assistant.interviews.proposals import Proposal
from assistant.interviews.verdicts import AssumptionVerdict


class Fieldwork(BaseModel):
    model_config = ConfigDict(extra="forbid")

    asking_segment: str = Field(default="", description="The persona whose field the coach asked for.")
    asking_field: str = ""
    asked: list[str] = Field(default_factory=list, description="'segment|field' pairs already asked, once each.")
    interviews: list[Interview] = Field(default_factory=list, description="Every interview read, in paste order.")
    pastes: int = 0
    verdicts: list[AssumptionVerdict] = Field(default_factory=list, description="Against every interview read.")
    proposals: list[Proposal] = Field(default_factory=list, description="Waiting for the founder's answer.")
    settled: list[str] = Field(default_factory=list, description="Claims already accepted or refused.")
    evidence_items: list[str] = Field(default_factory=list, description="Canvas evidence written from notes.")
