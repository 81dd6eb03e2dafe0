"""The room's own text (buttons, notices, panel labels, the dashboard's and account pages' words), read from
`prompts/<lang>/ui.yaml`: one top-level section per module that shows it. A language is a folder of data.

Read on first use, never at import, then cached. Every language must hold the same keys with the same
`{placeholders}`: a key missing from one of them fails the load (`CatalogueError`), it never falls back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from assistant.domain import LANGUAGES, Language
from assistant.prompts import PROMPTS_DIR, placeholders

FILE = "ui.yaml"
Text = Annotated[str, StringConstraints(min_length=1)]
T = TypeVar("T")


class CatalogueError(ValueError):
    """A ui.yaml that is missing, malformed, or whose languages do not hold the same keys."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class HistoryColumns(_Strict):
    history: list[Text]
    diff: list[Text]


class History(_Strict):
    columns: HistoryColumns
    texts: dict[str, Text]


class CanvasView(_Strict):
    labels: dict[str, Text]
    export_stem: Text


class Fieldwork(_Strict):
    kit_stem: Text


class TabTexts(_Strict):
    cap_notice: Text


class Notes(_Strict):
    heading: Text
    author: Text


class UiCatalogue(_Strict):
    """One language's ui.yaml."""

    room: dict[str, Text]  # assistant/ui/texts.py
    history: History  # assistant/ui/history_view.py
    canvas_view: CanvasView  # assistant/ui/canvas_view.py
    fieldwork: Fieldwork  # assistant/ui/fieldwork_view.py
    tab: TabTexts  # assistant/ui/tab.py
    dashboard: dict[str, Text]  # assistant/ui/dashboard/texts.py
    account: dict[str, Text]  # assistant/ui/dashboard/account.py
    signup: dict[str, Text]  # assistant/ui/dashboard/signup.py
    notes: Notes  # assistant/ui/dashboard/notes.py


def _shape(node: Any, prefix: str = "") -> dict[str, Any]:
    """Every leaf of a catalogue by dotted path: its placeholders (a text) or its length (a list)."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for k, v in node.items():
            out.update(_shape(v, f"{prefix}/{k}" if prefix else str(k)))
        return out
    if isinstance(node, list | tuple):
        return {prefix: len(node)}
    return {prefix: placeholders(str(node))}


def _read(prompts_dir: Path, language: Language) -> UiCatalogue:
    path = prompts_dir / language / FILE
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        return UiCatalogue.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise CatalogueError(f"{path}: {exc}") from exc


@lru_cache(maxsize=4)
def catalogues(prompts_dir: Path = PROMPTS_DIR) -> dict[Language, UiCatalogue]:
    """Every language's catalogue, checked against one another: same keys, same placeholders, same list sizes."""
    found = {lang: _read(prompts_dir, lang) for lang in LANGUAGES}
    first, *others = LANGUAGES
    reference = _shape(found[first].model_dump())
    for lang in others:
        shape = _shape(found[lang].model_dump())
        problems = [f"{key}: missing in {lang}" for key in sorted(reference.keys() - shape.keys())]
        problems += [f"{key}: missing in {first}" for key in sorted(shape.keys() - reference.keys())]
        problems += [f"{key}: {first} has {reference[key]}, {lang} has {shape[key]}"
                     for key in sorted(reference.keys() & shape.keys()) if reference[key] != shape[key]]
        if problems:
            raise CatalogueError(f"{FILE} differs between languages: " + "; ".join(problems))
    return found


def ui(language: Language) -> UiCatalogue:
    """One language's catalogue (read and checked on first use)."""
    return catalogues()[language]


class BySection(Mapping[str, T], Generic[T]):
    """A module's catalogue keyed by language id, as the module used to hold it (`TEXTS["fr"]["coach"]`), read
    from ui.yaml only when first looked at. An unknown language is a KeyError, like the dict it replaces."""

    def __init__(self, pick: Callable[[UiCatalogue], T]) -> None:
        self._pick = pick

    def __getitem__(self, language: str) -> T:
        if language not in LANGUAGES:
            raise KeyError(language)
        return self._pick(catalogues()[language])  # type: ignore[index]  # checked just above

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)
