"""Training the mistake classifier heads on the corpus's train split (never on the held-apart split).

Per mistake id: an ensemble of one-hidden-layer networks (scikit-learn's MLPClassifier: 128 ReLU units,
L2 alpha 0.01, `SEEDS` seeds) over `assistant.understanding.classifier.features`; its decision threshold
is the one that maximises F1 over 5-fold cross-validated probabilities on the train split.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from assistant.domain import MISTAKE_IDS, MISTAKE_SCOPES, MistakeId
from assistant.text.vectors import embed_queries
from assistant.understanding.classifier import (
    MIN_POSITIVES,
    Head,
    MistakeModel,
    features,
    session_parts,
    session_vector,
)
from assistant.understanding.group_fragments import Fragment, fragments
from assistant.understanding.group_reader import LABELS, GroupModel, fragment_features
from assistant.understanding.mistakes import detect
from assistant.understanding.roles_candidates import Candidate
from assistant.understanding.roles_model import RoleModel, choose_roles, role_features
from evals.corpus import BuyerUserItem, GroupItem, MistakeItem
from evals.understanding import context_for

SEEDS = (0, 1, 2)
HIDDEN = 128
ALPHA = 0.01
FOLDS = 5
VECTOR_CACHE = Path("out") / "corpus-vectors.npz"


def cv_folds(n: int) -> list[np.ndarray]:
    """The `FOLDS` folds of n items every cross-validation here uses: one fixed shuffle (seed 0), then every
    FOLDS-th item from k (indices, shape (about n / FOLDS,))."""
    order = np.random.default_rng(0).permutation(n)
    return [order[k::FOLDS] for k in range(FOLDS)]


class Vectors:
    """Query vectors of corpus texts, cached on disk by content (embedding 4,000 texts takes minutes)."""

    def __init__(self, path: Path = VECTOR_CACHE) -> None:
        self.path = path
        self.store: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self.store = {k: data[k] for k in data.files}
        self.dirty = False

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t.strip() and self.key(t) not in self.store})
        for start in range(0, len(missing), 32):
            batch = missing[start:start + 32]
            for text, vector in zip(batch, embed_queries(batch), strict=True):
                self.store[self.key(text)] = vector
                self.dirty = True
        return np.stack([self.store[self.key(t)] if t.strip() else np.zeros(384, np.float32) for t in texts])

    def save(self) -> None:
        if self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.stem}.{os.getpid()}.partial.npz")
            np.savez(partial, **self.store)  # type: ignore[arg-type]
            os.replace(partial, self.path)  # atomic: another command reading the cache never sees half a file
            self.dirty = False


def design(items: Sequence[MistakeItem], vectors: Vectors, tick: Callable[[], None] | None = None,
           ) -> dict[MistakeId, tuple[np.ndarray, np.ndarray, list[int]]]:
    """Per mistake: X, y and the indices (into `items`) of the items in its scope."""
    rows = []
    for item in items:
        ctx = context_for(item)
        hits = {d.mistake_id for d in detect(ctx)}
        parts = session_parts(item.pitch, ctx.answers, item.question)
        embedded = vectors([item.answer, *parts])
        answer, session = embedded[0], session_vector(embedded[1:])
        rows.append((item, hits, answer, session))
        if tick:
            tick()
    out: dict[MistakeId, tuple[np.ndarray, np.ndarray, list[int]]] = {}
    for mistake in MISTAKE_IDS:
        idx = [i for i, (item, *_rest) in enumerate(rows) if item.question in MISTAKE_SCOPES[mistake]]
        x = np.stack([features(mistake, rows[i][2], rows[i][3], rows[i][0].question, rows[i][1]) for i in idx])
        y = np.array([mistake in rows[i][0].mistakes for i in idx])
        out[mistake] = (x, y, idx)
    return out


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]:
    from sklearn.neural_network import MLPClassifier

    layers = []
    for seed in SEEDS:
        clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=ALPHA, max_iter=600, random_state=seed)
        clf.fit(x, y)
        layers.append((clf.coefs_[0], clf.intercepts_[0], clf.coefs_[1], clf.intercepts_[1]))
    return tuple(layers)


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The threshold in [0.05, 0.95) that maximises F1, and that F1."""
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.95, 0.025):
        pred = p >= t
        tp, fp, fn = int((pred & y).sum()), int((pred & ~y).sum()), int((~pred & y).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (float(t), f1)
    return best


def fit_model(items: Sequence[MistakeItem], vectors: Vectors, tick: Callable[[], None] | None = None,
              cv: bool = True, only: Sequence[MistakeId] | None = None) -> MistakeModel:
    """Heads for every mistake id (or those in `only`); thresholds by cross-validation when `cv` (else 0.5)."""
    from sklearn.model_selection import StratifiedKFold

    data = design(items, vectors)
    heads: dict[MistakeId, Head] = {}
    cv_f1: dict[str, float] = {}
    for mistake, (x, y, _idx) in data.items():
        if only and mistake not in only:
            continue
        threshold = 0.5
        if cv:
            p = np.zeros(len(y))
            for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(x, y):
                probe = Head(_fit(x[train], y[train]), 0.5)
                p[test] = [probe.probability(row) for row in x[test]]
            threshold, cv_f1[mistake] = best_threshold(p, y)
        heads[mistake] = Head(_fit(x, y), threshold)
        if tick:
            tick()
    return MistakeModel(heads, {"cv_f1": cv_f1, "items": len(items), "trusted_questions": trusted_questions(items)})


def trusted_questions(items: Sequence[MistakeItem]) -> dict[str, list[str]]:
    """Per mistake, the questions with at least MIN_POSITIVES labelled positives in `items`."""
    from collections import Counter

    counts = Counter((m, item.question) for item in items for m in item.mistakes)
    return {m: sorted(q for q in MISTAKE_SCOPES[m] if counts[(m, q)] >= MIN_POSITIVES) for m in MISTAKE_IDS}


# ---------------------------------------------------------------- the group reader

def fragment_labels(item: GroupItem, frags: Sequence[Fragment]) -> list[str]:
    """Each fragment's label from the item's groups: the first fragment of a labelled group (or deferred
    group) opens it, the next ones continue it, the rest name no group."""
    from evals.corpus import content_words

    targets = [("new", g) for g in item.groups] + [("deferred", d) for d in item.deferred]
    words = [content_words(t) for _kind, t in targets]
    opened: set[int] = set()
    labels = []
    for frag in frags:
        own = content_words(frag.text)
        best, share = None, 0.0
        for i, target in enumerate(words):
            if own and target:
                s = len(own & target) / len(own)
                if s > share:
                    best, share = i, s
        if best is None or share < 0.5:
            labels.append("none")
        elif best in opened:
            labels.append("cont")
        else:
            opened.add(best)
            labels.append(targets[best][0])
    return labels


def group_design(items: Sequence[GroupItem], vectors: Vectors) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for item in items:
        frags = fragments(item.answer)
        if not frags:
            continue
        xs.append(fragment_features(vectors, frags, item.answer))
        ys += fragment_labels(item, frags)
    return np.concatenate(xs), np.array(ys)


def fit_groups(items: Sequence[GroupItem], vectors: Vectors) -> GroupModel:
    """A multinomial logistic regression over fragment features (scikit-learn, C=10: best of 0.3-30 by
    5-fold cross-validation on the train split)."""
    from sklearn.linear_model import LogisticRegression

    x, y = group_design(items, vectors)
    clf = LogisticRegression(C=10.0, max_iter=3000)
    clf.fit(x, y)
    order = [list(clf.classes_).index(label) if label in clf.classes_ else None for label in LABELS]
    weights = np.zeros((x.shape[1], len(LABELS)), dtype=np.float32)
    bias = np.full(len(LABELS), -1e4, dtype=np.float32)  # a label never seen in training is never chosen
    for j, i in enumerate(order):
        if i is not None:
            weights[:, j] = clf.coef_[i] if len(clf.classes_) > 2 else (clf.coef_[0] if i == 1 else -clf.coef_[0])
            bias[j] = clf.intercept_[i] if len(clf.classes_) > 2 else (
                clf.intercept_[0] if i == 1 else -clf.intercept_[0])
    return GroupModel(weights, bias)


def role_design(items: Sequence[BuyerUserItem], vectors: Vectors) -> list[tuple[list[Candidate], np.ndarray]]:
    """Per item, its candidates and their feature rows (empty when it has none)."""
    return [role_features(vectors, item.answer) for item in items]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _role_targets(item: BuyerUserItem, cands: Sequence[Candidate]) -> np.ndarray:
    """(candidates, 2): the buyer (user) is the candidate closest to the labelled phrase — the most content
    words in common over the words of both (Jaccard) — among those that overlap it (README's rule), so that
    the heads learn where a role ends ("the regional health agency", not "the regional health")."""
    from evals.corpus import content_words, overlaps

    targets = np.zeros((len(cands), 2), dtype=bool)
    for j, label in enumerate((item.buyer, item.user)):
        words = content_words(label)
        scores = [_jaccard(words, content_words(c.text)) if label and overlaps(label, c.text) else 0.0
                  for c in cands]
        best = max(scores, default=0.0)
        targets[:, j] = [best > 0 and score == best for score in scores]
    return targets


def _role_heads(rows: Sequence[tuple[list[Candidate], np.ndarray]], items: Sequence[BuyerUserItem],
                thresholds: Sequence[float]) -> tuple[Head, Head]:
    """The buyer and user heads (the mistake heads' networks, `_fit`) on every candidate of `items`."""
    x = np.concatenate([r[1] for r in rows if r[0]])
    y = np.concatenate([_role_targets(it, r[0]) for it, r in zip(items, rows, strict=True) if r[0]])
    return Head(_fit(x, y[:, 0]), thresholds[0]), Head(_fit(x, y[:, 1]), thresholds[1])


def fit_roles(items: Sequence[BuyerUserItem], vectors: Vectors, cv: bool = True) -> RoleModel:
    """The buyer and user heads; each threshold (below it, nobody) is the one of 0.1-0.6 that gets the most
    items' role right over 5-fold cross-validated probabilities (0.3 without `cv`)."""
    from evals.corpus import overlaps

    rows = role_design(items, vectors)
    thresholds = [0.3, 0.3]
    if cv:
        probs: list[np.ndarray | None] = [None] * len(items)
        for fold_items in cv_folds(len(items)):
            held = set(fold_items.tolist())
            rest = [i for i in range(len(items)) if i not in held]
            fold = RoleModel(_role_heads([rows[i] for i in rest], [items[i] for i in rest], thresholds))
            for i in held:
                probs[i] = fold.probabilities(rows[i][1]) if rows[i][0] else None
        for j, role in enumerate(("buyer", "user")):
            def right(t: float, j: int = j, role: str = role) -> int:
                return sum(overlaps(getattr(it, role), choose_roles(rows[i][0], p, np.array([t, t]))[j])
                           if p is not None else not getattr(it, role)
                           for i, (it, p) in enumerate(zip(items, probs, strict=True)))
            thresholds[j] = float(max(np.arange(0.1, 0.61, 0.05), key=right))
    return RoleModel(_role_heads(rows, items, thresholds))
