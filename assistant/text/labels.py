"""The labels of the Markdown renderings, per language (`assistant/lexicon/<lang>/labels.yaml`): the canvas's
field and status names, the segment types, the names of the fields a canvas version changed, the personas'.
The canvas and personas renderers keep their names (`LABELS`, `TYPE_NAMES`, `MORE_LABELS`) as read-only
mappings by language, read from the file on first use, so a new language is a data file.

Read here, in the bottom text layer, like `assistant.text.typography`: the renderers sit below the prompts
catalogue and apart from `assistant.lexicon`, whose start-up check (`assistant.lexicon.check`) loads the same
file into the same model.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict

from assistant.domain import LANGUAGES, Language
from assistant.text.data_files import LEXICON_DIR, read_data_file

FILE = "labels.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CanvasLabels(_Strict):
    """The canvas's headings, field names and status words (`same_as` holds a `{name}` placeholder)."""

    title: str
    startup: str
    focus: str
    who: str
    type: str
    characteristics: str
    needs: str
    behaviours: str
    jobs: str
    pains: str
    gains: str
    buyer: str
    user: str
    evidence: str
    validation: str
    assumptions: str
    priority: str
    linked: str
    critiques: str
    resolved: str
    open_questions: str
    empty: str
    assumption: str
    partially_validated: str
    validated: str
    value: str
    fit: str
    rank: str
    draft: str
    source: str
    version: str
    same_as: str
    nobody_pays: str  # the buyer of a side whose own sentences say it pays nothing


class CanvasTypeLabels(_Strict):
    """The name of each segment type."""

    mass_market: str
    niche_market: str
    segmented: str
    diversified: str
    multi_sided: str


class FieldNameLabels(_Strict):
    """Field names the canvas labels do not hold (a persona's fields), and the canvas fields named differently."""

    personas: str
    name: str
    role: str
    context: str
    moment: str
    quote: str
    channels: str
    startup: str


class PersonaLabels(_Strict):
    """The personas' headings, field names and marks."""

    title: str
    persona: str
    name: str
    role: str
    context: str
    moment: str
    jobs: str
    pains: str
    gains: str
    quote: str
    channels: str
    buyer: str
    user: str
    assumed: str
    backed: str
    corrected: str
    empty: str


class Labels(_Strict):
    """Every label of one language, one section per renderer table."""

    canvas: CanvasLabels
    canvas_types: CanvasTypeLabels
    field_names: FieldNameLabels
    personas: PersonaLabels


@lru_cache(maxsize=8)
def labels(language: Language) -> Labels:
    """The labels of `language`. Raises `FileNotFoundError` when its lexicon folder has no `labels.yaml`,
    `pydantic.ValidationError` when a key is missing or unknown."""
    return Labels.model_validate(read_data_file(LEXICON_DIR / language / FILE))


@lru_cache(maxsize=32)
def _section(language: Language, section: str) -> Mapping[str, str]:
    return MappingProxyType(getattr(labels(language), section).model_dump())


class ByLanguage(Mapping[str, Mapping[str, str]]):
    """One section of the labels keyed by language id, as the renderer's dict used to be
    (`LABELS["fr"]["pains"]`), read only when first looked at. An unknown language is a KeyError."""

    def __init__(self, section: str) -> None:
        if section not in Labels.model_fields:
            raise ValueError(f"no labels section {section!r}")
        self._section = section

    def __getitem__(self, language: str) -> Mapping[str, str]:
        lang = next((known for known in LANGUAGES if known == language), None)
        if lang is None:
            raise KeyError(language)
        return _section(lang, self._section)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)
