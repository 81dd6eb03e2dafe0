"""Chroma's server (`chroma run`, started by the test on loopback) as the knowledge index of every app
process: `coach index` builds the collection there, a session cites passages found there, and two app
processes starting together share one collection (no duplicates, nothing stored under their data dirs)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assistant.app import load_retriever, open_session
from assistant.retrieval.index import COLLECTION_NAME, open_client, record_ids
from assistant.retrieval.knowledge import load_chunks
from assistant.settings import Settings
from tests.integration.servers import ROOT
from tests.integration.test_session import FR_SCRIPT, run_script

pytestmark = pytest.mark.slow


def coach(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.Popen[str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_", "DATABASE_URL", "CHROMA_"))}
    return subprocess.Popen([sys.executable, "-m", "assistant", *args], env={**keep, **env, "PYTHONPATH": str(ROOT)},
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(proc: subprocess.Popen[str], stdin: str = "") -> tuple[str, str]:
    out, err = proc.communicate(stdin, timeout=300)
    assert proc.returncode == 0, err
    return out, err


def server_records(chroma_url: str) -> list[str]:
    collection = open_client(chroma_url=chroma_url).get_collection(COLLECTION_NAME)
    return list(collection.get(include=[])["ids"])


def expected_records() -> list[str]:
    return sorted(rid for chunk in load_chunks(ROOT / "knowledge") for rid in record_ids(chunk))


def test_coach_index_builds_the_collection_on_the_server(chroma_url, tmp_path):
    env = {"COACH_DATA_DIR": str(tmp_path / "app"), "CHROMA_URL": chroma_url}
    first, _ = finished(coach(["index", "--quiet"], env))
    second, _ = finished(coach(["index", "--quiet"], env))
    sections = len(load_chunks(ROOT / "knowledge"))
    assert f"{sections} added" in first and chroma_url in first
    assert f"{sections} unchanged" in second and "0 embedded" in second
    assert sorted(server_records(chroma_url)) == expected_records()
    assert not (tmp_path / "app" / "chroma").exists()  # nothing embedded locally


async def test_a_session_cites_passages_found_on_the_server(chroma_url, tmp_path):
    settings = Settings(COACH_DATA_DIR=tmp_path, COACH_PROVIDER="offline", CHROMA_URL=chroma_url)
    retriever = await load_retriever(settings, progress=False)
    async with open_session(settings, retriever=retriever) as session:
        turns = await run_script(session, "chroma-fr", FR_SCRIPT)
    assert turns[-1].done
    cited = [c for t in turns for m in t.messages if m.kind == "critique" for c in m.citations]
    assert cited and all(c.document for c in cited)
    assert sum(len(t.retrieved) for t in turns) > 0
    assert not (tmp_path / "chroma").exists()
    assert sorted(server_records(chroma_url)) == expected_records()


def test_two_app_processes_starting_together_share_one_collection(chroma_url, tmp_path):
    script = "\n".join(text for _, text in FR_SCRIPT[:2]) + "\n"
    procs = [coach(["chat", "--thread", f"shared-{n}"], {"COACH_DATA_DIR": str(tmp_path / f"app{n}"),
                                                          "CHROMA_URL": chroma_url, "COACH_PROVIDER": "offline"})
             for n in (1, 2)]
    outputs = [finished(p, script)[0] for p in procs]
    for out in outputs:  # "tout le monde" is flagged with a source, in both processes
        assert "[critique]" in out and "source:" in out
    assert sorted(server_records(chroma_url)) == expected_records()  # indexed once, no duplicates
    assert not any((tmp_path / f"app{n}" / "chroma").exists() for n in (1, 2))
