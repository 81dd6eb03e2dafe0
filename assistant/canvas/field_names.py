"""The names of canvas fields as the founder reads them, for what changed between two canvas versions:
"Douleurs", "Priorité · rang", "Persona Parents · Moment"."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from assistant.canvas.render import LABELS
from assistant.domain import as_language
from assistant.text.labels import ByLanguage

# Field names the canvas labels do not hold (a persona's fields), and the canvas fields named differently.
MORE_LABELS: Mapping[str, Mapping[str, str]] = ByLanguage("field_names")  # from `<lang>/labels.yaml`
RENAMED = {"focus_segment": "focus", "segment_type": "type", "linked_segments": "linked"}


def field_label(field: str, language: str, escape: Callable[[str], str] = str) -> str:
    """A `FieldChange.field` path ("personas[Parents].pains") named in `language` ("Persona Parents ·
    Douleurs"); `escape` is applied to the record keys, which are founder text."""
    lang = as_language(language)
    labels = {**LABELS[lang], **MORE_LABELS[lang]}
    parts = []
    for part in field.split("."):
        name, _, key = part.partition("[")
        label = labels.get(RENAMED.get(name, name), name.replace("_", " "))
        parts.append(f"{label} {escape(key.rstrip(']'))}" if key else label)
    return " · ".join(parts)
