"""`GET|POST /signup`: a founder (or mentor) creates their account with an invite code, then signs in on the
room's usual page. Refusals are said in the page's language; the code stays usable after a refusal."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from html import escape

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute

from assistant.cohorts.signup import SignUpRefused, sign_up
from assistant.cohorts.stores import cohort_store
from assistant.settings import Settings
from assistant.ui.accounts import user_store
from assistant.ui.auth import MIN_PASSWORD, normalize_username
from assistant.ui.catalogue import BySection
from assistant.ui.dashboard.identity import language, same_origin
from assistant.ui.dashboard.pages import layout

# By language: prompts/<lang>/ui.yaml, section `signup`.
TEXTS: Mapping[str, dict[str, str]] = BySection(lambda c: c.signup)


def _page(lang: str, root: str, *, code: str = "", email: str = "", error: str = "", done: bool = False) -> str:
    words = TEXTS[lang]
    if done:
        body = f'<h1>{words["title"]}</h1><p role="status">{words["done"]}</p><p><a href="{escape(root)}/login">' \
               f'{words["login"]}</a></p>'
        return layout(lang, words["title"], body)
    alert = f'<p role="alert" id="error">{words[error]}</p>' if error else ""
    body = (f'<h1>{words["title"]}</h1>{alert}<form method="post" action="{escape(root)}/signup?lang={lang}">'
            f'<p><label>{words["code"]}<br><input name="code" required value="{escape(code)}"></label></p>'
            f'<p><label>{words["email"]}<br><input name="email" type="email" required value="{escape(email)}">'
            f'</label></p><p><label>{words["password"]}<br><input name="password" type="password" required '
            f'minlength="{MIN_PASSWORD}"></label></p><p><button type="submit">{words["submit"]}</button></p></form>')
    return layout(lang, words["title"], body)


def install(settings: Settings, root_path: str = "") -> None:
    from chainlit.server import app

    async def form(request: Request) -> Response:
        lang = language(request, settings)
        return HTMLResponse(_page(lang, root_path, code=request.query_params.get("code", "")[:40]))

    async def submit(request: Request) -> Response:
        lang = language(request, settings)
        if not same_origin(request):
            return Response(status_code=403)
        data = await request.form()
        code, email, password = (str(data.get(k) or "") for k in ("code", "email", "password"))
        try:
            await asyncio.to_thread(sign_up, user_store(settings), cohort_store(settings), normalize_username,
                                    code=code, username=email, password=password, min_password=MIN_PASSWORD)
        except SignUpRefused as refused:
            status = 409 if refused.key in ("code_unknown", "account_exists") else 400
            return HTMLResponse(_page(lang, root_path, code=code[:40], email=email[:120], error=refused.key),
                                status_code=status)
        return HTMLResponse(_page(lang, root_path, done=True), status_code=201)

    for method, handler in (("POST", submit), ("GET", form)):
        app.router.routes.insert(0, APIRoute(root_path + "/signup", handler, methods=[method],
                                             include_in_schema=False))
