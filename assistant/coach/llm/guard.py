"""Defences around the model: founder text as inert data, a canary against prompt leaks, clean fields.

Everything here is pure and model-free, so the rules are unit-tested without a server.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable

from assistant.coach.base import Analysis, SegmentUpdate

_SHINGLE = 60  # a reply sharing this many characters in a row with the system prompt echoes it


def as_data(text: str) -> str:
    """Founder (or canvas) text ready for a tagged slot: it cannot close the tag or open another one."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


class Canary:
    """A random marker placed in the system prompt; any reply that carries it, or long runs of the
    prompt itself, is a leak and is never shown."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token or f"CANARY-{secrets.token_hex(6)}"
        self._shingles: set[str] = set()

    def protect(self, system_prompt: str) -> None:
        """Remember the filled system prompt so verbatim echoes of it are caught too."""
        text = _squash(system_prompt)
        self._shingles.update(text[i : i + _SHINGLE] for i in range(max(0, len(text) - _SHINGLE + 1)))

    def leaked(self, reply: str) -> bool:
        if self.token.lower() in reply.lower():
            return True
        text = _squash(reply)
        return any(text[i : i + _SHINGLE] in self._shingles for i in range(max(0, len(text) - _SHINGLE + 1)))


class StreamGuard:
    """Passes streamed tokens on as they come, except a tail that could be the start of the canary.

    The canary is never shown; a verbatim echo of the system prompt is cut as soon as it is recognised
    (a few dozen characters in) and the reply is then dropped by the caller.
    """

    def __init__(self, canary: Canary, emit: Callable[[str], None]) -> None:
        self.canary = canary
        self.emit = emit
        self.text = ""
        self.sent = 0
        self.leaked = False

    def _held(self) -> int:
        """Length of the longest tail of the text that begins the canary token."""
        token = self.canary.token.lower()
        tail = self.text[-len(token) :].lower()
        return next((n for n in range(min(len(token) - 1, len(tail)), 0, -1) if tail.endswith(token[:n])), 0)

    def feed(self, token: str) -> None:
        if self.leaked or not token:
            return
        self.text += token
        if self.canary.leaked(self.text[-(len(token) + 2 * _SHINGLE) :]):
            self.leaked = True
            return
        safe = len(self.text) - self._held()
        if safe > self.sent:
            self.emit(self.text[self.sent : safe])
            self.sent = safe

    def close(self) -> None:
        if not self.leaked and self.canary.leaked(self.text):
            self.leaked = True
        if not self.leaked and len(self.text) > self.sent:
            self.emit(self.text[self.sent :])
            self.sent = len(self.text)


# Phrases that only make sense as orders to a model. Matched on lower-cased, accent-free text.
_INSTRUCTION = re.compile(
    r"("
    r"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instruction|prompt|rule|directive|above|previous)"
    r"|\b(ignore|oublie|oubliez|ignorez|ne tiens pas compte)\b.{0,40}"
    r"\b(instruction|consigne|regle|prompt|precedent)"
    r"|system prompt|prompt systeme|developer message|jailbreak|\bdan mode\b|developer mode"
    r"|\byou are now\b|\btu es maintenant\b|\bvous etes maintenant\b|\bact as\b|\bpretend (to be|you)\b"
    r"|\b(reveal|print|repeat|show|display|output)\b.{0,30}\b(instruction|prompt|system)"
    r"|\b(revele|affiche|repete|montre|recopie)\b.{0,30}\b(instruction|consigne|prompt|systeme)"
    r"|<\|?(im_start|im_end|system|assistant)\|?>|\[/?inst\]|^\s*(system|assistant)\s*:|###\s*instruction"
    r"|\bnew instructions?\b|\bnouvelles? (instructions?|consignes?)\b"
    r"|\b(respond|answer|reply|output)\b.{0,20}\b(only|with)\b.{0,20}\b(json|yes|true)\b"
    r".{0,20}\b(always|from now)"
    r")",
    re.IGNORECASE | re.MULTILINE,
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def looks_like_instruction(text: str) -> bool:
    """True when a piece of text talks to the model rather than about the customers."""
    return bool(text) and bool(_INSTRUCTION.search(_plain(text)))


_STR_FIELDS = ("segment", "who", "type_rationale", "buyer", "user")
_LIST_FIELDS = ("characteristics", "needs", "behaviours", "jobs", "pains", "gains", "evidence", "assumptions",
                "linked_segments")


def _clean_update(up: SegmentUpdate, canary: Canary | None) -> SegmentUpdate | None:
    def bad(value: str) -> bool:
        return looks_like_instruction(value) or (canary is not None and canary.leaked(value))

    if bad(up.segment):
        return None
    data = up.model_dump()
    for name in _STR_FIELDS[1:]:
        if bad(data[name]):
            data[name] = ""
    for name in _LIST_FIELDS:
        data[name] = [v for v in data[name] if not bad(v)]
    return SegmentUpdate.model_validate(data)


def clean_analysis(analysis: Analysis, canary: Canary | None = None) -> Analysis:
    """Drop every canvas value that is an instruction aimed at the model, or a piece of its prompt."""
    updates = [u for u in (_clean_update(u, canary) for u in analysis.updates) if u is not None]

    def keep(value: str) -> str:
        if looks_like_instruction(value) or (canary is not None and canary.leaked(value)):
            return ""
        return value

    findings = [f.model_copy(update={"evidence": f.evidence if canary is None or not canary.leaked(f.evidence)
                                     else ""}) for f in analysis.findings]
    return analysis.model_copy(update={
        "updates": updates,
        "startup": keep(analysis.startup),
        "focus_segment": keep(analysis.focus_segment),
        "findings": findings,
    })


_SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+|$)")


def first_question(text: str, limit: int = 300) -> str:
    """The first question in `text`, alone; empty when there is none or it runs on too long."""
    for sentence in _SENTENCE.findall(" ".join(text.split())):
        sentence = sentence.strip()
        if sentence.endswith("?"):
            return sentence if len(sentence) <= limit else ""
    return ""


def without_questions(text: str, limit: int = 420) -> str:
    """A reflection keeps its statements and drops questions: the flow asks the one question of the turn."""
    kept: list[str] = []
    for sentence in _SENTENCE.findall(" ".join(text.split())):
        sentence = sentence.strip()
        if not sentence or sentence.endswith("?"):
            continue
        if kept and len(" ".join(kept)) + len(sentence) > limit:
            break
        kept.append(sentence)
    out = " ".join(kept)
    return out if len(out) <= limit else out[: limit - 1].rstrip() + "…"


def quoted_from(evidence: str, answer: str) -> bool:
    """True when `evidence` is really the founder's words (case, accents and spacing aside)."""
    quote = _squash(_plain(evidence)).strip(" \"'«»“”.…")
    return bool(quote) and quote in _squash(_plain(answer))
