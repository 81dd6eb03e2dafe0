"""One founder client in its own process: open the session, wait for the start signal, send one message.

Run by tests/integration/test_concurrent_clients.py: `python -m tests.integration.client_process THREAD
TEXT GO_FILE`, settings from the environment. Prints one JSON line: busy (bool), the turn's question id.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from assistant.app import load_retriever, open_session
from assistant.session import BusyEvent, Turn
from assistant.settings import Settings


async def main(thread: str, text: str, go: Path) -> None:
    settings = Settings()
    retriever = await load_retriever(settings, progress=False)
    async with open_session(settings, retriever=retriever, progress=False) as session:
        print(json.dumps({"ready": True}), flush=True)
        deadline = time.monotonic() + 120
        while not go.exists() and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        busy, turn = False, None
        async for event in session.stream(thread, text):
            busy = busy or isinstance(event, BusyEvent)
            if isinstance(event, Turn):
                turn = event
        assert turn is not None
        print(json.dumps({"busy": busy, "question_id": turn.question_id}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], Path(sys.argv[3])))
