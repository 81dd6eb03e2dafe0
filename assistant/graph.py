"""The coaching state machine: nodes, pure routers, and `build_graph(deps)`.

One founder turn: listen → (command | faq | reject | analyse) → ask → listen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import interrupt

from assistant.canvas import Canvas, Citation
from assistant.coach.base import Coach, TurnContext, Usage, metering
from assistant.domain import Language, QuestionId
from assistant.intake import Reading, read_message
from assistant.passage import Passage
from assistant.prompts import Prompts
from assistant.questions import next_question, previous_question, progress
from assistant.state import CoachMessage, State
from assistant.update import add_critique, add_open_question, apply_analysis, resolve_critiques

MAX_FOLLOW_UPS = 2
RAW_MESSAGE_LIMIT = 100_000  # what the inbox keeps of one message (the coach reads far less)


class Retriever(Protocol):
    async def search(
        self, query: str, *, language: str | None = None, k: int = 4, question_id: str | None = None,
        mistake_id: str | None = None,
    ) -> list[Passage]: ...

    async def for_mistake(self, mistake_id: str, language: str, query: str = "") -> list[Passage]: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Deps:
    coach: Coach
    retriever: Retriever
    prompts: Prompts
    checkpointer: BaseCheckpointSaver[Any] | None = None
    clock: Callable[[], datetime] = utc_now
    language: Language | None = None  # forced session language; None follows the founder
    default_language: Language = "fr"
    max_message_chars: int = 4000
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- pure routers

def route_reading(state: State) -> Literal["command", "faq", "reject", "analyse"]:
    kind = state["reading"]["kind"]
    if kind in ("command", "unknown_command"):
        return "command"
    if kind == "faq":
        return "faq"
    if kind == "answer" and not state.get("done"):
        return "analyse"
    return "reject"


def route_after_turn(state: State) -> Literal["ask", "listen"]:
    return "ask" if state.get("pending_ask") else "listen"


def route_after_ask(state: State) -> Literal["summary", "listen"]:
    return "summary" if state["question_id"] == "summary" and not state.get("done") else "listen"


def decide_language(state: State, detected: str) -> tuple[str, int]:
    """Follow the founder's language: set at the first answer, switched after two in a row in the other."""
    current = state.get("language") or ""
    if state.get("language_locked") or detected not in ("fr", "en"):
        return current, 0
    if not state.get("inbox") or state.get("question_id") == "intake" and not state.get("answers"):
        return detected, 0
    if detected == current:
        return current, 0
    streak = state.get("other_language_streak", 0) + 1
    return (detected, 0) if streak >= 2 else (current, streak)


# ---------------------------------------------------------------- helpers

def _msg(kind: str, text: str, qid: str = "", citations: list[Citation] | None = None, mistake: str = "") -> dict:
    return CoachMessage.model_validate(
        {"kind": kind, "text": text, "question_id": qid, "citations": citations or [], "mistake_id": mistake}
    ).model_dump()


def _quote(text: str, limit: int = 320) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return "> " + text


def _advance(state: State, canvas: Canvas) -> dict[str, Any]:
    qid = next_question(state["question_id"], len(canvas.segments))  # type: ignore[arg-type]
    return {"question_id": qid, "follow_ups": 0, "dont_knows": 0, "pending_ask": True}


def _with_usage(canvas: Canvas, used: Usage, coach: Coach) -> Canvas:
    meta = canvas.metadata.model_copy(
        update={
            "provider": coach.name,
            "model": getattr(coach, "model", "") or canvas.metadata.model,
            "model_calls": canvas.metadata.model_calls + used.model_calls,
            "prompt_tokens": canvas.metadata.prompt_tokens + used.prompt_tokens,
            "completion_tokens": canvas.metadata.completion_tokens + used.completion_tokens,
            "fallbacks": canvas.metadata.fallbacks + used.fallbacks,
        }
    )
    return canvas.model_copy(update={"metadata": meta})


# ---------------------------------------------------------------- the graph

