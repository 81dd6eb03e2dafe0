"""What one run of a scenario leaves behind: every exchange, the final canvas, how it ended.

Metrics are pure functions of transcripts (plus the scenario), so the same code scores runs of
the real graph, hand-made transcripts in unit tests, and sessions recorded elsewhere
(`coach eval --transcripts FILE.jsonl`, one `Transcript` JSON object per line).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Canvas
from assistant.messages import CoachMessage


class Exchange(BaseModel):
    """One founder message and the coach's whole reply to it."""

    model_config = ConfigDict(extra="forbid")

    question_id: str = Field(default="", description="What the coach was waiting for when the founder spoke.")
    founder: str
    coach: list[CoachMessage] = Field(default_factory=list, description="The coach messages of the reply.")
    retrieved: list[str] | None = Field(
        default=None,
        description="Chunk ids retrieved while replying; None when unknown (recorded elsewhere).",
    )
    question_after: str = Field(default="", description="What the coach waits for after this reply.")


class Transcript(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scenario_id: str
    language: str
    source: str = Field(default="", description="Who coached: 'offline', 'openai:<model>', 'human', ...")
    run: int = 0
    opening: list[CoachMessage] = Field(default_factory=list, description="Coach messages before the pitch.")
    exchanges: list[Exchange] = Field(default_factory=list)
    canvas: Canvas | None = None
    done: bool = False
    stopped: str = Field(default="", description="done | max_turns | founder_stop | error")
    error: str = ""
    duration_s: float = 0.0

    @property
    def founder_turns(self) -> int:
        return len(self.exchanges)

    def coach_turns(self) -> list[list[CoachMessage]]:
        """The coach's turns: the opening, then each reply; empty ones are left out."""
        turns = [self.opening] + [e.coach for e in self.exchanges]
        return [t for t in turns if t]


def write_transcripts(path: Path, transcripts: Iterable[Transcript]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for t in transcripts:
            fh.write(t.model_dump_json() + "\n")


def read_transcripts(path: Path) -> list[Transcript]:
    out: list[Transcript] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(Transcript.model_validate(json.loads(line)))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a transcript: {exc}") from exc
    return out
