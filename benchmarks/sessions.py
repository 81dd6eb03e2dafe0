"""Scripted founders driving real sessions: the evaluation set's scenarios, answered as written.

A session is timed turn by turn (founder message sent → finished `Turn` back), and each turn records
the model calls and tokens it cost (from the canvas metadata the graph keeps).
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.session import CoachSession, Turn
from evals.scenario import Scenario, load_scenarios
from evals.simulator import ScriptedFounder

SCENARIOS = Path(__file__).resolve().parent.parent / "evals" / "scenarios"
MAX_TURNS = 40  # the evaluation runner's own cap is lower; a scripted session ends well before


@dataclass
class TurnSample:
    ms: float
    model_calls: int
    tokens: int
    fallbacks: int


@dataclass
class SessionRun:
    scenario: str
    turns: list[TurnSample] = field(default_factory=list)
    done: bool = False  # the session reached its summary

    @property
    def model_calls(self) -> int:
        return sum(t.model_calls for t in self.turns)

    @property
    def tokens(self) -> int:
        return sum(t.tokens for t in self.turns)


def scenarios(limit: int | None = None, directory: Path = SCENARIOS) -> list[Scenario]:
    """The evaluation set's scenarios, sorted by id; the first `limit` when given."""
    found = sorted(load_scenarios(directory), key=lambda s: s.id)
    return found[:limit] if limit else found


def invisible_tag(n: int) -> str:
    """Invisible combining marks that spell `n` (a grapheme joiner, then variation selectors as hex
    digits): appended to a founder's messages so that founders playing the same scenario send texts that
    differ (no cache shares their embeddings) yet read the same. Marks, not format characters: the reader
    keeps marks and drops format characters."""
    return "\u034f" + "".join(chr(0xFE00 + int(digit, 16)) for digit in f"{n:x}")


def _spent(turn: Turn) -> tuple[int, int, int]:
    meta = turn.canvas.metadata
    return meta.model_calls, meta.prompt_tokens + meta.completion_tokens, meta.fallbacks


async def run_session(
    session: CoachSession,
    thread: str,
    scenario: Scenario,
    *,
    max_turns: int = MAX_TURNS,
    think: tuple[float, float] = (0.0, 0.0),
    rng: random.Random | None = None,
    tag: str = "",
) -> SessionRun:
    """Play `scenario` on `thread` until the summary (or `max_turns` founder turns), waiting a think time
    drawn uniformly in `think` seconds before each message; `tag` is appended to every message."""
    founder = ScriptedFounder(scenario)
    rng = rng or random.Random(thread)
    run = SessionRun(scenario.id)
    turn = await session.start(thread)
    text: str | None = await founder.first_message()
    while text is not None and len(run.turns) < max_turns:
        if think[1] > 0:
            await asyncio.sleep(rng.uniform(*think))
        before = _spent(turn)
        start = time.perf_counter()
        turn = await session.send(thread, text + tag)
        elapsed = (time.perf_counter() - start) * 1000
        after = _spent(turn)
        run.turns.append(TurnSample(elapsed, after[0] - before[0], after[1] - before[1], after[2] - before[2]))
        if turn.done:
            break
        text = await founder.reply(turn.question_id, turn.messages)
    run.done = turn.done
    return run