def build_graph(deps: Deps) -> CompiledStateGraph:
    prompts = deps.prompts

    def fallback_notice(lang: Language, used: Usage) -> list[dict]:
        """A short visible notice when the model failed and the offline engine handled the turn."""
        return [_msg("notice", prompts.text(lang, "messages.notice_fallback"))] if used.fallbacks else []

    def lang_of(state: State) -> Language:
        lang = state.get("language") or deps.language or deps.default_language
        return "en" if lang == "en" else "fr"

    def question_message(state: State, qid: QuestionId, canvas: Canvas, full: bool) -> dict:
        lang = lang_of(state)
        count = len(canvas.segments)
        ask = prompts.text(lang, f"questions.{qid}.ask", count=count)
        if not full:
            return _msg("question", ask, qid)
        index, total = progress(qid, count)
        head = prompts.text(lang, "labels.question_progress", index=index, total=total)
        why = prompts.text(lang, f"questions.{qid}.why")
        example = prompts.text(lang, f"questions.{qid}.example")
        label_why, label_ex = prompts.text(lang, "labels.why"), prompts.text(lang, "labels.example")
        text = f"**{head}** — {ask}\n\n*{label_why}* : {why}\n*{label_ex}* : {example}"
        if lang == "en":
            text = text.replace("* : ", "*: ")
        return _msg("question", text, qid)

    async def welcome(state: State) -> dict[str, Any]:
        language = state.get("language") or deps.language or deps.default_language
        locked = bool(state.get("language_locked") or deps.language)
        canvas = Canvas(language="en" if language == "en" else "fr")
        st: State = {"language": language}
        return {
            "language": language,
            "language_locked": locked,
            "question_id": "intake",
            "follow_ups": 0,
            "dont_knows": 0,
            "asked": [],
            "answers": {},
            "canvas": canvas.model_dump(mode="json"),
            "outbox": [_msg("notice", prompts.text(lang_of(st), "messages.welcome"))],
            "pending_ask": True,
            "done": False,
            "turns": 0,
        }

    async def ask(state: State) -> dict[str, Any]:
        qid: QuestionId = state["question_id"]  # type: ignore[assignment]
        if qid == "summary":
            return {"pending_ask": False}
        canvas = Canvas.model_validate(state["canvas"])
        full = qid not in state.get("asked", [])
        message = question_message(state, qid, canvas, full)
        asked = state.get("asked", []) + ([qid] if full else [])
        return {"outbox": state.get("outbox", []) + [message], "asked": asked, "pending_ask": False}

    async def listen(state: State) -> dict[str, Any]:
        received = interrupt({"question_id": state["question_id"], "messages": state.get("outbox", [])})
        text = received if isinstance(received, str) else str(received.get("text", "")) if isinstance(
            received, dict) else str(received)
        reading = read_message(text, session_language=state.get("language"), max_chars=deps.max_message_chars)
        language, streak = decide_language(state, reading.language)
        record = {
            "text": text[:RAW_MESSAGE_LIMIT],
            "question_id": state["question_id"],
            "kind": reading.kind,
            "at": deps.clock().isoformat(),
        }
        update: dict[str, Any] = {
            "inbox": [record],
            "reading": reading.model_dump(),
            "outbox": [],
            "retrieved": [],
            "turns": state.get("turns", 0) + 1,
            "language": language,
            "other_language_streak": streak,
        }
        if language and language != state.get("language"):
            canvas = Canvas.model_validate(state["canvas"]).model_copy(update={"language": language})
            update["canvas"] = canvas.model_dump(mode="json")
        if reading.truncated:
            note = prompts.text(lang_of({**state, **update}), "messages.too_long",  # type: ignore[typeddict-item]
                                length=reading.length, limit=deps.max_message_chars)
            update["outbox"] = [_msg("notice", note)]
        return update

    async def reject(state: State) -> dict[str, Any]:
        lang = lang_of(state)
        qid: QuestionId = state["question_id"]  # type: ignore[assignment]
        kind = state["reading"]["kind"]
        outbox = list(state.get("outbox", []))
        if state.get("done"):
            outbox.append(_msg("notice", prompts.text(lang, "messages.after_done")))
            return {"outbox": outbox, "pending_ask": False}
        if kind == "dont_know":
            if state.get("dont_knows", 0) >= 1 or qid == "summary":
                canvas = Canvas.model_validate(state["canvas"])
                canvas = add_open_question(canvas, qid, prompts.text(lang, f"questions.{qid}.ask", count=2))
                outbox.append(_msg("notice", prompts.text(lang, "messages.dont_know_again")))
                return {"outbox": outbox, "canvas": canvas.model_dump(mode="json"), **_advance(state, canvas)}
            example = prompts.text(lang, f"questions.{qid}.example")
            outbox.append(_msg("feedback", prompts.text(lang, "messages.dont_know", example=example), qid))
            return {"outbox": outbox, "dont_knows": state.get("dont_knows", 0) + 1, "pending_ask": False}
        outbox.append(_msg("notice", prompts.text(lang, f"messages.{kind}"), qid))
        return {"outbox": outbox, "pending_ask": False}

    async def command(state: State) -> dict[str, Any]:
        lang = lang_of(state)
        reading = Reading.model_validate(state["reading"])
        qid: QuestionId = state["question_id"]  # type: ignore[assignment]
        canvas = Canvas.model_validate(state["canvas"])
        outbox = list(state.get("outbox", []))
        say = lambda key, **kw: outbox.append(_msg("notice", prompts.text(lang, key, **kw), qid))  # noqa: E731
        if reading.kind == "unknown_command":
            hint = prompts.text(lang, "messages.did_you_mean", command="/" + reading.suggestion) if (
                reading.suggestion) else ""
            say("messages.unknown_command", command=reading.typo or reading.text[:30], suggestion=hint)
            return {"outbox": outbox, "pending_ask": False}
        cmd = reading.command
        if cmd == "restart":
            fresh = Canvas(language=lang)
            say("messages.restarted")
            return {"outbox": outbox, "canvas": fresh.model_dump(mode="json"), "answers": {}, "asked": [],
                    "question_id": "intake", "follow_ups": 0, "dont_knows": 0, "done": False, "pending_ask": True}
        if cmd == "canvas":
            outbox.append(_msg("canvas", prompts.text(lang, "messages.canvas_header") + "\n\n" + canvas.to_markdown()))
            return {"outbox": outbox, "pending_ask": not state.get("done")}
        if cmd == "help":
            say("messages.help")
            return {"outbox": outbox, "pending_ask": not state.get("done")}
        if state.get("done"):
            say("messages.after_done")
            return {"outbox": outbox, "pending_ask": False}
        if cmd == "example":
            say("messages.example_only", example=prompts.text(lang, f"questions.{qid}.example"))
            return {"outbox": outbox, "pending_ask": False}
        if cmd == "back":
            if qid == "intake":
                say("messages.cannot_go_back")
                return {"outbox": outbox, "pending_ask": True}
            say("messages.went_back")
            prev = previous_question(qid, len(canvas.segments))
            return {"outbox": outbox, "question_id": prev, "follow_ups": 0, "dont_knows": 0, "pending_ask": True,
                    "asked": [q for q in state.get("asked", []) if q != prev]}
        # skip
        canvas = add_open_question(canvas, qid, prompts.text(lang, f"questions.{qid}.ask", count=len(canvas.segments)))
        say("messages.skipped")
        return {"outbox": outbox, "canvas": canvas.model_dump(mode="json"), **_advance(state, canvas)}

    async def faq(state: State) -> dict[str, Any]:
        lang = lang_of(state)
        question = state["reading"]["text"]
        passages = await deps.retriever.search(question, language=lang, k=3)
        with metering() as used:
            answer = await deps.coach.answer_question(question, passages, lang)
        canvas = _with_usage(Canvas.model_validate(state["canvas"]), used, deps.coach)
        outbox = list(state.get("outbox", [])) + fallback_notice(lang, used)
        outbox.append(_msg("faq", answer.text, state["question_id"], answer.citations))
        if not state.get("done"):
            outbox.append(_msg("notice", prompts.text(lang, "messages.faq_resume")))
        return {"outbox": outbox, "retrieved": state.get("retrieved", []) + [p.chunk_id for p in passages],
                "canvas": canvas.model_dump(mode="json"), "pending_ask": not state.get("done")}

    async def analyse(state: State) -> dict[str, Any]:
        lang = lang_of(state)
        qid: QuestionId = state["question_id"]  # type: ignore[assignment]
        text = state["reading"]["text"]
        canvas = Canvas.model_validate(state["canvas"])
        follow_ups = state.get("follow_ups", 0)
        ask_text = prompts.text(lang, f"questions.{qid}.ask", count=len(canvas.segments))
        passages = await deps.retriever.search(f"{ask_text}\n{text}", language=lang, k=4, question_id=qid)
        ctx = TurnContext(question_id=qid, answer=text, language=lang, canvas=canvas, passages=passages,
                          answers=state.get("answers", {}), follow_up_count=follow_ups)
        with metering() as used:
            analysis = await deps.coach.analyse(ctx)
        notices = fallback_notice(lang, used)
        retrieved = {p.chunk_id: p for p in passages}
        # Every finding cites a passage that was really retrieved; fetch one for the mistake if needed.
        cited_for: dict[str, list[Passage]] = {}
        for finding in analysis.findings:
            own = [retrieved[c] for c in finding.cited if c in retrieved]
            if not own:
                extra = await deps.retriever.for_mistake(finding.mistake_id, lang, text)
                own = extra[:1]
                retrieved.update({p.chunk_id: p for p in own})
            cited_for[finding.mistake_id] = own
        outbox = list(state.get("outbox", [])) + notices
        answers = dict(state.get("answers", {}))
        answers[qid] = f"{answers[qid]}\n{text}" if answers.get(qid) else text
        update: dict[str, Any] = {"answers": answers, "retrieved": state.get("retrieved", []) + list(retrieved)}

        if not analysis.usable:
            example = prompts.text(lang, f"questions.{qid}.example")
            outbox.append(_msg("feedback", prompts.text(lang, "messages.unusable", example=example), qid))
            return {**update, "outbox": outbox, "pending_ask": False}

        replace = qid == "for_whom" and follow_ups > 0 and any(
            c.question_id == "for_whom" and c.mistake_id in ("too_broad", "too_many_segments")
            for c in canvas.open_critiques())
        canvas = apply_analysis(canvas, analysis, replace_segments=replace)
        canvas = resolve_critiques(canvas, qid, {f.mistake_id for f in analysis.findings})
        for finding in analysis.findings:
            sources = [p.citation() for p in cited_for[finding.mistake_id]]
            canvas = add_critique(canvas, mistake_id=finding.mistake_id, question_id=qid, message=finding.message,
                                  evidence=finding.evidence, sources=sources, found_by=finding.found_by)
        canvas = _with_usage(canvas, used, deps.coach)
        if analysis.reflection:
            outbox.append(_msg("feedback", analysis.reflection, qid))

        if analysis.findings and follow_ups < MAX_FOLLOW_UPS:
            first = analysis.findings[0]
            outbox.append(critique_message(lang, qid, first.mistake_id, first.message, first.evidence,
                                           cited_for[first.mistake_id], analysis.follow_up))
            return {**update, "outbox": outbox, "canvas": canvas.model_dump(mode="json"),
                    "follow_ups": follow_ups + 1, "pending_ask": False}
        if analysis.findings:
            title = prompts.text(lang, f"mistakes.{analysis.findings[0].mistake_id}.title")
            canvas = add_open_question(canvas, qid, prompts.text(
                lang, "messages.open_question", title=title, follow_up=analysis.follow_up or ask_text))
            outbox.append(_msg("notice", prompts.text(lang, "messages.moving_on"), qid))
        outbox += milestone_messages(lang, qid, canvas)
        return {**update, "outbox": outbox, "canvas": canvas.model_dump(mode="json"), **_advance(state, canvas)}

    def critique_message(lang: Language, qid: str, mistake: str, message: str, evidence: str,
                         sources: list[Passage], follow_up: str) -> dict:
        title = prompts.text(lang, f"mistakes.{mistake}.title")
        parts = [f"**{title}** — {message}"]
        if evidence:
            parts.append(_quote(evidence, 200))
        for p in sources[:1]:
            parts.append(f"📖 *{p.document} — {p.section}*\n{_quote(p.text)}")
        if follow_up:
            parts.append(follow_up)
        return _msg("critique", "\n\n".join(parts), qid, [p.citation() for p in sources[:1]], mistake)

    def milestone_messages(lang: Language, qid: str, canvas: Canvas) -> list[dict]:
        out = []
        if qid == "for_whom" and canvas.segments:
            names = ", ".join(f"**{s.name}**" for s in canvas.segments)
            out.append(_msg("feedback", prompts.text(lang, "messages.segments_noted", names=names), qid))
        if qid == "most_important" and canvas.segments:
            focus = canvas.segment(canvas.focus_segment) or canvas.segments[0]
            out.append(_msg("feedback", prompts.text(lang, "messages.focus_noted", name=focus.name), qid))
            if focus.segment_type:
                kind = prompts.text(lang, f"segment_types.{focus.segment_type}")
                out.append(_msg("feedback", prompts.text(lang, "messages.type_announce", type=kind,
                                                         rationale=focus.type_rationale), qid))
        return out

    async def summary(state: State) -> dict[str, Any]:
        lang = lang_of(state)
        canvas = Canvas.model_validate(state["canvas"])
        focus = canvas.focus_segment or lang
        passages = await deps.retriever.search(f"next steps value proposition channels {focus}", language=lang, k=2)
        with metering() as used:
            text = await deps.coach.summarise(canvas, passages, lang)
        canvas = _with_usage(canvas, used, deps.coach)
        outbox = list(state.get("outbox", [])) + fallback_notice(lang, used) + [_msg("summary", text, "summary")]
        return {"outbox": outbox, "canvas": canvas.model_dump(mode="json"), "done": True, "pending_ask": False}

    g = StateGraph(State)
    for name, node in (("welcome", welcome), ("ask", ask), ("listen", listen), ("command", command),
                       ("faq", faq), ("reject", reject), ("analyse", analyse), ("summary", summary)):
        g.add_node(name, node)
    g.add_edge(START, "welcome")
    g.add_edge("welcome", "ask")
    g.add_conditional_edges("ask", route_after_ask)
    g.add_conditional_edges("listen", route_reading)
    for name in ("command", "faq", "reject", "analyse"):
        g.add_conditional_edges(name, route_after_turn)
    # The session never ends by itself: after the summary it keeps answering questions.
    g.add_edge("summary", "listen")
    return g.compile(checkpointer=deps.checkpointer)
