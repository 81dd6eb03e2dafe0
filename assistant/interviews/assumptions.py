"""The assumptions a canvas rests on, riskiest first: each is a claim in the founder's words, about one
segment, from one question (the question a contradiction reopens).

Risk, highest first: a segment no one has validated; its pains; buyer and user told apart (two people to
win); its jobs; its gains. Evidence already gathered lowers the risk of everything in the segment.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.canvas import Canvas, Segment, role_holder
from assistant.domain import QuestionId

Kind = Literal["segment", "pain", "job", "gain", "buyer_user"]
SOURCE_QUESTION: dict[Kind, QuestionId] = {"segment": "for_whom", "pain": "pains", "job": "jobs", "gain": "gains",
                                           "buyer_user": "buyer_user"}
BASE_RISK: dict[Kind, int] = {"segment": 5, "pain": 4, "buyer_user": 4, "job": 3, "gain": 2}
# Evidence gathered lowers every risk of the segment by this much.
EVIDENCE_DISCOUNT = {"assumption": 0, "partially_validated": 2, "validated": 3}


class Assumption(BaseModel):
    """One claim to test. `id` is stable for a canvas: "<segment slug>:<kind>:<index>"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    segment: str
    kind: Kind
    claim: str
    question_id: QuestionId
    risk: int


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "segment"


def segment_assumptions(seg: Segment) -> list[Assumption]:
    """Every assumption of one segment, in canvas order (not sorted)."""
    discount = EVIDENCE_DISCOUNT[seg.validation]
    out: list[Assumption] = []

    def add(kind: Kind, claim: str, index: int = 0) -> None:
        if claim.strip():
            out.append(Assumption(id=f"{slug(seg.name)}:{kind}:{index}", segment=seg.name, kind=kind,
                                  claim=claim.strip(), question_id=SOURCE_QUESTION[kind],
                                  risk=max(1, BASE_RISK[kind] - discount)))

    add("segment", seg.who or seg.name)
    for i, pain in enumerate(seg.pains):
        add("pain", pain, i)
    if seg.buyer and seg.user and role_holder(seg.buyer).casefold() != role_holder(seg.user).casefold():
        add("buyer_user", f"{seg.buyer} / {seg.user}")
    for i, job in enumerate(seg.jobs):
        add("job", job, i)
    for i, gain in enumerate(seg.gains):
        add("gain", gain, i)
    return out


def riskiest_assumptions(canvas: Canvas, limit: int | None = None) -> list[Assumption]:
    """The assumptions of every segment that is not a draft, riskiest first (stable within a risk level),
    at most `limit` per segment when given."""
    out: list[Assumption] = []
    for seg in canvas.segments:
        if seg.draft:
            continue
        ranked = sorted(segment_assumptions(seg), key=lambda a: -a.risk)
        out += ranked[:limit] if limit else ranked
    return sorted(out, key=lambda a: -a.risk)
