"""The room's process-wide parts: its settings, the history database and the one `CoachSession` (one graph, one
checkpointer), opened at start-up or on first use.

Built once by the Chainlit handlers module (`app.py`) and handed to every other module of the room: nothing here
reads the environment or opens anything at import.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from typing import Any

from assistant.cohorts.budget import Budget
from assistant.session import CoachSession
from assistant.settings import Settings
from assistant.ui.datalayer import CoachDataLayer, get_data_layer

log = logging.getLogger("assistant.ui")


class Room:
    """The settings, the history database and the process-wide CoachSession."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._stack: AsyncExitStack | None = None
        self._session: CoachSession | None = None
        self._lock = asyncio.Lock()
        self._budget: Budget | None = None

    def history(self) -> CoachDataLayer:
        """Chainlit's data layer, extended with thread ownership and preferences (one per database)."""
        return get_data_layer(self.settings)

    async def session(self) -> CoachSession:
        """The coaching session, opened once (the knowledge index warmed up first); raises what opening raises."""
        if self._session is None:
            async with self._lock:
                if self._session is None:
                    from assistant.app import load_retriever, open_session

                    retriever = await load_retriever(self.settings, progress=False)
                    await _warm_up(retriever)
                    stack = AsyncExitStack()
                    self._session = await stack.enter_async_context(
                        open_session(self.settings, progress=False, retriever=retriever)
                    )
                    self._stack = stack
        return self._session

    def budget(self) -> Budget:
        """Which engine each founder's turns use, given their cohort's model cap (assistant/cohorts/budget.py)."""
        if self._budget is None:
            from assistant.cohorts.records import RoomRecords
            from assistant.cohorts.stores import cohort_store

            self._budget = Budget(RoomRecords(self.settings), cohort_store(self.settings))
        return self._budget

    async def close(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
        self._stack, self._session = None, None


async def _warm_up(retriever: Any) -> None:
    """Index the knowledge base and load the embedding model before the first founder arrives: done on a
    founder's first answer, this takes long enough on a small machine to stall their connection."""
    try:
        await retriever.search("customer segments", language="fr", k=1)
    except Exception:
        log.exception("could not warm up the knowledge index; the first answer will be slow")
    from assistant.text.fuzzy import frequent_words

    await asyncio.to_thread(frequent_words)  # the word lists of typo-tolerant reading, loaded once
