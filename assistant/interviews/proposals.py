"""Changes to the canvas that contradicted assumptions call for, which the founder accepts or refuses.

Accepting removes a contradicted pain, job or gain from its segment (a contradicted segment or buyer/user
split is revised rather than removed), notes the point as an open question, and names the question to
reopen — the earliest one, in the session's order. Refusing keeps the canvas and lists each point among
the segment's assumptions to check again.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Canvas, OpenQuestion
from assistant.domain import QUESTION_IDS, QuestionId
from assistant.interviews import texts
from assistant.interviews.verdicts import AssumptionVerdict, Quote
from assistant.text.tokens import normalise

YES = frozenset("oui ok d accord yes yep sure accepte accepter accept tout all ouais vas y go".split())
NO = frozenset("non no nope refuse refuser keep garder rien none aucun".split())
_LIST_OF = {"pain": "pains", "job": "jobs", "gain": "gains"}


class Proposal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: int = Field(description="1-based, as shown to the founder.")
    segment: str
    kind: str
    claim: str
    question_id: QuestionId
    action: Literal["remove", "revise"]
    quotes: list[Quote] = Field(default_factory=list)


def proposals_for(verdicts: list[AssumptionVerdict]) -> list[Proposal]:
    """One proposal per contradicted assumption, numbered in order."""
    out: list[Proposal] = []
    for v in verdicts:
        if v.verdict != "contradicted":
            continue
        a = v.assumption
        out.append(Proposal(number=len(out) + 1, segment=a.segment, kind=a.kind, claim=a.claim,
                            question_id=a.question_id, action="remove" if a.kind in _LIST_OF else "revise",
                            quotes=v.quotes))
    return out


def read_choice(text: str, count: int) -> set[int] | None:
    """The proposals the founder accepts: all ("oui", "yes"), none ("non", "no"), or the numbers given
    ("1, 3"); None when the message is not an answer to the proposals."""
    low = normalise(text)
    numbers = {int(n) for n in re.findall(r"\b\d+\b", low) if 1 <= int(n) <= count}
    words = set(re.findall(r"[a-z]+", low))
    if numbers and len(low) <= 60:
        return numbers
    if len(words) <= 6 and words & NO and not words & YES - {"tout", "all"}:
        return set()
    if len(words) <= 6 and words & YES:
        return set(range(1, count + 1))
    return None


def accept(canvas: Canvas, proposals: list[Proposal], chosen: set[int]) -> tuple[Canvas, QuestionId | None]:
    """The canvas with the chosen proposals applied, and the question to reopen (None when none was chosen)."""
    lang = canvas.language
    segments = list(canvas.segments)
    open_questions = list(canvas.open_questions)
    reopen: list[QuestionId] = []
    for p in proposals:
        if p.number not in chosen:
            continue
        reopen.append(p.question_id)
        for i, seg in enumerate(segments):
            if seg.name == p.segment and p.kind in _LIST_OF:
                field = _LIST_OF[p.kind]
                kept = [x for x in getattr(seg, field) if x.strip().casefold() != p.claim.strip().casefold()]
                segments[i] = seg.model_copy(update={field: kept})
        note = texts.text(lang, "notes.reopen_note", claim=p.claim)
        open_questions.append(OpenQuestion(question_id=p.question_id, text=note))
    first = min(reopen, key=QUESTION_IDS.index) if reopen else None
    return canvas.model_copy(update={"segments": segments, "open_questions": open_questions}), first


def refuse(canvas: Canvas, proposals: list[Proposal]) -> Canvas:
    """The canvas as it is, each refused point listed among its segment's assumptions to check again."""
    segments = []
    for seg in canvas.segments:
        mine = [p for p in proposals if p.segment == seg.name]
        notes = [texts.text(canvas.language, "notes.recheck", claim=p.claim) for p in mine]
        fresh = [n for n in notes if n not in seg.assumptions]
        segments.append(seg.model_copy(update={"assumptions": [*seg.assumptions, *fresh]}) if fresh else seg)
    return canvas.model_copy(update={"segments": segments})
