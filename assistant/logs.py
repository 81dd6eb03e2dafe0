"""Operators' logs: JSON lines on stderr when COACH_LOG_FORMAT=json (Python's standard logging otherwise).

Every founder turn is one record of the `assistant.turns` logger, with the fields an operator filters on:
`thread`, `turn` (the session's turn count), `latency_ms`, `engine` (offline or the model provider),
`fallback` (the turn fell back to the offline coach) and `question` (where the session now stands).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

TURNS = logging.getLogger("assistant.turns")


class JsonLines(logging.Formatter):
    """One JSON object per record: ts (UTC, ISO 8601), level, logger, message, then the record's `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(log_format: str) -> None:
    """With "json": every record of the process goes to stderr as a JSON line (warnings and up from
    libraries, info and up from the coach). Idempotent; "text" leaves logging as it is."""
    if log_format != "json":
        return
    root = logging.getLogger()
    if any(isinstance(h.formatter, JsonLines) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    root.handlers = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("assistant").setLevel(logging.INFO)


def log_turn(*, thread: str, turn: int, latency_ms: float, engine: str, fallback: bool, question: str) -> None:
    """Record one finished founder turn (at info level on `assistant.turns`)."""
    fields = {"thread": thread, "turn": turn, "latency_ms": round(latency_ms, 1), "engine": engine,
              "fallback": fallback, "question": question}
    TURNS.info("turn", extra={"fields": fields})
