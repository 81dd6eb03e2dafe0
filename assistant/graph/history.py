"""The canvas versions (`assistant.canvas.versions`), kept in the LangGraph store rather than in the checkpoints.

Each version holds a whole snapshot of the canvas, so the list grows with every change after the summary; a
checkpoint that carried it would grow with it. The `record` node writes each new version as one item of the
store under the thread's namespace, and the checkpoint keeps only the latest one's number and time
(`latest_version`: `record` reads that version back to number and compare the next one) and the series the
versions belong to (`version_series`, new at each /restart, which starts the history again).

A version's key is its series and number: a replayed turn writes the same item again, never a second one.
Threads written before the store keep their old `versions` list in the checkpoint: their history is that
list, then the store's versions of the current series (no manual migration).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from langgraph.store.base import BaseStore, GetOp, Item, PutOp

from assistant.canvas.versions import CanvasVersion, load_versions
from assistant.graph import inbox
from assistant.graph.inbox import label, search_all

NAMESPACE = "canvas_versions"
FIRST_SERIES = "s0"


def namespace(thread_id: str) -> tuple[str, ...]:
    return (NAMESPACE, label(thread_id))


def series(values: Mapping[str, Any]) -> str:
    return str(values.get("version_series") or FIRST_SERIES)


def version_key(series_id: str, number: int) -> str:
    return f"{series_id}-{number:08d}"


def header(version: CanvasVersion) -> dict[str, Any]:
    """What the checkpoint keeps of the latest version (`latest_version`)."""
    return {"number": version.number, "at": version.at}


def latest_at(values: Mapping[str, Any]) -> str:
    """When the latest version was made ("" when unknown or none)."""
    if values.get("latest_version"):
        return str(values["latest_version"].get("at", ""))
    old = load_versions(values.get("versions"))
    return old[-1].at if old else ""


async def latest(store: BaseStore | None, thread_id: str, values: Mapping[str, Any]) -> CanvasVersion | None:
    """The latest version, whole: read back from the store (`latest_version` numbers it), or the last of an old
    `versions` list. A version missing from the store comes back empty, with its number: the next one is
    numbered after it and shows everything as changed."""
    head = values.get("latest_version")
    if not head:
        old = load_versions(values.get("versions"))
        return old[-1] if old else None
    number = int(head.get("number", 0))
    found = None
    if store is not None:
        (found,) = await store.abatch([GetOp(namespace(thread_id), version_key(series(values), number))])
    if isinstance(found, Item):
        return CanvasVersion.model_validate({k: v for k, v in found.value.items() if k != "series"})
    return CanvasVersion(number=max(1, number), at=str(head.get("at", "")), content={})


def has_versions(values: Mapping[str, Any]) -> bool:
    return bool(values.get("latest_version") or values.get("versions"))


async def keep(store: BaseStore, thread_id: str, values: Mapping[str, Any], version: CanvasVersion) -> None:
    """Write one version (one write per call, as `assistant.graph.inbox.keep`)."""
    key = version_key(series(values), version.number)
    await store.abatch([PutOp(namespace(thread_id), key, {**version.model_dump(mode="json"),
                                                          "series": series(values)}, index=False)])


async def all_versions(store: BaseStore | None, thread_id: str, values: Mapping[str, Any]) -> list[CanvasVersion]:
    """Every version of the thread's current history, oldest first: an old `versions` list, then the store's."""
    old = load_versions(values.get("versions"))
    if store is None or not values.get("latest_version"):
        return old
    current = series(values)
    items = [i for i in await search_all(store, namespace(thread_id)) if i.value.get("series") == current]
    stored = [CanvasVersion.model_validate({k: v for k, v in i.value.items() if k != "series"}) for i in items]
    numbers = {v.number for v in old}
    return old + sorted((v for v in stored if v.number not in numbers), key=lambda v: v.number)


def store_of(graph: Any) -> BaseStore | None:
    """A compiled graph's store, None for a graph compiled without one."""
    return graph.store if isinstance(getattr(graph, "store", None), BaseStore) else None


async def forget_thread(store: BaseStore | None, thread_id: str) -> None:
    """Delete everything the store keeps of a thread: its founder messages and its canvas versions."""
    if store is None:
        return
    await inbox.forget(store, thread_id)
    items = await search_all(store, namespace(thread_id))
    if items:
        await store.abatch([PutOp(namespace(thread_id), i.key, None) for i in items])
