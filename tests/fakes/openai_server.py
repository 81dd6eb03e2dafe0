"""A scripted OpenAI-compatible server on loopback, for driving the real `openai` client in tests.

Queue the responses a test expects, in order; each request takes the next one. A request that does
not match what its step expects, or that arrives when the script is used up, is answered with an
error and remembered; `assert_complete()` fails on those and on steps that were never used, so a
workflow cannot drift silently (more calls, fewer calls, a stream where a JSON answer was expected).

    with ScriptedOpenAI() as server:
        server.structured({"findings": [], ...}).stream(["Noted", ": the parents."])
        client = server.client()
        ...
        server.assert_complete()
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

import openai

Check = Callable[[dict[str, Any]], str | None]


@dataclass
class Step:
    kind: str  # reply | stream | status | hang | drop | broken_stream | raw
    content: str = ""
    chunks: list[str] = field(default_factory=list)
    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    usage: tuple[int, int] = (0, 0)
    checks: list[Check] = field(default_factory=list)
    label: str = ""
    pause: float = 0.0  # seconds between streamed chunks (a slow or rambling model)
    delay: float = 0.0  # seconds before a non-streamed reply is sent (a slow model)


def wants_stream(request: dict[str, Any]) -> str | None:
    return None if request.get("stream") else "expected a streamed request"


def wants_no_stream(request: dict[str, Any]) -> str | None:
    return "expected a non-streamed request" if request.get("stream") else None


def wants_format(kind: str | None) -> Check:
    def check(request: dict[str, Any]) -> str | None:
        got = (request.get("response_format") or {}).get("type")
        return None if got == kind else f"expected response_format {kind!r}, got {got!r}"

    return check


def free_port() -> int:
    """A loopback port nothing listens on (for 'connection refused')."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ScriptedOpenAI:
    def __init__(self, model: str = "scripted-model") -> None:
        self.model = model
        self.steps: list[Step] = []
        self.requests: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    # ---------------------------------------------------------------- lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def client(self, *, timeout: float = 2.0) -> openai.AsyncOpenAI:
        """The real `openai` client pointed at this server (no TLS here, so no certificate store to load)."""
        return openai.AsyncOpenAI(base_url=self.url, api_key="test-key", max_retries=0, timeout=timeout,
                                  http_client=openai.DefaultAsyncHttpxClient(verify=False))

    def start(self) -> Self:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- scripting

    def _add(self, step: Step, checks: list[Check], expect: Check | None) -> Self:
        step.checks = checks + ([expect] if expect else [])
        with self._lock:
            self.steps.append(step)
        return self

    def reply(self, content: str, *, usage: tuple[int, int] = (120, 30), fmt: str | None = "any",
              expect: Check | None = None, label: str = "", delay: float = 0.0) -> Self:
        """A plain (non-streamed) chat completion, sent after `delay` seconds. `fmt`: the response_format
        type it must ask for."""
        checks = [wants_no_stream] + ([] if fmt == "any" else [wants_format(fmt)])
        return self._add(Step("reply", content=content, usage=usage, label=label, delay=delay), checks, expect)

    def structured(self, data: Any, *, fmt: str | None = "json_schema", usage: tuple[int, int] = (400, 80),
                   expect: Check | None = None, label: str = "", delay: float = 0.0) -> Self:
        """A structured-output answer: `data` as the JSON content of a non-streamed completion."""
        content = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        return self.reply(content, usage=usage, fmt=fmt, expect=expect, label=label, delay=delay)

    def stream(self, chunks: list[str] | str, *, usage: tuple[int, int] = (200, 20),
               expect: Check | None = None, label: str = "", pause: float = 0.0) -> Self:
        """A streamed completion, one SSE chunk per piece of text, `pause` seconds apart."""
        pieces = chunks.split(" ") if isinstance(chunks, str) else chunks
        if isinstance(chunks, str):
            pieces = [p + (" " if i < len(pieces) - 1 else "") for i, p in enumerate(pieces)]
        step = Step("stream", chunks=pieces, usage=usage, label=label, pause=pause)
        return self._add(step, [wants_stream], expect)

    def error(self, status: int, message: str = "scripted error", *, headers: dict[str, str] | None = None,
              expect: Check | None = None, label: str = "") -> Self:
        body = json.dumps({"error": {"message": message, "type": "server_error", "code": status}})
        step = Step("status", status=status, body=body, headers=headers or {}, label=label)
        return self._add(step, [], expect)

    def raw(self, body: str, *, status: int = 200, content_type: str = "application/json",
            expect: Check | None = None, label: str = "") -> Self:
        """Any body at all, e.g. a truncated JSON document."""
        step = Step("raw", status=status, body=body, headers={"Content-Type": content_type}, label=label)
        return self._add(step, [], expect)

    def hang(self, *, expect: Check | None = None, label: str = "") -> Self:
        """Never answer (until the server stops): the client's timeout fires."""
        return self._add(Step("hang", label=label), [], expect)

    def drop(self, *, expect: Check | None = None, label: str = "") -> Self:
        """Close the connection without a word."""
        return self._add(Step("drop", label=label), [], expect)

    def broken_stream(self, chunks: list[str], *, expect: Check | None = None, label: str = "") -> Self:
        """Start a stream, then cut the connection before it ends."""
        return self._add(Step("broken_stream", chunks=chunks, label=label), [wants_stream], expect)

    # ---------------------------------------------------------------- checking

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self.steps)

    def assert_complete(self) -> None:
        with self._lock:
            problems = list(self.errors)
            problems += [f"scripted step never used: {s.kind} {s.label}".rstrip() for s in self.steps]
        assert not problems, "\n".join(problems)

    def _next(self, request: dict[str, Any]) -> Step | None:
        with self._lock:
            self.requests.append(request)
            if not self.steps:
                count = len(self.requests)
                self.errors.append(f"unscripted request #{count}: stream={request.get('stream')}")
                return None
            step = self.steps.pop(0)
            for check in step.checks:
                problem = check(request)
                if problem:
                    self.errors.append(f"request #{len(self.requests)} ({step.kind} {step.label}): {problem}")
                    return None
            return step

    def completion(self, content: str, usage: tuple[int, int]) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion", "created": 0,
            "model": self.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)},
        }

    def chunk(self, delta: dict[str, Any] | None, finish: str | None = None,
              usage: tuple[int, int] | None = None) -> str:
        data: dict[str, Any] = {"id": f"chatcmpl-{len(self.requests)}", "object": "chat.completion.chunk",
                                "created": 0, "model": self.model, "choices": []}
        if delta is not None:
            data["choices"] = [{"index": 0, "delta": delta, "finish_reason": finish}]
        if usage is not None:
            data["usage"] = {"prompt_tokens": usage[0], "completion_tokens": usage[1],
                             "total_tokens": sum(usage)}
        return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"


