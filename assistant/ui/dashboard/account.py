"""A founder's own data: `GET /account` (what they can do), `GET /account/export.zip` (every session of theirs:
canvas in Markdown and JSON, every message they wrote, mentors' comments), `POST /account/delete` (with their
password: the account and every session deleted, nothing kept; assistant/cohorts/erase.py)."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import Mapping

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute

from assistant.cohorts.erase import erase_account
from assistant.cohorts.records import RoomRecords, ThreadRecord
from assistant.cohorts.sessions import facts
from assistant.cohorts.stores import cohort_store
from assistant.ui.accounts import user_store
from assistant.ui.canvas_view import export_props
from assistant.ui.catalogue import BySection
from assistant.ui.dashboard.identity import language, same_origin, signed_in
from assistant.ui.dashboard.pages import layout
from assistant.ui.room import Room

# By language: prompts/<lang>/ui.yaml, section `account`.
TEXTS: Mapping[str, dict[str, str]] = BySection(lambda c: c.account)


def _page(lang: str, root: str, error: str = "") -> str:
    w = TEXTS[lang]
    alert = f'<p role="alert" id="error">{w[error]}</p>' if error else ""
    body = (f'<h1>{w["title"]}</h1><p><a id="export" href="{root}/account/export.zip">{w["export"]}</a></p>'
            f'<h2>{w["delete"]}</h2>{alert}<form method="post" action="{root}/account/delete?lang={lang}">'
            f'<p><label>{w["password"]}<br><input type="password" name="password" required></label></p>'
            f'<p><label><input type="checkbox" name="confirm" required> {w["confirm"]}</label></p>'
            f'<p><button type="submit">{w["submit"]}</button></p></form>')
    return layout(lang, w["title"], body)


def install(room: Room, root_path: str = "") -> None:
    from chainlit.auth import clear_auth_cookie
    from chainlit.server import app

    settings = room.settings

    async def overview(request: Request) -> Response:
        if signed_in(request) is None:
            return Response(status_code=401)
        return HTMLResponse(_page(language(request, settings), root_path))

    async def export(request: Request) -> Response:
        name = signed_in(request)
        if name is None:
            return Response(status_code=401)
        records, session = RoomRecords(settings), await room.session()
        mine = await asyncio.to_thread(records.threads, [name])
        threads: list[tuple[ThreadRecord, str | None]] = [(t, None) for t in mine]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            for fact in await facts(session, threads, timeline=False):
                for file in export_props(fact.canvas, language(request, settings))["files"]:
                    archive.writestr(f"{fact.thread_id}/canvas.{file['format']}", file["content"])
                messages = await session.founder_messages(fact.thread_id)
                archive.writestr(f"{fact.thread_id}/messages.json", json.dumps(messages, ensure_ascii=False, indent=2))
                comments = await asyncio.to_thread(records.comments, fact.thread_id)
                archive.writestr(f"{fact.thread_id}/comments.json", json.dumps(
                    [{"author": c.author, "body": c.body, "created": c.created} for c in comments],
                    ensure_ascii=False, indent=2))
        return Response(buf.getvalue(), media_type="application/zip", headers={
            "Cache-Control": "no-store", "Content-Disposition": 'attachment; filename="my-data.zip"'})

    async def delete(request: Request) -> Response:
        name = signed_in(request)
        if name is None:
            return Response(status_code=401)
        if not same_origin(request):
            return Response(status_code=403)
        lang = language(request, settings)
        form = await request.form()
        password = form.get("password")
        accounts = user_store(settings)
        if not isinstance(password, str) or form.get("confirm") is None or \
                await asyncio.to_thread(accounts.authenticate, name, password) != name:
            return HTMLResponse(_page(lang, root_path, "wrong"), status_code=403)
        await erase_account(await room.session(), RoomRecords(settings), cohort_store(settings), accounts.remove,
                            name)
        response = HTMLResponse(layout(lang, TEXTS[lang]["title"], f'<p role="status">{TEXTS[lang]["deleted"]}</p>'))
        clear_auth_cookie(request, response)
        return response

    for path, handler, method in (("/account/delete", delete, "POST"), ("/account/export.zip", export, "GET"),
                                  ("/account", overview, "GET")):
        app.router.routes.insert(0, APIRoute(root_path + path, handler, methods=[method], include_in_schema=False))
