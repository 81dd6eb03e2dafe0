"""Load the files in prompts/ and fill them. The only place that reads or fills a template."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.domain import Language

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


class MissingPlaceholder(KeyError):
    """A template asks for a value the caller did not give."""


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def fill(template: str, values: dict[str, Any]) -> str:
    """Fill `{name}` slots; a missing value is an error, never a silent blank."""
    missing = placeholders(template) - values.keys()
    if missing:
        raise MissingPlaceholder(f"missing values for {sorted(missing)}")
    return template.format_map(values)


@lru_cache(maxsize=8)
def _catalogue(prompts_dir: Path, language: str) -> dict[str, Any]:
    with (prompts_dir / language / "offline.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


class Prompts:
    """Templates of one prompts folder, for both languages."""

    def __init__(self, prompts_dir: Path = PROMPTS_DIR) -> None:
        self.dir = prompts_dir

    def raw(self, language: Language, key: str) -> str:
        node: Any = _catalogue(self.dir, language)
        for part in key.split("."):
            node = node[part]
        if not isinstance(node, str):
            raise KeyError(f"{key} is not a template")
        return node

    def variants(self, language: Language, key: str) -> list[str]:
        """A list of interchangeable templates (the coach varies its phrasing); raises KeyError."""
        node: Any = _catalogue(self.dir, language)
        for part in key.split("."):
            node = node[part]
        if not isinstance(node, list) or not node or not all(isinstance(v, str) for v in node):
            raise KeyError(f"{key} is not a list of templates")
        return list(node)

    def text(self, language: Language, key: str, **values: Any) -> str:
        return fill(self.raw(language, key), values)

    def file(self, language: Language, name: str, **values: Any) -> str:
        """A whole-file template such as prompts/en/analyse.md (the LLM coach's roles)."""
        template = (self.dir / language / name).read_text(encoding="utf-8")
        return fill(template, values)

    def keys(self, language: Language) -> list[str]:
        """Every template key of the offline catalogue, dotted."""
        out: list[str] = []

        def walk(node: Any, prefix: str) -> None:
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, f"{prefix}.{k}" if prefix else str(k))
            elif isinstance(node, str):
                out.append(prefix)

        walk(_catalogue(self.dir, language), "")
        return out
