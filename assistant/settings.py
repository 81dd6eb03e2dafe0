"""One settings object, read once at the edge (CLI, UI, eval) and passed down."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.domain import Language


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "segment-coach"


def _default_knowledge_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "knowledge"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default_factory=_default_data_dir, alias="COACH_DATA_DIR")
    knowledge_dir: Path = Field(default_factory=_default_knowledge_dir, alias="COACH_KNOWLEDGE_DIR")
    language: Language | None = Field(default=None, alias="COACH_LANGUAGE")

    provider: Literal["auto", "openai", "offline"] = Field(default="auto", alias="COACH_PROVIDER")
    openai_api_key: str | None = Field(default=None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL")
    model: str = Field(default="gpt-4o-mini", alias="COACH_MODEL")
    temperature: float = Field(default=0.3, alias="COACH_TEMPERATURE")
    timeout_seconds: float = Field(default=60.0, alias="COACH_TIMEOUT")
    max_retries: int = Field(default=2, alias="COACH_MAX_RETRIES")

    chroma_url: str | None = Field(default=None, alias="CHROMA_URL")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")

    max_message_chars: int = Field(default=4000, alias="COACH_MAX_MESSAGE_CHARS")

    @property
    def resolved_provider(self) -> Literal["openai", "offline"]:
        if self.provider == "auto":
            return "openai" if (self.openai_api_key or self.openai_base_url) else "offline"
        return self.provider

    @property
    def checkpoint_path(self) -> Path:
        return self.data_dir / "checkpoints.sqlite"
