"""The founder's raw messages and the canvas versions live in the LangGraph store beside the SQLite checkpoints
(assistant.graph.inbox, assistant.graph.history): the checkpoint bytes a turn writes stay flat over a long
session, every message survives a restart, threads stay apart, and threads written in the old layout (the
lists in their checkpoints) keep their history."""

from __future__ import annotations

import uuid

import pytest
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph.store.memory import InMemoryStore

from assistant.app import open_session
from assistant.graph import build_graph, inbox
from assistant.session import CoachSession
from assistant.settings import Settings
from assistant.storage import CHECKPOINTS_FILE
from benchmarks.offline import _bytes_stored
from tests.integration.postgres import PG_URL, unreachable_reason
from tests.integration.test_session import EN_CLEAN, FR_SCRIPT, run_script

QUESTIONS = ["Dois-je me concentrer sur un seul segment ?", "C'est quoi la différence entre B2B et B2C ?",
             "Combien d'entretiens faut-il faire ?"]
REJECTED = ["", "🙂🙂🙂", "Wir verkaufen Software an kleine Unternehmen in Deutschland"]


async def test_the_40th_turn_writes_no_more_checkpoint_bytes_than_1_5_times_the_5th(session, settings):
    """As `coach bench` measures it (benchmarks.offline): the script's answers with a free question every fifth
    turn, free questions once the summary is given."""
    thread, db = "long", settings.data_dir / CHECKPOINTS_FILE
    answers = iter(text for _, text in FR_SCRIPT)
    turn = await session.start(thread)
    written: list[int] = []
    for i in range(1, 41):
        text = QUESTIONS[i % 3] if i % 5 == 0 or turn.done else next(answers, QUESTIONS[0])
        before = _bytes_stored(db, thread)
        turn = await session.send(thread, text)
        written.append(_bytes_stored(db, thread) - before)
    assert turn.done
    assert written[39] <= 1.5 * written[4], written
    messages = await session.founder_messages(thread)
    assert len(messages) == 40 and messages[-1]["text"] == text
    values = (await session.graph.aget_state({"configurable": {"thread_id": thread}})).values
    assert not values.get("inbox") and not values.get("versions")  # neither list is in the checkpoint


async def test_every_message_even_rejected_ones_is_readable_after_a_restart(settings, retriever):
    pitch = "Une appli de covoiturage pour les salariés des zones industrielles."
    async with open_session(settings, retriever=retriever) as first:
        await first.start("bad", "fr")
        for text in [pitch, *REJECTED]:
            await first.send("bad", text)
    async with open_session(settings, retriever=retriever) as second:  # a new process on the same data dir
        messages = await second.founder_messages("bad")
        assert [m["text"] for m in messages] == [pitch, *REJECTED]
        assert [m["kind"] for m in messages][1:3] == ["empty", "emoji_only"]
        assert all(m["question_id"] and m["at"] for m in messages)
        await second.send("bad", "Les salariés qui viennent seuls en voiture.")
        assert len(await second.founder_messages("bad")) == len(REJECTED) + 2


async def test_two_threads_never_see_each_others_messages(session: CoachSession):
    # Thread ids a namespace could confuse: a period is a separator in the store, "%" the escape.
    threads = ["a", "a.b", "a%2Eb", "a b"]
    for n, thread in enumerate(threads):
        await session.start(thread, "en")
        await session.send(thread, f"{EN_CLEAN[0][1]} (founder {n})")
        await session.send(thread, f"{EN_CLEAN[1][1]} (founder {n})")
    for n, thread in enumerate(threads):
        texts = [m["text"] for m in await session.founder_messages(thread)]
        assert len(texts) == 2 and all(t.endswith(f"(founder {n})") for t in texts), (thread, texts)
    await session.delete("a.b")
    assert await session.founder_messages("a.b") == []
    assert len(await session.founder_messages("a")) == 2 and len(await session.founder_messages("a%2Eb")) == 2


async def test_a_thread_of_the_old_layout_keeps_its_messages_and_versions(settings, retriever, session):
    """Written by the graph as it was (no store: the lists in the checkpoints), then continued by this one."""
    async with AsyncSqliteSaver.from_conn_string(str(settings.data_dir / CHECKPOINTS_FILE)) as saver:
        old = CoachSession(build_graph(saver), session.context)
        await old.start("old", "fr")
        for _, text in FR_SCRIPT:
            await old.send("old", text)
        values = (await old.graph.aget_state({"configurable": {"thread_id": "old"}})).values
        assert len(values["inbox"]) == len(FR_SCRIPT) and [v["number"] for v in values["versions"]] == [1]
    assert [m["text"] for m in await session.founder_messages("old")] == [t for _, t in FR_SCRIPT]
    assert [v.number for v in await session.versions("old")] == [1]
    # The new layout goes on from there: a revisit adds version 2, the messages follow the old ones.
    await session.send("old", "/revisit pains")
    back = await session.send("old", "La file d'attente; le pain rassis; les retards; le prix des viennoiseries.")
    assert back.done and back.canvas.version == 2
    assert [v.number for v in await session.versions("old")] == [1, 2]
    texts = [m["text"] for m in await session.founder_messages("old")]
    assert texts[:len(FR_SCRIPT)] == [t for _, t in FR_SCRIPT] and len(texts) == len(FR_SCRIPT) + 2
    values = (await session.graph.aget_state({"configurable": {"thread_id": "old"}})).values
    assert len(values["inbox"]) == len(FR_SCRIPT)  # the old list is read, never grown


async def test_a_replayed_message_is_kept_once_and_a_different_one_beside_it():
    store = InMemoryStore()
    record = {"text": "Les parents actifs", "question_id": "for_whom", "kind": "answer", "at": "2026-01-01T00:00"}
    first = await inbox.keep(store, "t", 3, record)
    again = await inbox.keep(store, "t", 3, {**record, "at": "2026-01-01T00:01"})  # the same turn replayed
    assert first == again and len(await inbox.founder_messages(store, "t")) == 1
    await inbox.keep(store, "t", 3, {**record, "text": "Autre chose", "at": "2026-01-01T00:02"})
    assert [m["text"] for m in await inbox.founder_messages(store, "t")] == ["Les parents actifs", "Autre chose"]


async def test_on_postgres_the_messages_and_versions_are_in_its_store(tmp_path, retriever):
    reason = unreachable_reason()
    if reason:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {reason}")
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline", DATABASE_URL=PG_URL)
    thread, other = f"pg-inbox-{uuid.uuid4().hex[:8]}", f"pg-inbox-{uuid.uuid4().hex[:8]}.2"
    async with open_session(settings, retriever=retriever) as session:
        await run_script(session, thread, EN_CLEAN)
        await session.start(other, "en")
        await session.send(other, "")
    async with open_session(settings, retriever=retriever) as session:  # another process
        assert [m["text"] for m in await session.founder_messages(thread)] == [t for _, t in EN_CLEAN]
        assert [v.number for v in await session.versions(thread)] == [1]
        assert [m["text"] for m in await session.founder_messages(other)] == [""]
        values = (await session.graph.aget_state({"configurable": {"thread_id": thread}})).values
        assert not values.get("inbox") and not values.get("versions")
        await session.delete(thread)
        assert await session.founder_messages(thread) == [] and await session.versions(thread) == []
        assert len(await session.founder_messages(other)) == 1
        await session.delete(other)
    assert not (tmp_path / CHECKPOINTS_FILE).exists()
