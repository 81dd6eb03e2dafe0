"""Summaries of repeated measurements and a description of the machine they were taken on."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Sequence
from pathlib import Path


def percentile(values: Sequence[float], q: float) -> float:
    """The `q`-quantile (0..1) of `values` by linear interpolation; raises ValueError when empty."""
    if not values:
        raise ValueError("no measurement to summarise")
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("no measurement to summarise")
    return float(statistics.median(values))


def p95(values: Sequence[float]) -> float:
    return percentile(values, 0.95)


def cpu_seconds() -> float:
    """User + system CPU time of this process (all its threads), in seconds."""
    times = os.times()
    return times.user + times.system


def rss_mb() -> float:
    """Resident memory of this process now, in MiB (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return 0.0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def machine() -> dict[str, object]:
    """Cores, memory, CPU model and load average: what the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = 0.0
    try:
        memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cores": os.cpu_count() or 1,
        "memory_gb": round(memory_gb, 1),
        "cpu_model": cpu,
        "python": platform.python_version(),
        "load_avg_1m_at_start": round(load[0], 2),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
