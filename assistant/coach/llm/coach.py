"""The LLM coach: the same `Coach` interface, powered by any OpenAI-compatible model.

One founder turn costs at most two model calls on the happy path: a structured analysis (fields,
mistakes with quoted evidence and cited passage ids, the follow-up) and the streamed reply that
reflects the answer. The offline engine runs beside the model every turn: its rule hits are merged
with the model's (`found_by`), and it answers the turn alone when the server fails or the output
cannot be read even after one repair try.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import openai
from pydantic import BaseModel

from assistant.canvas import Canvas
from assistant.canvas.render import canvas_markdown
from assistant.coach.base import (
    Analysis,
    Answer,
    Coach,
    Finding,
    SegmentUpdate,
    TurnContext,
    Usage,
    record_usage,
)
from assistant.coach.llm.client import ChatClient, ModelUnavailable, exponential_backoff
from assistant.coach.llm.guard import (
    Canary,
    StreamGuard,
    clean_analysis,
    first_question,
    looks_like_instruction,
    quoted_from,
    without_questions,
)
from assistant.coach.llm.prompts import PromptBook
from assistant.coach.llm.schema import SchemaError, analysis_model, parse_analysis, strict_schema
from assistant.domain import Language
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage
from assistant.settings import Settings

log = logging.getLogger(__name__)

_CITE = re.compile(r"\s?\[([^\[\]\s]+#[^\[\]\s]+)\]")


def token_writer() -> Callable[[str], None]:
    """Emit streamed text on LangGraph's custom stream; a no-op outside a graph run."""
    try:
        from langgraph.config import get_stream_writer

        write = get_stream_writer()
    except (RuntimeError, ImportError):
        return lambda _text: None
    return lambda text: write({"type": "token", "text": text})


