"""The knowledge base on disk, cut into citable chunks: each section of each document (see `documents.py`
for the format) becomes one `Chunk` with a stable id `{doc id}#{section slug}`, tagged with the founder
mistakes and coaching questions it helps with.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.domain import MISTAKE_IDS, QUESTION_IDS
from assistant.retrieval.documents import Document, KnowledgeError, parse_document, slugify, split_sections
from assistant.retrieval.passage import Passage


@dataclass(frozen=True)
class Chunk:
    """One section of one document: the unit that is embedded, retrieved and cited."""

    chunk_id: str
    doc_id: str
    title: str  # document title
    section: str  # section heading
    language: str
    topic: str
    mistake_ids: tuple[str, ...]
    question_ids: tuple[str, ...]
    text: str  # section body, without its heading

    @property
    def embedding_text(self) -> str:
        """What the embedding model reads: the heading gives a short body its context."""
        return f"{self.title} — {self.section}\n{self.text}"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in re.split(r"\n\s*\n", self.text) if p.strip()]

    @property
    def embedding_texts(self) -> list[str]:
        """The whole section, then each paragraph when there are several (all under the heading).

        A long section mixes several ideas; a paragraph vector lets a precise question find it.
        """
        paragraphs = self.paragraphs
        if len(paragraphs) < 2:
            return [self.embedding_text]
        return [self.embedding_text, *(f"{self.title} — {self.section}\n{p}" for p in paragraphs)]

    @property
    def embedding_hash(self) -> str:
        """Changes only when the embedded text changes (a tag edit does not force a re-embedding)."""
        return _sha256(self.embedding_text)

    @property
    def content_hash(self) -> str:
        """Changes whenever anything stored for the chunk changes."""
        fields = [self.embedding_text, self.doc_id, self.language, self.topic]
        return _sha256("\x1f".join([*fields, ",".join(self.mistake_ids), ",".join(self.question_ids)]))

    def to_passage(self, score: float = 0.0) -> Passage:
        return Passage(
            chunk_id=self.chunk_id,
            document=self.title,
            section=self.section,
            language=self.language,
            text=self.text,
            topic=self.topic,
            mistake_ids=self.mistake_ids,
            question_ids=self.question_ids,
            score=score,
        )


def default_knowledge_dir() -> Path:
    """The repository's `knowledge/` folder, next to the `assistant` package."""
    return Path(__file__).resolve().parents[2] / "knowledge"


def resolve_knowledge_dir(path: str | Path | None = None) -> Path:
    """`path` when the caller has one (e.g. from COACH_KNOWLEDGE_DIR), else the default folder."""
    return Path(path).expanduser() if path else default_knowledge_dir()


def chunk_document(doc: Document) -> list[Chunk]:
    defaults = {key: doc.meta.get(key, []) for key in ("mistakes", "questions")}
    chunks: list[Chunk] = []
    for section in split_sections(doc):
        tags = {**defaults, **section.tags}
        if tags.get("exclude") or not section.body.strip():
            continue
        if slugify(section.slug) != section.slug:
            raise KnowledgeError(f"{doc.doc_id}: section slug '{section.slug}' is not a slug")
        chunks.append(
            Chunk(
                chunk_id=f"{doc.doc_id}#{section.slug}",
                doc_id=doc.doc_id,
                title=doc.title,
                section=section.heading,
                language=doc.language,
                topic=doc.topic,
                mistake_ids=_checked(tags["mistakes"], MISTAKE_IDS, f"{doc.doc_id}#{section.slug}"),
                question_ids=_checked(tags["questions"], QUESTION_IDS, f"{doc.doc_id}#{section.slug}"),
                text=section.body.strip(),
            )
        )
    _ensure_unique(chunk.chunk_id for chunk in chunks)
    return chunks


def load_documents(knowledge_dir: Path) -> list[Document]:
    """Every `*.md` document of the folder, sorted by file name."""
    if not knowledge_dir.is_dir():
        raise KnowledgeError(f"knowledge folder not found: {knowledge_dir}")
    documents = []
    for path in sorted(knowledge_dir.glob("*.md")):
        try:
            documents.append(parse_document(path.read_text(encoding="utf-8")))
        except KnowledgeError as exc:
            raise KnowledgeError(f"{path.name}: {exc}") from exc
    _ensure_unique(doc.doc_id for doc in documents)
    return documents


def load_chunks(knowledge_dir: Path) -> list[Chunk]:
    chunks = [chunk for doc in load_documents(knowledge_dir) for chunk in chunk_document(doc)]
    _ensure_unique(chunk.chunk_id for chunk in chunks)
    return chunks


def _checked(values: Any, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [v.strip() for v in values.split(",") if v.strip()]
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise KnowledgeError(f"{where}: unknown ids {unknown}")
    return tuple(dict.fromkeys(values))


def _ensure_unique(ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise KnowledgeError(f"duplicate id '{item}'")
        seen.add(item)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
