"""Draft a persona from what the founder said about a segment, and correct it from what they say about it.

The offline engine's persona: every value is a piece of the segment as the founder described it, with
those words as its source; what was never said stays empty, and the coach asks for it. Corrections in
words ("non, elle a plutôt 45 ans et gère trois boutiques") replace or complete the field they are about,
and survive a later redraft of the persona.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from assistant.domain import Language
from assistant.personas.models import ASK_ORDER, LIST_FIELDS, Persona, PersonaField
from assistant.personas.words import words
from assistant.text.tokens import normalise

QUOTE_LIMIT = 220
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


class SegmentFacts(Protocol):
    """What the builder reads of a segment (the canvas's `Segment` has these attributes)."""

    @property
    def name(self) -> str: ...
    @property
    def who(self) -> str: ...
    @property
    def characteristics(self) -> list[str]: ...
    @property
    def behaviours(self) -> list[str]: ...
    @property
    def jobs(self) -> list[str]: ...
    @property
    def pains(self) -> list[str]: ...
    @property
    def gains(self) -> list[str]: ...
    @property
    def buyer(self) -> str: ...
    @property
    def user(self) -> str: ...
    @property
    def draft(self) -> bool: ...


def said(value: str, source: str | None = None) -> PersonaField:
    value = value.strip()
    return PersonaField(value=value, source=(source or value).strip(), origin="session") if value else PersonaField()


def _words(text: str) -> str:
    """Folded words separated by single spaces ("s'appelle," -> "s appelle")."""
    return re.sub(r"[^a-z0-9]+", " ", normalise(text)).strip()


def _has_cue(text: str, cues: Sequence[str]) -> bool:
    low = f" {_words(text)} "
    return any(f" {cue} " in low or (len(cue) > 4 and cue in low) for cue in cues)


def _moment(seg: SegmentFacts, language: Language) -> PersonaField:
    """A day or buying moment, only when the founder described one (a time, a day, "quand...")."""
    cues = words(language).cues["moment"]
    for item in [*seg.behaviours, *seg.characteristics]:
        if _has_cue(item, cues):
            return said(item)
    return PersonaField()


_PART = re.compile(r"\s*;\s*|\s+[-–—]\s+")


def _quote(seg: SegmentFacts, answers: Mapping[str, str], others: Sequence[SegmentFacts] = ()) -> PersonaField:
    """One sentence of the founder's own about this segment's pains (else its jobs, its gains), word for
    word: the sentence, or the part of it ("Shippers: …; Carriers: …"), that holds one of the segment's own
    items and none that only `others` hold. Empty when none does: an answer about several segments is never
    quoted for each of them."""
    for qid, items in (("pains", seg.pains), ("jobs", seg.jobs), ("gains", seg.gains)):
        own = [normalise(i) for i in items if len(i) >= 8]
        theirs = {normalise(i) for o in others for i in getattr(o, qid) if len(i) >= 8} - set(own)
        for sentence in _SENTENCE.split(answers.get(qid, "")):
            for part in (*_PART.split(sentence), sentence):
                part = part.strip()
                text = normalise(part)
                if (20 <= len(part) <= QUOTE_LIMIT and any(item in text for item in own)
                        and not any(item in text for item in theirs)):
                    return said(part)
    return PersonaField()


def draft_persona(seg: SegmentFacts, answers: Mapping[str, str], language: Language,
                  previous: Persona | None = None, others: Sequence[SegmentFacts] = ()) -> Persona:
    """The persona of `seg` from the canvas and the founder's answers (by question id); `others`, the canvas's
    other segments, whose words are never quoted for this one. Fields the founder corrected or that
    interview notes backed in `previous` are kept as they are."""
    described = [*seg.characteristics[:3], *seg.behaviours[:2]]
    persona = Persona(
        segment=seg.name,
        role=said(seg.who),
        context=said("; ".join(described), "\n".join(described)),  # the source: each passage, one per line
        moment=_moment(seg, language),
        jobs=[said(j) for j in seg.jobs],
        pains=[said(p) for p in seg.pains],
        gains=[said(g) for g in seg.gains],
        quote=_quote(seg, answers, others),
        buyer=said(seg.buyer),
        user=said(seg.user),
    )
    return keep_founder_edits(persona, previous) if previous else persona


def draft_personas(segments: Sequence[SegmentFacts], answers: Mapping[str, str],
                   language: Language) -> list[Persona]:
    """The persona of every segment that is not a draft itself, in order, each drafted with the others as
    `others` (`draft_persona`)."""
    return [draft_persona(s, answers, language, others=[o for o in segments if o is not s])
            for s in segments if not s.draft]


def keep_founder_edits(persona: Persona, previous: Persona) -> Persona:
    """`persona` with the fields of `previous` that came from a correction or from interview notes."""
    update: dict[str, object] = {}
    for name in ASK_ORDER:
        old: PersonaField = getattr(previous, name)
        if old.origin in ("correction", "interview"):
            update[name] = old
    for name in LIST_FIELDS:
        olds: list[PersonaField] = getattr(previous, name)
        extra = [f for f in olds if f.origin in ("correction", "interview")]
        if extra:
            current: list[PersonaField] = getattr(persona, name)
            values = {normalise(f.value) for f in extra}
            update[name] = [f for f in current if normalise(f.value) not in values] + extra
    return persona.model_copy(update=update)


def correction_fields(text: str, language: Language) -> list[str]:
    """Which persona fields a correction is about, from its cue words; "context" when none says."""
    cues = words(language).cues
    found = [name for name in ("name", "channels", "moment", "buyer", "user", "quote", "pains", "gains", "jobs")
             if _has_cue(text, cues[name])]
    return found[:1] or ["context"]


def is_correction(text: str, language: Language) -> bool:
    """The words correct what the persona says ("non, …", "plutôt", "actually")."""
    low = f" {_words(text)} "
    return any(f" {c} " in low for c in words(language).corrective)


def _value(text: str, language: Language) -> str:
    """The correction without its opener ("Non, ", "Actually, ")."""
    value = text.strip()
    for opener in sorted(words(language).corrective, key=len, reverse=True):
        m = re.match(rf"^\s*{re.escape(opener)}\b[\s,.:;!-]*", normalise(value))
        if m:
            value = value[m.end():]
            break
    return value.strip().rstrip(".") or text.strip()


def correct_persona(persona: Persona, text: str, language: Language, field: str | None = None
                    ) -> tuple[Persona, list[str]]:
    """Apply a correction said in words; returns the persona and the fields changed. `field` is the field the
    coach asked for (the answer fills it); otherwise the cue words choose. A corrective opener ("non",
    "plutôt", "actually") replaces the field; otherwise the words are added to it."""
    targets = [field] if field else correction_fields(text, language)
    value = _value(text, language)
    new = PersonaField(value=value, source=text.strip(), origin="correction")
    update: dict[str, object] = {}
    for name in targets:
        if name in LIST_FIELDS:
            update[name] = [*getattr(persona, name), new]
            continue
        old: PersonaField = getattr(persona, name)
        if name == "name":
            match = re.search(r"\b([A-ZÀ-Ý][\wÀ-ÿ-]+)\s*[.!]?\s*$", value)
            update[name] = new.model_copy(update={"value": match.group(1)}) if match else new
        elif old.empty or field or is_correction(text, language):
            update[name] = new
        else:
            update[name] = new.model_copy(update={"value": f"{old.value}; {value}", "source": f"{old.source}\n{text}"})
    return persona.model_copy(update=update), targets
