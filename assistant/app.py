"""Composition root: settings → retriever, coach, checkpointer → compiled graph → CoachSession."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from assistant.coach.base import Coach
from assistant.coach.offline import OfflineCoach
from assistant.domain import LANGUAGES
from assistant.examples import BUNDLE as CUE_BUNDLE
from assistant.examples import HEAD as SECTOR_HEAD
from assistant.examples import Examples
from assistant.graph import Context, Retriever, build_graph
from assistant.lexicon.check import check_lexicon
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


def _build_retriever(settings: Settings, progress: bool) -> Any:
    from assistant.retrieval.store import build_retriever  # chromadb takes seconds to import: not on the loop

    return build_retriever(settings.data_dir, settings.knowledge_dir, chroma_url=settings.chroma_url,
                           progress=progress)


async def load_retriever(settings: Settings, *, progress: bool = True) -> Retriever:
    retriever = await asyncio.to_thread(_build_retriever, settings, progress)
    # Build or refresh the index now, with its progress bar, rather than inside the founder's first turn.
    await asyncio.to_thread(retriever.ensure_index)
    return retriever


class BackgroundRetriever:
    """The retriever, loading in the background while the first question is shown (it needs no retrieval):
    the first search waits for the load when it is still running, and raises what the load raised."""

    def __init__(self, settings: Settings) -> None:
        self._loading: asyncio.Task[Retriever] = asyncio.create_task(self._load(settings))

    @staticmethod
    async def _load(settings: Settings) -> Retriever:
        retriever = await load_retriever(settings, progress=False)
        await asyncio.to_thread(_warm_models)  # the first answer then pays for no model load either
        return retriever

    async def search(self, query: str, **kwargs: Any) -> list[Passage]:
        return await (await asyncio.shield(self._loading)).search(query, **kwargs)

    async def for_mistake(self, mistake_id: str, language: str, query: str = "") -> list[Passage]:
        return await (await asyncio.shield(self._loading)).for_mistake(mistake_id, language, query)

    async def aclose(self) -> None:
        if not self._loading.done():
            self._loading.cancel()
        await asyncio.gather(self._loading, return_exceptions=True)


def _warm_models() -> None:
    from assistant.text.language import detect_language

    embed_queries(["query"])
    detect_language("warm up the language models once")


def build_context(settings: Settings, prompts: Prompts, retriever: Retriever, coach: Coach) -> Context:
    """The run context every coaching run reads (the graph's dependencies), from the settings."""
    check_lexicon(LANGUAGES)  # a language with missing or broken vocabulary fails here, not mid-session
    examples = Examples(PROMPTS_DIR, embed_queries, bundle=PROMPTS_DIR / CUE_BUNDLE, head=PROMPTS_DIR / SECTOR_HEAD)
    return Context(coach=coach, retriever=retriever, prompts=prompts, language=settings.language,
                   max_message_chars=settings.max_message_chars, examples=examples,
                   revisit_after_days=settings.revisit_after_days)


@asynccontextmanager
async def open_session(
    settings: Settings,
    *,
    progress: bool = True,
    coach: Coach | None = None,
    retriever: Retriever | None = None,
    need_retriever: bool = True,
    background_retriever: bool = False,
) -> AsyncIterator[CoachSession]:
    """A session over the configured storage. `background_retriever`: load the index (and warm the models)
    while the first question is shown, instead of before it (`coach chat` starts faster)."""
    configure_logging(settings.log_format)
    prompts = Prompts()
    background = BackgroundRetriever(settings) if retriever is None and need_retriever and background_retriever \
        else None
    if retriever is None:
        retriever = background or (await load_retriever(settings, progress=progress) if need_retriever
                                   else NoRetriever())
    context = build_context(settings, prompts, retriever, coach or build_coach(settings, prompts))
    try:
        async with open_storage(settings.database_url, settings.data_dir, settings.db_pool_size) as storage:
            yield CoachSession(build_graph(storage.checkpointer, storage.store), context, storage.locks)
    finally:
        if background is not None:
            await background.aclose()
