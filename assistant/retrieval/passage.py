"""A retrieved piece of guidance: what every citation points at."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.canvas import Citation


class Passage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    chunk_id: str
    document: str  # document title
    section: str  # section heading
    language: str  # "fr" | "en"
    text: str
    topic: str = ""
    mistake_ids: tuple[str, ...] = ()
    question_ids: tuple[str, ...] = ()
    score: float = 0.0

    def citation(self) -> Citation:
        return Citation(chunk_id=self.chunk_id, document=self.document, section=self.section)
