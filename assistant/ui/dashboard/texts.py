"""What the dashboard and account pages say, in each language (prompts/<lang>/ui.yaml, section `dashboard`)."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.domain import as_language
from assistant.ui.catalogue import BySection

# By language: prompts/<lang>/ui.yaml, section `dashboard`.
TEXTS: Mapping[str, dict[str, str]] = BySection(lambda c: c.dashboard)


def t(lang: str, key: str) -> str:
    return TEXTS[as_language(lang)][key]


def mistake_title(lang: str, mistake_id: str) -> str:
    try:
        from assistant.prompts import Prompts

        return Prompts().text(as_language(lang), f"mistakes.{mistake_id}.title")
    except Exception:  # an id the catalogue does not know: its readable form
        return mistake_id.replace("_", " ")


def type_name(lang: str, segment_type: str) -> str:
    from assistant.canvas.render import TYPE_NAMES

    if segment_type == "untyped":
        return t(lang, "untyped")
    return TYPE_NAMES[as_language(lang)].get(segment_type, segment_type)
