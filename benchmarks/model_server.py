"""A loopback OpenAI-compatible server that answers every call after a fixed delay, for the load benchmark.

Structured calls get the smallest valid instance of the JSON schema they send (empty lists and strings,
`usable: true`); streamed calls get a short reply, token by token. Usage is reported with tokens
counted as words and punctuation (an approximation of a real tokenizer). It runs in its own process
(`python -m benchmarks.model_server --port P --delay 0.3`) so that it never competes with the coach's
event loop.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Any

REPLY = "Noted: the founders you describe, and what costs them time today, are clear enough to go on."
_TOKEN = re.compile(r"\w+|[^\w\s]")


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def count_tokens(text: str) -> int:
    return len(_TOKEN.findall(text))


def instance(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> Any:
    """The smallest value that satisfies `schema` (strict OpenAI form: objects list their keys)."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return instance(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in schema:
        kinds = [s.get("type") for s in schema["anyOf"]]
        return None if "null" in kinds else instance(schema["anyOf"][0], defs)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {key: instance(sub, defs) for key, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return []
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return 3
    if kind == "null":
        return None
    return ""


def _usage(prompt: str, completion: str) -> dict[str, int]:
    pt, ct = count_tokens(prompt), count_tokens(completion)
    return {"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct}


def build_app(delay: float) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    async def completions(request: Request) -> Response:
        body = await request.json()
        prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
        await asyncio.sleep(delay)
        fmt = body.get("response_format") or {}
        base = {"id": "bench", "created": int(time.time()), "model": body.get("model", "bench")}
        if not body.get("stream"):
            if fmt.get("type") == "json_schema":
                content = json.dumps(instance(fmt["json_schema"]["schema"]))
            elif fmt.get("type") == "json_object":
                content = json.dumps({"findings": [], "follow_up": "", "usable": True, "updates": []})
            else:
                content = REPLY
            return JSONResponse({**base, "object": "chat.completion", "usage": _usage(prompt, content),
                                 "choices": [{"index": 0, "finish_reason": "stop",
                                              "message": {"role": "assistant", "content": content}}]})
        text = ("### " + REPLY) if "###" in prompt else REPLY
        pieces = [p + " " for p in text.split(" ")]
        usage = (body.get("stream_options") or {}).get("include_usage")

        async def events() -> Any:
            for piece in pieces:
                chunk = {**base, "object": "chat.completion.chunk",
                         "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                yield f"data: {json.dumps(chunk)}\n\n"
            end = {**base, "object": "chat.completion.chunk",
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            yield f"data: {json.dumps(end)}\n\n"
            if usage:
                tail = {**base, "object": "chat.completion.chunk", "choices": [], "usage": _usage(prompt, text)}
                yield f"data: {json.dumps(tail)}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    async def health(_: Request) -> Response:
        return JSONResponse({"ok": True})

    return Starlette(routes=[Route("/v1/chat/completions", completions, methods=["POST"]),
                             Route("/health", health)])


class DelayServer:
    """The server in a child process, as a context manager: `url` is its OpenAI base URL."""

    def __init__(self, delay: float, port: int) -> None:
        self.delay, self.port = delay, port
        self.url = f"http://127.0.0.1:{port}/v1"
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> DelayServer:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.model_server", "--port", str(self.port), "--delay", str(self.delay)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=1).close()
                return self
            except OSError:
                if self._proc.poll() is not None:
                    break
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"the benchmark model server did not start on port {self.port}")

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.3, help="seconds before every answer")
    args = parser.parse_args()
    uvicorn.run(build_app(args.delay), host="127.0.0.1", port=args.port, log_level="warning",
                backlog=4096, limit_concurrency=None)


if __name__ == "__main__":
    main()
