"""The knowledge base on disk: front matter, chunking, the verbatim source, tag coverage."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.domain import KEY_QUESTIONS, LANGUAGES, MISTAKE_IDS, QUESTION_IDS
from assistant.retrieval.documents import KnowledgeError, parse_document, slugify, split_front_matter
from assistant.retrieval.knowledge import (
    chunk_document,
    default_knowledge_dir,
    load_chunks,
    load_documents,
    resolve_knowledge_dir,
)

KNOWLEDGE = default_knowledge_dir()
SOURCE = KNOWLEDGE / "segments-de-clientele.md"
SEED = Path("/work/shared/seeds/segments-de-clientele.txt")
# sha256 of the client's reference document, so the verbatim check also runs where the seed is absent.
SEED_SHA256 = "bcd829fc11d04c53ec0258e655c12275b5fbaac308647628165801ea4c88698d"
# Question ids the knowledge base must serve (the closing `summary` and `intake` need no passage).
COACHED_QUESTIONS = [q for q in QUESTION_IDS if q not in ("intake", "summary")]

MARKDOWN_DOC = """---
id: demo
title: Demo document
language: en
topic: demo
mistakes: [too_broad]
questions: [for_whom]
---
Some introduction.

## First section
Body of the first section.

## Second section
<!-- mistakes: demographics_only, too_many_segments; slug: second -->
```
## not a heading inside a code block
```
Body of the second.

## Hidden section
<!-- exclude: true -->
Left out of the index.

## Empty section
<!-- questions: none -->
"""


@pytest.fixture(scope="module")
def chunks():
    return load_chunks(KNOWLEDGE)


@pytest.fixture(scope="module")
def documents():
    return load_documents(KNOWLEDGE)


def test_front_matter_is_parsed_and_the_body_kept_as_written():
    meta, body = split_front_matter("---\nid: x\nquestions: [a, b]\n---\nline one\n\nline two\n")
    assert meta == {"id": "x", "questions": ["a", "b"]}
    assert body == "line one\n\nline two\n"


@pytest.mark.parametrize(
    "text",
    ["no front matter\n", "---\nid: [unclosed\n---\nbody\n", "---\n- a list\n---\nbody\n"],
)
def test_bad_front_matter_is_rejected(text):
    with pytest.raises(KnowledgeError):
        split_front_matter(text)


def test_missing_fields_and_unknown_language_are_rejected():
    with pytest.raises(KnowledgeError, match="title"):
        parse_document("---\nid: x\nlanguage: en\ntopic: t\n---\nbody\n")
    with pytest.raises(KnowledgeError, match="language"):
        parse_document("---\nid: x\ntitle: X\nlanguage: de\ntopic: t\n---\nbody\n")
    with pytest.raises(KnowledgeError, match="slug"):
        parse_document("---\nid: Not A Slug\ntitle: X\nlanguage: en\ntopic: t\n---\nbody\n")


def test_markdown_sections_tags_and_slugs():
    chunks = chunk_document(parse_document(MARKDOWN_DOC))
    assert [c.chunk_id for c in chunks] == ["demo#introduction", "demo#first-section", "demo#second"]
    intro, first, second = chunks
    assert intro.section == "Introduction" and intro.text == "Some introduction."
    # Document-level tags are defaults...
    assert first.mistake_ids == ("too_broad",) and first.question_ids == ("for_whom",)
    # ...that a section comment overrides key by key.
    assert second.mistake_ids == ("demographics_only", "too_many_segments")
    assert second.question_ids == ("for_whom",)
    assert "## not a heading" in second.text and "<!--" not in second.text
    assert {c.title for c in chunks} == {"Demo document"} and {c.language for c in chunks} == {"en"}


def test_unknown_ids_and_duplicate_slugs_are_rejected():
    with pytest.raises(KnowledgeError, match="unknown ids"):
        chunk_document(parse_document(MARKDOWN_DOC.replace("[too_broad]", "[too_wide]")))
    with pytest.raises(KnowledgeError, match="duplicate"):
        chunk_document(
            parse_document(
                MARKDOWN_DOC.replace("## Hidden section\n<!-- exclude: true -->", "## First section")
            )
        )
    with pytest.raises(KnowledgeError, match="not a slug"):
        chunk_document(parse_document(MARKDOWN_DOC.replace("slug: second", "slug: Second One")))
    with pytest.raises(KnowledgeError, match="unknown tag"):
        chunk_document(parse_document(MARKDOWN_DOC.replace("<!-- exclude: true -->", "<!-- colour: red -->")))


PLAIN_DOC = """---
id: plain
title: Plain
language: fr
topic: demo
questions: [for_whom]
sections:
  - Première partie
  - {heading: "Deuxième partie ?", slug: deux}
section_tags:
  deux: {mistakes: [not_validated], questions: [evidence]}
