"""End-to-end fixtures: the real coaching room (`coach ui`) in a subprocess, driven by headless Chromium.

Chromium is Debian's (`/usr/bin/chromium`, or CHROMIUM_PATH), driven by the Python playwright package; the
tests are skipped, with the reason printed, only when either is missing. Screenshots, downloads and the
server log go to the test run's output folder: COACH_TEST_OUTPUT, default `out/e2e/` at the repository root.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
USERS = {"alice": "alice-password-1", "bob": "bob-password-2"}
START_TIMEOUT = float(os.environ.get("COACH_E2E_START_TIMEOUT", "300"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: drives the real coaching room in headless Chromium")


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _skip(reason: str) -> None:
    print(f"\nSKIPPED end-to-end tests: {reason}", file=sys.stderr)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    out = Path(os.environ.get("COACH_TEST_OUTPUT") or ROOT / "out") / "e2e"
    out.mkdir(parents=True, exist_ok=True)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Room:
    url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes]


def _shared_index(request: pytest.FixtureRequest) -> Path:
    """The knowledge index of this test run (built once, shared with the other tests), or a prebuilt one.

    Building it embeds the whole knowledge base, which takes minutes on a small machine: the room must
    never do it on its own. COACH_E2E_INDEX_DIR may name a data dir whose `chroma/` index is already built.
    """
    prebuilt = os.environ.get("COACH_E2E_INDEX_DIR")
    if prebuilt:
        return Path(prebuilt) / "chroma"
    index_dir: Path = request.getfixturevalue("index_dir")
    retriever = request.getfixturevalue("retriever")
    retriever.search_sync("customer segments", language="fr", k=1)  # indexes now if nothing did yet
    return index_dir / "chroma"


@contextmanager
def start_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, output_dir: Path,
               name: str, extra_env: dict[str, str], users: dict[str, str]) -> Iterator[Room]:
    """`coach ui --port <free port>` in a subprocess, with its own data dir and the shared knowledge index."""
    from assistant.ui.auth import UserStore

    data_dir = tmp_path_factory.mktemp(name)
    (data_dir / "chroma").symlink_to(_shared_index(request), target_is_directory=True)
    store = UserStore(data_dir / "users.json")
    for user, password in users.items():
        store.add(user, password)
    port = _free_port()
    dropped = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "DATABASE_URL", "CHAINLIT_APP_ROOT", "COACH_LANGUAGE",
               "COACH_AUTH_HEADER", "COACH_PROXY_SECRET", "COACH_USERS_FILE", "COACH_ALLOWED_ORIGINS")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({
        "COACH_DATA_DIR": str(data_dir),
        "COACH_PROVIDER": "offline",
        "CHAINLIT_AUTH_SECRET": secrets.token_urlsafe(32),
        "PYTHONUNBUFFERED": "1",
        **extra_env,
    })
    if os.environ.get("COACH_E2E_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["COACH_E2E_DATABASE_URL"]
    log = output_dir / f"{name}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", "from assistant.cli import app; app()", "ui", "--port", str(port)],
            cwd=tmp_path_factory.mktemp("cwd"), env=env, stdout=sink, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"coach ui exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                tail = log.read_text()[-3000:]
                pytest.fail(f"coach ui did not answer within {START_TIMEOUT:.0f}s:\n{tail}")
            time.sleep(0.5)
        yield Room(url=url, data_dir=data_dir, log=log, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _require_browser() -> str:
    path = chromium_path()
    if path is None:
        _skip("Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _skip("the playwright Python package is not installed")
    return str(path)


@pytest.fixture(scope="module")
def room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
         output_dir: Path) -> Iterator[Room]:
    """The room with password accounts (alice, bob), for the browser tests."""
    _require_browser()
    with start_room(request, tmp_path_factory, output_dir, "room", {}, USERS) as started:
        yield started


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    executable = _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield instance
        instance.close()
