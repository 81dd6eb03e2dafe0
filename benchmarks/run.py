"""One `coach bench` run: each section on its own data dir, figures gathered into the results dict."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.app import load_retriever, open_session
from assistant.retrieval.store import Retriever, build_retriever
from assistant.settings import Settings
from assistant.text.vectors import QueryStats, query_stats
from benchmarks import load, local_model, offline, retrieval, startup
from benchmarks.floor import measure_floor
from benchmarks.model_server import DelayServer, free_port
from benchmarks.plan import KEY_CONCURRENCY, KEY_SIZES, SECTIONS, Plan
from benchmarks.sessions import run_session
from benchmarks.stats import machine, median, p95

Tick = Callable[[], None]
Results = dict[str, Any]


def _settings(data_dir: Path, base_url: str | None = None) -> Settings:
    if base_url is None:
        return Settings(COACH_DATA_DIR=data_dir, COACH_PROVIDER="offline")
    return Settings(COACH_DATA_DIR=data_dir, COACH_PROVIDER="openai", OPENAI_BASE_URL=base_url,
                    OPENAI_API_KEY="bench", COACH_MODEL="bench", COACH_MAX_RETRIES=0)


async def offline_section(plan: Plan, root: Path, tick: Tick) -> Results:
    data = root / "offline"
    settings = _settings(data)
    retriever = await load_retriever(settings, progress=False)
    warm, cases = offline.cases(plan.latency_scenarios)
    async with open_session(settings, retriever=retriever) as session:
        await run_session(session, "warm-up", warm)
        tick()
        before = query_stats()
        turns = await offline.turn_latency(session, cases, tick)
        turn_queries = _spent(before, query_stats(), len(turns))
        texts = [f"{i}: {s.answers.get('for_whom', s.founder.pitch)}" for i, s in
                 enumerate(cases * (plan.floor_turns // max(1, len(cases)) + 1))][: plan.floor_turns]
        before = query_stats()
        floor = await measure_floor(data, retriever, texts)
        floor_queries = _spent(before, query_stats(), len(floor))
        tick()
        sat = await offline.saturation(session, cases, plan.saturation_founders, plan.saturation_turns)
        tick()
        written = await offline.checkpoint_growth(session, data, cases[0], plan.checkpoint_turns)
        tick()
    cpu_ms = offline.embedding_cpu_ms([f"embedding sample {i}: {t}" for i, t in
                                       enumerate(texts * 3)][: plan.embedding_samples])
    tick()
    bound = offline.embedding_bound(cpu_ms)
    return {
        "offline_turn_ms": {"p50": median(turns), "p95": p95(turns), "turns": len(turns)},
        "floor_turn_ms": {"p50": median(floor), "p95": p95(floor)},
        "offline_turn_ratio_to_floor": median(turns) / median(floor),
        "offline_turns_per_s": {"c200": sat["turns_per_s"], "turn_ms_p50": sat["turn_ms_p50"],
                                "turn_ms_p95": sat["turn_ms_p95"],
                                "cpu_ms_per_turn": sat["cpu_ms_per_turn"]},
        "embedding_cpu_ms": cpu_ms,
        "embedding_bound_turns_per_s": bound,
        "throughput_ratio_to_bound": sat["turns_per_s"] / bound,
        "rss_mb_per_session": sat["rss_mb_per_session"],
        "checkpoint_bytes_per_turn": {"turn5": written[4], f"turn{len(written)}": written[-1]},
        "checkpoint_bytes_ratio_40_5": written[-1] / max(1, written[4]),
        "query_embeddings_per_turn": {"offline": turn_queries, "floor": floor_queries},
        "embedded_chars_ratio_to_floor": turn_queries["chars"] / max(1.0, floor_queries["chars"]),
    }


def _spent(before: QueryStats, after: QueryStats, turns: int) -> dict[str, float]:
    """Query texts per turn between two snapshots: asked for, served from the cache, through the model (and
    their characters, what the model's time grows with)."""
    n = max(1, turns)
    return {"asked": (after.asked - before.asked) / n, "cached": (after.cached - before.cached) / n,
            "embedded": (after.embedded - before.embedded) / n,
            "chars": (after.embedded_chars - before.embedded_chars) / n}


async def load_section(plan: Plan, root: Path, retriever: Retriever, tick: Tick) -> Results:
    warm, cases = offline.cases(None)
    out: Results = {"overhead_ratio": {}, "load_turn_ms": {}}
    with DelayServer(0.0, free_port()) as server:
        async with open_session(_settings(root / "cost", server.url), retriever=retriever) as session:
            await run_session(session, "warm-up", warm, max_turns=3)
            cost = await load.model_cost(session, cases[: plan.cost_scenarios] if plan.cost_scenarios else cases)
    tick()
    with DelayServer(plan.delay_s, free_port()) as server:
        for key, founders in zip(KEY_CONCURRENCY, plan.concurrency, strict=True):
            async with open_session(_settings(root / f"load-{founders}", server.url), retriever=retriever) as s:
                result = await load.overhead(s, cases, founders, plan.load_turns, plan.think, plan.delay_s)
            out["overhead_ratio"][key] = result.ratio_p50
            out["overhead_ratio"][f"{key}_p95"] = result.ratio_p95
            out["load_turn_ms"][str(founders)] = {"p50": result.turn_ms_p50, "p95": result.turn_ms_p95,
                                                  "model_turns": result.model_turns, "fallbacks": result.fallbacks}
            tick()
    out["model_calls_per_turn"] = {"median": cost["model_calls_per_turn.median"],
                                   "max": cost["model_calls_per_turn.max"]}
    out["tokens_per_session"] = {"median": cost["tokens_per_session.median"]}
    out["model_calls_per_session"] = {"median": cost["model_calls_per_session.median"]}
    return out


def retrieval_section(plan: Plan, root: Path, tick: Tick) -> Results:
    data = root / "retrieval"
    knowledge = Settings().knowledge_dir
    retriever = build_retriever(data, knowledge, progress=False)
    start = time.perf_counter()
    retriever.ensure_index()
    bundled_s = time.perf_counter() - start
    tick()
    hit3 = retrieval.hit_rate(retriever, retrieval.labelled_queries())
    tick()
    per_size = retrieval.sizes_run(data, retriever, list(plan.sizes), plan.retrieval_rounds, tick)
    rate = retrieval.index_throughput(root / "index", knowledge, plan.index_chunks)
    return {"retrieval_ms": {key: per_size[size] for key, size in zip(KEY_SIZES, sorted(plan.sizes), strict=True)},
            "index_chunks_per_s": rate, "index_bundled_s": bundled_s, "retrieval_hit_at_3": hit3}


def startup_section(root: Path, tick: Tick) -> Results:
    chat = root / "startup-chat"
    fresh = startup.chat_first_question(chat, "bench")
    tick()
    resume = startup.chat_first_question(chat, "bench")
    tick()
    ui = startup.ui_ready(root / "startup-ui")
    tick()
    return {"startup_s": {"chat_first_question": fresh, "chat_resume": resume, "ui_ready": ui}}


async def llm_section(plan: Plan, root: Path, tick: Tick) -> Results:
    if plan.quick:
        session: Results = {"smollm2": None, "skipped": "not in --quick runs: a whole session takes minutes"}
    else:
        session = await local_model.smollm2_session(root)
    tick()
    return {"llm_session_s": session}


async def run(plan: Plan, tick: Tick) -> Results:
    """Every section of `plan`, in temporary data dirs removed afterwards."""
    results: Results = {"machine": machine(), "run": _describe(plan)}
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        root = Path(tmp)
        spent: dict[str, float] = {}
        for name in SECTIONS:
            if name not in plan.sections:
                continue
            start = time.perf_counter()
            if name == "offline":
                results |= await offline_section(plan, root, tick)
            elif name == "load":
                shared = await load_retriever(_settings(root / "shared"), progress=False)
                results |= await load_section(plan, root, shared, tick)
            elif name == "retrieval":
                results |= retrieval_section(plan, root, tick)
            elif name == "llm":
                results |= await llm_section(plan, root, tick)
            else:
                results |= startup_section(root, tick)
            spent[name] = time.perf_counter() - start
        results["section_s"] = spent
    return results


def _describe(plan: Plan) -> Results:
    """What was actually run: the keys keep their names, these say at which sizes they were measured."""
    return {
        "quick": plan.quick,
        "sections": sorted(plan.sections),
        "founders": dict(zip(KEY_CONCURRENCY, plan.concurrency, strict=True)),
        "saturation_founders": plan.saturation_founders,
        "think_s": list(plan.think),
        "turns_per_founder_under_load": plan.load_turns,
        "model_delay_s": plan.delay_s,
        "retrieval_records": dict(zip(KEY_SIZES, sorted(plan.sizes), strict=True)),
        "latency_scenarios": plan.latency_scenarios or "all",
    }
