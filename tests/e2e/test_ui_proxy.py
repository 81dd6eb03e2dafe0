"""Header authentication behind a reverse proxy, against the real room (HTTP only, no browser)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from tests.e2e.conftest import Room, start_room

pytestmark = pytest.mark.e2e

PROXY_SECRET = "proxy-shared-secret"


@pytest.fixture(scope="module")
def proxied_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                 output_dir: Path) -> Iterator[Room]:
    extra = {"COACH_AUTH_HEADER": "X-Forwarded-User", "COACH_PROXY_SECRET": PROXY_SECRET}
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
    status, headers, _ = _call(url + "/auth/config", "OPTIONS", evil)
    assert headers.get("access-control-allow-origin") != "*"
    assert "evil.example" not in str(headers.get("access-control-allow-origin"))
    local = {"Origin": f"http://127.0.0.1:{port}", "Access-Control-Request-Method": "GET"}
    status, headers, _ = _call(url + "/auth/config", "OPTIONS", local)
    assert status == 200 and headers.get("access-control-allow-origin") == f"http://127.0.0.1:{port}"
