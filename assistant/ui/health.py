"""`GET /healthz` for operators and load balancers: is this app process able to serve a founder?

Three checks, each with a time limit: the database (PostgreSQL answers `SELECT 1`, or the SQLite files open),
the knowledge index (the Chroma server answers its heartbeat, or the embedded store opens), the model (the
OpenAI-compatible server lists its models; the offline coach needs none). 200 when all pass, else 503;
the body is JSON:

    {"status": "ok" | "fail", "checks": {"database": {"ok": true, "detail": "..."}, "chroma": ..., "model": ...}}

Details name what was checked and why it failed, never a secret (no URL password, no key).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Awaitable, Callable
from typing import Any

from assistant.db.urls import history_path
from assistant.settings import Settings
from assistant.storage import CHECKPOINTS_FILE, is_postgres, psycopg_url

TIMEOUT_SECONDS = 5.0
PATH = "/healthz"


async def check_database(settings: Settings) -> str:
    if is_postgres(settings.database_url):
        import psycopg

        async with await psycopg.AsyncConnection.connect(psycopg_url(str(settings.database_url)),
                                                         connect_timeout=int(TIMEOUT_SECONDS)) as conn:
            await conn.execute("SELECT 1")
        return "postgresql answers"

    def sqlite_files() -> str:
        for path in (settings.data_dir / CHECKPOINTS_FILE, history_path(settings)):
            if path.exists():
                with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=TIMEOUT_SECONDS) as db:
                    db.execute("SELECT 1").fetchone()
        return f"sqlite under {settings.data_dir}"

    return await asyncio.to_thread(sqlite_files)


async def check_chroma(settings: Settings) -> str:
    from assistant.retrieval.index import open_client  # chromadb: imported when a check runs

    def heartbeat() -> str:
        open_client(settings.data_dir, chroma_url=settings.chroma_url).heartbeat()
        return "chroma server answers" if settings.chroma_url else "embedded chroma store opens"

    return await asyncio.to_thread(heartbeat)


async def check_model(settings: Settings) -> str:
    if settings.resolved_provider == "offline":
        return "offline coach (no model)"
    from openai import AsyncOpenAI

    client = AsyncOpenAI(api_key=settings.openai_api_key or "unused", base_url=settings.openai_base_url,
                         timeout=TIMEOUT_SECONDS, max_retries=0)
    async with client:
        await client.models.list()
    return f"model server answers ({settings.model})"


CHECKS: dict[str, Callable[[Settings], Awaitable[str]]] = {
    "database": check_database, "chroma": check_chroma, "model": check_model,
}


async def _run(name: str, check: Callable[[Settings], Awaitable[str]], settings: Settings) -> dict[str, Any]:
    started = time.monotonic()
    try:
        detail = await asyncio.wait_for(check(settings), TIMEOUT_SECONDS + 1)
        ok = True
    except Exception as exc:  # any failure is the answer, not a crash of the endpoint
        ok, detail = False, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no detail'}"[:300]
    return {"ok": ok, "detail": detail, "ms": round((time.monotonic() - started) * 1000, 1)}


async def health(settings: Settings) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON body): 200 when every check passes, else 503. Never raises."""
    results = await asyncio.gather(*(_run(name, check, settings) for name, check in CHECKS.items()))
    checks = dict(zip(CHECKS, results, strict=True))
    ok = all(r["ok"] for r in results)
    return (200 if ok else 503), {"status": "ok" if ok else "fail", "checks": checks}


def install(settings: Settings, root_path: str = "") -> None:
    """Serve `GET {root_path}/healthz` from Chainlit's FastAPI app, ahead of its catch-all page route."""
    from chainlit.server import app
    from fastapi.responses import JSONResponse
    from fastapi.routing import APIRoute

    async def healthz() -> JSONResponse:
        status, body = await health(settings)
        return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})

    app.router.routes.insert(0, APIRoute(root_path + PATH, healthz, methods=["GET"], include_in_schema=False))