class LLMCoach:
    name = "openai"

    def __init__(
        self, chat: ChatClient, prompts: Prompts, fallback: Coach, *, canary: Canary | None = None
    ) -> None:
        self.chat = chat
        self.prompts = prompts
        self.fallback = fallback
        self.canary = canary or Canary()
        self.book = PromptBook(prompts, self.canary)
        self._fallbacks = 0

    @property
    def model(self) -> str:
        return self.chat.model

    async def aclose(self) -> None:
        """Close the HTTP connections (the process's last word; sessions never need it)."""
        await self.chat.client.close()

    def usage(self) -> Usage:
        """Totals over this coach's lifetime (every session); per-session counts live in canvas.metadata."""
        return self.chat.total.model_copy(update={"fallbacks": self._fallbacks})

    def _fell_back(self, why: object) -> None:
        log.warning("model turn handled by the offline engine: %s", why)
        self._fallbacks += 1
        record_usage(fallbacks=1)

    # ------------------------------------------------------------------ analyse

    async def analyse(self, ctx: TurnContext) -> Analysis:
        rules = await self.fallback.analyse(ctx)
        try:
            raw = await self._model_analysis(ctx)
        except Exception as exc:  # whatever a server sends, the founder's turn goes on
            if not isinstance(exc, ModelUnavailable | SchemaError | openai.OpenAIError):
                log.exception("unexpected failure on the model path")
            self._fell_back(exc)
            return clean_analysis(rules, self.canary)
        analysis = self._merge(raw, rules, ctx)
        if analysis.usable:
            analysis = analysis.model_copy(update={"reflection": await self._reflect(ctx, analysis, rules)})
        return clean_analysis(analysis, self.canary)

    async def _model_analysis(self, ctx: TurnContext) -> BaseModel:
        model = analysis_model(ctx.question_id)
        schema = strict_schema(model)
        messages = self.book.analyse(ctx, model)
        first = await self.chat.structured(messages, f"analysis_{ctx.question_id}", schema)
        try:
            return self._read(first.text, ctx)
        except SchemaError as exc:
            log.info("analysis unreadable (%s); one repair try", exc)
            repair = self.book.repair(messages, first.text, str(exc), ctx.language, model)
            second = await self.chat.structured(repair, f"analysis_{ctx.question_id}", schema)
            return self._read(second.text, ctx)

    def _read(self, text: str, ctx: TurnContext) -> BaseModel:
        if self.canary.leaked(text):
            raise SchemaError("the reply carries the system prompt")
        return parse_analysis(text, ctx.question_id)

    def _merge(self, raw: BaseModel, rules: Analysis, ctx: TurnContext) -> Analysis:
        out: dict[str, Any] = raw.model_dump()
        lang, retrieved = ctx.language, {p.chunk_id for p in ctx.passages}
        rule_hits = {f.mistake_id: f for f in rules.findings}
        findings: list[Finding] = []
        for item in out.get("findings", []):
            if any(f.mistake_id == item["mistake_id"] for f in findings):
                continue
            rule = rule_hits.pop(item["mistake_id"], None)
            message = item["message"]
            if not self._plausible(message):
                message = self.prompts.text(lang, f"mistakes.{item['mistake_id']}.explain")
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
            follow_up=self._follow_up(findings, out, rules, ctx),
            usable=usable,
        )

    def _plausible(self, text: str, limit: int = 300) -> bool:
        """Short model text that may be shown as is: no instruction, no piece of the system prompt."""
        if not text or len(text) > limit:
            return False
        return not looks_like_instruction(text) and not self.canary.leaked(text)

    def _follow_up(
        self, findings: list[Finding], out: dict[str, Any], rules: Analysis, ctx: TurnContext
    ) -> str:
        """One question about the first finding: the model's when it wrote it for that finding, else the
        rules' or the catalogue's."""
        if not findings:
            return ""
        first = findings[0]
        question = first_question(out.get("follow_up", ""))
        targeted = bool(out.get("findings")) and out["findings"][0]["mistake_id"] == first.mistake_id
        if targeted and self._plausible(question):
            return question
        if rules.findings and rules.findings[0].mistake_id == first.mistake_id and rules.follow_up:
            return rules.follow_up
        key = "follow_up" if ctx.follow_up_count == 0 else "follow_up_2"
        return self.prompts.text(ctx.language, f"mistakes.{first.mistake_id}.{key}")

    async def _reflect(self, ctx: TurnContext, analysis: Analysis, rules: Analysis) -> str:
        text = await self._stream(self.book.reply(ctx, analysis))
        reflection = without_questions(text) if text else ""
        if not reflection:
            self._fell_back("no usable reply")
            return rules.reflection
        return reflection

    async def _stream(self, messages: list[dict[str, str]]) -> str:
        """Stream a reply to the founder through the canary guard; empty when it failed or leaked."""
        guard = StreamGuard(self.canary, token_writer())
        try:
            await self.chat.stream(messages, guard.feed)
        except Exception as exc:  # whatever a server sends, the founder's turn goes on
            if isinstance(exc, ModelUnavailable | openai.OpenAIError):
                log.warning("streamed reply failed: %s", exc)
            else:
                log.exception("unexpected failure while streaming a reply")
            return ""
        guard.close()
        if guard.leaked:
            log.warning("reply dropped: it carried the system prompt")
            return ""
        return guard.text.strip()

    # ------------------------------------------------------------------ FAQ and summary

    async def answer_question(self, question: str, passages: list[Passage], language: Language,
                              canvas: Canvas | None = None) -> Answer:
        if not passages:  # nothing to ground an answer on: the offline engine says so
            return await self.fallback.answer_question(question, passages, language, canvas)
        text = await self._stream(self.book.faq(question, passages, language, canvas))
        if not text:
            self._fell_back("no usable FAQ answer")
            return await self.fallback.answer_question(question, passages, language, canvas)
        by_id = {p.chunk_id: p for p in passages}
        cited = list(dict.fromkeys(m for m in _CITE.findall(text) if m in by_id))
        clean = _CITE.sub("", text).strip()
        return Answer(text=clean, citations=[by_id[c].citation() for c in cited] or [passages[0].citation()])

    async def summarise(self, canvas: Canvas, passages: list[Passage], language: Language) -> str:
        text = await self._stream(self.book.summary(canvas, passages, language))
        if not text or "###" not in text:
            self._fell_back("no usable summary")
            return await self.fallback.summarise(canvas, passages, language)
        title = self.prompts.text(language, "summary.title")
        return f"## {title}\n\n{canvas_markdown(canvas)}\n{text}"


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


def build_llm_coach(
    settings: Settings,
    prompts: Prompts,
    *,
    fallback: Coach,
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
) -> LLMCoach:
    """The coach for a configured OpenAI-compatible server (OpenAI, Azure, Ollama, vLLM, llama.cpp...)."""
    client = openai.AsyncOpenAI(
        api_key=settings.openai_api_key or "unused",  # local servers take any key
        base_url=settings.openai_base_url,
        timeout=settings.timeout_seconds,
        max_retries=0,  # ChatClient owns the retry policy
    )
    if settings.langsmith_tracing:
        client = _traced(client)
    chat = ChatClient(
        client,
        settings.model,
        temperature=settings.temperature,
        max_retries=settings.max_retries,
        max_tokens=settings.max_tokens,
        response_format=settings.response_format,
        backoff=exponential_backoff(settings.retry_backoff_seconds),
        sleep=sleep,
    )
    return LLMCoach(chat, prompts, fallback)


def _traced(client: openai.AsyncOpenAI) -> openai.AsyncOpenAI:
    """LangSmith traces every model call when LANGSMITH_TRACING is on (its own env vars do the rest)."""
    try:
        from langsmith.wrappers import wrap_openai
    except ImportError:
        log.warning("LANGSMITH_TRACING is set but langsmith is not installed; tracing is off")
        return client
    return wrap_openai(client)
