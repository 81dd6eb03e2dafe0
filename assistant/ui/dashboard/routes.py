"""The dashboard's routes on Chainlit's FastAPI app, each checking who asks:

- `GET /dashboard[?cohort=NAME]`: mentors (their cohort) and admins (any, or all) — 401 signed out, 403 a
  founder or a mentor asking for another cohort, 404 an unknown cohort;
- `GET /dashboard/table.csv`, `GET /dashboard/canvases.zip`: the same rows, downloaded;
- `GET /dashboard/threads/{id}`: a read-only canvas and its comments, for whoever may see the thread (its
  founder, a mentor of the founder's cohort, an admin) — 404 for anyone else, as for a thread that does not
  exist, so nobody learns which threads exist;
- `POST /dashboard/threads/{id}/comments`: a mentor or admin comments (shown to the founder in the room).
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute

from assistant.cohorts.models import CohortError, cohort_name
from assistant.cohorts.overview import SessionFacts, analytics, founder_rows
from assistant.cohorts.records import RoomRecords
from assistant.cohorts.sessions import facts, visible_facts
from assistant.cohorts.stores import cohort_store
from assistant.cohorts.visibility import Viewer, cohorts_for, may_see
from assistant.ui.dashboard import charts, pages
from assistant.ui.dashboard.exports import canvases_zip, table_csv
from assistant.ui.dashboard.identity import language, same_origin, viewer_of
from assistant.ui.dashboard.texts import mistake_title, t, type_name
from assistant.ui.room import Room

NO_STORE = {"Cache-Control": "no-store"}


class Refused(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


class Dashboard:
    def __init__(self, room: Room, root: str) -> None:
        self.room, self.root, self.settings = room, root, room.settings

    async def _viewer(self, request: Request, *, dashboard: bool) -> Viewer:
        who = await viewer_of(request, self.settings)
        if who is None:
            raise Refused(401)
        if dashboard and not who.may_use_dashboard:
            raise Refused(403)
        return who

    async def _scope(self, request: Request, who: Viewer) -> tuple[list[str], str | None]:
        """(cohorts this viewer may pick, the chosen one: None for all of an admin's)."""
        store = cohort_store(self.settings)
        names = [c.name for c in await asyncio.to_thread(store.cohorts)]
        allowed = cohorts_for(who, names)
        asked = request.query_params.get("cohort") or ""
        if not asked:
            return allowed, (allowed[0] if who.role == "mentor" and allowed else None)
        try:
            key = cohort_name(asked)
        except CohortError as exc:
            raise Refused(404) from exc
        if key not in names:
            raise Refused(404)
        if key not in allowed:
            raise Refused(403)
        return allowed, key

    async def _facts(self, who: Viewer, cohort: str | None) -> list[SessionFacts]:
        if who.role == "mentor" and cohort is None:
            return []  # a mentor whose cohort is gone sees nothing
        session = await self.room.session()
        return await visible_facts(session, RoomRecords(self.settings), cohort_store(self.settings), who, cohort)

    async def page(self, request: Request) -> Response:
        who = await self._viewer(request, dashboard=True)
        lang = language(request, self.settings)
        allowed, cohort = await self._scope(request, who)
        found = await self._facts(who, cohort)
        figures = analytics(found)
        drawn = await asyncio.to_thread(_charts, figures, lang)
        chosen = await asyncio.to_thread(cohort_store(self.settings).get, cohort) if cohort else None
        html = pages.dashboard(lang, self.root, allowed, cohort, founder_rows(found), figures, drawn,
                               chosen.token_cap if chosen else None)
        return HTMLResponse(html, headers=NO_STORE)

    async def table(self, request: Request) -> Response:
        who = await self._viewer(request, dashboard=True)
        _, cohort = await self._scope(request, who)
        body = table_csv(founder_rows(await self._facts(who, cohort)))
        name = f"{cohort or 'all'}-founders.csv"
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'})

    async def archive(self, request: Request) -> Response:
        who = await self._viewer(request, dashboard=True)
        _, cohort = await self._scope(request, who)
        body = await asyncio.to_thread(canvases_zip, await self._facts(who, cohort), language(request, self.settings))
        name = f"{cohort or 'all'}-canvases.zip"
        return Response(body, media_type="application/zip",
                        headers={**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'})

    async def _thread(self, who: Viewer, thread_id: str) -> SessionFacts:
        records, store = RoomRecords(self.settings), cohort_store(self.settings)
        record = await asyncio.to_thread(records.thread, thread_id)
        if record is None:
            raise Refused(404)
        owner = await asyncio.to_thread(store.member, record.owner)
        if not may_see(who, record.owner, owner):
            raise Refused(404)
        found = await facts(await self.room.session(), [(record, owner.cohort if owner else None)], timeline=False)
        if not found:
            raise Refused(404)
        return found[0]

    async def thread(self, request: Request) -> Response:
        who = await self._viewer(request, dashboard=False)
        fact = await self._thread(who, request.path_params["thread_id"])
        comments = await asyncio.to_thread(RoomRecords(self.settings).comments, fact.thread_id)
        html = pages.canvas(language(request, self.settings), self.root, fact, comments,
                            can_comment=who.may_use_dashboard, sent=request.query_params.get("sent") == "1")
        return HTMLResponse(html, headers=NO_STORE)

    async def comment(self, request: Request) -> Response:
        who = await self._viewer(request, dashboard=True)
        if not same_origin(request):
            raise Refused(403)
        fact = await self._thread(who, request.path_params["thread_id"])
        form = await request.form()
        body = form.get("body")
        try:
            await asyncio.to_thread(RoomRecords(self.settings).add_comment, fact.thread_id, who.username,
                                    body if isinstance(body, str) else "")
        except CohortError as exc:
            return HTMLResponse(pages.layout("en", "400", f"<p>{exc}</p>"), status_code=400)
        lang = language(request, self.settings)
        target = f"{self.root}/dashboard/threads/{fact.thread_id}?sent=1&lang={lang}"
        return RedirectResponse(target, status_code=303)


def _charts(figures: Any, lang: str) -> dict[str, str]:
    drawn = {"mistakes": "", "types": "", "evidence": "", "progress": ""}
    if figures.mistakes:
        drawn["mistakes"] = charts.bars([(mistake_title(lang, k), v) for k, v in figures.mistakes],
                                        t(lang, "chart.mistakes"))
    if figures.segment_types:
        drawn["types"] = charts.bars([(type_name(lang, k), v) for k, v in figures.segment_types],
                                     t(lang, "chart.types"))
    if figures.segments:
        drawn["evidence"] = charts.share(figures.with_evidence, figures.segments,
                                         (t(lang, "evidence.with"), t(lang, "evidence.without")),
                                         t(lang, "chart.evidence"))
    if figures.progress:
        drawn["progress"] = charts.progress_line(figures.progress, t(lang, "chart.progress"))
    return drawn


def _guarded(board: Dashboard, handler: Any) -> Any:
    async def run(request: Request) -> Response:
        try:
            return await handler(request)  # type: ignore[no-any-return]
        except Refused as refused:
            status = refused.status
        except CohortError:
            status = 503
        lang = language(request, board.settings)
        login = f' <a href="{board.root}/login">{t(lang, "login")}</a>' if status == 401 else ""
        body = f'<p role="alert">{t(lang, f"refused.{status}")}{login}</p>'
        return HTMLResponse(pages.layout(lang, str(status), body), status_code=status, headers=NO_STORE)

    return run


def install(room: Room, root_path: str = "") -> None:
    """Serve the dashboard from Chainlit's FastAPI app, ahead of its catch-all page route."""
    from chainlit.server import app

    board = Dashboard(room, root_path)
    routes = [("/dashboard", board.page, "GET"), ("/dashboard/table.csv", board.table, "GET"),
              ("/dashboard/canvases.zip", board.archive, "GET"),
              ("/dashboard/threads/{thread_id}", board.thread, "GET"),
              ("/dashboard/threads/{thread_id}/comments", board.comment, "POST")]
    for path, handler, method in reversed(routes):
        app.router.routes.insert(0, APIRoute(root_path + path, _guarded(board, handler), methods=[method],
                                             include_in_schema=False))
