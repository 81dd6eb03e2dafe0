"""Start-up: time to the first question of `coach chat` (fresh data dir, then resuming the same thread),
and time until `coach ui` serves its page. Each launch is a new process, as a founder would start it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.model_server import free_port
from benchmarks.processes import serving


def coach_executable() -> list[str]:
    found = shutil.which("coach", path=str(Path(sys.executable).parent)) or shutil.which("coach")
    return [found] if found else [sys.executable, "-m", "assistant.cli"]


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_", "CHAINLIT_"))}
    return {**env, "COACH_DATA_DIR": str(data_dir), "COACH_PROVIDER": "offline", "PYTHONDONTWRITEBYTECODE": "1"}


def chat_first_question(data_dir: Path, thread: str, timeout: float = 120.0) -> float:
    """Seconds from launching `coach chat --thread THREAD` to its first question on stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen([*coach_executable(), "chat", "--thread", thread], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(data_dir), text=True)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("[question]"):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                break
        raise RuntimeError(f"coach chat showed no question (exit status {proc.poll()})")
    finally:
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def ui_ready(data_dir: Path, timeout: float = 180.0) -> float:
    """Seconds from launching `coach ui` to its page answering HTTP. Raises RuntimeError when it exits or
    does not answer within `timeout` seconds."""
    port = free_port()
    with serving([*coach_executable(), "ui", "--port", str(port)], f"http://127.0.0.1:{port}/", name="coach ui",
                 timeout_s=timeout, env=_env(data_dir)) as seconds:
        return seconds
