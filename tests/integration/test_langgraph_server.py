"""The coaching graph under LangGraph's own server (`langgraph dev`, langgraph.json) on loopback: a whole
session through its HTTP API — a thread, a run that stops at the first question, then one run per founder
turn resuming the interrupt with the turn payload — to the summary, with the offline coach."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.graph import inbox
from tests.integration.servers import ROOT, free_port, running, tool
from tests.integration.test_session import FR_SCRIPT

pytestmark = pytest.mark.slow


@pytest.fixture
def langgraph_url(index_dir: Path, retriever, tmp_path: Path):
    cli = tool("langgraph")
    if cli is None:
        pytest.skip("the langgraph CLI is not installed (uv sync --extra dev installs langgraph-cli[inmem])")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_", "LANGSMITH_"))}
    # The test run's index (built once by the `retriever` fixture); no telemetry, no tracing: offline.
    env.update(COACH_DATA_DIR=str(index_dir), COACH_PROVIDER="offline", LANGGRAPH_CLI_NO_ANALYTICS="1",
               LANGSMITH_TRACING="false", PYTHONPATH=str(ROOT))
    url = f"http://127.0.0.1:{port}"
    args = [cli, "dev", "--no-browser", "--no-reload", "--host", "127.0.0.1", "--port", str(port),
            "--config", str(ROOT / "langgraph.json")]
    # Run from a scratch directory: the in-memory server keeps its state in `.langgraph_api/` there.
    with running(args, env, f"{url}/ok", tmp_path / "langgraph.log", timeout=180, cwd=tmp_path):
        yield url


def _interrupt(state: dict) -> dict:
    (pending,) = state["__interrupt__"]
    return pending["value"]


async def test_a_session_runs_to_its_summary_through_langgraph_dev(langgraph_url):
    from langgraph_sdk import get_client

    client = get_client(url=langgraph_url)
    thread = await client.threads.create()
    state = await client.runs.wait(thread["thread_id"], "coach", input={})
    waiting = _interrupt(state)
    assert waiting["question_id"] == "intake" and waiting["messages"]
    critiques = 0
    for expected, text in FR_SCRIPT:
        assert waiting["question_id"] == expected, (expected, waiting)
        state = await client.runs.wait(thread["thread_id"], "coach",
                                       command={"resume": {"kind": "text", "text": text}})
        waiting = _interrupt(state)
        critiques += sum(m["kind"] == "critique" for m in waiting["messages"])
    assert state["done"] and waiting["question_id"] == "summary"
    assert any(m["kind"] == "summary" for m in waiting["messages"])
    assert critiques >= 1  # "tout le monde" is flagged, as in the room
    # A button turn is the other half of the payload: the canvas, without a new question.
    state = await client.runs.wait(thread["thread_id"], "coach",
                                   command={"resume": {"kind": "action", "name": "canvas"}})
    assert any(m["kind"] == "canvas" for m in _interrupt(state)["messages"])
    # The server's store holds every founder message (assistant.graph.inbox), in order; the checkpoints none.
    found = await client.store.search_items(inbox.namespace(thread["thread_id"]), limit=100)
    kept = sorted(found["items"], key=lambda item: item["key"])
    assert [m["value"]["text"] for m in kept][:len(FR_SCRIPT)] == [text for _, text in FR_SCRIPT]
    saved = await client.threads.get_state(thread["thread_id"])
    assert not saved["values"].get("inbox")
