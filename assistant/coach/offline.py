"""The offline coach: the understanding layer (rule detectors and classifier heads over the answer's
e5 vector), text extraction and the templates in prompts/.

Deterministic and fast; the default engine when no model is configured.
"""

from __future__ import annotations

import asyncio

from assistant.canvas import Canvas
from assistant.canvas.render import canvas_markdown
from assistant.canvas.update import apply_analysis
from assistant.coach.base import Analysis, Answer, Finding, SegmentUpdate, TurnContext, Usage
from assistant.domain import Language
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage
from assistant.text.tokens import normalise
from assistant.text.vectors import embed_queries
from assistant.understanding.base import DetectionContext
from assistant.understanding.extract import fields_from_answer, focus_from_answer
from assistant.understanding.reader import Embed, read_mistakes
from assistant.understanding.segment_type import classify

_EVIDENCE_WORDS = (
    "entretien", "interview", "sondage", "survey", "questionnaire", "pilote", "pilot", "client", "customer",
    "utilisateur", "user", "vente", "sales", "sold", "vendu", "precommande", "pre-order", "preorder",
    "liste d'attente", "waitlist", "waiting list", "test", "donnees", "data", "etude", "study", "abonne",
    "subscriber", "paying", "payant", "lettre d'intention", "letter of intent", "loi",
)


_NUMBER_WORDS = frozenset(
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante "
    "cinquante soixante cent cents mille dizaine dizaines douzaine centaine centaines two three four five six seven "
    "eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred hundreds thousand dozen "
    "dozens".split()
)


def _has_evidence(answer: str) -> bool:
    """A count of something real: "22 entretiens", "douze interviews", "a dozen pilots"."""
    low = normalise(answer)
    counted = any(ch.isdigit() for ch in low) or bool(_NUMBER_WORDS & set(low.replace("-", " ").split()))
    return counted and any(w in low for w in _EVIDENCE_WORDS)


def _short(items: list[str], limit: int = 3) -> str:
    shown = [i if len(i) <= 90 else i[:87].rstrip() + "…" for i in items[:limit]]
    return "; ".join(shown) + (" …" if len(items) > limit else "")


