"""Retrieval over the real knowledge base with the real (bundled, offline) embedding model.

The index is built once per test run by the session `retriever` fixture (tests/conftest.py); tests that
need to watch indexing itself use a small copy of the knowledge folder.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
import warnings
from pathlib import Path

import numpy as np
import pytest
import yaml

from assistant.domain import LANGUAGES, MISTAKE_IDS
from assistant.retrieval.embeddings import E5EmbeddingFunction
from assistant.retrieval.knowledge import load_chunks
from assistant.retrieval.store import IndexReport, Retriever, build_retriever, open_client, open_collection

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
QUERIES = yaml.safe_load((ROOT / "tests/data/retrieval_queries.yaml").read_text(encoding="utf-8"))["queries"]
STOPWORDS = set(
    """a an and are as at be but by can do does for from has have how i if in is it its me my of on or our
    so that the their them they this to was we what when which who why will with you your not no yes just
    haven't
    au aux avec ce ces cela c'est dans de des du elle en est et il ils je la le les leur mais me mes mon ne
    nos notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes ton tu un une vos votre
    vous ça y a à quel quelle quels quelles puis""".split()
)


def _words(text: str) -> set[str]:
    """Content words, accents folded, crude plural stemming ("segments" ~ "segment")."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    stop = {unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in STOPWORDS}
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", folded)
    return {re.sub(r"(?<=...)[sx]$", "", w) for w in words if w not in stop and len(w) > 2}


def test_query_set_is_well_formed(retriever: Retriever):
    assert len(QUERIES) >= 30
    assert {q["language"] for q in QUERIES} >= set(LANGUAGES)
    assert sum(bool(q.get("paraphrase")) for q in QUERIES) >= 8
    assert any(q["language"] is None for q in QUERIES)
    known = retriever.chunk_ids()
    for q in QUERIES:
        assert q["relevant"] and set(q["relevant"]) <= known, q["query"]


@pytest.mark.parametrize("entry", [q for q in QUERIES if q.get("paraphrase")], ids=lambda q: q["query"][:40])
def test_paraphrases_share_no_content_word_with_their_target(retriever: Retriever, entry):
    query_words = _words(entry["query"])
    for chunk_id in entry["relevant"]:
        passage = retriever.get(chunk_id)
        assert passage is not None
        shared = query_words & _words(f"{passage.section} {passage.text}")
        assert not shared, f"{chunk_id} shares {shared}"


def test_hit_at_3(retriever: Retriever):
    misses = []
    for q in QUERIES:
        found = retriever.search_sync(
            q["query"],
            language=q["language"],
            k=3,
            question_id=q.get("question_id"),
            mistake_id=q.get("mistake_id"),
        )
        if not {p.chunk_id for p in found} & set(q["relevant"]):
            misses.append(f"{q['query']!r}: got {[p.chunk_id for p in found]}, want one of {q['relevant']}")
    hit_rate = 1 - len(misses) / len(QUERIES)
    print(f"\nhit@3 = {hit_rate:.3f} ({len(QUERIES) - len(misses)}/{len(QUERIES)})")
    print("\n".join(f"MISS {m}" for m in misses))
    assert hit_rate >= 0.9


def test_reindexing_an_unchanged_knowledge_base_embeds_nothing(retriever: Retriever, index_dir: Path):
    retriever.ensure_index()
    again = build_retriever(index_dir, KNOWLEDGE, progress=False)
    report = again.ensure_index()
    assert report == IndexReport(added=0, updated=0, unchanged=len(again.chunk_ids()), removed=0, embedded=0)
    assert again.embedding_function.passages_embedded == 0


def test_only_changed_sections_are_reembedded(tmp_path: Path):
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    shutil.copy(KNOWLEDGE / "customer-segments.md", knowledge)
    data = tmp_path / "data"

    def reindex() -> tuple[IndexReport, int]:
        retriever = build_retriever(data, knowledge, progress=False)
        report = retriever.ensure_index()
        return report, retriever.embedding_function.passages_embedded

    first, embedded = reindex()
    total = len(load_chunks(knowledge))
    assert (first.added, first.updated, first.removed, embedded) == (total, 0, 0, total)

    doc = knowledge / "customer-segments.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(
        text.replace("Expand once you have product-market fit.", "Expand after product-market fit.")
    )
    report, embedded = reindex()
    assert report == IndexReport(added=0, updated=1, unchanged=total - 1, removed=0, embedded=1)
    assert embedded == 1

    doc.write_text(
        doc.read_text().replace(
            "slug: connections; questions: none", "slug: connections; questions: for_whom"
        )
    )
    report, embedded = reindex()
    assert (report.updated, report.embedded, embedded) == (1, 0, 0)  # a tag edit needs no new embedding

    doc.write_text(
        re.sub(r"## Should I focus.*?(?=## What is the difference)", "", doc.read_text(), flags=re.S)
    )
    report, embedded = reindex()
    assert report == IndexReport(added=0, updated=0, unchanged=total - 1, removed=1, embedded=0)
    client = open_client(data)
    assert "customer-segments#faq-one-or-many" not in set(
        open_collection(client, E5EmbeddingFunction()).get()["ids"]
    )


