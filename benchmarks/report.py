"""results.json, the printed table (with the issue's targets beside each figure) and the load chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.table import Table

# (key, label, target, higher is better); None: reported, no target.
ROWS: list[tuple[str, str, float | None, bool]] = [
    ("offline_turn_ms.p50", "offline turn p50 (ms)", None, False),
    ("offline_turn_ms.p95", "offline turn p95 (ms)", 60, False),
    ("floor_turn_ms.p50", "floor turn p50 (ms)", None, False),
    ("offline_turn_ratio_to_floor", "offline turn / floor (p50)", 1.5, False),
    ("query_embeddings_per_turn.offline.embedded", "query texts embedded / turn", None, False),
    ("embedded_chars_ratio_to_floor", "characters embedded, turn / floor", None, False),
    ("overhead_ratio.c1", "overhead ratio, c1", None, False),
    ("overhead_ratio.c50", "overhead ratio, c50", None, False),
    ("overhead_ratio.c200", "overhead ratio, c200", 1.10, False),
    ("offline_turns_per_s.c200", "offline turns/s, saturated", None, True),
    ("embedding_bound_turns_per_s", "embedding-bound turns/s", None, True),
    ("throughput_ratio_to_bound", "throughput / bound", 0.6, True),
    ("retrieval_ms.p95_1k", "retrieval p95, 1k (ms)", None, False),
    ("retrieval_ms.p95_10k", "retrieval p95, 10k (ms)", 25, False),
    ("retrieval_ms.p95_100k", "retrieval p95, 100k (ms)", None, False),
    ("index_chunks_per_s", "indexing (chunks/s)", None, True),
    ("rss_mb_per_session", "RSS per session (MiB)", None, False),
    ("checkpoint_bytes_ratio_40_5", "checkpoint bytes, turn 40 / 5", 1.5, False),
    ("model_calls_per_turn.median", "model calls / turn, median", None, False),
    ("model_calls_per_turn.max", "model calls / turn, max", 2, False),
    ("tokens_per_session.median", "tokens / session, median", None, False),
    ("startup_s.chat_first_question", "coach chat, fresh (s)", 4, False),
    ("startup_s.chat_resume", "coach chat, resume (s)", 2, False),
    ("startup_s.ui_ready", "coach ui ready (s)", None, False),
    ("llm_session_s.smollm2", "session on SmolLM2-135M (s)", 600, False),
    ("llm_session_s.model_turn_share", "  its turns answered by the model", 0.5, True),
]
# Figures every run has; the local-model session is skipped (with its reason) where no server is installed.
OPTIONAL = ("llm_session_s.smollm2", "llm_session_s.model_turn_share")
REQUIRED = [row[0] for row in ROWS if row[0] not in OPTIONAL] + ["machine"]


def lookup(results: dict[str, Any], key: str) -> Any:
    """The value at a dotted `key` (`"offline_turn_ms.p95"`), or None when absent."""
    node: Any = results
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def write_results(results: dict[str, Any], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "results.json"
    path.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def table(results: dict[str, Any]) -> Table:
    run = results.get("run", {})
    m = results.get("machine", {})
    title = (f"coach bench{' --quick' if run.get('quick') else ''} — {m.get('cores')} cores, "
             f"{m.get('memory_gb')} GB, {m.get('cpu_model')}, load {m.get('load_avg_1m_at_start')}")
    out = Table(title=title)
    for name in ("figure", "value", "target", "met"):
        out.add_column(name, justify="left" if name == "figure" else "right")
    for key, label, target, higher in ROWS:
        value = lookup(results, key)
        if not isinstance(value, int | float):
            skipped = lookup(results, f"{key.rsplit('.', 1)[0]}.skipped") if key in OPTIONAL else None
            out.add_row(label, f"skipped: {skipped}" if skipped else "—", "", "")
            continue
        met = "" if target is None else ("yes" if (value >= target if higher else value <= target) else "NO")
        out.add_row(label, f"{value:,.2f}" if value < 100 else f"{value:,.0f}",
                    "" if target is None else f"{'≥' if higher else '≤'} {target:g}", met)
    return out


def chart(results: dict[str, Any], path: Path) -> Path | None:
    """Turn latency (p50, p95) against concurrent founders, with the model's own time as a line."""
    load = results.get("load_turn_ms") or {}
    if not load:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    founders = sorted(load, key=int)
    xs = [int(f) for f in founders]
    delay_ms = float(results.get("run", {}).get("model_delay_s", 0.3)) * 1000
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(xs, [load[f]["p50"] for f in founders], "o-", label="turn p50")
    ax.plot(xs, [load[f]["p95"] for f in founders], "s--", label="turn p95")
    ax.axhline(2 * delay_ms, color="grey", linestyle=":", label=f"2 model calls × {delay_ms:.0f} ms")
    ax.set_xlabel("concurrent founders (one process)")
    ax.set_ylabel("founder turn (ms)")
    think = results.get("run", {}).get("think_s", [0, 0])
    ax.set_title(f"LLM coach, loopback model at {delay_ms:.0f} ms/call, think {think[0]:g}–{think[1]:g} s")
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
