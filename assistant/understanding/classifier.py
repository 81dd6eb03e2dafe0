"""Mistake classifier heads over the multilingual e5 vector of an answer.

One small network per mistake id (one hidden ReLU layer, a logistic output, an ensemble of a few seeds)
reads: the answer's vector, the question it answers, which rule detectors fired, and — for the
mistakes judged against the session (buyer_user_confusion, one_sided_platform) — the vector of the
session so far (pitch and earlier answers) and its product with the answer's. Trained on the train
split of evals/corpus by `coach understanding train` (evals/understanding_train.py); the weights ship
in `models/mistakes.npz`, the decision thresholds (chosen by cross-validation on the train split)
with them. Inference is plain numpy: a few matrix products per answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.domain import MISTAKE_IDS, QUESTION_IDS, MistakeId, QuestionId

MODEL_PATH = Path(__file__).resolve().parent / "models" / "mistakes.npz"
FEATURE_VERSION = 2  # 2: the session vector pools its parts' vectors (1 embedded the joined text)
CONTEXT_MISTAKES: frozenset[MistakeId] = frozenset({"buyer_user_confusion", "one_sided_platform"})
RULE_WEIGHT = 3.0  # rule hits enter as 0 or 3: on the scale of the vector's strongest components
MIN_POSITIVES = 8  # labelled positives a head needs at a question to decide there
PRODUCT_WEIGHT = 10.0  # answer x context products are tiny (unit vectors, 384 dims): bring them to scale


def session_parts(pitch: str, earlier: dict[str, str], question_id: str) -> list[str]:
    """What the session said before this answer: the pitch, then earlier answers in question order, one
    part per line of an answer (an answer given over several messages is stored one message per line: each
    part is then a text an earlier turn embedded)."""
    answers = [earlier[q] for q in QUESTION_IDS if q in earlier and q not in ("intake", question_id)]
    parts = [pitch.strip()] + [line.strip() for answer in answers for line in answer.splitlines()]
    return [part for part in parts if part]


def session_vector(part_vectors: np.ndarray) -> np.ndarray:
    """The session's vector: the normalised sum of its parts' vectors (shape (parts, DIM) → (DIM,)); zeros
    with no part. Each part was embedded at its own turn (the query cache serves it again), so the session
    costs no embedding of its own; one ~2,000-character text cost ~400 ms of CPU a turn (issue 12)."""
    summed = part_vectors.sum(axis=0) if len(part_vectors) else np.zeros(part_vectors.shape[-1], np.float32)
    norm = float(np.linalg.norm(summed))
    return (summed / norm).astype(np.float32) if norm > 0 else summed.astype(np.float32)


def features(mistake: MistakeId, answer: np.ndarray, session: np.ndarray, question_id: QuestionId,
             rule_hits: set[str]) -> np.ndarray:
    """The input of `mistake`'s head: 1-D float32 array."""
    question = np.array([question_id == q for q in QUESTION_IDS], dtype=np.float32)
    rules = np.array([m in rule_hits for m in MISTAKE_IDS], dtype=np.float32) * RULE_WEIGHT
    parts = [answer, question, rules]
    if mistake in CONTEXT_MISTAKES:
        parts += [session, answer * session * PRODUCT_WEIGHT]
    return np.concatenate(parts).astype(np.float32)


@dataclass(frozen=True)
class Head:
    """An ensemble of one-hidden-layer networks; `threshold` on the mean probability."""

    layers: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]
    threshold: float

    def probability(self, x: np.ndarray) -> float:
        """The mean probability for one row of features (shape (features,))."""
        return float(self.probabilities(x.reshape(1, -1))[0])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """The mean probability for each row of `x` (shape (rows, features) → (rows,))."""
        total = np.zeros(len(x), dtype=np.float64)
        for w1, b1, w2, b2 in self.layers:
            hidden = np.maximum(x @ w1 + b1, 0.0)
            total += 1.0 / (1.0 + np.exp(-(hidden @ w2 + b2).reshape(-1).astype(np.float64)))
        return total / len(self.layers)


@dataclass(frozen=True)
class MistakeModel:
    heads: dict[MistakeId, Head]
    meta: dict[str, object]

    def trusts(self, mistake: MistakeId, question_id: str) -> bool:
        """Whether the head decides at this question: it saw at least `MIN_POSITIVES` labelled positives
        there in training (recorded in the weights file); elsewhere the rule detectors decide alone."""
        trusted = self.meta.get("trusted_questions")
        if not isinstance(trusted, dict):
            return True
        return question_id in trusted.get(mistake, [])

    def decide(self, mistake: MistakeId, x: np.ndarray) -> tuple[bool, float]:
        head = self.heads[mistake]
        p = head.probability(x)
        return p >= head.threshold, p


_LAYER = ("w1", "b1", "w2", "b2")


def head_arrays(name: str, head: Head) -> dict[str, np.ndarray]:
    """A head as named arrays for `np.savez` (`name/threshold`, `name/<network>/w1`...), weights in float16:
    half the file, the same decisions."""
    arrays = {f"{name}/threshold": np.array([head.threshold], dtype=np.float32)}
    for i, layer in enumerate(head.layers):
        for part, array in zip(_LAYER, layer, strict=True):
            arrays[f"{name}/{i}/{part}"] = array.astype(np.float16)
    return arrays


def read_head(data: Any, name: str) -> Head | None:
    """The head saved under `name` in an open `.npz` (`head_arrays`), or None when it holds none."""
    if f"{name}/threshold" not in data.files:
        return None
    layers: list[tuple[np.ndarray, ...]] = []
    while f"{name}/{len(layers)}/w1" in data.files:
        i = len(layers)
        layers.append(tuple(data[f"{name}/{i}/{part}"].astype(np.float32) for part in _LAYER))
    return Head(tuple(layers), float(data[f"{name}/threshold"][0]))  # type: ignore[arg-type]


def save_model(path: Path, heads: dict[MistakeId, Head], meta: dict[str, object]) -> None:
    arrays: dict[str, np.ndarray] = {}
    for mistake, head in heads.items():
        arrays.update(head_arrays(mistake, head))
    arrays["meta"] = np.frombuffer(json.dumps({**meta, "feature_version": FEATURE_VERSION}).encode(), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> MistakeModel | None:
    """The shipped heads, or None when the file is absent or was made for other features."""
    if not path.exists():
        return None
    with np.load(path) as data:
        meta = json.loads(bytes(data["meta"]).decode())
        if meta.get("feature_version") != FEATURE_VERSION:
            return None
        heads = {m: head for m in MISTAKE_IDS if (head := read_head(data, m)) is not None}
    return MistakeModel(heads, meta)
