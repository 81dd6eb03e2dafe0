"""The room deployed behind a proxy, with a model server: header sign-in, explicit origins, streamed replies.

The room runs the LLM coach against a scripted OpenAI-compatible server on loopback (tests/fakes), so the
reply the founder sees is streamed token by token through the graph's custom stream into Chainlit.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Room, start_room
from tests.e2e.test_ui_browser import LABELS, Founder
from tests.fakes.openai_server import ScriptedOpenAI

pytestmark = pytest.mark.e2e

PROXY_SECRET = "proxy-shared-secret"
STREAMED = ["There are ", "five types ", "of customer segments: ", "mass market, niche market, ",
            "segmented, diversified ", "and multi-sided platforms."]


@pytest.fixture(scope="module")
def model_server() -> Iterator[ScriptedOpenAI]:
    with ScriptedOpenAI() as server:
        yield server


@pytest.fixture(scope="module")
def proxied_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, output_dir: Path,
                 model_server: ScriptedOpenAI) -> Iterator[Room]:
    extra = {
        "COACH_AUTH_HEADER": "X-Forwarded-User",
        "COACH_PROXY_SECRET": PROXY_SECRET,
        "COACH_PROVIDER": "openai",
        "OPENAI_BASE_URL": model_server.url,
        "OPENAI_API_KEY": "test-key",
        "COACH_MAX_RETRIES": "0",
        "COACH_TIMEOUT": "20",
    }
    with start_room(request, tmp_path_factory, output_dir, "proxied-room", extra, {}) as started:
        yield started


def _call(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, Message, str]:
    data = b"{}" if method == "POST" else None
    req = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, resp.headers, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode()


def test_header_auth_requires_the_proxy_secret(proxied_room: Room) -> None:
    url = proxied_room.url
    config = json.loads(_call(url + "/auth/config")[2])
    assert config["requireLogin"] and config["headerAuth"]

    assert _call(url + "/auth/header", "POST")[0] == 401
    assert _call(url + "/auth/header", "POST", {"X-Forwarded-User": "carol"})[0] == 401
    wrong = {"X-Forwarded-User": "carol", "X-Coach-Proxy-Secret": "guess"}
    assert _call(url + "/auth/header", "POST", wrong)[0] == 401

    signed = {"X-Forwarded-User": "Carol", "X-Coach-Proxy-Secret": PROXY_SECRET}
    status, headers, _ = _call(url + "/auth/header", "POST", signed)
    assert status == 200
    cookie = "; ".join(c.split(";")[0] for c in headers.get_all("set-cookie") or [])
    assert cookie
    status, _, body = _call(url + "/user", headers={"Cookie": cookie})
    assert status == 200 and json.loads(body)["identifier"] == "carol"


def test_allowed_origins_are_explicit(proxied_room: Room) -> None:
    url = proxied_room.url
    port = url.rsplit(":", 1)[1]
    evil = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    _, headers, _ = _call(url + "/auth/config", "OPTIONS", evil)
    assert headers.get("access-control-allow-origin") in (None, "")
    local = {"Origin": f"http://127.0.0.1:{port}", "Access-Control-Request-Method": "GET"}
    status, headers, _ = _call(url + "/auth/config", "OPTIONS", local)
    assert status == 200 and headers.get("access-control-allow-origin") == f"http://127.0.0.1:{port}"


def test_proxy_signed_founder_gets_a_streamed_answer(proxied_room: Room, model_server: ScriptedOpenAI,
                                                    browser: Any) -> None:
    model_server.stream(STREAMED, label="answer about segment types")
    proxy_headers = {"X-Forwarded-User": "dave", "X-Coach-Proxy-Secret": PROXY_SECRET}
    context = browser.new_context(locale="en-US", viewport={"width": 1440, "height": 1000},
                                  extra_http_headers=proxy_headers)
    page = context.new_page()
    dave = Founder(page, "en", proxied_room)
    page.goto(proxied_room.url + "/")  # the sign-in page signs in through the proxy's headers
    page.wait_for_selector("#starters", timeout=30_000)
    text = dave.starter(LABELS["en"]["types"])
    assert "".join(STREAMED) in text
    sources = page.locator('[data-testid="message-sources"]')
    sources.first.wait_for(timeout=10_000)
    model_server.assert_complete()
    assert model_server.requests[-1].get("stream") is True
    context.close()
