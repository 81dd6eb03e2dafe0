"""Faithfulness: every persona field must be traceable to the founder's own text, or it is dropped.

A value is traced when almost all of its content words (stop words aside, compared by their first five
folded letters, so "boutiques" meets "boutique") occur in the founder's text; its `source` must be found
there too. Numbers must match exactly: "45 ans" is not traced by "35 ans".
"""

from __future__ import annotations

from assistant.personas.models import LIST_FIELDS, SCALAR_FIELDS, Persona, PersonaField
from assistant.personas.words import all_stopwords
from assistant.text.tokens import tokenise

TRACE_SHARE = 0.8  # share of a value's content words that must occur in the founder's text
STEM = 5


def _stem(word: str) -> str:
    return word if word.isdigit() else word[:STEM]


def content_stems(text: str) -> list[str]:
    """The folded stems of the words that carry facts (no stop words, no one-letter words)."""
    stops = all_stopwords()
    return [_stem(t.norm) for t in tokenise(text) if t.norm not in stops and (len(t.norm) > 1 or t.norm.isdigit())]


class FounderText:
    """The founder's words (answers, corrections, pasted notes) as a set of stems, built once per check."""

    def __init__(self, texts: list[str] | str) -> None:
        self.text = texts if isinstance(texts, str) else "\n".join(texts)
        self.stems = set(content_stems(self.text))

    def share(self, value: str) -> float:
        """Share of the value's content stems found in the founder's text (1.0 for a value without any)."""
        stems = content_stems(value)
        if not stems:
            return 1.0
        return sum(1 for s in stems if s in self.stems) / len(stems)

    def traces(self, value: str, share: float = TRACE_SHARE) -> bool:
        numbers = [s for s in content_stems(value) if s.isdigit()]
        return self.share(value) >= share and all(n in self.stems for n in numbers)


def field_traced(field: PersonaField, founder: FounderText) -> bool:
    """A filled field is traced when its value and its source are both in the founder's words."""
    if field.empty:
        return True
    return bool(field.source.strip()) and founder.traces(field.source, 0.9) and founder.traces(field.value)


def unsupported_fields(persona: Persona, founder: FounderText) -> list[str]:
    """Names of the filled fields that cannot be traced to the founder's text (`jobs[1]`, `moment`...)."""
    return [name for name, field in persona.filled() if not field_traced(field, founder)]


def keep_traced(persona: Persona, founder: FounderText) -> tuple[Persona, list[str]]:
    """The persona with every untraced field emptied (list items removed), and the names dropped."""
    dropped: list[str] = []
    update: dict[str, object] = {}
    for name in SCALAR_FIELDS:
        field: PersonaField = getattr(persona, name)
        if not field_traced(field, founder):
            dropped.append(name)
            update[name] = PersonaField()
    for name in LIST_FIELDS:
        items: list[PersonaField] = getattr(persona, name)
        kept = [f for f in items if not f.empty and field_traced(f, founder)]
        dropped += [f"{name}[{i}]" for i, f in enumerate(items) if not f.empty and f not in kept]
        update[name] = kept
    return persona.model_copy(update=update), dropped
