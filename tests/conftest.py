"""Shared fixtures: one knowledge index per test run, sessions on real SQLite checkpoints."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

# Tiers by folder: a plain `pytest` runs the fast tier (unit); scripts/test.sh runs them all.
TIERS = {"integration": "integration", "e2e": "e2e", "optional": "slow"}
# Variables of the caller's shell that would change what the product does under test.
ISOLATED_PREFIXES = ("COACH_", "OPENAI_", "CHAINLIT_", "LANGSMITH_")
ISOLATED_NAMES = ("DATABASE_URL", "CHROMA_URL")
# Test switches the runner may set on purpose (opt-in tests, output folders, a PostgreSQL for e2e).
TEST_SWITCHES = ("COACH_TEST_", "COACH_E2E_")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        marker = TIERS.get(parts[0]) if len(parts) > 1 else None
        if marker:
            item.add_marker(getattr(pytest.mark, marker))
        if "postgres" in item.name or "postgres" in parts[-1]:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The product's variables from the caller's shell never leak into a test (a test sets its own)."""
    for name in list(os.environ):
        if name.startswith(TEST_SWITCHES) or name == "CHAINLIT_APP_ROOT":
            continue
        if name.startswith(ISOLATED_PREFIXES) or name in ISOLATED_NAMES:
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach the network; a test that starts its own loopback server may still use it."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("/"):
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def retriever(index_dir: Path):
    from assistant.retrieval.store import build_retriever

    return build_retriever(index_dir, ROOT / "knowledge", progress=False)


@pytest.fixture
def settings(tmp_path: Path, index_dir: Path) -> Settings:
    return Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline")


@pytest.fixture
async def session(settings: Settings, retriever) -> AsyncIterator:
    from assistant.app import open_session

    async with open_session(settings, retriever=retriever) as s:
        yield s
