"""The LLM coach: the same `Coach` interface, powered by any OpenAI-compatible model.

One founder turn costs at most two model calls on the happy path: a structured analysis (fields,
mistakes with quoted evidence and cited passage ids, the follow-up) and the streamed reply that
reflects the answer; on the turn that reaches the summary, the analysis and one structured call for the
summary and the personas (`close`), the summary standing for the reply. The offline engine runs beside
the model every turn: its rule hits are merged with the model's (`found_by`), and it answers the turn
alone when the server fails or the output cannot be read even after one repair try. Every call has an
output cap sized for what it writes, and a founder turn has a deadline: past it the offline engine
answers the turn and the late answer is dropped.
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
from assistant.coach.base import Analysis, Answer, Coach, TurnContext, Usage, record_usage
from assistant.coach.llm.client import ChatClient, ModelUnavailable, exponential_backoff
from assistant.coach.llm.closing import Closing, model_closing
from assistant.coach.llm.guard import Canary, StreamGuard, clean_analysis, without_questions
from assistant.coach.llm.limits import Limits
from assistant.coach.llm.merge import merge_analysis
from assistant.coach.llm.personas import LLMPersonas, offline_personas, traced_personas
from assistant.coach.llm.prompts import PromptBook
from assistant.coach.llm.reading import parse_analysis
from assistant.coach.llm.schema import SchemaError, analysis_model, strict_schema
from assistant.domain import Language
from assistant.personas.faithful import FounderText
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
        self, chat: ChatClient, prompts: Prompts, fallback: Coach, *, canary: Canary | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.chat = chat
        self.prompts = prompts
        self.fallback = fallback
        self.canary = canary or Canary()
        self.limits = limits or Limits()
        self.book = PromptBook(prompts, self.canary, compact=self.limits.compact)
        self.personas = LLMPersonas(chat, self.book)  # personas alone, when the summary did not draft them
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

    def _deadline(self, started: float | None = None) -> float:
        """When a call must end (event-loop s): `deadline_s` after `started`, or now. The analysis counts from its
        own start (the coach's warm-up, e.g. the language models loaded at the first message, never costs the
        model its turn); the summary after it in the same turn from the turn's start: one deadline."""
        return (asyncio.get_running_loop().time() if started is None else started) + self.limits.deadline_s

    async def analyse(self, ctx: TurnContext) -> Analysis:
        deadline = self._deadline()
        # The offline engine reads the answer while the model writes its analysis (the model's prompt does not
        # use the rules' reading): the turn waits for the longer of the two, not for their sum.
        reading = asyncio.ensure_future(self.fallback.analyse(ctx))
        try:
            async with asyncio.timeout_at(deadline):
                raw = await self._model_analysis(ctx)
        except TimeoutError:
            self._fell_back(f"no analysis within the turn deadline ({self.limits.deadline_s:g} s)")
            return clean_analysis(await reading, self.canary)
        except Exception as exc:  # whatever a server sends, the founder's turn goes on
            if not isinstance(exc, ModelUnavailable | SchemaError | openai.OpenAIError):
                log.exception("unexpected failure on the model path")
            self._fell_back(exc)
            return clean_analysis(await reading, self.canary)
        except BaseException:  # the turn itself was cancelled: so is the reading beside it
            reading.cancel()
            raise
        rules = await reading
        analysis = merge_analysis(raw, rules, ctx, self.prompts, self.canary)
        if analysis.usable and ctx.reaches_summary(bool(analysis.findings)):
            # The summary answers this turn: no reply call, the offline engine's reflection (no call) stays.
            analysis = analysis.model_copy(update={"reflection": rules.reflection})
        elif analysis.usable:
            reflection = await self._reflect(ctx, analysis, rules, deadline)
            analysis = analysis.model_copy(update={"reflection": reflection})
        return clean_analysis(analysis, self.canary)

    async def _model_analysis(self, ctx: TurnContext) -> BaseModel:
        model = analysis_model(ctx.question_id)
        schema = strict_schema(model)
        messages = self.book.analyse(ctx, model)
        cap = self.limits.analysis
        first = await self.chat.structured(messages, f"analysis_{ctx.question_id}", schema, max_tokens=cap)
        try:
            return self._read(first.text, ctx)
        except SchemaError as exc:
            log.info("analysis unreadable (%s); one repair try", exc)
            repair = self.book.repair(messages, first.text, str(exc), ctx.language, model)
            second = await self.chat.structured(repair, f"analysis_{ctx.question_id}", schema, max_tokens=cap)
            return self._read(second.text, ctx)

    def _read(self, text: str, ctx: TurnContext) -> BaseModel:
        if self.canary.leaked(text):
            raise SchemaError("the reply carries the system prompt")
        return parse_analysis(text, ctx.question_id)

    async def _reflect(self, ctx: TurnContext, analysis: Analysis, rules: Analysis, deadline: float) -> str:
        text = await self._stream(self.book.reply(ctx, analysis), self.limits.reply, deadline)
        reflection = without_questions(text) if text else ""
        if not reflection:
            self._fell_back("no usable reply")
            return rules.reflection
        return reflection

    async def _stream(self, messages: list[dict[str, str]], cap: int, deadline: float) -> str:
        """Stream a reply to the founder through the canary guard, at most `cap` tokens, until `deadline`
        (event-loop time); empty when it failed, leaked or came too late."""
        guard = StreamGuard(self.canary, token_writer())
        try:
            async with asyncio.timeout_at(deadline):
                await self.chat.stream(messages, guard.feed, max_tokens=cap)
        except TimeoutError:
            log.warning("streamed reply dropped: past the turn deadline (%g s)", self.limits.deadline_s)
            return ""
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
        text = await self._stream(self.book.faq(question, passages, language, canvas), self.limits.faq,
                                  self._deadline())
        if not text:
            self._fell_back("no usable FAQ answer")
            return await self.fallback.answer_question(question, passages, language, canvas)
        by_id = {p.chunk_id: p for p in passages}
        cited = list(dict.fromkeys(m for m in _CITE.findall(text) if m in by_id))
        clean = _CITE.sub("", text).strip()
        return Answer(text=clean, citations=[by_id[c].citation() for c in cited] or [passages[0].citation()])

    async def close(self, canvas: Canvas, passages: list[Passage], answers: dict[str, str], founder: FounderText,
                    language: Language, *, started: float | None = None) -> Closing:
        """The session's end in one model call: the summary and one persona per segment (untraceable fields
        dropped), within what is left of the turn's deadline (`started`: the turn's start, event-loop s; None:
        a deadline of its own). Never raises for a model failure or a late answer: offline summary, personas."""
        try:
            async with asyncio.timeout_at(self._deadline(started)):
                return await model_closing(self.chat, self.book, canvas, passages, answers, founder, language,
                                           cap=self.limits.closing)
        except Exception as exc:  # whatever a server sends, the founder gets a summary and personas
            if not isinstance(exc, TimeoutError | ModelUnavailable | SchemaError | openai.OpenAIError):
                log.exception("unexpected failure on the model path")
            self._fell_back(f"summary and personas drafted offline: {exc!r}")
        offline = offline_personas(canvas, answers, language)
        return Closing(summary=await self.fallback.summarise(canvas, passages, language),
                       personas=traced_personas([], offline, founder))

    async def summarise(self, canvas: Canvas, passages: list[Passage], language: Language) -> str:
        text = await self._stream(self.book.summary(canvas, passages, language), self.limits.summary,
                                  self._deadline())
        if not text or "###" not in text:
            self._fell_back("no usable summary")
            return await self.fallback.summarise(canvas, passages, language)
        title = self.prompts.text(language, "summary.title")
        return f"## {title}\n\n{canvas_markdown(canvas)}\n{text}"


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
    chat = ChatClient(client, settings.model, temperature=settings.temperature, max_retries=settings.max_retries,
                      max_tokens=settings.max_tokens, response_format=settings.response_format,
                      backoff=exponential_backoff(settings.retry_backoff_seconds), sleep=sleep)
    return LLMCoach(chat, prompts, fallback, limits=Limits.from_settings(settings))


def _traced(client: openai.AsyncOpenAI) -> openai.AsyncOpenAI:
    """LangSmith traces every model call when LANGSMITH_TRACING is on (its own env vars do the rest)."""
    try:
        from langsmith.wrappers import wrap_openai
    except ImportError:
        log.warning("LANGSMITH_TRACING is set but langsmith is not installed; tracing is off")
        return client
    return wrap_openai(client)
