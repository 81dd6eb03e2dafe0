"""The offline coach: the understanding layer (rule detectors and classifier heads over the answer's
e5 vector), text extraction and the templates in prompts/.

Deterministic and fast; the default engine when no model is configured.
"""

from __future__ import annotations

import asyncio
import logging
import re

from assistant.canvas import Canvas, role_holder
from assistant.canvas.render import canvas_markdown
from assistant.canvas.update import apply_analysis, redefines_groups
from assistant.coach.base import Analysis, Answer, Finding, SegmentUpdate, TurnContext, Usage
from assistant.coach.voice import reflect
from assistant.domain import Language
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage
from assistant.text.dictation import is_dictated, spoken_punctuation
from assistant.text.excerpt import excerpt, quote_lines
from assistant.text.typography import quote
from assistant.text.vectors import embed_queries
from assistant.text.wrapping import unwrap
from assistant.understanding.base import DetectionContext
from assistant.understanding.extract import fields_from_answer, focus_from_answer, regroup
from assistant.understanding.mistakes.validation import evidence_level, plans_research
from assistant.understanding.reader import Embed, read_mistakes
from assistant.understanding.segment_type import classify
from assistant.understanding.substance import is_generic_group, is_thin

# Questions whose answer must carry content words of its own (a list of needs, jobs, pains or gains);
# `most_important` and `buyer_user` answers may be one group ("les infirmières"), but not "eux".
_CONTENT_QUESTIONS = frozenset({"characteristics", "jobs", "pains", "gains"})
_GROUP_QUESTIONS = frozenset({"most_important", "buyer_user"})

def _short(items: list[str], limit: int = 3) -> str:
    shown = [excerpt(i, 90) for i in items[:limit]]
    return "; ".join(shown) + (" …" if len(items) > limit else "")


FAQ_DIRECT_CHARS = 280  # the direct answer: the passage's opening sentences, before any list
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
FAQ_QUOTE_CHARS = 700  # the rest of the passage, quoted
log = logging.getLogger("assistant.coach")


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
        """The reading of one answer. A fault in the understanding layer never fails the founder's turn: it
        is logged, the answer is kept as said (the graph records it in the session's answers, the pitch as
        the startup) and the session goes on with nothing read from it."""
        try:
            return self._read(ctx)
        except Exception:  # any fault of the reading code: the turn goes on, the fault is in the log
            log.exception("reading the %s answer failed; the answer is kept unread", ctx.question_id)
            return Analysis(startup=ctx.answer.strip() if ctx.question_id == "intake" else "")

    def _read(self, ctx: TurnContext) -> Analysis:
        # a voice dictation's "period", "comma" are its full stops and commas: sentences fall where meant
        dictated = any(map(is_dictated, [ctx.answer, *ctx.answers.values()]))
        # a pasted answer hard-wrapped at a width: its line breaks inside a sentence are spaces
        ctx = ctx.model_copy(update={"answer": unwrap(spoken_punctuation(ctx.answer, dictated)),
                                     "answers": {q: unwrap(spoken_punctuation(a, dictated))
                                                 for q, a in ctx.answers.items()}})
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
        if not findings and self._too_thin(qid, ctx.answer):
            # Nothing to record: a nudge for more (the graph asks it at most twice, then moves on).
            return Analysis(usable=False, follow_up=self.prompts.text(lang, f"questions.{qid}.nudge"))
        mistakes = {f.mistake_id for f in findings}
        # a wish list or a sweep at the priority question is not what the segments are: the follow-up says it
        flawed = qid == "most_important" and bool(mistakes & {"too_many_segments", "too_broad"})
        updates = [] if flawed else fields_from_answer(qid, ctx.answer, ctx.canvas, lang, self.embed)
        level, plan = "", False
        if qid == "evidence":
            level = "assumption" if "not_validated" in mistakes else evidence_level(ctx.answer)
            plan = plans_research(ctx.answer)
            updates = self._validation(ctx.answer, updates, level, plan)
        focus = ""
        if qid in ("most_important", "priority") and "too_many_segments" not in mistakes:
            focus = focus_from_answer(ctx.answer, ctx.canvas)  # a wish list of groups sets no priority
        replace = redefines_groups(qid, ctx.follow_up_count, ctx.canvas, updates)
        if qid == "for_whom" and ctx.canvas.segments and not replace:
            updates = regroup(updates, ctx.canvas)
        if qid in ("for_whom", "most_important"):
            updates = self._with_types(ctx, updates, focus, replace)
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
            reflection="" if findings else reflect(self.prompts, lang, qid, ctx.answer, updates, level, plan),
            follow_up=follow_up,
            # a priority answer with no rating still says what comes first ("just the 8 to 11 group for now")
            usable=bool(updates) or qid == "intake" or bool(findings) or bool(focus) or (
                qid == "priority" and not is_thin(ctx.answer)),
        )

    @staticmethod
    def _too_thin(qid: str, answer: str) -> bool:
        if qid in _CONTENT_QUESTIONS:
            return is_thin(answer)
        return qid in _GROUP_QUESTIONS and is_generic_group(answer)

    @staticmethod
    def _validation(answer: str, updates: list[SegmentUpdate], level: str, plan: bool) -> list[SegmentUpdate]:
        """Evidence recorded only when data was gathered; an opinion, friends or a plan stays an assumption
        (a plan is kept as the assumption's next test)."""
        if level == "assumption":
            tests = [excerpt(answer, 200)] if plan else []
            return [u.model_copy(update={"validated": False, "evidence": [], "assumptions": tests}) for u in updates]
        return [u.model_copy(update={"validated": level == "validated"}) for u in updates]

    def _with_types(self, ctx: TurnContext, updates: list[SegmentUpdate], focus: str,
                    replace: bool) -> list[SegmentUpdate]:
        """Classify the segment type once the groups are known (`replace`: they replace the canvas's), and link
        the sides of a platform."""
        preview = apply_analysis(ctx.canvas, Analysis(updates=updates, focus_segment=focus), replace_segments=replace)
        answers = {**ctx.answers, ctx.question_id: ctx.answer}
        pitch = ctx.canvas.startup or answers.get("intake", "")
        kind, rationale = classify(pitch, answers, preview.segments, ctx.language)
        names = [s.name for s in preview.segments]
        typed = {u.segment.lower(): u for u in updates}
        out = []
        drafts = {s.name.lower() for s in preview.segments if s.draft}
        for name in names:
            base = typed.get(name.lower(), SegmentUpdate(segment=name))
            if name.lower() in drafts:  # no clear group yet: no type
                out.append(base)
                continue
            links = [n for n in names if n != name] if kind == "multi_sided" else []
            out.append(base.model_copy(update={"segment_type": kind, "type_rationale": rationale,
                                               "linked_segments": links}))
        return out

    async def answer_question(self, question: str, passages: list[Passage], language: Language,
                              canvas: Canvas | None = None) -> Answer:
        """A direct answer first (the best passage's opening sentences), tied to the founder's segments or
        startup, then the rest of the passage quoted whole to a sentence boundary, with its source."""
        if not passages:
            return Answer(text=self.prompts.text(language, "messages.faq_no_source"))
        best = ([p for p in passages if p.language == language] or passages)[0]
        body = excerpt(best.text, len(best.text) + 1)  # spaces tidied, lines (list items) kept
        lines = body.splitlines()
        prose = "\n".join(lines[:next((i for i, line in enumerate(lines) if _LIST_ITEM.match(line)), len(lines))])
        direct = excerpt(prose or body, FAQ_DIRECT_CHARS).removesuffix(" …").removesuffix("…")
        parts = [direct]
        tie = self._faq_tie(language, canvas)
        if tie:
            parts.append(tie)
        rest = body[len(direct):].strip() if body.startswith(direct) else ""
        if rest and not direct.endswith("…"):
            parts.append(f"📖 *{best.document} — {best.section}*\n{quote_lines(excerpt(rest, FAQ_QUOTE_CHARS))}")
        return Answer(text="\n\n".join(parts), citations=[best.citation()])

    def _faq_tie(self, language: Language, canvas: Canvas | None) -> str:
        if canvas is None:
            return ""
        if canvas.segments:
            names = ", ".join(quote(language, s.name) for s in canvas.segments)
            return self.prompts.text(language, "messages.faq_tie_segments", names=names)
        if canvas.startup:
            return self.prompts.text(language, "messages.faq_tie_startup",
                                     startup=excerpt(canvas.startup, 120))
        return ""

    async def summarise(self, canvas: Canvas, passages: list[Passage], language: Language) -> str:
        return summary_text(self.prompts, canvas, language)


