"""The model's analysis merged with the offline engine's: model findings first (with the rules' evidence
and citations when the model's are unusable), rule-only findings after, canvas updates from the rules
when the model gave none, and one follow-up question about the first finding."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from assistant.coach.base import Analysis, Finding, SegmentUpdate, TurnContext
from assistant.coach.llm.guard import Canary, first_question, looks_like_instruction, quoted_from
from assistant.prompts import Prompts


def plausible(text: str, canary: Canary, limit: int = 300) -> bool:
    """Short model text that may be shown as is: no instruction, no piece of the system prompt."""
    if not text or len(text) > limit:
        return False
    return not looks_like_instruction(text) and not canary.leaked(text)


def merge_analysis(raw: BaseModel, rules: Analysis, ctx: TurnContext, prompts: Prompts, canary: Canary) -> Analysis:
    out: dict[str, Any] = raw.model_dump()
    lang, retrieved = ctx.language, {p.chunk_id for p in ctx.passages}
    rule_hits = {f.mistake_id: f for f in rules.findings}
    findings: list[Finding] = []
    for item in out.get("findings", []):
        if any(f.mistake_id == item["mistake_id"] for f in findings):
            continue
        rule = rule_hits.pop(item["mistake_id"], None)
        message = item["message"]
        if not plausible(message, canary):
            message = prompts.text(lang, f"mistakes.{item['mistake_id']}.explain")
        evidence = item["evidence"] if quoted_from(item["evidence"], ctx.answer) else ""
        findings.append(Finding(
            mistake_id=item["mistake_id"],
            evidence=evidence or (rule.evidence if rule else ctx.answer.strip()[:200]),
            message=message,
            cited=[c for c in item["cited"] if c in retrieved] or (rule.cited if rule else []),
            found_by=["rules", "model"] if rule else ["model"],
        ))
    findings.sort(key=lambda f: 0 if len(f.found_by) == 2 else 1)
    findings += [f.model_copy(update={"found_by": ["rules"]}) for f in rule_hits.values()]

    updates = [SegmentUpdate.model_validate(u) for u in out.get("updates", [])]
    usable = bool(out.get("usable", True))
    # Never turn the same question down twice on the model's word alone.
    retry = bool(ctx.answers.get(ctx.question_id))
    if not updates and (usable or retry or findings):
        updates = list(rules.updates)
    updates = _typed(updates, rules)
    if any(f.mistake_id == "not_validated" for f in findings):
        updates = [u.model_copy(update={"validated": False}) if u.validated else u for u in updates]
    usable = usable or retry or bool(findings) or ctx.question_id == "intake"
    if not usable:
        updates = []
    return Analysis(
        updates=updates,
        startup=(out.get("startup") or rules.startup) if ctx.question_id == "intake" else "",
        focus_segment=out.get("focus_segment") or rules.focus_segment,
        findings=findings,
        follow_up=_follow_up(findings, out, rules, ctx, prompts, canary),
        usable=usable,
    )


def _follow_up(findings: list[Finding], out: dict[str, Any], rules: Analysis, ctx: TurnContext, prompts: Prompts,
               canary: Canary) -> str:
    """One question about the first finding: the model's when it wrote it for that finding, else the
    rules' or the catalogue's."""
    if not findings:
        return ""
    first = findings[0]
    question = first_question(out.get("follow_up", ""))
    targeted = bool(out.get("findings")) and out["findings"][0]["mistake_id"] == first.mistake_id
    if targeted and plausible(question, canary):
        return question
    if rules.findings and rules.findings[0].mistake_id == first.mistake_id and rules.follow_up:
        return rules.follow_up
    key = "follow_up" if ctx.follow_up_count == 0 else "follow_up_2"
    return prompts.text(ctx.language, f"mistakes.{first.mistake_id}.{key}")


def _typed(updates: list[SegmentUpdate], rules: Analysis) -> list[SegmentUpdate]:
    """Segment type from the rules when the model gave none (they classify the whole canvas at once)."""
    typed = next((u for u in rules.updates if u.segment_type), None)
    if typed is None or not updates or any(u.segment_type for u in updates):
        return updates
    names = [u.segment for u in updates]
    return [u.model_copy(update={
        "segment_type": typed.segment_type, "type_rationale": u.type_rationale or typed.type_rationale,
        "linked_segments": u.linked_segments or ([n for n in names if n != u.segment]
                                                 if typed.segment_type == "multi_sided" else []),
    }) for u in updates]
