"""Many founders in one app process: each founder's messages sent in order, all founders at once.

Run by tests/integration/test_many_founders.py: `python -m tests.integration.founders_process SPEC GO`, settings
from the environment. SPEC is a JSON list of {"thread": ..., "lines": [...]}; the process opens the session,
prints {"ready": true}, waits for the GO file, runs every thread concurrently (one task per thread, its lines in
order), then prints one JSON line: per thread, the question each turn ended on, and how often it waited.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from assistant.app import load_retriever, open_session
from assistant.session import BusyEvent, CoachSession, Turn
from assistant.settings import Settings


async def founder(session: CoachSession, thread: str, lines: list[str]) -> dict:
    await session.start(thread, "en")
    questions, waits = [], 0
    for line in lines:
        async for event in session.stream(thread, line):
            waits += isinstance(event, BusyEvent)
            if isinstance(event, Turn):
                questions.append(event.question_id)
    return {"questions": questions, "waits": waits}


async def main(spec: Path, go: Path) -> None:
    settings = Settings()
    founders = json.loads(spec.read_text())
    retriever = await load_retriever(settings, progress=False)
    async with open_session(settings, retriever=retriever, progress=False) as session:
        print(json.dumps({"ready": True}), flush=True)
        deadline = time.monotonic() + 300
        while not go.exists() and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        results = await asyncio.gather(*(founder(session, f["thread"], f["lines"]) for f in founders))
    print(json.dumps({f["thread"]: r for f, r in zip(founders, results, strict=True)}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), Path(sys.argv[2])))
