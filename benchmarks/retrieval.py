"""Retrieval: query latency as the index grows (synthetic chunks added to the real knowledge base),
indexing throughput with the real model, and hit@k on the labelled queries (what bench_retrieval.py did).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from assistant.domain import MISTAKE_IDS, QUESTION_IDS
from assistant.retrieval.embeddings import E5EmbeddingFunction
from assistant.retrieval.knowledge import load_chunks
from assistant.retrieval.store import Retriever, index_knowledge, open_client, open_collection
from benchmarks.stats import p95

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "data" / "retrieval_queries.yaml"
_BATCH = 5000  # below Chroma's maximum batch size


def labelled_queries() -> list[dict[str, Any]]:
    return list(yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"])


def _synthetic_meta(n: int) -> dict[str, str | bool]:
    meta: dict[str, str | bool] = {"chunk_id": f"synthetic-{n}", "doc_id": "synthetic", "title": "synthetic",
                                   "section": "synthetic", "language": "fr" if n % 2 else "en",
                                   "topic": "synthetic", "mistakes": "", "questions": "",
                                   "content_hash": "", "embedding_hash": ""}
    meta.update({f"m_{m}": n % len(MISTAKE_IDS) == i for i, m in enumerate(MISTAKE_IDS)})
    meta.update({f"q_{q}": n % len(QUESTION_IDS) == i for i, q in enumerate(QUESTION_IDS)})
    return meta


def grow(data_dir: Path, retriever: Retriever, target: int, seed: int = 3) -> int:
    """Add random unit vectors until the collection holds `target` records; returns its size."""
    collection = open_collection(open_client(data_dir), retriever.embedding_function)
    rng = np.random.default_rng(seed)
    count = collection.count()
    while count < target:
        n = min(_BATCH, target - count)
        vectors = rng.standard_normal((n, 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        ids = [f"synthetic-{count + i}" for i in range(n)]
        collection.add(ids=ids, embeddings=vectors, documents=["synthetic"] * n,  # type: ignore[arg-type]
                       metadatas=[_synthetic_meta(count + i) for i in range(n)])  # type: ignore[misc]
        count += n
    return count


def query_latency(retriever: Retriever, queries: list[dict[str, Any]], rounds: int = 1) -> list[float]:
    """Milliseconds of each labelled search (query embedding + Chroma, with the query's filters)."""
    timings = []
    for r in range(rounds):
        for q in queries:
            start = time.perf_counter()
            retriever.search_sync(f"{q['query']}" + (f" ({r})" if r else ""), language=q["language"], k=4,
                                  question_id=q.get("question_id"), mistake_id=q.get("mistake_id"))
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def hit_rate(retriever: Retriever, queries: list[dict[str, Any]], k: int = 3) -> float:
    """Share of labelled queries with a relevant chunk in the top `k`."""
    hits = 0
    for q in queries:
        found = retriever.search_sync(q["query"], language=q["language"], k=k, question_id=q.get("question_id"),
                                      mistake_id=q.get("mistake_id"))
        hits += any(p.chunk_id in q["relevant"] for p in found)
    return hits / len(queries)


def index_throughput(data_dir: Path, knowledge_dir: Path, limit: int | None) -> float:
    """Chunks per second indexed into a fresh collection, every vector computed by the model."""
    chunks = load_chunks(knowledge_dir)[:limit] if limit else load_chunks(knowledge_dir)
    function = E5EmbeddingFunction()
    collection = open_collection(open_client(data_dir), function, name="bench-index")
    start = time.perf_counter()
    index_knowledge(collection, chunks, function, progress=False)
    return len(chunks) / (time.perf_counter() - start)


def sizes_run(data_dir: Path, retriever: Retriever, sizes: list[int], rounds: int,
              tick: Callable[[], None]) -> dict[int, float]:
    """p95 query milliseconds at each collection size, smallest first."""
    queries = labelled_queries()
    out: dict[int, float] = {}
    for size in sorted(sizes):
        grow(data_dir, retriever, size)
        out[size] = p95(query_latency(retriever, queries, rounds))
        tick()
    return out
