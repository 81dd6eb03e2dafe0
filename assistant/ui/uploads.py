"""Interview notes attached to a message in the room (a text or Markdown file): their text, to be read as
notes (`Notes`), whole. Elements are read by duck typing (`path`, `mime`, `name`), so this module needs no
Chainlit import and a test can pass plain objects."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.interviews.notes import NOTES_LIMIT

log = logging.getLogger("assistant.ui")
TEXT_SUFFIXES = (".md", ".markdown", ".txt")


def is_text_file(element: Any) -> bool:
    mime = str(getattr(element, "mime", "") or "")
    name = str(getattr(element, "name", "") or getattr(element, "path", "") or "")
    return bool(getattr(element, "path", None)) and (mime.startswith("text/") or name.lower().endswith(TEXT_SUFFIXES))


def attached_notes(elements: Iterable[Any] | None, typed: str = "") -> str | None:
    """The typed text followed by every attached text file's content (at most `NOTES_LIMIT` characters in all),
    or None when no text file is attached. A file that cannot be read is skipped (and logged)."""
    parts = [typed.strip()] if typed.strip() else []
    found = False
    for element in elements or ():
        if not is_text_file(element):
            continue
        try:
            parts.append(Path(element.path).read_text(encoding="utf-8", errors="replace").strip())
            found = True
        except OSError:
            log.warning("an attached file could not be read: %s", getattr(element, "name", "?"))
    return "\n\n".join(parts)[:NOTES_LIMIT] if found else None
