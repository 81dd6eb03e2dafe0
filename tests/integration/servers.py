"""Real servers the deployment tests start on loopback: a free port, a process, a wait until it answers."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tool(name: str) -> str | None:
    """An executable of this environment (the venv's bin first), or None when it is not installed."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


@contextmanager
def running(args: list[str], env: dict[str, str], ready_url: str, log: Path, timeout: float = 120,
            cwd: Path = ROOT) -> Iterator[subprocess.Popen[bytes]]:
    """Start `args`, wait until `ready_url` answers 200, stop the process (and its children) at the end.

    Raises RuntimeError with the end of the server's log when it exits or never answers."""
    with running_together([(args, env, ready_url, log)], timeout=timeout, cwd=cwd) as (proc,):
        yield proc


@contextmanager
def running_together(servers: list[tuple[list[str], dict[str, str], str, Path]], timeout: float = 120,
                     cwd: Path = ROOT) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Start every (args, env, ready_url, log) at once, then wait until each answers; stop them all at the end."""
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for args, env, _, log in servers:
            with log.open("wb") as out:
                procs.append(subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                              start_new_session=True))
        deadline = time.monotonic() + timeout
        for proc, (args, _, ready_url, log) in zip(procs, servers, strict=True):
            _wait_ready(proc, args, ready_url, log, deadline)
        yield procs
    finally:
        for proc in procs:
            _stop(proc)


def _wait_ready(proc: subprocess.Popen[bytes], args: list[str], ready_url: str, log: Path, deadline: float) -> None:
    while True:
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{args[0]} did not start:\n" + log.read_text(errors="replace")[-3000:])
        try:
            with urllib.request.urlopen(ready_url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    import os
    import signal

    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@contextmanager
def chroma_server(path: Path, log: Path) -> Iterator[str]:
    """`chroma run` (the chromadb package's server) on a free loopback port, storing under `path`; yields its URL.

    Raises RuntimeError when the `chroma` executable is missing or the server does not start."""
    cli = tool("chroma")
    if cli is None:
        raise RuntimeError("the chroma executable (chromadb package) is not installed")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"PATH": str(Path(cli).parent), "HOME": str(path), "ANONYMIZED_TELEMETRY": "False"}
    args = [cli, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with running(args, env, f"{url}/api/v2/heartbeat", log, timeout=60, cwd=path):
        yield url
