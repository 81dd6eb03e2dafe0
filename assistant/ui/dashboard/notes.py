"""Mentors' comments, shown to the founder in the room: each comment not seen yet is said once, as a message
from the mentor, when the founder opens the thread again or after their next turn."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

import chainlit as cl

from assistant.cohorts.records import RoomRecords
from assistant.domain import as_language
from assistant.ui.catalogue import BySection
from assistant.ui.safety import safe_markdown
from assistant.ui.tab import Tab

log = logging.getLogger("assistant.ui")

# By language: prompts/<lang>/ui.yaml, section `notes`.
HEADINGS: Mapping[str, str] = BySection(lambda c: c.notes.heading)
AUTHOR: Mapping[str, str] = BySection(lambda c: c.notes.author)


async def show_new(tab: Tab) -> None:
    """Say the thread's unseen comments, then mark them seen; only to the thread's owner. Never raises."""
    thread_id, user = tab.thread_id(), tab.user()
    try:
        records = RoomRecords(tab.room.settings)
        record = await asyncio.to_thread(records.thread, thread_id)
        if record is None or user is None or record.owner != user:
            return
        comments = await asyncio.to_thread(records.comments, thread_id, unseen=True)
        lang = as_language(tab.lang())
        for comment in comments:
            heading = HEADINGS[lang].format(author=comment.author)
            await cl.Message(content=safe_markdown(f"**{heading}**\n\n{comment.body}"), author=AUTHOR[lang]).send()
        await asyncio.to_thread(records.mark_seen, [c.id for c in comments])
    except Exception:  # a comment that cannot be shown must never break the founder's turn
        log.exception("could not show the mentor's comments on thread %s", thread_id)
