"""Concurrent sessions on the default SQLite storage: the store's batches (founders' raw messages) and the
checkpointer write the same file through two connections. Every write lands, none fails with "database is
locked" (an evaluation of 4 concurrent sessions lost a session to it: a store transaction that had read could
not take the write lock once the checkpointer had written)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from assistant.storage import open_storage


async def test_store_batches_and_checkpoint_writes_at_once_all_land(tmp_path: Path) -> None:
    errors: list[str] = []
    async with open_storage(None, tmp_path) as storage:
        store, saver = storage.store, storage.checkpointer
        conn = saver.conn  # type: ignore[attr-defined]
        await conn.execute("CREATE TABLE scratch (k TEXT, v TEXT)")
        await conn.commit()

        async def founder(i: int) -> None:  # reads and writes in one batch, as a turn does
            for j in range(20):
                try:
                    await asyncio.gather(store.aput(("inbox", str(i)), f"m{j}", {"text": f"message {j}"}),
                                         store.aget(("inbox", str(i)), f"m{j - 1}"),
                                         store.asearch(("inbox",), limit=5))
                except Exception as exc:  # noqa: BLE001 - every failure is the finding
                    errors.append(repr(exc))

        async def checkpoints(i: int) -> None:  # the checkpointer's connection writing meanwhile
            for _ in range(40):
                try:
                    async with saver.lock:  # type: ignore[attr-defined]
                        await conn.execute("INSERT INTO scratch VALUES (?, ?)", (str(i), "x" * 2000))
                        await conn.commit()
                except Exception as exc:  # noqa: BLE001
                    errors.append(repr(exc))
                await asyncio.sleep(0)

        await asyncio.gather(*(founder(i) for i in range(6)), *(checkpoints(i) for i in range(3)))
        assert errors == []
        saved = [await store.aget(("inbox", str(i)), "m19") for i in range(6)]
        assert all(item is not None and item.value == {"text": "message 19"} for item in saved)
        async with conn.execute("SELECT count(*) FROM scratch") as cur:
            assert (await cur.fetchone())[0] == 3 * 40
