"""What one run of a scenario leaves behind: every exchange, the final canvas, how it ended.

Metrics are pure functions of transcripts (plus the scenario), so the same code scores runs of
the real graph, hand-made transcripts in unit tests, and sessions recorded elsewhere
(`coach eval --transcripts FILE.jsonl`, one `Transcript` JSON object per line).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
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


# ---------------------------------------------------------------- readable transcripts (Markdown)

MARKDOWN_DIR = "transcripts"
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~#&!{}])")
_LINE_START = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d+)([.)])")
_HEADING = re.compile(r"^(#{1,6})(?=\s|$)")


def quote_founder(text: str) -> str:
    """The founder's text as a Markdown blockquote that cannot change the document's structure: every
    line is quoted, Markdown and HTML characters are escaped, leading spaces (code blocks) dropped."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            lines.append(">")
            continue
        line = _ESCAPE.sub(r"\\\1", line)
        line = _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", line))
        lines.append("> " + line)
    while len(lines) > 1 and lines[-1] == ">":
        lines.pop()
    return "\n".join(lines)


def nest_headings(text: str, levels: int = 3) -> str:
    """Coach Markdown with its headings pushed down `levels` levels (at most ######), so that a summary's
    `## ...` stays inside its turn; code fences are left alone."""
    out, fence = [], False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence:
            line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels), line)
        out.append(line)
    return "\n".join(out)


def _coach_block(messages: Sequence[CoachMessage]) -> list[str]:
    out = []
    for m in messages:
        if m.text.strip():
            out += [nest_headings(m.text.strip()), ""]
    return out


def transcript_markdown(transcripts: Sequence[Transcript], title: str = "") -> str:
    """One scenario's runs as the founder saw them: every coach message and founder message in order,
    then the final canvas (`canvas_markdown`, what the founder can display or export)."""
    from assistant.canvas.render import canvas_markdown

    first = transcripts[0]
    head = f"# {first.scenario_id}" + (f" — {title}" if title else "")
    lines = [head, ""]
    for t in transcripts:
        if len(transcripts) > 1:
            lines += [f"## Run {t.run}", ""]
        facts = [
            f"language: {t.language}",
            f"coach: {t.source or '?'}",
            f"founder messages: {t.founder_turns}",
            f"ended: {t.stopped or ('done' if t.done else '?')}",
        ]
        lines += ["*" + " · ".join(facts) + "*", ""]
        if t.error:
            lines += ["**Error:**", "", quote_founder(t.error), ""]
        level = "###" if len(transcripts) > 1 else "##"
        lines += [f"{level} Conversation", ""]
        if t.opening:
            lines += ["**Coach**", ""] + _coach_block(t.opening)
        for i, e in enumerate(t.exchanges, 1):
            lines += [f"**Founder** (message {i})", "", quote_founder(e.founder), ""]
            lines += ["**Coach**", ""] + (_coach_block(e.coach) or ["*(no reply)*", ""])
        lines += [f"{level} Final canvas", ""]
        lines += [nest_headings(canvas_markdown(t.canvas).strip()), ""] if t.canvas is not None else ["*(none)*", ""]
    return "\n".join(lines).rstrip() + "\n"


def markdown_name(scenario_id: str) -> str:
    return (re.sub(r"[^A-Za-z0-9._-]+", "-", scenario_id).strip("-.") or "scenario") + ".md"


def write_markdown_transcripts(
    directory: Path, transcripts: Iterable[Transcript], titles: Mapping[str, str] | None = None
) -> list[Path]:
    """One Markdown file per scenario (its runs in order) in `directory`; returns the paths."""
    by_id: dict[str, list[Transcript]] = defaultdict(list)
    for t in transcripts:
        by_id[t.scenario_id].append(t)
    if not by_id:
        return []
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for scenario_id, runs in sorted(by_id.items()):
        path = directory / markdown_name(scenario_id)
        runs = sorted(runs, key=lambda t: t.run)
        path.write_text(transcript_markdown(runs, (titles or {}).get(scenario_id, "")), encoding="utf-8")
        paths.append(path)
    return paths
