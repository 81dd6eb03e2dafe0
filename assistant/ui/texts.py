"""Product text of the coaching room (in each language): starters, buttons, notices, panel labels.

The coach's own words come from the engine (prompts/); the room's own words are data too (prompts/<lang>/ui.yaml,
section `room`): this module only looks them up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from assistant.domain import LANGUAGES, Language, as_language
from assistant.ui.catalogue import BySection

StarterId = Literal["start", "types", "review"]

# The room's text by language, read from prompts/<lang>/ui.yaml (section `room`) on first use.
TEXTS: Mapping[str, dict[str, str]] = BySection(lambda c: c.room)

STARTERS: tuple[StarterId, ...] = ("start", "types", "review")
STARTER_ICONS: dict[StarterId, str] = {
    "start": "/public/icons/start.svg",
    "types": "/public/icons/types.svg",
    "review": "/public/icons/review.svg",
}


def t(language: str, key: str) -> str:
    return TEXTS[as_language(language)][key]


def match_starter(text: str) -> tuple[StarterId, Language] | None:
    """The starter a message comes from (in either language), if any."""
    key = " ".join(text.split()).casefold()
    for lang in LANGUAGES:
        for sid in STARTERS:
            if TEXTS[lang][f"starter.{sid}"].casefold() == key:
                return sid, lang
    return None


def browser_language(accept_language: str | None, default: Language = "fr") -> Language:
    """French or English from an Accept-Language header, in the browser's order of preference."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept_language.split(",")):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, tag))
    for _, _, tag in sorted(ranked):
        base = tag.split("-")[0]
        if base in LANGUAGES:
            return as_language(base)
    return default
