"""The full session suite (tests/integration/test_session.py) again, on the servers of a deployment:
checkpoints and turn locks on PostgreSQL, the knowledge index on a `chroma run` server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from assistant.app import open_session
from assistant.retrieval.store import build_retriever
from assistant.settings import Settings
from tests.integration.pg_database import fresh_database
from tests.integration.postgres import PG_URL, unreachable_reason
from tests.integration.servers import ROOT, chroma_server
from tests.integration.test_session import (  # noqa: F401 - collected here again, with this module's `session`
    test_bad_input_gets_clear_messages_and_nothing_is_lost,
    test_commands_skip_back_canvas_restart,
    test_dont_know_twice_moves_on_with_an_open_question,
    test_english_clean_session_gets_no_false_flag,
    test_free_question_is_answered_with_sources_then_session_resumes,
    test_french_session_reaches_summary_with_planted_mistake_cited,
    test_sessions_are_kept_apart,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(DATABASE_URL of a fresh database, CHROMA_URL of a fresh server) for this module."""
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    root = tmp_path_factory.mktemp("servers")
    (root / "chroma").mkdir()
    with fresh_database() as database_url, chroma_server(root / "chroma", root / "chroma.log") as chroma_url:
        yield database_url, chroma_url


@pytest.fixture(scope="module")
def server_retriever(servers: tuple[str, str], tmp_path_factory: pytest.TempPathFactory):
    retriever = build_retriever(tmp_path_factory.mktemp("unused"), ROOT / "knowledge", chroma_url=servers[1],
                                progress=False)
    retriever.ensure_index()
    return retriever


@pytest.fixture
async def session(servers: tuple[str, str], server_retriever, tmp_path: Path) -> AsyncIterator:
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline", DATABASE_URL=servers[0],
                        CHROMA_URL=servers[1])
    async with open_session(settings, retriever=server_retriever) as s:
        yield s
    assert not (tmp_path / "checkpoints.sqlite").exists()  # the state was on PostgreSQL
