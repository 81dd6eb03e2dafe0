"""Who asks: the account signed in to the room (Chainlit's session cookie, or a bearer token), its role and
cohort; the page language; whether a form was posted from the room's own pages."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from starlette.requests import Request

from assistant.cohorts.models import CohortError
from assistant.cohorts.stores import cohort_store
from assistant.cohorts.visibility import Viewer, viewer
from assistant.domain import Language
from assistant.settings import Settings
from assistant.ui.texts import browser_language


def signed_in(request: Request) -> str | None:
    """The identifier in a valid session token, else None (no token, expired, or signed with another secret)."""
    from chainlit.auth import get_token_from_cookies
    from chainlit.auth.jwt import decode_jwt

    token = get_token_from_cookies(dict(request.cookies))
    header = request.headers.get("authorization", "")
    if not token and header.lower().startswith("bearer "):
        token = header[7:].strip()
    if not token:
        return None
    try:
        return str(decode_jwt(token).identifier)
    except Exception:  # any bad token is no identity
        return None


async def viewer_of(request: Request, settings: Settings) -> Viewer | None:
    """The signed-in account as a Viewer; None when nobody is signed in. A cohort store that cannot be read
    makes everyone a plain founder (fail closed)."""
    name = signed_in(request)
    if name is None:
        return None
    try:
        member = await asyncio.to_thread(cohort_store(settings).member, name)
    except CohortError:
        member = None
    return viewer(name, member)


def language(request: Request, settings: Settings) -> Language:
    asked = request.query_params.get("lang")
    if asked in ("fr", "en"):
        return asked  # type: ignore[return-value]
    return browser_language(request.headers.get("accept-language"), default=settings.language or "fr")


def same_origin(request: Request) -> bool:
    """A form post from the room's own pages: no Origin header (same-origin navigation in older browsers), or
    an Origin whose host is the Host the request was sent to (a page elsewhere cannot post as the mentor)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")