def _handler(server: ScriptedOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            return

        def _send(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
            payload = body.encode()
            self.send_response(status)
            for key, value in {"Content-Type": "application/json", **(headers or {})}.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:  # noqa: N802 - the name http.server wants
            if self.path.rstrip("/").endswith("/models"):
                models = {"object": "list", "data": [{"id": server.model, "object": "model"}]}
                self._send(200, json.dumps(models))
            else:
                self._send(404, "{}")

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            try:
                request = json.loads(self.rfile.read(length) or b"{}")
            except json.JSONDecodeError:
                request = {"_unreadable": True}
            request["_path"] = self.path
            step = server._next(request)
            if step is None:
                self._send(400, json.dumps({"error": {"message": "not what the script expected"}}))
                return
            if step.kind == "reply":
                if step.delay and server._stop.wait(step.delay):
                    return
                self._send(200, json.dumps(server.completion(step.content, step.usage), ensure_ascii=False))
            elif step.kind in ("status", "raw"):
                self._send(step.status, step.body, step.headers)
            elif step.kind == "hang":
                server._stop.wait(30)
                self.close_connection = True
            elif step.kind == "drop":
                self.close_connection = True
            else:
                self._stream(step, request)

        def _chunk(self, text: str) -> None:
            data = text.encode()
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _stream(self, step: Step, request: dict[str, Any]) -> None:
            """Server-sent events in chunked encoding, as real servers send them."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            events = [server.chunk({"role": "assistant", "content": ""})]
            events += [server.chunk({"content": piece}) for piece in step.chunks]
            if step.kind == "broken_stream":  # cut before the terminating chunk: an incomplete body
                for event in events:
                    self._chunk(event)
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            events.append(server.chunk({}, finish="stop"))
            if (request.get("stream_options") or {}).get("include_usage"):
                events.append(server.chunk(None, usage=step.usage))
            events.append("data: [DONE]\n\n")
            for event in events:
                if step.pause and server._stop.wait(step.pause):
                    return
                self._chunk(event)
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    return Handler
