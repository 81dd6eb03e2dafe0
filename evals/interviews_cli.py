"""`coach eval-interviews`: the after-session loop scored on scenarios with interview notes.

    coach eval-interviews --scenarios evals/scenarios-interviews --out /tmp/iv [--provider offline|openai]

Writes `report.json` (figures and, per scenario, the verdicts missed or wrong and the persona fields not
traced) and prints the table. Exit status 0 when the issue's targets are met (verdict precision and recall
>= 0.85, no persona field that cannot be traced), 1 when one is missed, 2 on bad input.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table

from evals.scenario import ScenarioError, load_scenarios

DEFAULT_DIR = Path(__file__).resolve().parent / "scenarios-interviews"
out = Console()
err = Console(stderr=True)


async def run(scenarios_dir: Path, only: list[str], provider: str | None, concurrency: int) -> dict[str, Any]:
    from assistant.app import build_coach, load_retriever, open_session
    from assistant.prompts import Prompts
    from assistant.settings import Settings
    from evals.interviews import run_with_interviews, summarise

    scenarios = [s for s in load_scenarios(scenarios_dir, only or None) if s.interviews]
    if not scenarios:
        raise ScenarioError(f"{scenarios_dir}: no scenario with `interviews`")
    settings = Settings()
    if provider:
        settings = settings.model_copy(update={"provider": provider})
    retriever = await load_retriever(settings, progress=False)
    coach = build_coach(settings, Prompts())
    semaphore = asyncio.Semaphore(concurrency)
    with tempfile.TemporaryDirectory(prefix="coach-eval-interviews-") as tmp:
        local = settings.model_copy(update={"data_dir": Path(tmp), "database_url": None, "language": None})
        async with open_session(local, progress=False, coach=coach, retriever=retriever) as session:

            async def one(scenario: Any) -> Any:
                async with semaphore:
                    return await run_with_interviews(session, scenario)

            runs = await asyncio.gather(*(one(s) for s in scenarios))
    return summarise(list(runs), {s.id: s for s in scenarios})


def table(report: dict[str, Any]) -> Table:
    t = Table(title=f"After-session loop on {report['scenarios']} scenarios")
    for name in ("scenario", "lang", "TP", "FP", "FN", "persona fields not traced", "status / expected"):
        t.add_column(name)
    for r in report["runs"]:
        t.add_row(r["id"], r["language"], str(r["tp"]), str(r["fp"]), str(r["fn"]),
                  ", ".join(r["unsupported_fields"]) or "-", f"{r['validation']} / {r['expected_validation']}")
    return t


def interviews_command(
    scenarios: Annotated[Path, typer.Option("--scenarios", help="Folder of scenario YAML files.")] = DEFAULT_DIR,
    provider: Annotated[Literal["offline", "openai"] | None, typer.Option("--provider")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for report.json.")] = Path("eval-interviews"),
    only: Annotated[list[str] | None, typer.Option("--scenario", help="Only this scenario id; repeatable.")] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1)] = 2,
) -> None:
    """Score personas (faithfulness) and interview-note verdicts (precision, recall) on simulated founders."""
    try:
        report = asyncio.run(run(scenarios, list(only or []), provider, concurrency))
    except (ScenarioError, OSError, ValueError) as exc:
        err.print(f"[red]coach eval-interviews:[/red] {exc}")
        raise typer.Exit(2) from exc
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    out.print(table(report))
    out.print(f"verdict precision {report['verdict_precision']}, recall {report['verdict_recall']} "
              f"({report['verdicts']}); persona fields not traced: {report['persona_unsupported_share']} of "
              f"{report['persona_fields']}; validation accuracy {report['validation_accuracy']}; "
              f"completed {report['completed']}/{report['scenarios']}")
    out.print(f"Report: {out_dir / 'report.json'}")
    missed = missed_targets(report)
    for line in missed:
        err.print(f"[red]target missed:[/red] {line}")
    raise typer.Exit(1 if missed else 0)


TARGETS = {"verdict_precision": 0.85, "verdict_recall": 0.85}


def missed_targets(report: dict[str, Any]) -> list[str]:
    """The issue's targets this report misses, in words (empty when every one is met)."""
    missed = [f"{name} {report[name]} < {floor}" for name, floor in TARGETS.items() if report[name] < floor]
    if report["persona_unsupported_share"] > 0:
        missed.append(f"persona_unsupported_share {report['persona_unsupported_share']} > 0")
    if report["completed"] < report["scenarios"]:
        missed.append(f"completed {report['completed']} of {report['scenarios']}")
    return missed


if __name__ == "__main__":
    typer.run(interviews_command)
