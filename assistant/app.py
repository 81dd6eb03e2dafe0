"""Composition root: settings → retriever, coach, checkpointer → compiled graph → CoachSession."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from assistant.coach.base import Coach
from assistant.coach.offline import OfflineCoach
from assistant.examples import Examples
from assistant.graph import Context, Retriever, build_graph
from assistant.logs import configure_logging
from assistant.prompts import PROMPTS_DIR, Prompts
from assistant.retrieval.passage import Passage
from assistant.session import CoachSession
from assistant.settings import Settings
from assistant.storage import open_storage
from assistant.text.vectors import embed_queries


class NoRetriever:
    """For commands that only read sessions (export): retrieval is never needed there."""

    async def search(self, query: str, **_: object) -> list[Passage]:
        return []

    async def for_mistake(self, mistake_id: str, language: str, query: str = "") -> list[Passage]:
        return []


def build_coach(settings: Settings, prompts: Prompts) -> Coach:
    offline = OfflineCoach(prompts)
    if settings.resolved_provider == "offline":
        return offline
    from assistant.coach.llm.coach import build_llm_coach  # imported only when a model is configured

    return build_llm_coach(settings, prompts, fallback=offline)


async def load_retriever(settings: Settings, *, progress: bool = True) -> Retriever:
    from assistant.retrieval.store import build_retriever

    retriever = await asyncio.to_thread(
        build_retriever, settings.data_dir, settings.knowledge_dir, chroma_url=settings.chroma_url, progress=progress
    )
    # Build or refresh the index now, with its progress bar, rather than inside the founder's first turn.
    await asyncio.to_thread(retriever.ensure_index)
    return retriever


def build_context(settings: Settings, prompts: Prompts, retriever: Retriever, coach: Coach) -> Context:
    """The run context every coaching run reads (the graph's dependencies), from the settings."""
    return Context(coach=coach, retriever=retriever, prompts=prompts, language=settings.language,
                   max_message_chars=settings.max_message_chars, examples=Examples(PROMPTS_DIR, embed_queries))


@asynccontextmanager
async def open_session(
    settings: Settings,
    *,
    progress: bool = True,
    coach: Coach | None = None,
    retriever: Retriever | None = None,
    need_retriever: bool = True,
) -> AsyncIterator[CoachSession]:
    configure_logging(settings.log_format)
    prompts = Prompts()
    if retriever is None:
        retriever = await load_retriever(settings, progress=progress) if need_retriever else NoRetriever()
    context = build_context(settings, prompts, retriever, coach or build_coach(settings, prompts))
    async with open_storage(settings.database_url, settings.data_dir, settings.db_pool_size) as storage:
        yield CoachSession(build_graph(storage.checkpointer), context, storage.locks)
