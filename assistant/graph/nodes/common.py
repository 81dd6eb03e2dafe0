"""What several nodes share: the session language, message dumps, moving to the next question,
and usage added to the canvas metadata."""

from __future__ import annotations

from typing import Any

from assistant.canvas import Canvas, Citation
from assistant.coach.base import Coach, Usage
from assistant.domain import Language, QuestionId, as_language
from assistant.graph.context import Context
from assistant.graph.state import State
from assistant.messages import CoachMessage, MessageKind
from assistant.questions import next_question, progress
from assistant.text.excerpt import excerpt, quote_lines
from assistant.text.typography import colon


def lang_of(state: State, ctx: Context) -> Language:
    """The language the coach speaks this turn: the session's, else the forced one, else the default."""
    return as_language(state.get("language") or ctx.language or ctx.default_language)


def msg(kind: MessageKind, text: str, qid: str = "", citations: list[Citation] | None = None,
        mistake: str = "") -> dict[str, Any]:
    """A coach message as stored in the state (a `CoachMessage` dump)."""
    return CoachMessage(kind=kind, text=text, question_id=qid, citations=citations or [],
                        mistake_id=mistake).model_dump()


def quote(text: str, limit: int = 320) -> str:
    """The founder's or a source's words as a Markdown quote, shortened to about `limit` characters at a
    sentence (or at worst a word) boundary; list items stay on their own lines."""
    return quote_lines(excerpt(text, limit))


def advance(state: State, canvas: Canvas) -> dict[str, Any]:
    """Move to the next question (which depends on how many segments the canvas holds); a reopened question
    of a finished session goes back to the summary."""
    qid = "summary" if state.get("revisiting") else next_question(state["question_id"])
    return {"question_id": qid, "follow_ups": 0, "dont_knows": 0, "pending_ask": True}


def with_usage(canvas: Canvas, used: Usage, coach: Coach) -> Canvas:
    """The canvas with this turn's model calls, tokens and fallbacks added to its metadata."""
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


def fallback_notice(ctx: Context, lang: Language, used: Usage) -> list[dict[str, Any]]:
    """A short visible notice when the model failed and the offline engine handled the turn."""
    return [msg("notice", ctx.prompts.text(lang, "messages.notice_fallback"))] if used.fallbacks else []


def example_text(ctx: Context, lang: Language, qid: str, sector: str) -> str:
    """A worked example for the question: from the founder's sector when the library has one, else generic."""
    own = ctx.examples.example(lang, sector, qid) if ctx.examples else ""
    return own or ctx.prompts.text(lang, f"questions.{qid}.example")


def question_message(ctx: Context, lang: Language, qid: QuestionId, canvas: Canvas, full: bool,
                     sector: str = "") -> dict[str, Any]:
    """The question as asked the first time (progress, why, example) or re-asked (short)."""
    prompts = ctx.prompts
    count = len(canvas.segments)
    ask = prompts.text(lang, f"questions.{qid}.ask", count=count)
    if not full:
        return msg("question", ask, qid)
    index, total = progress(qid)
    head = prompts.text(lang, "labels.question_progress", index=index, total=total)
    why = prompts.text(lang, f"questions.{qid}.why")
    example = example_text(ctx, lang, qid, sector)
    label_why, label_ex = prompts.text(lang, "labels.why"), prompts.text(lang, "labels.example")
    text = f"**{head}** — {ask}\n\n*{label_why}*{colon(lang)} {why}\n*{label_ex}*{colon(lang)} {example}"
    return msg("question", text, qid)
