"""The offline coach's reflections: one sentence that restates what the founder meant (motivational-
interviewing practice: a reflection, not an echo of their words), varied from turn to turn.

Templates live in `prompts/<lang>/offline.yaml` (`reflections`); what a pain or a gain is about (time,
money, risk...) is read with the words of `assistant/lexicon/<lang>/reflection.yaml`.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

from assistant.analysis import SegmentUpdate
from assistant.canvas import role_holder
from assistant.domain import Language
from assistant.lexicon import languages, reflection
from assistant.prompts import Prompts
from assistant.text.excerpt import excerpt
from assistant.text.tokens import normalise
from assistant.text.typography import join_and, quote

_WORD = re.compile(r"[a-z0-9-]+")
MAX_DIMENSIONS = 2
ROLE_CHARS = 60


@lru_cache(maxsize=1)
def _dimension_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for lang in languages():
        for dim, words in reflection(lang).dimensions.items():
            out.setdefault(dim, []).extend(words)
    return {dim: tuple(words) for dim, words in out.items()}


def dimensions(items: list[str]) -> list[str]:
    """What the items are about, most mentioned first (ids of reflection.yaml: time, money, risk...)."""
    words = _WORD.findall(normalise(" ".join(items)))
    counts = {dim: sum(1 for w in words if w.startswith(starts)) for dim, starts in _dimension_words().items()}
    return [d for d, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n][:MAX_DIMENSIONS]


def _pick(variants: list[str], seed: str) -> str:
    """A stable choice among variants: the same answer always gets the same sentence, answers vary."""
    return variants[zlib.crc32(seed.encode("utf-8")) % len(variants)]


def _role(text: str, language: Language) -> str:
    short = excerpt(role_holder(text), ROLE_CHARS).rstrip(" …")
    return quote(language, short)


def reflect(prompts: Prompts, language: Language, question_id: str, answer: str,
            updates: list[SegmentUpdate], evidence_level: str = "", plan: bool = False) -> str:
    """One reflection sentence for the answer to `question_id`, or "" when there is nothing to reflect."""
    if not updates:
        return ""
    up = updates[0]
    segment = up.segment

    def say(key: str, **values: str) -> str:
        template = _pick(prompts.variants(language, f"reflections.{key}"), answer)
        return template.format(segment=segment, **values)

    def dims(items: list[str]) -> str:
        labels = [prompts.text(language, f"reflections.dimensions.{d}") for d in dimensions(items)]
        return join_and(language, labels)  # at most MAX_DIMENSIONS (2): "a et b", "a and b"

    if question_id in ("pains", "gains"):
        items = [i for u in updates for i in getattr(u, question_id)]
        if not items:
            return ""
        found = dims(items)
        return say(question_id, dimensions=found) if found else say(f"{question_id}_plain")
    if question_id == "jobs" and any(u.jobs for u in updates):
        return say("jobs")
    if question_id == "characteristics":
        if any(u.needs or u.behaviours for u in updates):
            return say("characteristics")
        return say("characteristics_profile") if any(u.characteristics for u in updates) else ""
    if question_id == "buyer_user" and (up.buyer or up.user):
        if up.buyer and not role_holder(up.buyer):
            return say("buyer_user_free")  # "Nobody on this side pays (…)"
        if up.buyer and up.user and normalise(role_holder(up.buyer)) != normalise(role_holder(up.user)):
            return say("buyer_user_differ", buyer=_role(up.buyer, language), user=_role(up.user, language))
        return say("buyer_user_same")
    if question_id == "evidence":
        if evidence_level == "validated":
            return say("evidence_validated")
        if evidence_level == "partially_validated":
            return say("evidence_partial")
        return say("evidence_plan") if plan else ""
    if question_id == "priority":
        rated = next((u for u in updates if u.priority_value and u.priority_fit), None)
        if rated:
            segment = rated.segment
            return say("priority_rated", value=str(rated.priority_value), fit=str(rated.priority_fit))
    return ""
