"""The room's side of fieldwork: what the canvas panel shows of the personas (plain-text props for the
`CanvasPanel` element, every value rendered as a React text node, so founder text shows as typed; each field
with its mark — an assumption, added by the founder, backed by interviews — and the fields still to fill in),
and the interview kit as a Markdown file to download (`ExportFiles` props)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.domain import as_language
from assistant.personas.models import FIELD_ORDER, Persona, PersonaField
from assistant.personas.render import LABELS, mark
from assistant.ui.catalogue import BySection
from assistant.ui.safety import plain
from assistant.ui.texts import t


def _field(field: PersonaField, lang: str) -> dict[str, str]:
    return {"value": plain(field.value, 300), "mark": mark(field, lang), "backed": "" if field.assumed else "1"}


def persona_props(persona: Persona, lang: str) -> dict[str, Any]:
    """One persona: its segment, the filled fields in order (`label`, `items`), the labels of the empty ones."""
    lab = LABELS[as_language(lang)]
    fields, empty = [], []
    for name in FIELD_ORDER:
        value = getattr(persona, name)
        items = [f for f in value if not f.empty] if isinstance(value, list) else ([] if value.empty else [value])
        if items:
            fields.append({"name": name, "label": lab[name], "items": [_field(f, lang) for f in items]})
        else:
            empty.append(lab[name])
    return {"segment": plain(persona.segment, 120), "fields": fields, "empty": empty}


def persona_labels(lang: str) -> dict[str, str]:
    lab = LABELS[as_language(lang)]
    return {"personas_title": lab["title"], "persona_empty": lab["empty"]}


# The kit file's name by language: prompts/<lang>/ui.yaml, section `fieldwork`.
KIT_STEMS: Mapping[str, str] = BySection(lambda c: c.fieldwork.kit_stem)


def kit_file_props(markdown: str, lang: str) -> dict[str, Any]:
    """Props of the ExportFiles element that saves the interview kit as a Markdown file (printable)."""
    language = as_language(lang)
    return {"files": [{"format": "md", "label": "Markdown", "hint": t(language, "export.kit.hint"),
                       "name": f"{KIT_STEMS[language]}.md", "mime": "text/markdown;charset=utf-8",
                       "content": markdown}],
            "error": t(language, "export_browser_failed")}
