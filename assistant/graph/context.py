"""The dependencies every node reads from LangGraph's runtime context (`Runtime[Context]`).

Passed at each run (`graph.astream(..., context=ctx)`), never captured in closures, so a test can
hand the graph a scripted coach, a fake retriever and a fixed clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from assistant.coach.base import Coach
from assistant.domain import Language
from assistant.examples import Examples
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage


class Retriever(Protocol):
    """Guidance search: `search` for a question and answer, `for_mistake` for a passage about a mistake."""

    async def search(
        self, query: str, *, language: str | None = None, k: int = 4, question_id: str | None = None,
        mistake_id: str | None = None, context: str = "",
    ) -> list[Passage]: ...

    async def for_mistake(self, mistake_id: str, language: str, query: str = "") -> list[Passage]: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Context:
    """What a coaching run needs. `language` forces the session language (None follows the founder)."""

    coach: Coach
    retriever: Retriever
    prompts: Prompts
    clock: Callable[[], datetime] = utc_now
    language: Language | None = None
    default_language: Language = "fr"
    max_message_chars: int = 4000
    examples: Examples | None = None  # worked examples by sector; None: the generic ones only
    revisit_after_days: int = 30  # a finished canvas unchanged this long is offered a revisit at resume
    # When the founder's turn began, in event-loop time (`asyncio` loop.time(), seconds), set by the session for
    # each run: every model call of the turn shares one deadline from it. None: each call counts from its start.
    turn_started: float | None = None
