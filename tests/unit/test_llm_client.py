"""ChatClient over real HTTP (loopback): retries, backoff, structured-output modes, streaming, metering."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import openai
import pytest

from assistant.coach.base import metering
from assistant.coach.llm.client import ChatClient, ModelUnavailable, exponential_backoff
from tests.fakes.openai_server import ScriptedOpenAI, free_port

MESSAGES = [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]
SCHEMA = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"],
          "additionalProperties": False}


@pytest.fixture
def server() -> Iterator[ScriptedOpenAI]:
    with ScriptedOpenAI() as fake:
        yield fake


_OPEN: list[openai.AsyncOpenAI] = []


@pytest.fixture(autouse=True)
async def _close_clients() -> AsyncIterator[None]:
    yield
    while _OPEN:
        await _OPEN.pop().close()


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def make(url: str, sleeps: Sleeps, timeout: float = 5.0, **kw: object) -> ChatClient:
    client = openai.AsyncOpenAI(base_url=url, api_key="test", max_retries=0, timeout=timeout,
                                http_client=openai.DefaultAsyncHttpxClient(verify=False))
    _OPEN.append(client)
    return ChatClient(client, "m", backoff=exponential_backoff(0.01), sleep=sleeps, **kw)  # type: ignore[arg-type]


async def test_json_schema_first_and_usage_is_metered(server: ScriptedOpenAI) -> None:
    server.structured({"a": 1}, usage=(100, 7))
    chat = make(server.url, Sleeps())
    with metering() as used:
        result = await chat.structured(MESSAGES, "x", SCHEMA)
    assert result.text == '{"a": 1}'
    assert (used.model_calls, used.prompt_tokens, used.completion_tokens) == (1, 100, 7)
    sent = server.requests[0]["response_format"]
    assert sent["type"] == "json_schema" and sent["json_schema"]["strict"] is True
    server.assert_complete()


async def test_a_server_without_json_schema_gets_json_mode_with_the_schema_remembered(server: ScriptedOpenAI) -> None:
    """llama-cpp-python's server answers json_schema with a 500 and turns {"type": "json_object", "schema": …}
    into a grammar: the schema travels in JSON mode, and the mode is remembered."""
    server.error(500, "response_format json_schema is not supported", expect=None)
    server.structured({"a": 1}, fmt="json_object").structured({"a": 2}, fmt="json_object")
    chat = make(server.url, Sleeps())
    assert (await chat.structured(MESSAGES, "x", SCHEMA)).text == '{"a": 1}'
    assert chat.mode == "json_object_schema"
    assert (await chat.structured(MESSAGES, "x", SCHEMA)).text == '{"a": 2}'
    assert [r["response_format"].get("schema") for r in server.requests[1:]] == [SCHEMA, SCHEMA]
    server.assert_complete()


async def test_a_server_that_refuses_a_schema_in_json_mode_gets_plain_json_mode(server: ScriptedOpenAI) -> None:
    server.error(500, "response_format json_schema is not supported", expect=None)
    server.error(400, "unknown field: schema", expect=None)
    server.structured({"a": 1}, fmt="json_object")
    chat = make(server.url, Sleeps())
    assert (await chat.structured(MESSAGES, "x", SCHEMA)).text == '{"a": 1}'
    assert chat.mode == "json_object" and "schema" not in server.requests[-1]["response_format"]
    server.assert_complete()


async def test_a_server_with_no_json_mode_at_all_is_asked_in_plain_text(server: ScriptedOpenAI) -> None:
    server.error(400, "unknown response_format").error(400, "unknown response_format")
    server.error(400, "unknown response_format")
    server.structured('```json\n{"a": 1}\n```', fmt=None)
    chat = make(server.url, Sleeps())
    assert "{" in (await chat.structured(MESSAGES, "x", SCHEMA)).text
    assert chat.mode == "text"
    server.assert_complete()


async def test_a_mode_is_not_given_up_for_an_error_that_no_mode_fixes(server: ScriptedOpenAI) -> None:
    for _ in range(4):  # once per structured-output mode: json_schema, JSON mode with schema, JSON mode, text
        server.error(400, "context length exceeded")
    chat = make(server.url, Sleeps())
    with pytest.raises(ModelUnavailable):
        await chat.structured(MESSAGES, "x", SCHEMA)
    assert chat.mode == "json_schema"
    server.assert_complete()


async def test_429_and_5xx_are_retried_with_backoff(server: ScriptedOpenAI) -> None:
    server.error(429, headers={"retry-after": "0.02"}).error(503).reply("ok")
    sleeps = Sleeps()
    chat = make(server.url, sleeps, max_retries=2)
    with metering() as used:
        assert (await chat.complete(MESSAGES)).text == "ok"
    assert sleeps.delays == [0.02, 0.02]  # retry-after honoured (bounded), then 0.01 * 2
    assert used.model_calls == 3
    server.assert_complete()


async def test_retries_are_bounded(server: ScriptedOpenAI) -> None:
    server.error(502).error(502)
    sleeps = Sleeps()
    chat = make(server.url, sleeps, max_retries=1)
    with pytest.raises(ModelUnavailable):
        await chat.complete(MESSAGES)
    assert sleeps.delays == [0.01]
    server.assert_complete()


async def test_timeouts_and_dropped_connections_are_retried(server: ScriptedOpenAI) -> None:
    server.hang().drop().reply("late but here")
    chat = make(server.url, Sleeps(), timeout=0.5, max_retries=2)
    assert (await chat.complete(MESSAGES)).text == "late but here"
    server.assert_complete()


async def test_a_refused_connection_ends_as_model_unavailable() -> None:
    sleeps = Sleeps()
    chat = make(f"http://127.0.0.1:{free_port()}/v1", sleeps, max_retries=2)
    with metering() as used, pytest.raises(ModelUnavailable):
        await chat.complete(MESSAGES)
    assert len(sleeps.delays) == 2 and used.model_calls == 3


async def test_an_auth_error_is_not_retried(server: ScriptedOpenAI) -> None:
    server.error(401, "bad key")
    chat = make(server.url, Sleeps(), max_retries=3)
    with pytest.raises(ModelUnavailable):
        await chat.complete(MESSAGES)
    server.assert_complete()


async def test_stream_passes_each_token_and_counts_usage(server: ScriptedOpenAI) -> None:
    server.stream(["Bon", "jour", " !"], usage=(50, 3))
    tokens: list[str] = []
    chat = make(server.url, Sleeps())
    with metering() as used:
        result = await chat.stream(MESSAGES, tokens.append)
    assert tokens == ["Bon", "jour", " !"] and result.text == "Bonjour !"
    assert (used.model_calls, used.prompt_tokens, used.completion_tokens) == (1, 50, 3)
    assert server.requests[0]["stream_options"] == {"include_usage": True}
    server.assert_complete()


async def test_a_stream_cut_after_it_started_is_not_replayed(server: ScriptedOpenAI) -> None:
    server.broken_stream(["Half ", "a reply"])
    tokens: list[str] = []
    chat = make(server.url, Sleeps(), max_retries=2)
    with pytest.raises(ModelUnavailable):
        await chat.stream(MESSAGES, tokens.append)
    assert tokens == ["Half ", "a reply"]
    server.assert_complete()


async def test_a_server_that_refuses_stream_options_is_asked_without(server: ScriptedOpenAI) -> None:
    server.error(400, "unknown field stream_options").stream("plain stream")
    chat = make(server.url, Sleeps())
    assert (await chat.stream(MESSAGES, lambda _t: None)).text == "plain stream"
    assert "stream_options" not in server.requests[1] and chat.stream_usage is False
    server.assert_complete()


async def test_bodies_that_are_not_completions_never_escape_as_crashes(server: ScriptedOpenAI) -> None:
    server.raw('{"id": "chatcmpl-1", "choi').reply("after a truncated body")
    server.raw('{"choices": 5}')
    server.raw("data: nonsense\n\n", content_type="text/event-stream").stream("after a garbled stream")
    chat = make(server.url, Sleeps(), max_retries=1)
    assert (await chat.complete(MESSAGES)).text == "after a truncated body"
    assert (await chat.complete(MESSAGES)).text == ""  # an empty answer: the caller repairs or falls back
    assert (await chat.stream(MESSAGES, lambda _t: None)).text == "after a garbled stream"
    server.assert_complete()
