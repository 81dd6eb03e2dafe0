"""What the room tracks for one browser session (the coaching state itself lives in the checkpointer)."""

from __future__ import annotations

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
    canvas_key: str = ""  # digest of what the canvas panel shows
    canvas_element_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    thread_named: bool = False
