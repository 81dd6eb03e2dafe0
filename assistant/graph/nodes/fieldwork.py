"""After the summary, what the founder brings from the field: interview notes (read against the canvas's
assumptions, quoted, statuses and evidence updated, changes proposed), their answer to those proposals
(accepted changes reopen the question they came from), and words about a persona. Anything else gets the
usual after-the-summary notice."""

from __future__ import annotations

import asyncio
from typing import Any

from langgraph.runtime import Runtime

from assistant.canvas import Canvas
from assistant.canvas.render import LABELS
from assistant.domain import Language
from assistant.graph.context import Context
from assistant.graph.nodes.common import lang_of, msg, quote
from assistant.graph.nodes.personas import correction_turn
from assistant.graph.revisit import evidence_arrived, reopen
from assistant.graph.state import State
from assistant.interviews import texts
from assistant.interviews.assumptions import riskiest_assumptions
from assistant.interviews.evidence import StatusChange, apply_verdicts
from assistant.interviews.notes import split_interviews
from assistant.interviews.proposals import Proposal, accept, proposals_for, read_choice, refuse
from assistant.interviews.state import Fieldwork
from assistant.interviews.verdicts import AssumptionVerdict, read_notes
from assistant.personas.builder import correction_fields, is_correction
from assistant.understanding.intake import Reading
from assistant.understanding.substance import is_thin


def verdict_lines(verdicts: list[AssumptionVerdict], lang: Language) -> list[str]:
    """One block per assumption the notes speak of: the verdict, the claim, the lines behind it, quoted."""
    out = []
    for v in verdicts:
        if v.verdict == "untouched":
            continue
        label = texts.text(lang, f"notes.{v.verdict}")
        kind = texts.text(lang, f"kit.kinds.{v.assumption.kind}")
        lines = "\n".join(quote(q.line, 240) + f" — *{texts.text(lang, 'notes.interview', index=q.interview)}*"
                          for q in v.quotes)
        out.append(f"**{label}** ({kind}, {v.assumption.segment}) — {v.assumption.claim}\n{lines}")
    untouched = [v.assumption.claim for v in verdicts if v.verdict == "untouched"]
    if untouched:
        out.append(f"**{texts.text(lang, 'notes.untouched')}** — " + " ; ".join(untouched[:6]))
    return out


def status_lines(changes: list[StatusChange], lang: Language) -> list[str]:
    lab = LABELS[lang]
    return [texts.text(lang, "notes.status", segment=c.segment, before=lab[c.before], after=lab[c.after])
            if c.before != c.after else texts.text(lang, "notes.status_same", segment=c.segment, after=lab[c.after])
            for c in changes]


def proposals_text(proposals: list[Proposal], lang: Language, ctx: Context) -> str:
    lines = [texts.text(lang, "notes.proposals")]
    for p in proposals:
        question = ctx.prompts.text(lang, f"topics.{p.question_id}")
        key = "notes.proposal_remove" if p.action == "remove" else "notes.proposal_revise"
        lines.append(f"{p.number}. " + texts.text(lang, key, claim=p.claim, segment=p.segment, question=question))
    return "\n".join(lines)


