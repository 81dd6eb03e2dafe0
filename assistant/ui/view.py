"""What the room tracks for one browser session (the coaching state itself lives in the checkpointer)."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class View:
    """Kept in Chainlit's user session as an object: Chainlit saves the user session into the thread's
    metadata as JSON and drops what it cannot serialise, so none of this is stored, and a resumed session
    starts from a fresh View and the checkpoint."""

    language: str = ""
    language_pref: str = "auto"  # the founder's setting: auto, fr or en
    actions: list[Any] = field(default_factory=list)  # the buttons under the latest coach message
    actions_for: str | None = None  # the message the buttons are under
    done: bool = False  # whether the session has reached its summary (which buttons to show)
    canvas_key: str = ""  # digest of the canvas the founder last saw (or was told about)
    canvas_element_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    # A narrow screen (a phone), where Chainlit's side panel is a drawer over the chat: the canvas opens only
    # when asked, and the canvas button says when it changed. None until the browser says (coach.js).
    narrow: bool | None = None
    canvas_pending: bool = False  # the canvas changed since the founder last opened it (narrow screens)
    thread_named: bool = False
    running: int = 0  # turns the room is answering for this tab (see tab.Tab.answering)
    started: asyncio.Event = field(default_factory=asyncio.Event)  # the chat's start (or resume) has finished
