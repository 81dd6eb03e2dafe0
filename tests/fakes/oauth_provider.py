"""An OAuth 2 provider on loopback for the room's OAuth sign-in tests (Chainlit's generic provider talks to it):
`/authorize` sends the browser back with a code for whoever the test says is signing in, `/token` trades the
code for an access token, `/userinfo` says whose token it is."""

from __future__ import annotations

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self
from urllib.parse import parse_qs, urlencode, urlsplit


class FakeOAuthProvider:
    def __init__(self) -> None:
        self.signing_in = ""  # the email the next /authorize signs in
        self.codes: dict[str, str] = {}  # code -> email
        self.tokens: dict[str, str] = {}  # access token -> email
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def env(self) -> dict[str, str]:
        """Chainlit's variables for its generic provider pointed here."""
        return {"OAUTH_GENERIC_CLIENT_ID": "coach-client", "OAUTH_GENERIC_CLIENT_SECRET": "coach-secret",
                "OAUTH_GENERIC_AUTH_URL": self.url + "/authorize", "OAUTH_GENERIC_TOKEN_URL": self.url + "/token",
                "OAUTH_GENERIC_USER_INFO_URL": self.url + "/userinfo", "OAUTH_GENERIC_SCOPES": "openid email"}

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler(provider: FakeOAuthProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def _json(self, status: int, body: dict[str, str]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            if parts.path == "/authorize" and query.get("client_id") == "coach-client":
                code = secrets.token_urlsafe(8)
                provider.codes[code] = provider.signing_in
                self.send_response(302)
                back = urlencode({"code": code, "state": query["state"]})
                self.send_header("Location", f"{query['redirect_uri']}?{back}")
                self.end_headers()
            elif parts.path == "/userinfo":
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                if token in provider.tokens:
                    self._json(200, {"email": provider.tokens[token], "sub": token})
                else:
                    self._json(401, {"error": "invalid_token"})
            else:
                self._json(404, {"error": "not_found"})

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            email = provider.codes.pop(form.get("code", ""), None)
            if self.path != "/token" or email is None or form.get("client_secret") != "coach-secret":
                self._json(400, {"error": "invalid_grant"})
                return
            token = secrets.token_urlsafe(12)
            provider.tokens[token] = email
            self._json(200, {"access_token": token, "token_type": "bearer"})

    return Handler
