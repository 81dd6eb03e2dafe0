"""Servers shared by the deployment tests of this folder (each started on loopback by the test that asks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.servers import chroma_server


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    """An empty `chroma run` server for one test."""
    root = tmp_path / "chroma-server"
    root.mkdir()
    with chroma_server(root, tmp_path / "chroma.log") as url:
        yield url
