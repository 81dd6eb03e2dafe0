"""The knowledge index in Chroma: where the store lives (embedded under the data dir, or a Chroma server
shared by every app process when CHROMA_URL is set), and idempotent indexing of the knowledge base.

Indexing only embeds what is new or changed, and writes with upserts, so two app processes that start
together against one Chroma server both end with the same collection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings
from rich.console import Console
from rich.progress import Progress

from assistant.domain import MISTAKE_IDS, QUESTION_IDS
from assistant.retrieval.embeddings import E5EmbeddingFunction
from assistant.retrieval.knowledge import Chunk

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

COLLECTION_NAME = "knowledge-e5-small"


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
            collection.upsert(
                ids=[rid for c in batch for rid in record_ids(c)],
                embeddings=embedding_function(texts),
                metadatas=[chunk_metadata(c) for c in batch for _ in c.embedding_texts],  # type: ignore[misc]
                documents=texts,
            )
            bar.advance(task, len(batch))
    updated = len(to_embed) - added + len(retagged)
    return IndexReport(added, updated, unchanged, len(removed), embedded=len(to_embed))
