"""What the coach reads in one founder answer (`Analysis`), the one shape both engines return and the
pure canvas update consumes. Sits below `canvas.update` and the engines, so neither imports the other.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain import MistakeId, SegmentType


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SegmentUpdate(Strict):
    """What one answer says about one segment. Lists are appended, strings replace when non-empty."""

    segment: str = Field(
        description="Name of the segment this update is about: an existing one, or a new one to create."
    )
    who: str = ""
    segment_type: SegmentType | None = None
    type_rationale: str = ""
    characteristics: list[str] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list)
    behaviours: list[str] = Field(default_factory=list)
    jobs: list[str] = Field(default_factory=list)
    pains: list[str] = Field(default_factory=list)
    gains: list[str] = Field(default_factory=list)
    buyer: str = ""
    user: str = ""
    evidence: list[str] = Field(default_factory=list)
    validated: bool | None = Field(default=None, description="True when real customer evidence backs it.")
    assumptions: list[str] = Field(default_factory=list)
    priority_value: int | None = Field(default=None, ge=1, le=5)
    priority_fit: int | None = Field(default=None, ge=1, le=5)
    linked_segments: list[str] = Field(default_factory=list)


class Finding(Strict):
    """A common mistake shown by the answer."""

    mistake_id: MistakeId
    evidence: str = Field(description="The founder's own words that show the mistake.")
    message: str = Field(description="A short, kind explanation of why it is a problem.")
    cited: list[str] = Field(default_factory=list, description="Ids of the retrieved passages that back it.")
    found_by: list[str] = Field(default_factory=lambda: ["rules"])


class Analysis(Strict):
    """The coach's reading of one answer."""

    updates: list[SegmentUpdate] = Field(default_factory=list)
    startup: str = Field(default="", description="What the startup does (intake only).")
    focus_segment: str = Field(default="", description="The segment to focus on first, when the answer says.")
    findings: list[Finding] = Field(default_factory=list)
    reflection: str = Field(default="", description="One sentence that reflects what the founder said.")
    follow_up: str = Field(default="", description="One targeted question when a mistake was found, else empty.")
    usable: bool = Field(default=True, description="False when the answer gives nothing to record.")


def resolvable_mistakes(analysis: Analysis) -> set[str]:
    """The mistakes this answer can resolve: a critique is resolved only by an answer that brings what it
    asked for, never by any answer that merely does not repeat it ("Ils veulent manger" resolves nothing).

    not_validated needs evidence gathered (an update with evidence or validated); buyer_user_confusion
    needs a buyer and a user; every other mistake needs a usable answer that updates the canvas."""
    if not analysis.usable or not analysis.updates:
        return set()
    out = {"too_broad", "demographics_only", "too_many_segments", "ignores_underserved", "assumes_homogeneous",
           "never_revisited", "one_sided_platform"}
    if any(u.validated or u.evidence for u in analysis.updates):
        out.add("not_validated")
    if any(u.buyer and u.user for u in analysis.updates):
        out.add("buyer_user_confusion")
    return out
