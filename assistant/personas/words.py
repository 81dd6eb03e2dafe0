"""The persona vocabulary (`words.yaml`), loaded once, on first use, into a strict model."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from assistant.domain import Language

WORDS_FILE = Path(__file__).with_name("words.yaml")
CUE_FIELDS = ("name", "moment", "channels", "buyer", "user", "quote", "pains", "gains", "jobs")


class Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stopwords: frozenset[str]
    corrective: tuple[str, ...]
    cues: dict[str, tuple[str, ...]]


@lru_cache(maxsize=2)
def words(language: Language) -> Words:
    """The vocabulary of one language; raises KeyError for a language the file does not hold."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    found = Words.model_validate(data[language])
    missing = set(CUE_FIELDS) - set(found.cues)
    if missing:
        raise ValueError(f"{WORDS_FILE}: {language} has no cues for {sorted(missing)}")
    return found


@lru_cache(maxsize=1)
def all_stopwords() -> frozenset[str]:
    return words("fr").stopwords | words("en").stopwords