class OfflineCoach:
    name = "offline"

    def __init__(self, prompts: Prompts, embed: Embed | None = embed_queries) -> None:
        """`embed` gives the understanding layer its vectors; None reads answers with the rules alone."""
        self.prompts = prompts
        self.embed = embed

    def usage(self) -> Usage:
        return Usage()

    async def analyse(self, ctx: TurnContext) -> Analysis:
        # The answer's embedding is CPU work: off the event loop, so other founders' turns go on.
        return await asyncio.to_thread(self.analyse_sync, ctx)

    def analyse_sync(self, ctx: TurnContext) -> Analysis:
        qid, lang = ctx.question_id, ctx.language
        detections = read_mistakes(
            DetectionContext(
                question_id=qid, answer=ctx.answer, language=lang, canvas=ctx.canvas, answers=dict(ctx.answers)
            ),
            self.embed,
        )
        findings = [
            Finding(
                mistake_id=d.mistake_id,
                evidence=d.evidence,
                message=self.prompts.text(lang, f"mistakes.{d.mistake_id}.explain"),
                cited=[p.chunk_id for p in ctx.passages if d.mistake_id in p.mistake_ids][:1],
            )
            for d in detections
        ]
        updates = fields_from_answer(qid, ctx.answer, ctx.canvas, lang, self.embed)
        mistakes = {f.mistake_id for f in findings}
        if qid == "evidence":
            validated = _has_evidence(ctx.answer) and "not_validated" not in mistakes
            updates = [u.model_copy(update={"validated": validated}) for u in updates]
            if not validated:
                updates = [u.model_copy(update={"assumptions": [ctx.answer.strip()[:200]]}) for u in updates]
        focus = ""
        if qid in ("most_important", "priority"):
            focus = focus_from_answer(ctx.answer, ctx.canvas)
        if qid in ("for_whom", "most_important"):
            updates = self._with_types(ctx, updates, focus)
        follow_up = ""
        if findings:
            first = findings[0].mistake_id
            key = "follow_up" if ctx.follow_up_count == 0 else "follow_up_2"
            follow_up = self.prompts.text(lang, f"mistakes.{first}.{key}")
        return Analysis(
            updates=updates,
            startup=ctx.answer.strip() if qid == "intake" else "",
            focus_segment=focus,
            findings=findings,
            reflection=self._reflection(lang, updates),
            follow_up=follow_up,
            usable=bool(updates) or qid == "intake" or bool(findings),
        )

    def _with_types(self, ctx: TurnContext, updates: list[SegmentUpdate], focus: str) -> list[SegmentUpdate]:
        """Classify the segment type once the groups are known, and link the sides of a platform."""
        replace = ctx.question_id == "for_whom" and ctx.follow_up_count > 0 and any(
            c.question_id == "for_whom" and c.mistake_id in ("too_broad", "too_many_segments")
            for c in ctx.canvas.open_critiques()
        )
        preview = apply_analysis(ctx.canvas, Analysis(updates=updates, focus_segment=focus), replace_segments=replace)
        answers = {**ctx.answers, ctx.question_id: ctx.answer}
        pitch = ctx.canvas.startup or answers.get("intake", "")
        kind, rationale = classify(pitch, answers, preview.segments, ctx.language)
        names = [s.name for s in preview.segments]
        typed = {u.segment.lower(): u for u in updates}
        out = []
        for name in names:
            base = typed.get(name.lower(), SegmentUpdate(segment=name))
            links = [n for n in names if n != name] if kind == "multi_sided" else []
            out.append(base.model_copy(update={"segment_type": kind, "type_rationale": rationale,
                                               "linked_segments": links}))
        return out

    def _reflection(self, lang: Language, updates: list[SegmentUpdate]) -> str:
        bits: list[str] = []
        for up in updates:
            for field in ("jobs", "pains", "gains", "needs", "behaviours", "characteristics", "evidence"):
                items = getattr(up, field)
                if items:
                    bits.append(_short(items))
            if up.buyer or up.user:
                bits.append(" / ".join(x for x in (up.buyer, up.user) if x))
        if not bits:
            return ""
        return self.prompts.text(lang, "messages.reflect", summary=_short(bits, 2))

    async def answer_question(self, question: str, passages: list[Passage], language: Language) -> Answer:
        if not passages:
            return Answer(text=self.prompts.text(language, "messages.faq_no_source"))
        own = [p for p in passages if p.language == language] or passages
        best = own[:2]
        parts = [p.text.strip() if len(p.text) < 700 else p.text[:697].rstrip() + "…" for p in best[:1]]
        if len(best) > 1 and best[1].text.strip():
            extra = best[1].text.strip()
            parts.append(extra if len(extra) < 400 else extra[:397].rstrip() + "…")
        return Answer(text="\n\n".join(parts), citations=[p.citation() for p in best])

    async def summarise(self, canvas: Canvas, passages: list[Passage], language: Language) -> str:
        return summary_text(self.prompts, canvas, language)


def summary_text(prompts: Prompts, canvas: Canvas, lang: Language) -> str:
    """The closing summary: canvas, what is unvalidated, next steps linked to the other blocks."""
    t = prompts.text
    lines = [f"## {t(lang, 'summary.title')}", "", canvas_markdown(canvas),
             f"### {t(lang, 'summary.unvalidated_title')}"]
    weak = [s for s in canvas.segments if s.validation != "validated"]
    lines += [f"- {t(lang, 'summary.unvalidated_segment', name=s.name)}" for s in weak]
    for c in canvas.open_critiques():
        title = t(lang, f"mistakes.{c.mistake_id}.title")
        lines.append(f"- {t(lang, 'summary.open_critique', title=title, question=c.question_id)}")
    if not weak and not canvas.open_critiques():
        lines.append(t(lang, "summary.unvalidated_none"))
    lines += ["", f"### {t(lang, 'summary.next_title')}"]
    focus = canvas.segment(canvas.focus_segment) or (canvas.segments[0] if canvas.segments else None)
    if focus:
        nothing = t(lang, "summary.nothing_yet")
        pains = _short(focus.pains, 2) or nothing
        gains = _short(focus.gains, 2) or nothing
        buyer = focus.buyer or t(lang, "summary.the_buyer")
        lines += [
            f"1. {t(lang, 'summary.next_value', name=focus.name, pains=pains, gains=gains)}",
            f"2. {t(lang, 'summary.next_channels', name=focus.name)}",
            f"3. {t(lang, 'summary.next_relationships', name=focus.name)}",
            f"4. {t(lang, 'summary.next_revenue', buyer=buyer)}",
        ]
        if len(canvas.segments) > 1:
            lines += ["", t(lang, "summary.focus_advice", name=focus.name)]
    return "\n".join(lines)
