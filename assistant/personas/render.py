"""Personas in Markdown, in the canvas's language: every value with its mark (assumed or backed by
interviews), an empty field shown as still to ask. Used by the canvas's Markdown export and the coach."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.domain import as_language
from assistant.personas.models import FIELD_ORDER, Persona, PersonaField
from assistant.text.labels import ByLanguage
from assistant.text.typography import colon, quote

# The personas' labels by language, read from `<lang>/labels.yaml` on first use.
LABELS: Mapping[str, Mapping[str, str]] = ByLanguage("personas")

# A `lang` that is no language id gets French labels and English punctuation, as this module always gave it.


def mark(field: PersonaField, lang: str) -> str:
    """The field's status in words: backed by interviews, added by the founder, or an assumption."""
    lab = LABELS[as_language(lang)]
    if not field.assumed:
        return lab["backed"]
    return lab["corrected"] if field.origin == "correction" else lab["assumed"]


def _line(field: PersonaField, lang: str) -> str:
    value = quote(as_language(lang, default="en"), field.value)
    return f"{value} ({mark(field, lang)})"


def persona_markdown(persona: Persona, lang: str, level: int = 3) -> str:
    """One persona as a Markdown block headed `### Persona — <segment>` (at `level`)."""
    lab, sep = LABELS[as_language(lang)], colon(as_language(lang, default="en"))
    out = [f"{'#' * level} {lab['persona']} — {persona.segment}"]
    for name in FIELD_ORDER:
        value = getattr(persona, name)
        if isinstance(value, list):
            if value:
                out.append(f"- **{lab[name]}**{sep}")
                out += [f"  - {_line(f, lang)}" for f in value if not f.empty]
            else:
                out.append(f"- **{lab[name]}**{sep} *{lab['empty']}*")
        elif value.empty:
            out.append(f"- **{lab[name]}**{sep} *{lab['empty']}*")
        else:
            out.append(f"- **{lab[name]}**{sep} {_line(value, lang)}")
    return "\n".join(out)


CARD_FIELDS = ("name", "moment", "quote", "channels")  # what a persona adds to the canvas the summary shows


def persona_card(persona: Persona, lang: str) -> str:
    """A persona as the coach shows it in the conversation, right after the canvas: only what it adds (a name, a
    moment, a quote, where to reach them, what the founder corrected or interviews backed) and what is still to
    fill in; the whole persona is in the canvas panel and the exports."""
    lab, sep = LABELS[as_language(lang)], colon(as_language(lang, default="en"))
    out = [f"**{lab['persona']} — {persona.segment}**"]
    for name in FIELD_ORDER:
        value = getattr(persona, name)
        fields = [f for f in value if not f.empty] if isinstance(value, list) else [] if value.empty else [value]
        shown = [f for f in fields if name in CARD_FIELDS or f.origin in ("correction", "interview")]
        if shown:
            out.append(f"- **{lab[name]}**{sep} " + " ; ".join(_line(f, lang) for f in shown))
    empty = [lab[name] for name in FIELD_ORDER if not isinstance(getattr(persona, name), list)
             and getattr(persona, name).empty]
    if empty:
        out.append(f"- *{lab['empty']}*{sep} " + ", ".join(empty))
    return "\n".join(out)


def personas_markdown(personas: list[Persona], lang: str) -> str:
    """Every persona under a `## Personas` heading; empty when there is none."""
    if not personas:
        return ""
    blocks = [persona_markdown(p, lang) for p in personas]
    return f"## {LABELS[as_language(lang)]['title']}\n\n" + "\n\n".join(blocks) + "\n"
