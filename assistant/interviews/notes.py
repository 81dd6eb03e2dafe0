"""Interview notes as the founder pastes them: one or many interviews, split into their lines.

A paste is kept whole (up to `NOTES_LIMIT` characters, far beyond the 4,000 of an ordinary answer) and read
in chunks of whole lines. A new interview starts at a heading ("Entretien 2 — …", "## Interview 3",
"Person 4:") or at a rule line ("---"); notes with no heading are one interview.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.text.tokens import normalise

NOTES_LIMIT = 60_000  # characters of one paste that are read (the inbox keeps the whole message)
CHUNK_CHARS = 4_000
_RULE = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ý«\"“])")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    data: dict[str, list[str]] = yaml.safe_load(Path(__file__).with_name("reading.yaml").read_text(encoding="utf-8"))
    return data


class Interview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    index: int = Field(description="1-based, in paste order.")
    title: str = ""
    lines: list[str] = Field(default_factory=list)


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """`text` in pieces of at most about `size` characters, cut at line ends (a longer line is its own piece)."""
    piece: list[str] = []
    length = 0
    for line in text.splitlines():
        if piece and length + len(line) > size:
            yield "\n".join(piece)
            piece, length = [], 0
        piece.append(line)
        length += len(line) + 1
    if piece:
        yield "\n".join(piece)


_HEAD = re.compile(r"^([a-z]+)(?:\s*(?:n\W?\s*)?\d+)?\s*(?:[-:,(]|$|(?:avec|with)\s)")


def _heading(line: str) -> bool:
    """"Entretien 2 — Sophie", "## Interview 3", "Person 4:"; not "Personne ne se plaint"."""
    if len(line.strip()) > 90:
        return False
    if line.lstrip().startswith("#"):
        return True
    m = _HEAD.match(normalise(line))
    return bool(m and m.group(1) in vocabulary()["heading"])


def _lines(block: str) -> list[str]:
    """Lines without bullets, long ones cut at sentences; a question stays with the answer after it
    ("Evenings on paperwork? He doesn't mind."): the question says what the answer is about."""
    out: list[str] = []
    for raw in block.splitlines():
        line = _BULLET.sub("", raw).strip()
        pending = ""
        for sentence in (s.strip() for s in _SENTENCE.split(line) if s.strip()):
            if sentence.endswith("?"):
                pending = f"{pending} {sentence}".strip()
                continue
            out.append(f"{pending} {sentence}".strip())
            pending = ""
        if pending:
            out.append(pending)
    return out


def split_interviews(text: str) -> list[Interview]:
    """The interviews of a paste, each with its lines (bullets removed, long lines cut at sentences)."""
    interviews: list[Interview] = []
    current = Interview(index=1)
    started = False
    for piece in chunks(text[:NOTES_LIMIT]):
        for raw in piece.splitlines():
            if _RULE.match(raw) or raw.strip() and _heading(raw):
                if started and current.lines:
                    interviews.append(current)
                    current = Interview(index=len(interviews) + 1)
                if not _RULE.match(raw):
                    current.title = raw.strip().lstrip("#").strip()
                started = True
                continue
            current.lines += _lines(raw)
            started = True
    if current.lines:
        interviews.append(current)
    # A line or two before the first heading ("Voici mes notes.") introduces the interviews, it is not one.
    if len(interviews) > 1 and not interviews[0].title and len(interviews[0].lines) <= 2 and interviews[1].title:
        interviews = [i.model_copy(update={"index": i.index - 1}) for i in interviews[1:]]
    return interviews


NOTES_COMMANDS = ("/notes", "/entretiens-notes", "/interview-notes")


def notes_in(kind: str, text: str, done: bool) -> str | None:
    """The interview notes a founder turn carries, whole, or None: a `Notes` turn (`kind == "notes"`), a
    message opening with `/notes`, or — after the summary — a paste that looks like notes (an interview
    heading, or several lines of some length)."""
    stripped = text.strip()
    for command in NOTES_COMMANDS:
        if stripped.lower().startswith(command + " ") or stripped.lower().startswith(command + "\n"):
            return stripped[len(command):].strip()[:NOTES_LIMIT]
    if kind == "notes":
        return stripped[:NOTES_LIMIT]
    if kind != "text" or not done:
        return None
    lines = [line for line in stripped.splitlines() if line.strip()]
    headed = any(_heading(line) for line in lines) and len(lines) >= 2
    return stripped[:NOTES_LIMIT] if headed or (len(lines) >= 3 and len(stripped) >= 400) else None
