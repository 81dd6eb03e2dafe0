"""The founder-facing texts of personas, the interview kit and the reading of notes
(`prompts/<lang>/fieldwork.yaml`), filled through `assistant.prompts.fill` (a missing value is an error)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.domain import Language
from assistant.prompts import PROMPTS_DIR, fill

FILE = "fieldwork.yaml"


@lru_cache(maxsize=4)
def catalogue(language: Language, prompts_dir: Path = PROMPTS_DIR) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((prompts_dir / language / FILE).read_text(encoding="utf-8"))
    return data


def _node(language: Language, key: str) -> Any:
    node: Any = catalogue(language)
    for part in key.split("."):
        node = node[part]
    return node


def text(language: Language, key: str, **values: Any) -> str:
    """One template, filled; raises KeyError for an unknown key, MissingPlaceholder for a missing value."""
    node = _node(language, key)
    if not isinstance(node, str):
        raise KeyError(f"{key} is not a template")
    return fill(node, values)


def items(language: Language, key: str) -> list[str]:
    """A list of texts (rules, recruiting tips); raises KeyError when `key` is not one."""
    node = _node(language, key)
    if not isinstance(node, list):
        raise KeyError(f"{key} is not a list")
    return [str(v) for v in node]
