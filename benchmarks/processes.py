"""A server started as its own process for a measurement: launched, awaited until it answers HTTP, stopped."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import IO

STOP_TIMEOUT_S = 20.0  # after terminate(), before kill()


@contextmanager
def serving(command: list[str], ready_url: str, *, name: str, timeout_s: float,
            env: Mapping[str, str] | None = None, log: IO[str] | int = subprocess.DEVNULL) -> Iterator[float]:
    """Run `command`, wait until `ready_url` answers (any status below 400) and yield the seconds that took;
    the process is terminated (killed after `STOP_TIMEOUT_S`) on exit. Output goes to `log`.

    Raises RuntimeError when the process exits first or `ready_url` does not answer within `timeout_s`."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT if log != subprocess.DEVNULL else log,
                            env=dict(env) if env is not None else None)
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with status {proc.returncode}")
            try:
                with urllib.request.urlopen(ready_url, timeout=2):
                    break
            except OSError:
                if time.perf_counter() - start > timeout_s:
                    raise RuntimeError(f"{name} did not answer within {timeout_s:.0f} s") from None
                time.sleep(0.2)
        yield time.perf_counter() - start
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
