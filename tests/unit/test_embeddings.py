"""The precomputed vectors shipped with the knowledge base are complete and are the model's own."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.retrieval.embeddings import E5EmbeddingFunction, bundle_path, load_bundle, passage_key
from assistant.retrieval.knowledge import load_chunks
from assistant.retrieval.store import build_retriever

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


def _texts() -> list[str]:
    return [t for c in load_chunks(KNOWLEDGE) for t in c.embedding_texts]


def test_bundle_covers_every_section_of_the_knowledge_base():
    bundle = load_bundle(bundle_path(KNOWLEDGE))
    missing = [t[:60] for t in _texts() if passage_key(t) not in bundle]
    hint = "run `coach index --bundle` after editing knowledge/"
    assert not missing, f"{hint}: {len(missing)} missing, e.g. {missing[:3]}"


def test_bundled_vectors_equal_what_the_model_computes():
    bundle = load_bundle(bundle_path(KNOWLEDGE))
    texts = _texts()
    sample = [texts[0], texts[len(texts) // 2], texts[-1]]
    fresh = E5EmbeddingFunction()(sample)
    for text, vector in zip(sample, fresh, strict=True):
        cached = bundle[passage_key(text)]
        assert float(np.dot(cached, vector)) > 0.999


def test_fresh_index_uses_the_bundle_and_embeds_nothing(tmp_path: Path):
    retriever = build_retriever(tmp_path, KNOWLEDGE, progress=False)
    report = retriever.ensure_index()
    assert report.added == len(retriever.chunk_ids())
    assert retriever.embedding_function.passages_embedded == 0


def test_a_text_missing_from_the_bundle_is_embedded(tmp_path: Path):
    function = E5EmbeddingFunction(bundle=bundle_path(KNOWLEDGE))
    function(["Une phrase qui n'est dans aucun document de la base."])
    assert function.passages_embedded == 1
