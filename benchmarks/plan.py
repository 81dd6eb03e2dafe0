"""What one `coach bench` run measures, and how much of it: the full suite or the `--quick` CI smoke."""

from __future__ import annotations

from dataclasses import dataclass, field

KEY_CONCURRENCY = ("c1", "c50", "c200")  # result keys of the overhead ratio, for the three loads below
KEY_SIZES = ("p95_1k", "p95_10k", "p95_100k")  # result keys of retrieval latency, for the three sizes


@dataclass(frozen=True)
class Plan:
    quick: bool = False
    latency_scenarios: int | None = None  # None: every scenario of the evaluation set
    floor_turns: int = 100
    saturation_founders: int = 200
    saturation_turns: int = 4
    embedding_samples: int = 50
    checkpoint_turns: int = 40
    concurrency: tuple[int, int, int] = (1, 50, 200)
    think: tuple[float, float] = (5.0, 30.0)
    load_turns: int = 6
    delay_s: float = 0.3
    cost_scenarios: int | None = None
    sizes: tuple[int, int, int] = (1_000, 10_000, 100_000)
    retrieval_rounds: int = 2
    index_chunks: int | None = None  # None: the whole knowledge base
    startup: bool = True
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))

    def steps(self) -> int:
        """Progress-bar steps of this plan."""
        n = {"offline": 5 + (self.latency_scenarios or 27), "load": 4, "retrieval": 5, "startup": 3, "llm": 1}
        return sum(v for k, v in n.items() if k in self.sections)


SECTIONS = ("offline", "load", "retrieval", "startup", "llm")  # llm: a session on a real local model

# The CI smoke: every section and every results.json key, on the least data that still measures each one
# (checkpoint_turns stays 40: the growth ratio is turn 40 over turn 5).
QUICK = Plan(quick=True, latency_scenarios=1, floor_turns=10, saturation_founders=10, saturation_turns=2,
             embedding_samples=5, checkpoint_turns=40, concurrency=(1, 3, 6), think=(0.0, 0.0), load_turns=2,
             cost_scenarios=1, sizes=(1_000, 2_000, 3_000), retrieval_rounds=1, index_chunks=2)


def parse_pair(text: str) -> tuple[float, float]:
    """`"5,30"` → (5.0, 30.0); `"0"` → (0.0, 0.0). Raises ValueError on anything else."""
    parts = [float(p) for p in text.split(",")]
    if len(parts) == 1:
        parts *= 2
    if len(parts) != 2 or parts[0] < 0 or parts[1] < parts[0]:
        raise ValueError(f"expected MIN,MAX seconds with 0 <= MIN <= MAX, got {text!r}")
    return parts[0], parts[1]


def parse_triple(text: str) -> tuple[int, int, int]:
    """`"1,50,200"` → (1, 50, 200): three positive integers. Raises ValueError on anything else."""
    parts = [int(p) for p in text.split(",")]
    if len(parts) != 3 or min(parts) < 1:
        raise ValueError(f"expected three positive integers, got {text!r}")
    return parts[0], parts[1], parts[2]
