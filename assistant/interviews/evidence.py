"""What interview notes change in the canvas by themselves: each segment's evidence (the quoted lines behind
every verdict) and its validation status, which only rises, and only from gathered data — « hypothèse » →
« partiellement validé » when interviews support it, « validé » when what they report is a commitment
(paid, pre-ordered, signed: the understanding layer's evidence reader decides), never from an intention.
Persona fields the notes support are marked as backed. Contradictions change nothing here: they become
proposals the founder accepts or refuses (`proposals.py`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.canvas import Canvas, ValidationStatus
from assistant.domain import Language
from assistant.interviews import texts
from assistant.interviews.notes import Interview
from assistant.interviews.verdicts import AssumptionVerdict, is_hypothetical
from assistant.personas.models import Persona, PersonaField
from assistant.text.excerpt import excerpt
from assistant.understanding.mistakes.validation import evidence_level

LEVELS: tuple[ValidationStatus, ...] = ("assumption", "partially_validated", "validated")


class StatusChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    segment: str
    before: ValidationStatus
    after: ValidationStatus


def _level(supported: list[AssumptionVerdict], quoted: set[str], interviews: list[Interview], language: Language
           ) -> ValidationStatus:
    """The evidence level of the interviews that support the segment: research done (partially validated), or a
    commitment to the offer on a line of theirs ("she pre-paid the plan after the repair"). The lines behind the
    verdicts describe the customer's own world ("restaurants paid 60 days late", "a nursery waiting list"): a
    payment there is no commitment to the founder, so they are left out, as are opinions and intentions."""
    behind = {q.interview for v in supported for q in v.quotes}
    lines = [line for i in interviews if i.index in behind for line in i.lines
             if line not in quoted and not is_hypothetical(line)]
    said = texts.text(language, "notes.interview_count", count=len(behind)) + "\n"
    return evidence_level(said + "\n".join(lines))


def apply_verdicts(canvas: Canvas, verdicts: list[AssumptionVerdict], interviews: list[Interview]
                   ) -> tuple[Canvas, list[StatusChange]]:
    """The canvas with the notes' evidence added to each segment they speak of, statuses raised where the
    notes support the segment, and persona fields they support backed; plus the status of each segment read."""
    lang = canvas.language
    segments = []
    changes: list[StatusChange] = []
    for seg in canvas.segments:
        mine = [v for v in verdicts if v.assumption.segment == seg.name and v.verdict != "untouched"]
        if not mine:
            segments.append(seg)
            continue
        evidence = list(seg.evidence)
        for v in mine:
            q = v.quotes[0] if v.quotes else None
            if q is None:
                continue
            where = texts.text(lang, "notes.interview", index=q.interview)
            item = texts.text(lang, "notes.evidence_item", supported=v.supporting, contradicted=v.contradicting,
                              quote=excerpt(q.line, 200), where=where)
            if item not in evidence:
                evidence.append(item)
        supported = [v for v in mine if v.verdict == "supported"]
        segment_denied = any(v.assumption.kind == "segment" and v.verdict == "contradicted" for v in mine)
        status = seg.validation
        if supported and not segment_denied:
            quoted = {q.line for v in verdicts for q in v.quotes}
            found = _level(supported, quoted, interviews, lang)
            status = max(status, found, key=LEVELS.index)
        changes.append(StatusChange(segment=seg.name, before=seg.validation, after=status))
        segments.append(seg.model_copy(update={"evidence": evidence, "validation": status}))
    personas = [back_persona(p, verdicts) for p in canvas.personas]
    return canvas.model_copy(update={"segments": segments, "personas": personas}), changes


def _backed(field: PersonaField, claims: set[str]) -> PersonaField:
    if not field.empty and field.value.strip().casefold() in claims:
        return field.model_copy(update={"assumed": False})
    return field


def back_persona(persona: Persona, verdicts: list[AssumptionVerdict]) -> Persona:
    """The persona with the fields the notes support marked as backed (no longer assumed)."""
    supported = [v.assumption for v in verdicts if v.verdict == "supported" and v.assumption.segment == persona.segment]
    claims = {a.claim.strip().casefold() for a in supported}
    update: dict[str, object] = {name: [_backed(f, claims) for f in getattr(persona, name)]
                                 for name in ("jobs", "pains", "gains")}
    if any(a.kind == "segment" for a in supported):
        update["role"] = persona.role.model_copy(update={"assumed": False}) if not persona.role.empty else persona.role
    if any(a.kind == "buyer_user" for a in supported):
        for name in ("buyer", "user"):
            field: PersonaField = getattr(persona, name)
            update[name] = field if field.empty else field.model_copy(update={"assumed": False})
    return persona.model_copy(update=update)
