"""Retrieval benchmark: full index, idempotent re-index, query latency, and quality on the labelled set.

    .venv/bin/python benchmarks/bench_retrieval.py [--keep DIR]

Wall time depends on what else the machine runs; CPU time (user + sys of this process) is printed
beside it so runs on a busy machine stay comparable.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from assistant.retrieval.store import build_retriever

ROOT = Path(__file__).resolve().parent.parent

T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), _cpu()
    result = action()
    print(f"{label:<28} {time.perf_counter() - wall:8.2f} s wall {_cpu() - cpu:8.2f} s CPU")
    return result


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="data dir to use (and keep) instead of a temporary one")
    args = parser.parse_args()
    data_dir = args.keep or Path(tempfile.mkdtemp(prefix="bench-retrieval-"))
    knowledge = ROOT / "knowledge"
    queries = yaml.safe_load((ROOT / "tests/data/retrieval_queries.yaml").read_text(encoding="utf-8"))[
        "queries"
    ]

    retriever = build_retriever(data_dir, knowledge, progress=False)
    report = timed("index (fresh data dir)", retriever.ensure_index)
    vectors = retriever.embedding_function.passages_embedded
    print(f"  {report}: {vectors} vectors for {len(retriever.chunk_ids())} chunks")
    again = build_retriever(data_dir, knowledge, progress=False)
    print(f"  {timed('re-index (no change)', again.ensure_index)}")

    retriever.search_sync("warm-up", language="en")
    latencies, ranks = [], []
    for q in queries:
        start = time.perf_counter()
        found = retriever.search_sync(
            q["query"],
            language=q["language"],
            k=10,
            question_id=q.get("question_id"),
            mistake_id=q.get("mistake_id"),
        )
        latencies.append(time.perf_counter() - start)
        ids = [p.chunk_id for p in found]
        ranks.append(next((i + 1 for i, cid in enumerate(ids) if cid in q["relevant"]), None))
    n = len(queries)
    print(
        f"query latency (k=10)         p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms over {n} queries"
    )
    for k in (1, 3, 5):
        print(f"hit@{k}: {sum(1 for r in ranks if r and r <= k) / n:.3f}")
    print(f"MRR@10: {sum(1 / r for r in ranks if r) / n:.3f}")


if __name__ == "__main__":
    main()
