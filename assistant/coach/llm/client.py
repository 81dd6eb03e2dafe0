"""Chat calls through the official `openai` client, made robust to the servers founders actually run.

- bounded retries with backoff on timeouts, refused connections, 429 and 5xx (the `openai` client's own
  retries are turned off so the policy, and its sleeps, live here and are injectable);
- structured output: `json_schema` first; a server that rejects it is asked again in JSON mode with the
  schema beside it (`{"type": "json_object", "schema": …}`: llama-cpp-python's server and Anyscale-style
  endpoints turn it into a grammar the model cannot leave), then in plain JSON mode, then in plain text,
  and the first mode that works is remembered;
- every request is metered (`record_usage`) for the founder turn it belongs to.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

import openai

from assistant.coach.base import Usage, record_usage

log = logging.getLogger(__name__)

ResponseFormat = Literal["auto", "json_schema", "json_object_schema", "json_object", "text"]
_MODES: tuple[str, ...] = ("json_schema", "json_object_schema", "json_object", "text")
# How servers say "I do not support this response_format" (llama.cpp answers a json_schema with a 500).
_FORMAT_REJECTED = {400, 404, 415, 422, 500, 501}
_TRANSIENT = {408, 409, 429, 500, 502, 503, 504}

Message = dict[str, str]
# No answer, or a body that is not a completion (HTML, truncated JSON...): worth another try.
_NO_ANSWER = (openai.APIConnectionError, openai.APIResponseValidationError, ValueError, TypeError)


class ModelUnavailable(RuntimeError):
    """The server did not give a usable answer within the retry budget."""


class _Rejected(Exception):
    def __init__(self, error: openai.APIStatusError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class Completion:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


def exponential_backoff(base: float, cap: float = 8.0) -> Callable[[int], float]:
    return lambda attempt: min(cap, base * (2**attempt))


def _retry_after(error: Exception) -> float | None:
    response = getattr(error, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _tokens(usage: Any) -> tuple[int, int]:
    try:
        return int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0)
    except (TypeError, ValueError):
        return 0, 0


def _texts(response: Any, part: str) -> list[str]:
    """The text of the first choice of a completion (`message`) or chunk (`delta`), whatever the server
    put around it; nothing when the body is not what the API describes."""
    choices = getattr(response, "choices", None)
    if not isinstance(choices, list) or not choices:
        return []
    content = getattr(getattr(choices[0], part, None), "content", None)
    return [content] if isinstance(content, str) and content else []


class ChatClient:
    """One model on one server; safe to share between sessions."""

    def __init__(
        self,
        client: openai.AsyncOpenAI,
        model: str,
        *,
        temperature: float = 0.3,
        max_retries: int = 2,
        max_tokens: int | None = None,
        response_format: ResponseFormat = "auto",
        backoff: Callable[[int], float] | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.client = client
        self.model = model
        self.temperature = temperature
        self.max_retries = max(0, max_retries)
        self.max_tokens = max_tokens
        self.fixed_mode = response_format != "auto"
        self.mode: str = "json_schema" if response_format == "auto" else response_format
        self.backoff = backoff or exponential_backoff(0.5)
        self.sleep = sleep
        self.stream_usage = True  # ask for usage in the last stream chunk until a server refuses it
        self.total = Usage()

    # ------------------------------------------------------------ metering

    def _meter(self, prompt_tokens: int = 0, completion_tokens: int = 0) -> None:
        self.total.model_calls += 1
        self.total.prompt_tokens += prompt_tokens
        self.total.completion_tokens += completion_tokens
        record_usage(calls=1, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens)

    def _params(self, messages: list[Message], max_tokens: int | None = None) -> dict[str, Any]:
        """Request parameters; the output cap is the call's own `max_tokens` or the client's, the lower of both."""
        params: dict[str, Any] = {"model": self.model, "messages": messages, "temperature": self.temperature}
        caps = [cap for cap in (max_tokens, self.max_tokens) if cap]
        if caps:
            params["max_tokens"] = min(caps)
        return params

    # ------------------------------------------------------------ retries

    async def _retrying(
        self, attempt_once: Callable[[], Awaitable[Completion]], *, format_call: bool
    ) -> Completion:
        """Run one call with the retry policy. A format call raises `_Rejected` instead of retrying it."""
        last: Exception | None = None
        for attempt in range(self.max_retries + 1):
            try:
                return await attempt_once()
            except openai.APIStatusError as exc:
                if format_call and exc.status_code in _FORMAT_REJECTED and attempt == 0:
                    raise _Rejected(exc) from exc
                if exc.status_code not in _TRANSIENT:
                    raise ModelUnavailable(f"HTTP {exc.status_code}: {exc.message}") from exc
                last = exc
            except _NO_ANSWER as exc:
                last = exc
            if attempt < self.max_retries:
                delay = self.backoff(attempt)
                hinted = _retry_after(last) if last is not None else None
                await self.sleep(max(delay, min(hinted, delay * 4)) if hinted else delay)
        raise ModelUnavailable(f"no answer after {self.max_retries + 1} attempts: {last}") from last

    async def _create(self, params: dict[str, Any]) -> Completion:
        try:
            response = await self.client.chat.completions.create(**params)
        except Exception:
            self._meter()
            raise
        pt, ct = _tokens(getattr(response, "usage", None))
        self._meter(pt, ct)
        return Completion(text="".join(_texts(response, "message")), prompt_tokens=pt, completion_tokens=ct)

    # ------------------------------------------------------------ calls

    async def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion:
        """A plain chat completion."""
        params = self._params(messages, max_tokens)
        return await self._retrying(lambda: self._create(params), format_call=False)

    async def structured(self, messages: list[Message], name: str, schema: dict[str, Any], *,
                         max_tokens: int | None = None) -> Completion:
        """A completion that should be one JSON object of `schema`, in the best mode the server offers, of at
        most `max_tokens` tokens."""
        start = _MODES.index(self.mode)
        modes = [self.mode] if self.fixed_mode else list(_MODES[start:])
        for i, mode in enumerate(modes):
            params = self._params(messages, max_tokens)
            if mode == "json_schema":
                params["response_format"] = {
                    "type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}
            elif mode == "json_object_schema":  # the server builds a grammar from the schema
                params["response_format"] = {"type": "json_object", "schema": schema}
            elif mode == "json_object":
                params["response_format"] = {"type": "json_object"}
            last_mode = i == len(modes) - 1
            try:
                result = await self._retrying(partial(self._create, params), format_call=not last_mode)
            except _Rejected as rejected:
                log.warning("server rejected response_format %s (HTTP %s); trying the next mode",
                            mode, rejected.error.status_code)
                continue
            if mode != self.mode:
                log.warning("structured output: switching to %s for this server", mode)
                self.mode = mode
            return result
        raise ModelUnavailable("the server accepted no structured output mode")

    async def stream(self, messages: list[Message], on_token: Callable[[str], None], *,
                     max_tokens: int | None = None) -> Completion:
        """A streamed completion of at most `max_tokens` tokens: `on_token` gets each piece as it arrives."""

        async def once() -> Completion:
            params = {**self._params(messages, max_tokens), "stream": True}
            if self.stream_usage:
                params["stream_options"] = {"include_usage": True}
            started = False
            pieces: list[str] = []
            pt = ct = 0
            try:
                stream = await self.client.chat.completions.create(**params)
                async for chunk in stream:
                    if getattr(chunk, "usage", None) is not None:
                        pt, ct = _tokens(chunk.usage)
                    for piece in _texts(chunk, "delta"):
                        started = True
                        pieces.append(piece)
                        on_token(piece)
            except openai.BadRequestError:
                self._meter()
                if self.stream_usage and not started:
                    self.stream_usage = False  # an older server that does not know stream_options
                    return await once()
                raise
            except (openai.APIError, ValueError, TypeError) as exc:
                self._meter(pt, ct)
                if started:  # tokens were shown already: do not replay them, give up on this reply
                    raise ModelUnavailable(f"stream broken after it started: {exc}") from exc
                raise
            self._meter(pt, ct)
            return Completion(text="".join(pieces), prompt_tokens=pt, completion_tokens=ct)

        return await self._retrying(once, format_call=False)
