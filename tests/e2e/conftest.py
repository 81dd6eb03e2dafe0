"""End-to-end fixtures: the real coaching room (`coach ui`) in a subprocess, driven by headless Chromium.

Chromium is Debian's (`/usr/bin/chromium`, or CHROMIUM_PATH), driven by the Python playwright package; the
tests are skipped, with the reason printed, only when either is missing. Screenshots, downloads and the
server log go to the test run's output folder: COACH_TEST_OUTPUT, default `out/e2e/` at the repository root.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    """When a browser test fails, write out what each of its tabs saw (events, requests, downloads)."""
    report: pytest.TestReport = yield
    if report.failed and report.when == "call":
        from tests.e2e.test_ui_browser import FOUNDERS

        out = Path(os.environ.get("COACH_TEST_OUTPUT") or ROOT / "out") / "e2e"
        out.mkdir(parents=True, exist_ok=True)
        paths = [f.dump(out, f"{item.name}-{i}") for i, f in enumerate(FOUNDERS)]
        if paths:
            report.sections.append(("browser journals", "\n".join(str(p) for p in paths)))
    return report


@pytest.fixture(autouse=True)
def _fresh_journals() -> Iterator[None]:
    from tests.e2e.test_ui_browser import FOUNDERS

    FOUNDERS.clear()
    yield


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


SKIPPED: list[str] = []  # why the browser tests did not run, told again at the end of the run


def _skip(reason: str) -> None:
    if reason not in SKIPPED:
        SKIPPED.append(reason)
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """A skipped browser tier must not pass unnoticed in a green run: say so last, where it is read."""
    for reason in SKIPPED:
        terminalreporter.write_sep("!", "browser tests skipped", yellow=True, bold=True)
        terminalreporter.write_line(f"NOTE: the end-to-end browser tests (tests/e2e) did not run: {reason}.")


@pytest.fixture(scope="session")
def output_dir() -> Path:
    out = Path(os.environ.get("COACH_TEST_OUTPUT") or ROOT / "out") / "e2e"
    out.mkdir(parents=True, exist_ok=True)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# `coach ui`, able to print its threads' stacks and its asyncio tasks into its log on SIGUSR1 (Room.dump_stacks).
BOOT = """
import asyncio, faulthandler, signal, sys

def _dump(signum, frame):
    faulthandler.dump_traceback(all_threads=True)
    loop = asyncio._get_running_loop()
    for task in asyncio.all_tasks(loop) if loop is not None else ():
        print(f"--- asyncio task {task.get_name()}", file=sys.stderr)
        task.print_stack(limit=40, file=sys.stderr)
    sys.stderr.flush()

signal.signal(signal.SIGUSR1, _dump)
from assistant.cli import app
app()
"""


@dataclass
class Room:
    url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    port: int
    cwd: Path

    def dump_stacks(self) -> None:
        """Ask the server to write its threads' stacks into its log (a turn that never ends: where it is)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGUSR1)
            time.sleep(1.0)


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


def _room_env(data_dir: Path, extra_env: dict[str, str], accounts: bool) -> dict[str, str]:
    """The room's environment: none of the caller's product variables (as in every test), the offline coach,
    and an auth secret only for a room with accounts (the default set-up has none)."""
    from tests.conftest import ISOLATED_NAMES, ISOLATED_PREFIXES, TEST_SWITCHES

    def isolated(name: str) -> bool:
        return not name.startswith(TEST_SWITCHES) and (name.startswith(ISOLATED_PREFIXES) or name in ISOLATED_NAMES)

    env = {k: v for k, v in os.environ.items() if not isolated(k)}
    env.update({"COACH_DATA_DIR": str(data_dir), "COACH_PROVIDER": "offline", "PYTHONUNBUFFERED": "1"})
    if accounts:
        env["CHAINLIT_AUTH_SECRET"] = secrets.token_urlsafe(32)
    env.update(extra_env)
    if os.environ.get("COACH_E2E_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["COACH_E2E_DATABASE_URL"]
    return env


def _launch(room: Room) -> None:
    """`coach ui --port <port>` in a subprocess, its output in the room's log; returns once it answers."""
    with room.log.open("ab") as sink:
        room.process = subprocess.Popen(
            [sys.executable, "-c", BOOT, "ui", "--port", str(room.port)],
            cwd=room.cwd, env=room.env, stdout=sink, stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if room.process.poll() is not None:
            pytest.fail(f"coach ui exited with {room.process.returncode}:\n{room.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(room.url + "/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            tail = room.log.read_text()[-3000:]
            pytest.fail(f"coach ui did not answer within {START_TIMEOUT:.0f}s:\n{tail}")
        time.sleep(0.5)


def stop_room(room: Room) -> None:
    room.process.terminate()
    try:
        room.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        room.process.kill()
        room.process.wait(timeout=10)


def restart_room(room: Room) -> None:
    """Stop the room's server and start a new one on the same data dir and port, as after a reboot."""
    stop_room(room)
    with room.log.open("ab") as sink:
        sink.write(b"\n--- restarted by the test ---\n")
    _launch(room)


@contextmanager
def start_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, output_dir: Path,
               name: str, extra_env: dict[str, str], users: dict[str, str], *,
               accounts: bool = True, cwd: Path | None = None) -> Iterator[Room]:
    """`coach ui --port <free port>` in a subprocess, with its own data dir and the shared knowledge index.

    `accounts=False` starts it as a founder would the first time: no auth secret and no users file. It runs in
    an empty folder unless `cwd` says where."""
    from assistant.ui.auth import UserStore

    data_dir = tmp_path_factory.mktemp(name)
    (data_dir / "chroma").symlink_to(_shared_index(request), target_is_directory=True)
    store = UserStore(data_dir / "users.json")
    for user, password in users.items():
        store.add(user, password)
    port = _free_port()
    log = output_dir / f"{name}.log"
    log.write_bytes(b"")
    room = Room(url=f"http://127.0.0.1:{port}", data_dir=data_dir, log=log,
                process=None,  # type: ignore[arg-type]  # set by _launch
                env=_room_env(data_dir, extra_env, accounts), port=port, cwd=cwd or tmp_path_factory.mktemp("cwd"))
    try:
        _launch(room)
        yield room
    finally:
        if room.process is not None:
            stop_room(room)


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
