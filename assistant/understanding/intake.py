"""Classify one founder message before it reaches the coach: command, free question, answer, or bad input.

Pure functions: the graph's `listen` node calls `read_message`, the routers read its result.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.text.excerpt import whole_sentences
from assistant.text.language import detect_language
from assistant.text.tokens import normalise
from assistant.understanding.dont_know import is_dont_know

Command = Literal["skip", "back", "canvas", "example", "restart", "help", "interviews", "accept", "refuse"]
Kind = Literal["command", "unknown_command", "faq", "answer", "empty", "emoji_only", "other_language", "dont_know",
               "not_a_pitch", "notes"]

COMMANDS: dict[str, Command] = {
    "skip": "skip",
    "passer": "skip",
    "suivant": "skip",
    "next": "skip",
    "back": "back",
    "retour": "back",
    "precedent": "back",
    "canvas": "canvas",
    "canevas": "canvas",
    "example": "example",
    "exemple": "example",
    "restart": "restart",
    "recommencer": "restart",
    "reset": "restart",
    "help": "help",
    "aide": "help",
    "entretiens": "interviews",
    "interviews": "interviews",
    "kit": "interviews",
}

# Whole messages that are commands without a slash (founders rarely type the slash).
BARE_COMMANDS = {"skip", "passer", "suivant", "next", "retour", "back", "canevas", "canvas", "aide", "help",
                 "exemple", "example", "recommencer", "restart", "montre le canevas", "show the canvas",
                 "show canvas", "voir le canevas", "question suivante", "next question", "un exemple",
                 "an example", "give me an example", "donne-moi un exemple", "donne moi un exemple"}

_QUESTION_OPENERS = (
    "comment", "pourquoi", "quel", "quelle", "quels", "quelles", "qu'est-ce", "qu est ce", "c'est quoi",
    "dois-je", "dois je", "faut-il", "faut il", "est-ce", "est ce", "peut-on", "puis-je", "combien",
    "how", "why", "what", "which", "should", "do i", "does", "is it", "can i", "when", "where", "is there",
    "what's", "whats", "explain", "explique", "expliquer", "explain",
)
_FAQ_HINTS = ("b2b", "b2c", "difference", "différence", "persona", "segment", "focus", "concentrer", "valider",
              "validate", "multi", "plateforme", "platform", "type", "niche", "masse", "mass", "jobs", "canvas")


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
        return COMMANDS.get(word), word
    if low in BARE_COMMANDS or normalise(text).strip(" .!") in {normalise(c) for c in BARE_COMMANDS}:
        for phrase, cmd in COMMANDS.items():
            if phrase in low.split():
                return cmd, phrase
        if "canevas" in low or "canvas" in low:
            return "canvas", low
        if "exemple" in low or "example" in low:
            return "example", low
        if "suivante" in low or "next" in low:
            return "skip", low
    return None, ""


def is_free_question(text: str) -> bool:
    """A question to the coach ("B2B ou B2C ?", "should I focus on one segment?"), not an answer."""
    stripped = text.strip()
    if not stripped.endswith("?") or len(stripped) > 300:
        return False
    low = normalise(stripped)
    words = low.split()
    if any(low.startswith(o) for o in _QUESTION_OPENERS):
        return True
    # Short "X ou Y ?" / "X or Y?" questions about the method.
    return len(words) <= 8 and any(h in low for h in _FAQ_HINTS) and (" ou " in low or " or " in low)


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
        close = difflib.get_close_matches(word, list(COMMANDS), n=1, cutoff=0.6)
        suggestion = COMMANDS[close[0]] if close else None
        return reading.model_copy(update={"kind": "unknown_command", "typo": word, "suggestion": suggestion})
    reading = reading.model_copy(update={"language": detect_language(capped)})
    if is_dont_know(capped):
        return reading.model_copy(update={"kind": "dont_know"})
    if reading.language == "other":
        return reading.model_copy(update={"kind": "other_language"})
    if is_free_question(capped):
        return reading.model_copy(update={"kind": "faq"})
    return reading
