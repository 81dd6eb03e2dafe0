"""Shared fixtures: one knowledge index per test run, sessions on real SQLite checkpoints."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


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
