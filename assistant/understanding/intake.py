"""Classify one founder message before it reaches the coach: command, free question, answer, or bad input.

Pure functions: the graph's `listen` node calls `read_message`, the routers read its result. The words
(commands, question openers, method topics) are data: `assistant/lexicon/<lang>/intake.yaml`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, cast, get_args

from pydantic import BaseModel, ConfigDict

from assistant.lexicon import languages, words
from assistant.lexicon.intake import IntakeWords
from assistant.text.excerpt import whole_sentences
from assistant.text.language import detect_language
from assistant.text.tokens import normalise
from assistant.understanding.dont_know import is_dont_know

Command = Literal["skip", "back", "canvas", "example", "restart", "help", "interviews", "accept", "refuse"]
Kind = Literal["command", "unknown_command", "faq", "answer", "empty", "emoji_only", "other_language", "dont_know",
               "not_a_pitch", "notes"]


@lru_cache(maxsize=1)
def _per_language() -> tuple[IntakeWords, ...]:
    """Every language's intake words (founders mix languages; the command maps are merged here)."""
    return tuple(words(IntakeWords, "intake", lang) for lang in languages())


def _by_command(maps: Iterable[dict[str, list[str]]]) -> dict[str, Command]:
    """Normalised phrase -> command id; an id the product does not know is an error."""
    out: dict[str, Command] = {}
    for mapping in maps:
        for command, phrases in mapping.items():
            if command not in get_args(Command):
                raise ValueError(f"intake.yaml: unknown command {command!r}")
            out.update({normalise(p): cast(Command, command) for p in phrases})
    return out


@lru_cache(maxsize=1)
def _commands() -> dict[str, Command]:
    """The words that name a command after a slash ("/passer")."""
    return _by_command(w.commands for w in _per_language())


@lru_cache(maxsize=1)
def _bare_commands() -> dict[str, Command]:
    """Whole messages that are commands without a slash (founders rarely type the slash)."""
    return _by_command(w.bare_commands for w in _per_language())


@lru_cache(maxsize=1)
def _question_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(question openers, method topics, the "or" of a choice) of every language."""
    lists = _per_language()
    return (tuple(o for w in lists for o in w.question_openers), tuple(h for w in lists for h in w.faq_hints),
            tuple(f" {a} " for w in lists for a in w.alternatives))


class Reading(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Kind
    text: str  # the cleaned text, capped
    command: Command | None = None
    typo: str = ""  # the unknown command as typed
    suggestion: Command | None = None
    language: Literal["fr", "en", "other", "unknown"] = "unknown"
    truncated: bool = False
    length: int = 0


def clean(text: str) -> str:
    """Normalise unicode, drop control characters, collapse blank runs."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _is_emoji_only(text: str) -> bool:
    letters = [ch for ch in text if ch.isalnum()]
    return not letters and any(unicodedata.category(ch) in ("So", "Sk", "Cs") or ord(ch) > 0x2000 for ch in text)


def _command(text: str) -> tuple[Command | None, str]:
    """(command, raw word) for '/cmd' or a bare command phrase; (None, word) for an unknown '/word'."""
    low = normalise(text).strip(" .!")
    if text.startswith("/"):
        word = low.lstrip("/").split()[0] if low.lstrip("/") else ""
        return _commands().get(word), word
    command = _bare_commands().get(low)
    if command is None:
        return None, ""
    return command, next((w for w in low.split() if _commands().get(w) == command), low)


def is_free_question(text: str) -> bool:
    """A question to the coach ("B2B ou B2C ?", "should I focus on one segment?"), not an answer."""
    stripped = text.strip()
    if not stripped.endswith("?") or len(stripped) > 300:
        return False
    low = normalise(stripped)
    openers, hints, alternatives = _question_words()
    if any(low.startswith(o) for o in openers):
        return True
    # Short "X ou Y ?" / "X or Y?" questions about the method.
    return len(low.split()) <= 8 and any(h in low for h in hints) and any(a in low for a in alternatives)


def read_message(text: str, *, session_language: str | None, max_chars: int) -> Reading:
    raw_length = len(text)
    cleaned = clean(text)
    truncated = len(cleaned) > max_chars
    capped = whole_sentences(cleaned, max_chars)
    reading = Reading(kind="answer", text=capped, truncated=truncated, length=raw_length)
    if not cleaned:
        return reading.model_copy(update={"kind": "empty"})
    if _is_emoji_only(cleaned):
        return reading.model_copy(update={"kind": "emoji_only"})
    command, word = _command(cleaned)
    if command:
        return reading.model_copy(update={"kind": "command", "command": command})
    if cleaned.startswith("/"):
        close = difflib.get_close_matches(word, list(_commands()), n=1, cutoff=0.6)
        suggestion = _commands()[close[0]] if close else None
        return reading.model_copy(update={"kind": "unknown_command", "typo": word, "suggestion": suggestion})
    reading = reading.model_copy(update={"language": detect_language(capped)})
    if is_dont_know(capped):
        return reading.model_copy(update={"kind": "dont_know"})
    if reading.language == "other":
        return reading.model_copy(update={"kind": "other_language"})
    if is_free_question(capped):
        return reading.model_copy(update={"kind": "faq"})
    return reading
