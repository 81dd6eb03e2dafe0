"""`coach eval`: score a coach on simulated founders, score recorded transcripts, or compare reports.

Exit status: 0 when every threshold is met (or nothing was checked), 1 when a threshold is
missed, 2 when the input is wrong (scenario files, thresholds file, configuration).
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from evals.metrics import MAX_FOUNDER_TURNS, RunScore, lookup, score_run
from evals.report import HEADLINE, VOICE, build_report, fmt, write_report
from evals.scenario import Scenario, ScenarioError, load_scenarios
from evals.sectors import LibraryError, load_library
from evals.thresholds import DEFAULT_THRESHOLDS, Check, ThresholdError, check_thresholds, load_thresholds
from evals.transcript import Transcript, read_transcripts

DEFAULT_SCENARIOS = Path(__file__).resolve().parent / "scenarios"
out = Console()
err = Console(stderr=True)


class UsageError(Exception):
    """Bad input: reported on stderr, exit status 2."""


def _model_configured(settings: Any) -> bool:
    return bool(settings.openai_api_key or settings.openai_base_url)


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _progress(total: int, quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=err,
        disable=quiet,
        transient=False,
    )


def _judge(settings: Any, model: str | None, cache: Path | None) -> Any:
    from evals.judge import Judge, JudgeCache, make_client

    return Judge(
        make_client(settings),
        model or settings.model,
        cache=JudgeCache(cache or settings.data_dir / "eval-cache" / "judge.jsonl"),
    )


async def _judge_reflections(judge: Any, transcripts: list[Transcript]) -> list:
    """The judge's reflection rubric (evals/reflection_judge.py), with the mistake judge's client and cache."""
    from evals.reflection_judge import ReflectionJudge

    return await ReflectionJudge(judge.client, judge.model, cache=judge.cache).judge_all(transcripts)


async def _judge_all(
    judge: Any, transcripts: list[Transcript], scenarios: dict[str, Scenario], quiet: bool
) -> list:
    from evals.judge import judge_items

    items = [
        i for t in transcripts if t.scenario_id in scenarios for i in judge_items(t, scenarios[t.scenario_id])
    ]
    if not items:
        return []
    with _progress(len(items), quiet) as progress:
        task = progress.add_task("judge", total=len(items), last="")

        async def one(item: Any) -> Any:
            verdict = await judge.judge(item)
            progress.update(task, advance=1, last=f"{item.scenario_id} {item.mistake_id}")
            return verdict

        return list(await asyncio.gather(*(one(i) for i in items)))


# ---------------------------------------------------------------- simulated runs


async def evaluate(
    *,
    scenarios_dir: Path,
    only: list[str],
    provider: str | None,
    founder: str,
    repeats: int,
    out_dir: Path,
    thresholds_path: Path,
    judge: bool | None,
    judge_model: str | None,
    judge_cache: Path | None,
    founder_model: str | None,
    concurrency: int | None,
    max_turns: int,
    label: str | None,
    quiet: bool,
) -> int:
    from assistant.settings import Settings

    started = time.perf_counter()
    thresholds = load_thresholds(thresholds_path)
    scenarios = load_scenarios(scenarios_dir, only or None)
    library = load_library()
    settings = Settings()
    if provider:
        settings = settings.model_copy(update={"provider": provider})
    llm = settings.resolved_provider == "openai"
    if llm and not _model_configured(settings):
        raise UsageError("--provider openai needs OPENAI_API_KEY or OPENAI_BASE_URL (and COACH_MODEL)")
    founder_kind = founder if founder != "auto" else ("llm" if llm else "scripted")
    if founder_kind == "llm" and not _model_configured(settings):
        raise UsageError("--founder llm needs a model: set OPENAI_API_KEY or OPENAI_BASE_URL")
    use_judge = _model_configured(settings) if judge is None else judge
    if use_judge and not _model_configured(settings):
        raise UsageError("--judge needs a model: set OPENAI_API_KEY or OPENAI_BASE_URL")

    from assistant.app import build_coach, load_retriever  # the engine, once the input is known to be good
    from assistant.prompts import Prompts
    from evals.fidelity import E5Embedder, fidelity_texts, vector_cache_name
    from evals.runner import run_suite
    from evals.simulator import LLMFounder, ScriptedFounder

    coach_label = label or ("offline" if not llm else f"openai:{settings.model}")
    retriever = await load_retriever(settings, progress=not quiet)
    if hasattr(retriever, "ensure_index"):  # index once, before the clock of the first session starts
        await asyncio.to_thread(retriever.ensure_index)
    coach = build_coach(settings, Prompts())
    known = retriever.chunk_ids() if hasattr(retriever, "chunk_ids") else None

    client = None
    if founder_kind == "llm":
        from evals.judge import make_client

        client = make_client(settings)

    def make_founder(scenario: Scenario, run: int) -> Any:
        if founder_kind == "llm":
            return LLMFounder(scenario, client, founder_model or settings.model)
        return ScriptedFounder(scenario)

    total = len(scenarios) * repeats
    with _progress(total, quiet) as progress:
        task = progress.add_task("scenarios", total=total, last="")

        def done(t: Transcript) -> None:
            mark = "✓" if t.done else "✗"
            progress.update(task, advance=1, last=f"{mark} {t.scenario_id}#{t.run}")

        transcripts = await run_suite(
            settings,
            scenarios,
            make_founder,
            coach=coach,
            retriever=retriever,
            repeats=repeats,
            concurrency=concurrency or 4,
            source=coach_label,
            max_turns=max_turns,
            on_done=done,
        )
    by_id = {s.id: s for s in scenarios}
    embedder = E5Embedder(cache_file=settings.data_dir / "eval-cache" / vector_cache_name())
    embedder.embed(
        sorted({x for t in transcripts for x in fidelity_texts(t.canvas, by_id[t.scenario_id].truth)})
    )
    scores = [
        score_run(
            t, by_id[t.scenario_id], known_chunks=known, embedder=embedder, max_turns=max_turns, library=library
        )
        for t in transcripts
    ]
    embedder.save()
    verdicts = reflections = None
    if use_judge:
        judge_ = _judge(settings, judge_model, judge_cache)
        verdicts = await _judge_all(judge_, transcripts, by_id, quiet)
        reflections = await _judge_reflections(judge_, transcripts)

    config = {
        "mode": "simulated",
        "coach": coach_label,
        "label": coach_label,
        "provider": settings.resolved_provider,
        "model": settings.model if llm else "",
        "founder": founder_kind + (f" ({founder_model or settings.model})" if founder_kind == "llm" else ""),
        "judge": (judge_model or settings.model) if use_judge else "",
        "repeats": repeats,
        "max_founder_turns": max_turns,
        "scenarios_dir": str(scenarios_dir),
        "thresholds_file": str(thresholds_path),
        "example_library": library.files,
        "commit": _git_commit(),
        "python": sys.version.split()[0],
    }
    report = build_report(config=config, scenarios=scenarios, scores=scores, verdicts=verdicts,
                          reflections=reflections)
    checks = check_thresholds(report["aggregate"], thresholds)
    report["thresholds"] = {"passed": all(c.ok for c in checks), "checks": [c.model_dump() for c in checks]}
    report["config"]["duration_s"] = round(time.perf_counter() - started, 2)
    charts = write_report(out_dir, report, transcripts)
    _print_summary(report, checks, scores)
    out.print(
        f"Report: {out_dir / 'report.md'} · {out_dir / 'report.json'} · charts: "
        + ", ".join(p.name for p in charts)
    )
    missed = [c for c in checks if not c.ok]
    if missed:
        err.print(
            "[red]Thresholds missed:[/red] "
            + ", ".join(f"{c.key} = {fmt(c.value)} (needs {c.op} {c.limit:g})" for c in missed)
        )
        return 1
    return 0


def _print_summary(report: dict[str, Any], checks: list[Check], scores: list[RunScore]) -> None:
    agg = report["aggregate"]
    limits = {c.key: c for c in checks}
    table = Table(title=f"{report['config']['coach']} — {agg['scenarios']} scenarios, {agg['runs']} runs")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("threshold", justify="right")
    keys = [*HEADLINE, *((f"pass_k.{k}", f"pass^{k}") for k in agg.get("pass_k", {}))]
    if "judge" in agg:
        keys.append(("judge.overall", "judge overall"))
        if "reflections" in agg["judge"]:
            keys.append(("judge.reflections.score", "judge: reflections"))
    keys += VOICE
    for key, name in keys:
        try:
            value = lookup(agg, key)
        except KeyError:
            continue
        c = limits.get(key)
        mark = "" if c is None else f"[{'green' if c.ok else 'red'}]{c.op} {c.limit:g}[/]"
        table.add_row(name, fmt(value), mark)
    out.print(table)
    failing = [s for s in scores if s.failures]
    if failing:
        out.print(f"[bold]{len(failing)} run(s) with failures[/bold]")
        for s in failing:
            out.print(f"  {s.scenario_id}#{s.run}: " + "; ".join(s.failures))


# ---------------------------------------------------------------- recorded transcripts


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "source"


async def score_transcripts(
    *,
    files: list[Path],
    scenarios_dir: Path,
    out_dir: Path,
    judge: bool | None,
    judge_model: str | None,
    judge_cache: Path | None,
    quiet: bool,
) -> int:
    """Score sessions recorded elsewhere, grouped by `source` (default: the file name), side by side."""
    from assistant.retrieval.knowledge import load_chunks
    from assistant.settings import Settings
    from evals.compare import side_by_side
    from evals.fidelity import E5Embedder, fidelity_texts, vector_cache_name

    settings = Settings()
    scenarios = {s.id: s for s in load_scenarios(scenarios_dir)}
    library = load_library()
    groups: dict[str, list[Transcript]] = defaultdict(list)
    for path in files:
        try:
            for t in read_transcripts(path):
                groups[t.source or path.stem].append(t.model_copy(update={"source": t.source or path.stem}))
        except (OSError, ValueError) as exc:
            raise UsageError(str(exc)) from exc
    unknown = sorted({t.scenario_id for ts in groups.values() for t in ts if t.scenario_id not in scenarios})
    if unknown:
        err.print(f"[yellow]Skipping transcripts of unknown scenarios: {', '.join(unknown)}[/yellow]")
    use_judge = _model_configured(settings) if judge is None else judge
    if use_judge and not _model_configured(settings):
        raise UsageError("--judge needs a model: set OPENAI_API_KEY or OPENAI_BASE_URL")
    if not use_judge:
        err.print("[yellow]No model configured: judge skipped, deterministic metrics only.[/yellow]")
    known = {c.chunk_id for c in load_chunks(settings.knowledge_dir)}
    embedder = E5Embedder(cache_file=settings.data_dir / "eval-cache" / vector_cache_name())
    embedder.embed(
        sorted(
            {
                x
                for ts in groups.values()
                for t in ts
                if t.scenario_id in scenarios
                for x in fidelity_texts(t.canvas, scenarios[t.scenario_id].truth)
            }
        )
    )
    judge_ = _judge(settings, judge_model, judge_cache) if use_judge else None
    reports: dict[str, dict[str, Any]] = {}
    for source, transcripts in groups.items():
        kept = [t for t in transcripts if t.scenario_id in scenarios]
        used = [scenarios[i] for i in sorted({t.scenario_id for t in kept})]
        scores = [
            score_run(t, scenarios[t.scenario_id], known_chunks=known, embedder=embedder, library=library)
            for t in kept
        ]
        verdicts = await _judge_all(judge_, kept, scenarios, quiet) if judge_ is not None else None
        reflections = await _judge_reflections(judge_, kept) if judge_ is not None else None
        config = {
            "mode": "transcripts",
            "coach": source,
            "label": source,
            "judge": (judge_model or settings.model) if judge_ else "",
            "founder": "recorded",
            "files": [str(f) for f in files],
            "duration_s": 0.0,
        }
        reports[source] = build_report(config=config, scenarios=used, scores=scores, verdicts=verdicts,
                                       reflections=reflections)
    embedder.save()
    if not reports:
        raise UsageError("no transcript to score")
    out_dir.mkdir(parents=True, exist_ok=True)
    md = ["# Recorded sessions side by side", ""]
    for source, report in reports.items():
        sub = out_dir / _slug(source)
        write_report(sub, report, groups[source])
        md.append(f"- [{source}]({sub.name}/report.md): {report['aggregate'].get('runs', 0)} sessions")
    combined = {"schema": "segment-coach-eval-transcripts/1", "groups": reports}
    (out_dir / "report.json").write_text(
        json.dumps(combined, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    table = side_by_side([r["aggregate"] for r in reports.values()], list(reports), title="Recorded sessions")
    out.print(table)
    rec = Console(record=True, width=140, file=io.StringIO())
    rec.print(table)
    md += ["", "```", rec.export_text().rstrip(), "```", ""]
    (out_dir / "report.md").write_text("\n".join(md), encoding="utf-8")
    out.print(f"Report: {out_dir / 'report.md'}")
    return 0


# ---------------------------------------------------------------- the command


def eval_command(
    scenarios: Annotated[
        Path, typer.Option("--scenarios", help="Folder of scenario YAML files.")
    ] = DEFAULT_SCENARIOS,
    provider: Annotated[
        Literal["offline", "openai"] | None,
        typer.Option("--provider", help="Coach under test; default: COACH_PROVIDER / a configured model."),
    ] = None,
    founder: Annotated[
        Literal["auto", "scripted", "llm"],
        typer.Option(
            "--founder", help="Simulated founder; auto = llm with the LLM coach, scripted otherwise."
        ),
    ] = "auto",
    repeats: Annotated[
        int, typer.Option("--repeats", min=1, help="Runs per scenario (pass^k for k ≤ K).")
    ] = 1,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for report.json, report.md, charts.")] = Path(
        "eval-report"
    ),
    thresholds: Annotated[
        Path, typer.Option("--thresholds", help="TOML thresholds file.")
    ] = DEFAULT_THRESHOLDS,
    judge: Annotated[
        bool | None,
        typer.Option("--judge/--no-judge", help="LLM judge; default: on when a model is configured."),
    ] = None,
    transcripts: Annotated[
        list[Path] | None, typer.Option("--transcripts", help="Score recorded sessions (JSONL); repeatable.")
    ] = None,
    compare: Annotated[
        tuple[Path, Path] | None,
        typer.Option("--compare", help="Two report.json files to show side by side."),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--scenario", help="Only this scenario id; repeatable.")
    ] = None,
    label: Annotated[
        str | None, typer.Option("--label", help="Name of this run in reports and comparisons.")
    ] = None,
    judge_model: Annotated[str | None, typer.Option("--judge-model", help="Default: COACH_MODEL.")] = None,
    founder_model: Annotated[
        str | None, typer.Option("--founder-model", help="Default: COACH_MODEL.")
    ] = None,
    judge_cache: Annotated[
        Path | None, typer.Option("--judge-cache", help="Judge cache file (JSONL).")
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", min=1, help="Sessions run at once.")
    ] = None,
    max_turns: Annotated[int, typer.Option("--max-turns", min=1, help="Founder turns before giving up.")] = (
        MAX_FOUNDER_TURNS
    ),
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Score a coach on simulated founders: report.json, report.md and charts (see evals/README.md)."""
    try:
        if compare:
            from evals.compare import compare_reports

            try:
                table = compare_reports(*compare)
            except ValueError as exc:  # not JSON, or not a report
                raise UsageError(str(exc)) from exc
            out.print(table)
            raise typer.Exit(0)
        if transcripts:
            code = asyncio.run(
                score_transcripts(
                    files=list(transcripts),
                    scenarios_dir=scenarios,
                    out_dir=out_dir,
                    judge=judge,
                    judge_model=judge_model,
                    judge_cache=judge_cache,
                    quiet=quiet,
                )
            )
            raise typer.Exit(code)
        code = asyncio.run(
            evaluate(
                scenarios_dir=scenarios,
                only=list(only or []),
                provider=provider,
                founder=founder,
                repeats=repeats,
                out_dir=out_dir,
                thresholds_path=thresholds,
                judge=judge,
                judge_model=judge_model,
                judge_cache=judge_cache,
                founder_model=founder_model,
                concurrency=concurrency,
                max_turns=max_turns,
                label=label,
                quiet=quiet,
            )
        )
        raise typer.Exit(code)
    except (UsageError, ScenarioError, ThresholdError, LibraryError, OSError) as exc:
        err.print(f"[red]coach eval:[/red] {exc}")
        raise typer.Exit(2) from exc