def test_passages_carry_document_section_and_similarity(retriever: Retriever):
    passages = retriever.search_sync("Who pays when the user is not the buyer?", language="en", k=4)
    assert len(passages) == 4
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    for passage in passages:
        assert passage.language == "en" and passage.document and passage.section and passage.text
        stored = retriever.get(passage.chunk_id)
        assert stored is not None and stored.model_copy(update={"score": passage.score}) == passage
    # The score is the cosine similarity of the query and the section's best vector (whole or paragraph).
    top = passages[0]
    chunk = next(c for c in load_chunks(KNOWLEDGE) if c.chunk_id == top.chunk_id)
    ef = retriever.embedding_function
    query = ef.embed_query(["Who pays when the user is not the buyer?"])[0]
    expected = max(float(np.dot(query, vector)) for vector in ef(chunk.embedding_texts))
    assert top.score == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("mistake_id", MISTAKE_IDS)
async def test_for_mistake_returns_a_passage_tagged_with_it(retriever: Retriever, mistake_id, language):
    passages = await retriever.for_mistake(mistake_id, language)
    assert passages and all(p.language == language for p in passages)
    assert all(mistake_id in p.mistake_ids for p in passages)
    with_query = await retriever.for_mistake(mistake_id, language, query="our customers")
    assert with_query and mistake_id in with_query[0].mistake_ids


async def test_for_mistake_cites_the_source_document_in_french(retriever: Retriever):
    passages = await retriever.for_mistake("too_broad", "fr")
    ids = [p.chunk_id for p in passages]
    assert "segments-de-clientele#erreurs-courantes" in ids
    assert ids[0] == "prioriser-ses-segments#pas-tout-le-monde"  # the dedicated explanation comes first


async def test_search_filters_and_fallbacks(retriever: Retriever):
    tagged = await retriever.search("notre client", language="fr", question_id="buyer_user")
    assert tagged and all("buyer_user" in p.question_ids and p.language == "fr" for p in tagged)
    # `intake` tags no section: the filter falls back to plain search instead of returning nothing.
    assert len(await retriever.search("what do you do?", language="en", question_id="intake", k=3)) == 3
    # A language without documents is a preference, not a requirement.
    assert len(await retriever.search("segments de clientèle", language="de", k=2)) == 2
    # No query text: the tagged sections themselves.
    no_text = await retriever.search("", language="en", mistake_id="one_sided_platform")
    assert no_text and all("one_sided_platform" in p.mistake_ids for p in no_text)
    with pytest.raises(ValueError):
        await retriever.search("x", question_id="nope")


def test_embedding_function_follows_the_chroma_protocol(tmp_path: Path):
    ef = E5EmbeddingFunction()
    assert not ef.is_legacy()
    assert E5EmbeddingFunction.build_from_config(ef.get_config()).get_config() == ef.get_config()
    query, passage = ef.embed_query(["segments"])[0], ef(["segments"])[0]
    assert query.shape == passage.shape == (384,)
    assert float(np.dot(query, passage)) < 0.999  # different prefixes, different vectors
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        collection = open_collection(open_client(tmp_path), ef)
        collection.add(ids=["a"], documents=["Les segments de clientèle"])
        # Even Chroma's own text query path goes through our function (never its downloading default).
        result = collection.query(query_texts=["segments"], n_results=1)
    assert result["ids"] == [["a"]]
    assert ef.queries_embedded == 2 and ef.passages_embedded == 2
    reopened = open_collection(open_client(tmp_path), E5EmbeddingFunction())
    assert reopened.count() == 1


def test_embedding_cache_serves_known_passages_without_the_model(tmp_path: Path):
    first = E5EmbeddingFunction(cache_dir=tmp_path)
    vectors = first(["segment A", "segment B"])
    assert first.passages_embedded == 2
    second = E5EmbeddingFunction(cache_dir=tmp_path)
    again = second(["segment B", "segment A", "segment C"])
    assert second.passages_embedded == 1  # only the new text went through the model
    assert np.allclose(again[0], vectors[1]) and np.allclose(again[1], vectors[0])
    (next(tmp_path.glob("*.npy"))).write_bytes(b"torn")
    assert len(E5EmbeddingFunction(cache_dir=tmp_path)(["segment A", "segment B"])) == 2
