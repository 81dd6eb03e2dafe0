"""An answer to the current question: retrieve guidance, let the coach read it (`Coach.analyse`),
update the canvas once, then ask one cited follow-up (at most two per question) or move on."""

from __future__ import annotations

import asyncio
from typing import Any

from langgraph.runtime import Runtime

from assistant.analysis import Analysis, resolvable_mistakes
from assistant.canvas import Canvas
from assistant.canvas.update import (
    add_critique,
    add_open_question,
    apply_analysis,
    mark_drafts,
    redefines_groups,
    resolve_critiques,
)
from assistant.coach.base import MAX_FOLLOW_UPS, TurnContext, metering
from assistant.domain import Language
from assistant.graph.context import Context
from assistant.graph.nodes.common import advance, example_text, fallback_notice, lang_of, msg, quote, with_usage
from assistant.graph.state import State
from assistant.questions import next_question
from assistant.retrieval.passage import Passage
from assistant.understanding.substance import is_generic_group


async def _cited_passages(ctx: Context, analysis: Analysis, passages: list[Passage], lang: Language,
                          answer: str) -> tuple[dict[str, list[Passage]], dict[str, Passage]]:
    """Every finding cites a passage that was really retrieved; fetch one for the mistake if needed."""
    retrieved = {p.chunk_id: p for p in passages}
    cited_for: dict[str, list[Passage]] = {}
    for finding in analysis.findings:
        own = [retrieved[c] for c in finding.cited if c in retrieved]
        if not own:
            own = (await ctx.retriever.for_mistake(finding.mistake_id, lang, answer))[:1]
            retrieved.update({p.chunk_id: p for p in own})
        cited_for[finding.mistake_id] = own
    return cited_for, retrieved


def critique_message(ctx: Context, lang: Language, qid: str, mistake: str, message: str, evidence: str,
                     sources: list[Passage], follow_up: str, repeated: bool = False) -> dict[str, Any]:
    """The critique of a mistake: title, why, the founder's words, the cited passage, one question. Raised
    again on the same question, it is short: no second lecture, the passage stays cited."""
    title = ctx.prompts.text(lang, f"mistakes.{mistake}.title")
    if repeated:
        parts = [f"**{title}** — {ctx.prompts.text(lang, 'messages.critique_again')}"]
    else:
        parts = [f"**{title}** — {message}"]
        if evidence:
            parts.append(quote(evidence, 200))
        for p in sources[:1]:
            parts.append(f"📖 *{p.document} — {p.section}*\n{quote(p.text)}")
    if follow_up:
        parts.append(follow_up)
    return msg("critique", "\n\n".join(parts), qid, [p.citation() for p in sources[:1]], mistake)


def milestone_messages(ctx: Context, lang: Language, qid: str, canvas: Canvas) -> list[dict[str, Any]]:
    """The segments noted after `for_whom`; the focus and its type after `most_important`."""
    prompts = ctx.prompts
    out = []
    if qid == "for_whom" and canvas.segments:
        draft = prompts.text(lang, "messages.draft_mark")
        names = ", ".join(f"**{s.name}**" + (f" ({draft})" if s.draft else "") for s in canvas.segments)
        out.append(msg("feedback", prompts.text(lang, "messages.segments_noted", names=names), qid))
    if qid == "most_important" and canvas.segments:
        focus = canvas.segment(canvas.focus_segment) or canvas.segments[0]
        out.append(msg("feedback", prompts.text(lang, "messages.focus_noted", name=focus.name), qid))
        if focus.segment_type and not focus.draft:
            kind = prompts.text(lang, f"segment_types.{focus.segment_type}")
            out.append(msg("feedback", prompts.text(lang, "messages.type_announce", type=kind,
                                                    rationale=focus.type_rationale), qid))
    return out


def without_generic_groups(analysis: Analysis, canvas: Canvas) -> Analysis:
    """New segments named only by people in general ("Gens", "Client", "Everyone") are not segments."""
    keep = [u for u in analysis.updates if canvas.segment(u.segment) or not is_generic_group(u.segment)]
    focus = "" if analysis.focus_segment and is_generic_group(analysis.focus_segment) else analysis.focus_segment
    return analysis.model_copy(update={"updates": keep, "focus_segment": focus})