def summary_text(prompts: Prompts, canvas: Canvas, lang: Language) -> str:
    """The closing summary: canvas, what is unvalidated, next steps linked to the other blocks."""
    t = prompts.text
    lines = [f"## {t(lang, 'summary.title')}", "", canvas_markdown(canvas, recap=True),
             f"### {t(lang, 'summary.unvalidated_title')}"]
    weak = [s for s in canvas.segments if s.validation != "validated"]
    lines += [f"- {t(lang, 'summary.unvalidated_segment', name=s.name)}" for s in weak]
    for c in canvas.open_critiques():
        title = t(lang, f"mistakes.{c.mistake_id}.title")
        topic = t(lang, f"topics.{c.question_id}")
        lines.append(f"- {t(lang, 'summary.open_critique', title=title, question=topic)}")
    lines += [f"- {t(lang, 'summary.open_question', question=t(lang, f'topics.{q.question_id}'))}"
              for q in canvas.open_questions]
    if not weak and not canvas.open_critiques() and not canvas.open_questions:
        lines.append(t(lang, "summary.unvalidated_none"))
    lines += ["", f"### {t(lang, 'summary.next_title')}"]
    focus = canvas.segment(canvas.focus_segment) or (canvas.segments[0] if canvas.segments else None)
    if focus:
        nothing = t(lang, "summary.nothing_yet")
        pains = _short(focus.pains, 2) or nothing
        gains = _short(focus.gains, 2) or nothing
        buyer = excerpt(focus.buyer, 80) if role_holder(focus.buyer) else t(lang, "summary.the_buyer")
        lines += [
            f"1. {t(lang, 'summary.next_value', name=focus.name, pains=pains, gains=gains)}",
            f"2. {t(lang, 'summary.next_channels', name=focus.name)}",
            f"3. {t(lang, 'summary.next_relationships', name=focus.name)}",
            f"4. {t(lang, 'summary.next_revenue', buyer=buyer)}",
        ]
        if len(canvas.segments) > 1:
            lines += ["", t(lang, "summary.focus_advice", name=focus.name)]
    return "\n".join(lines)
