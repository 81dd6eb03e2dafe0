"""`coach chat` shows its first question while the knowledge index loads in the background."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from assistant import app
from assistant.retrieval.passage import Passage
from assistant.settings import Settings


class _Slow:
    def __init__(self) -> None:
        self.released = asyncio.Event()
        self.searched: list[str] = []

    async def load(self, settings: Settings, *, progress: bool = True) -> Any:
        await self.released.wait()
        return self

    async def search(self, query: str, **_: Any) -> list[Passage]:
        self.searched.append(query)
        return []


async def test_first_question_comes_before_the_index_and_the_first_search_waits_for_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = _Slow()
    monkeypatch.setattr(app, "load_retriever", slow.load)
    monkeypatch.setattr(app, "_warm_models", lambda: None)
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline")
    async with app.open_session(settings, background_retriever=True) as session:
        first = await asyncio.wait_for(session.start("t"), timeout=30)
        assert first.question_id == "intake"  # shown while the index is still loading
        search = asyncio.create_task(session.context.retriever.search("who pays?"))
        await asyncio.sleep(0.05)
        assert not search.done() and not slow.searched
        slow.released.set()
        assert await asyncio.wait_for(search, timeout=5) == []
        assert slow.searched == ["who pays?"]


async def test_a_failed_background_load_is_raised_at_the_first_search(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(settings: Settings, *, progress: bool = True) -> Any:
        raise ConnectionError("Chroma server unreachable")

    monkeypatch.setattr(app, "load_retriever", broken)
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline")
    async with app.open_session(settings, background_retriever=True) as session:
        with pytest.raises(ConnectionError, match="unreachable"):
            await session.context.retriever.search("who pays?")