---
Texte d'ouverture.
Première partie
Ligne A.
Deuxième partie ?
- Ligne B
"""


def test_plain_document_is_split_at_listed_heading_lines():
    chunks = chunk_document(parse_document(PLAIN_DOC))
    assert [(c.chunk_id, c.section, c.text) for c in chunks] == [
        ("plain#introduction", "Introduction", "Texte d'ouverture."),
        ("plain#premiere-partie", "Première partie", "Ligne A."),
        ("plain#deux", "Deuxième partie ?", "- Ligne B"),
    ]
    assert chunks[2].mistake_ids == ("not_validated",) and chunks[2].question_ids == ("evidence",)
    assert chunks[1].question_ids == ("for_whom",)


def test_plain_document_with_a_missing_or_unknown_heading_is_rejected():
    with pytest.raises(KnowledgeError, match="not found"):
        chunk_document(parse_document(PLAIN_DOC.replace("Ligne A.\nDeuxième partie ?", "Ligne A.")))
    with pytest.raises(KnowledgeError, match="unknown sections"):
        chunk_document(parse_document(PLAIN_DOC.replace("  deux:", "  trois:")))


def test_source_document_body_is_the_seed_byte_for_byte():
    _, body = split_front_matter(SOURCE.read_text(encoding="utf-8"))
    assert hashlib.sha256(body.encode("utf-8")).hexdigest() == SEED_SHA256
    if SEED.exists():
        assert body.encode("utf-8") == SEED.read_bytes()


def test_source_document_is_cut_at_its_headings(chunks):
    source = {c.chunk_id: c for c in chunks if c.doc_id == "segments-de-clientele"}
    errors = source["segments-de-clientele#erreurs-courantes"]
    assert errors.section == "Erreurs Courantes à Éviter"
    assert errors.text.startswith("- Définir les segments trop largement")
    assert errors.text.endswith("- Ne pas mettre à jour les segments avec l'évolution des marchés")
    assert set(errors.mistake_ids) == set(MISTAKE_IDS) - {"buyer_user_confusion", "one_sided_platform"}
    faq = source["segments-de-clientele#faq-un-ou-plusieurs"]
    assert faq.section == "Dois-je me concentrer sur un segment ou plusieurs ?"
    assert "se concentrer sur un segment bien défini" in faq.text
    # The website's call to action stays in the verbatim body but is not citable.
    assert not any("Rejoignez des milliers" in c.text for c in chunks)
    # Every line of the body is in exactly one chunk (or is a heading, or the excluded call to action).
    headings = {c.section for c in source.values()} | {
        "Créez Votre Business Model Canvas",
        "Questions Fréquentes sur les Segments de Clientèle",
    }
    lines = [
        line for line in _source_body_lines() if line and line not in headings and "Rejoignez" not in line
    ]
    for line in lines:
        assert sum(line in c.text for c in source.values()) >= 1, line


def _source_body_lines() -> list[str]:
    return split_front_matter(SOURCE.read_text(encoding="utf-8"))[1].splitlines()


def test_chunk_ids_are_unique_readable_and_stable(chunks):
    ids = [c.chunk_id for c in chunks]
    assert len(ids) == len(set(ids))
    for chunk in chunks:
        doc_id, _, slug = chunk.chunk_id.partition("#")
        assert doc_id == chunk.doc_id and slug and slugify(slug) == slug
    assert [(c.chunk_id, c.content_hash) for c in load_chunks(KNOWLEDGE)] == [
        (c.chunk_id, c.content_hash) for c in chunks
    ]


def test_hashes_separate_text_changes_from_tag_changes(chunks):
    chunk = chunks[0]
    retagged = replace(chunk, mistake_ids=("too_broad",))
    assert retagged.embedding_hash == chunk.embedding_hash
    assert retagged.content_hash != chunk.content_hash
    edited = replace(chunk, text=chunk.text + " More.")
    assert edited.embedding_hash != chunk.embedding_hash


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_mistake_is_explained_in_both_languages(chunks, language):
    tagged = defaultdict(list)
    for chunk in chunks:
        if chunk.language == language:
            for mistake in chunk.mistake_ids:
                tagged[mistake].append(chunk.chunk_id)
    for mistake in MISTAKE_IDS:
        # Beyond the one-line lists of the source document, a deeper section explains the fix.
        deep = [cid for cid in tagged[mistake] if not cid.startswith(("segments-de-clientele", "customer-"))]
        assert deep, f"no {language} section explains {mistake}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_coached_question_has_passages_in_both_languages(chunks, language):
    covered = {q for c in chunks if c.language == language for q in c.question_ids}
    assert set(COACHED_QUESTIONS) <= covered
    assert set(KEY_QUESTIONS) <= covered


def test_every_document_has_a_counterpart_with_the_same_sections_and_tags(documents):
    by_id = {doc.doc_id: doc for doc in documents}
    for doc in documents:
        other = by_id.get(doc.counterpart or "")
        assert other is not None, f"{doc.doc_id} has no counterpart"
        assert other.counterpart == doc.doc_id and other.language != doc.language
        mine, theirs = chunk_document(doc), chunk_document(other)
        assert [(c.mistake_ids, c.question_ids) for c in mine] == [
            (c.mistake_ids, c.question_ids) for c in theirs
        ], f"{doc.doc_id} and {other.doc_id} differ in sections or tags"
    assert {doc.language for doc in documents} == set(LANGUAGES)
    assert len(documents) >= 14


def test_sections_are_concise_enough_to_cite(chunks):
    for chunk in chunks:
        if chunk.topic == "overview":
            continue  # the source document and its translation keep their own short sections
        words = len(re.findall(r"\w+", chunk.text))
        assert 60 <= words <= 260, f"{chunk.chunk_id}: {words} words"


def test_knowledge_dir_resolution(tmp_path):
    assert KNOWLEDGE.is_dir() and (KNOWLEDGE / "customer-segments.md").exists()
    assert resolve_knowledge_dir(None) == KNOWLEDGE
    assert resolve_knowledge_dir(str(tmp_path)) == tmp_path
    with pytest.raises(KnowledgeError):
        load_chunks(tmp_path / "missing")


def test_passages_carry_document_and_section(chunks):
    passage = chunks[0].to_passage(score=0.5)
    assert passage.chunk_id == chunks[0].chunk_id
    assert passage.document == chunks[0].title and passage.section == chunks[0].section
    assert passage.citation().chunk_id == chunks[0].chunk_id
