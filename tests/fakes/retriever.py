"""A retriever over the real knowledge chunks with tag matching instead of embeddings: real ids and
texts, no index to build, the same answer every run."""

from __future__ import annotations

from pathlib import Path

from assistant.retrieval.knowledge import load_chunks
from assistant.retrieval.passage import Passage

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


class TagRetriever:
    def __init__(self, knowledge_dir: Path = KNOWLEDGE) -> None:
        self.passages = [chunk.to_passage() for chunk in load_chunks(knowledge_dir)]
        self.searches: list[str] = []

    async def search(self, query: str, *, language: str | None = None, k: int = 4,
                     question_id: str | None = None, mistake_id: str | None = None,
                     context: str = "") -> list[Passage]:
        self.searches.append(f"{context}\n{query}" if context else query)
        own = [p for p in self.passages if language is None or p.language == language]
        if question_id:
            own = [p for p in own if question_id in p.question_ids] or own
        if mistake_id:
            own = [p for p in own if mistake_id in p.mistake_ids] or own
        return own[:k]

    async def for_mistake(self, mistake_id: str, language: str, query: str = "", k: int = 3) -> list[Passage]:
        return [p for p in self.passages if p.language == language and mistake_id in p.mistake_ids][:k]
