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
    # LLM coach: first delay between retries (doubles each time), a cap on reply length (unset: the
    # server's default), and the structured-output mode: auto tries json_schema, then JSON mode, then text.
    retry_backoff_seconds: float = Field(default=0.5, alias="COACH_RETRY_BACKOFF")
    max_tokens: int | None = Field(default=None, alias="COACH_MAX_TOKENS")
    # A founder turn gets this many seconds of model time, then the offline engine answers it (the late
    # answer is dropped); prompts in full or compact form (compact: for small-context local models; auto:
    # compact when COACH_CONTEXT_SIZE, the server's context in tokens, is 8192 or less).
    turn_deadline_seconds: float = Field(default=45.0, gt=0, alias="COACH_TURN_DEADLINE")
    prompt_profile: Literal["auto", "full", "compact"] = Field(default="auto", alias="COACH_PROMPT_PROFILE")
    context_size: int | None = Field(default=None, gt=0, alias="COACH_CONTEXT_SIZE")
    response_format: Literal["auto", "json_schema", "json_object_schema", "json_object", "text"] = Field(
        default="auto", alias="COACH_RESPONSE_FORMAT"
    )
    # LangSmith tracing of the graph and of every model call; LangSmith reads its own variables
    # (LANGSMITH_API_KEY, LANGSMITH_PROJECT, LANGSMITH_ENDPOINT) as usual.
    langsmith_tracing: bool = Field(default=False, alias="LANGSMITH_TRACING")

    chroma_url: str | None = Field(default=None, alias="CHROMA_URL")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    # Connections of each of this process's two PostgreSQL pools (checkpoints; turn locks, so also the most turns
    # running at once in the process), when DATABASE_URL is set.
    db_pool_size: int = Field(default=10, ge=2, alias="COACH_DB_POOL_SIZE")

    max_message_chars: int = Field(default=4000, alias="COACH_MAX_MESSAGE_CHARS")
    # A finished canvas unchanged for this many days is offered a revisit when its session is resumed.
    revisit_after_days: int = Field(default=30, ge=1, alias="COACH_REVISIT_AFTER_DAYS")
    # Operators' logs: "json" writes JSON lines on stderr (one per founder turn: thread, turn, latency_ms, engine,
    # fallback); "text" leaves Python's logging as it is.
    log_format: Literal["text", "json"] = Field(default="text", alias="COACH_LOG_FORMAT")

    # The coaching room (`coach ui`, assistant/ui).
    ui_host: str = Field(default="127.0.0.1", alias="COACH_UI_HOST")
    ui_port: int = Field(default=8000, alias="COACH_UI_PORT")
    # Comma-separated browser origins allowed to call the UI's HTTP API; default: the address it listens on.
    allowed_origins: str | None = Field(default=None, alias="COACH_ALLOWED_ORIGINS")
    # Password sign-in is on when CHAINLIT_AUTH_SECRET is set (it signs the session tokens).
    auth_secret: str | None = Field(default=None, alias="CHAINLIT_AUTH_SECRET", repr=False)
    users_file: Path | None = Field(default=None, alias="COACH_USERS_FILE")
    # Behind a reverse proxy that authenticates founders: the header naming the user (e.g. X-Forwarded-User),
    # and an optional shared secret the proxy sends in X-Coach-Proxy-Secret.
    auth_header: str | None = Field(default=None, alias="COACH_AUTH_HEADER")
    proxy_secret: str | None = Field(default=None, alias="COACH_PROXY_SECRET", repr=False)
    # The local single-user mode (assistant/ui/access.py): one founder on their own machine, signed in without
    # a password so the history and resume work. auto: on when no account is configured and the room listens
    # on a loopback address; on: also on any other address (anyone who can reach it is that founder); off: never.
    local_mode: Literal["auto", "on", "off"] = Field(default="auto", alias="COACH_LOCAL_MODE")

    @property
    def resolved_provider(self) -> Literal["openai", "offline"]:
        if self.provider == "auto":
            return "openai" if (self.openai_api_key or self.openai_base_url) else "offline"
        return self.provider

    @property
    def users_path(self) -> Path:
        return self.users_file or self.data_dir / "users.json"