async def notes_turn(state: State, ctx: Context, canvas: Canvas, work: Fieldwork, text: str) -> dict[str, Any]:
    lang = lang_of(state, ctx)
    outbox = list(state.get("outbox", []))
    fresh = await asyncio.to_thread(split_interviews, text)
    if not fresh:
        return {"outbox": outbox + [msg("notice", texts.text(lang, "notes.nothing"))],
                "pending_ask": not state.get("done")}
    offset = len(work.interviews)
    interviews = work.interviews + [i.model_copy(update={"index": i.index + offset}) for i in fresh]
    verdicts = await asyncio.to_thread(read_notes, riskiest_assumptions(canvas), interviews)
    # Evidence written from earlier notes is rewritten from every interview read so far.
    base = canvas.model_copy(update={"segments": [s.model_copy(update={"evidence": [
        e for e in s.evidence if e not in work.evidence_items]}) for s in canvas.segments]})
    updated, changes = apply_verdicts(base, verdicts, interviews)
    before = {e for s in base.segments for e in s.evidence}
    written = [e for s in updated.segments for e in s.evidence if e not in before]
    proposals = [p for p in proposals_for(verdicts) if p.claim not in work.settled]
    proposals = [p.model_copy(update={"number": i}) for i, p in enumerate(proposals, 1)]
    head = texts.text(lang, "notes.read", count=len(fresh), chars=len(text))
    body = "\n\n".join([head, *verdict_lines(verdicts, lang), *status_lines(changes, lang)])
    outbox.append(msg("evidence", body, "summary"))
    if proposals:
        outbox.append(msg("question", proposals_text(proposals, lang, ctx), "summary"))
    work = work.model_copy(update={"interviews": interviews, "pastes": work.pastes + 1, "verdicts": verdicts,
                                   "proposals": proposals, "evidence_items": written,
                                   "asking_segment": "", "asking_field": ""})
    return {"outbox": outbox, "canvas": updated.model_dump(mode="json"), "fieldwork": work.model_dump(mode="json"),
            "pending_ask": not state.get("done"), **evidence_arrived(ctx.clock())}  # mid-session: ask again


def choice_turn(state: State, ctx: Context, canvas: Canvas, work: Fieldwork, chosen: set[int]) -> dict[str, Any]:
    lang = lang_of(state, ctx)
    outbox = list(state.get("outbox", []))
    taken = [p for p in work.proposals if p.number in chosen]
    left = [p for p in work.proposals if p.number not in chosen]
    canvas = refuse(canvas, left)
    canvas, question = accept(canvas, work.proposals, chosen)
    work = work.model_copy(update={"proposals": [], "settled": [*work.settled, *(p.claim for p in work.proposals)]})
    update: dict[str, Any] = {"canvas": canvas.model_dump(mode="json"), "fieldwork": work.model_dump(mode="json")}
    if question is None:
        outbox.append(msg("feedback", texts.text(lang, "notes.refused"), "summary"))
        return {**update, "outbox": outbox, "pending_ask": not state.get("done")}
    outbox.append(msg("feedback", texts.text(lang, "notes.accepted", count=len(taken)), "summary"))
    if not state.get("done"):  # mid-session the questions still to come are asked in order
        return {**update, "outbox": outbox, "pending_ask": True}
    return {**update, "outbox": outbox, **reopen(state, question)}


async def fieldwork(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    lang = lang_of(state, ctx)
    reading = Reading.model_validate(state["reading"])
    canvas = Canvas.model_validate(state["canvas"])
    work = Fieldwork.model_validate(state.get("fieldwork") or {})
    if reading.kind == "notes":
        return await notes_turn(state, ctx, canvas, work, reading.text)
    if reading.kind == "command" and reading.command in ("accept", "refuse"):
        if not work.proposals:
            return {"outbox": list(state.get("outbox", [])) + [msg("notice", ctx.prompts.text(
                lang, "messages.after_done"))], "pending_ask": False}
        everything = set(range(1, len(work.proposals) + 1))
        return choice_turn(state, ctx, canvas, work, everything if reading.command == "accept" else set())
    if work.proposals:
        chosen = read_choice(reading.text, len(work.proposals))
        if chosen is not None:
            return choice_turn(state, ctx, canvas, work, chosen)
        return {"outbox": list(state.get("outbox", [])) + [msg("notice", texts.text(lang, "notes.pending"))],
                "pending_ask": False}
    substantial = work.asking_field == "name" or not is_thin(reading.text)  # "encore une chose" fills nothing
    about_persona = substantial and (bool(work.asking_field) or correction_fields(reading.text, lang) != ["context"]
                                     or is_correction(reading.text, lang))
    done = correction_turn(state, ctx, canvas, work, reading.text) if about_persona else None
    if done is not None:
        return done
    return {"outbox": list(state.get("outbox", [])) + [msg("notice", ctx.prompts.text(lang, "messages.after_done"))],
            "pending_ask": False}