async def analyse(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    lang = lang_of(state, ctx)
    qid = state["question_id"]
    text = state["reading"]["text"]
    canvas = Canvas.model_validate(state["canvas"])
    follow_ups = state.get("follow_ups", 0)
    ask_text = ctx.prompts.text(lang, f"questions.{qid}.ask", count=len(canvas.segments))
    # The answer is the query (its vector also serves the understanding layer), the question its context.
    passages = await ctx.retriever.search(text, language=lang, k=4, question_id=qid, context=ask_text)
    turn = TurnContext(question_id=qid, answer=text, language=lang, canvas=canvas, passages=passages,
                       answers=state.get("answers", {}), follow_up_count=follow_ups,
                       closing=bool(state.get("revisiting")) or next_question(qid) == "summary")
    with metering() as used:
        analysis = await ctx.coach.analyse(turn)
    cited_for, retrieved = await _cited_passages(ctx, analysis, passages, lang, text)
    outbox = list(state.get("outbox", [])) + fallback_notice(ctx, lang, used)
    answers = dict(state.get("answers", {}))
    answers[qid] = f"{answers[qid]}\n{text}" if answers.get(qid) else text
    update: dict[str, Any] = {"answers": answers, "retrieved": state.get("retrieved", []) + list(retrieved)}
    if qid == "intake" and ctx.examples is not None:
        update["sector"] = await asyncio.to_thread(ctx.examples.sector_for, text)

    if not analysis.usable:
        if follow_ups < MAX_FOLLOW_UPS:
            nudge = analysis.follow_up or ctx.prompts.text(
                lang, "messages.unusable", example=example_text(ctx, lang, qid, state.get("sector", "")))
            outbox.append(msg("feedback", nudge, qid))
            return {**update, "outbox": outbox, "follow_ups": follow_ups + 1, "pending_ask": False}
        canvas = add_open_question(canvas, qid, ask_text)
        outbox.append(msg("notice", ctx.prompts.text(lang, "messages.moving_on"), qid))
        return {**update, "outbox": outbox, "canvas": canvas.model_dump(mode="json"), **advance(state, canvas)}

    raised_before = {c.mistake_id for c in canvas.critiques if c.question_id == qid}
    analysis = without_generic_groups(analysis, canvas)
    replace = redefines_groups(qid, follow_ups, canvas, analysis.updates)
    canvas = apply_analysis(canvas, analysis, replace_segments=replace)
    found: set[str] = {f.mistake_id for f in analysis.findings}
    if qid == "for_whom" and "too_broad" in found:
        canvas = mark_drafts(canvas, {u.segment for u in analysis.updates})
    canvas = resolve_critiques(canvas, qid, found, resolvable_mistakes(analysis))
    for finding in analysis.findings:
        sources = [p.citation() for p in cited_for[finding.mistake_id]]
        canvas = add_critique(canvas, mistake_id=finding.mistake_id, question_id=qid, message=finding.message,
                              title=ctx.prompts.text(lang, f"mistakes.{finding.mistake_id}.title"),
                              evidence=finding.evidence, sources=sources, found_by=finding.found_by)
    canvas = with_usage(canvas, used, ctx.coach)
    if analysis.reflection:
        outbox.append(msg("feedback", analysis.reflection, qid))

    if analysis.findings and follow_ups < MAX_FOLLOW_UPS:
        first = analysis.findings[0]
        outbox.append(critique_message(ctx, lang, qid, first.mistake_id, first.message, first.evidence,
                                       cited_for[first.mistake_id], analysis.follow_up,
                                       repeated=first.mistake_id in raised_before))
        return {**update, "outbox": outbox, "canvas": canvas.model_dump(mode="json"),
                "follow_ups": follow_ups + 1, "pending_ask": False}
    if analysis.findings:
        title = ctx.prompts.text(lang, f"mistakes.{analysis.findings[0].mistake_id}.title")
        canvas = add_open_question(canvas, qid, ctx.prompts.text(
            lang, "messages.open_question", title=title, follow_up=analysis.follow_up or ask_text))
        outbox.append(msg("notice", ctx.prompts.text(lang, "messages.moving_on"), qid))
    outbox += milestone_messages(ctx, lang, qid, canvas)
    return {**update, "outbox": outbox, "canvas": canvas.model_dump(mode="json"), **advance(state, canvas)}
