"""The founder's raw messages, kept in the LangGraph store rather than in the checkpoints.

Every founder message, raw (up to `RAW_MESSAGE_LIMIT` characters), even the ones the coach rejects, is one
item of the store (`langgraph.store`: SQLite beside the checkpoints by default, PostgreSQL with them) under
the thread's own namespace, so a checkpoint no longer carries the whole history and a turn writes the same
bytes at the 40th message as at the 5th. The `listen` node writes the message before anything reads it.

The key is the founder turn's number (the checkpoint's `turns` + 1) and a digest of the message: a turn
replayed from the same checkpoint with the same message writes the same item again (never a duplicate), and
a different message sent at the same point (after a failed turn) is kept beside the first (never lost).

Threads written before the store (their checkpoints hold an `inbox` list, `State.inbox`) keep that list:
their messages are that list, then the store's items (no manual migration).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from langgraph.config import get_config
from langgraph.store.base import BaseStore, Item, PutOp, SearchOp

NAMESPACE = "founder_messages"
PAGE = 5000  # items read per store query (a session holds far fewer messages)


def label(thread_id: str) -> str:
    """A thread id as a namespace label: labels cannot hold a period (nor be empty), so it is escaped, one to
    one, and every thread has a namespace of its own."""
    return str(thread_id).replace("%", "%25").replace(".", "%2E").replace("\x00", "%00") or "%"


def namespace(thread_id: str) -> tuple[str, ...]:
    return (NAMESPACE, label(thread_id))


async def search_all(store: BaseStore, space: tuple[str, ...]) -> list[Item]:
    """Every item of a namespace, page by page (a read of its own: `abatch`, as `keep` explains); an item met
    on two pages (items of equal time may come in any order) is counted once."""
    found: dict[str, Item] = {}
    offset = 0
    while True:
        (page,) = await store.abatch([SearchOp(space, limit=PAGE, offset=offset)])
        items = [i for i in page if isinstance(i, Item)] if isinstance(page, list) else []
        found.update((i.key, i) for i in items)
        offset += len(items)
        if len(items) < PAGE:
            return list(found.values())


def message_key(turn: int, record: Mapping[str, Any]) -> str:
    """`turn` zero-padded (keys sort in turn order), then a digest of what the founder sent where."""
    body = json.dumps([record.get("question_id", ""), record.get("kind", ""), record.get("text", "")],
                      ensure_ascii=False)
    return f"{turn:08d}-{hashlib.sha256(body.encode()).hexdigest()[:16]}"


def current_thread() -> str:
    """The thread id of the running graph (inside a node)."""
    return str(get_config().get("configurable", {}).get("thread_id", ""))


async def keep(store: BaseStore, thread_id: str, turn: int, record: Mapping[str, Any]) -> str:
    """Write one founder message; returns its key. One write per call (`abatch` with a single op, not the
    batching `aput`), so on SQLite a write never shares a transaction with a read (no upgrade from a reader's
    snapshot, which another connection's commit would fail)."""
    key = message_key(turn, record)
    await store.abatch([PutOp(namespace(thread_id), key, {**record, "turn": turn}, index=False)])
    return key


async def stored(store: BaseStore, thread_id: str) -> list[dict[str, Any]]:
    """The thread's messages in the store, in turn order (then time, for two messages sent at one turn)."""
    found = await search_all(store, namespace(thread_id))
    found.sort(key=lambda item: (item.key[:8], str(item.value.get("at", "")), item.key))
    return [{k: v for k, v in item.value.items() if k != "turn"} for item in found]


async def founder_messages(store: BaseStore | None, thread_id: str,
                           legacy: Sequence[Mapping[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every founder message of the thread, in order: the checkpoint's old `inbox` list (threads written before
    the store), then the store's items (none when the graph runs without a store)."""
    old = [dict(r) for r in legacy or ()]
    return old + (await stored(store, thread_id) if store is not None else [])


async def forget(store: BaseStore, thread_id: str) -> None:
    """Delete every stored message of the thread."""
    items = await search_all(store, namespace(thread_id))
    if items:
        await store.abatch([PutOp(namespace(thread_id), item.key, None) for item in items])
