"""`coach bench`: run the performance suite, write results.json, print the table.

Exit status 0 when the run completed (a benchmark reports its targets, it does not fail on them),
2 when an option is wrong.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from benchmarks.plan import QUICK, SECTIONS, Plan, parse_pair, parse_triple

out = Console()
err = Console(stderr=True)


def _plan(quick: bool, think: str | None, founders: str | None, sizes: str | None,
          only: list[str] | None) -> Plan:
    plan = QUICK if quick else Plan()
    changes: dict[str, object] = {}
    if think is not None:
        changes["think"] = parse_pair(think)
    if founders is not None:
        changes["concurrency"] = parse_triple(founders)
    if sizes is not None:
        changes["sizes"] = parse_triple(sizes)
    if only:
        unknown = set(only) - set(SECTIONS)
        if unknown:
            raise ValueError(f"unknown section(s) {sorted(unknown)}; choose among {list(SECTIONS)}")
        changes["sections"] = frozenset(only)
    return dataclasses.replace(plan, **changes)  # type: ignore[arg-type]


def bench_command(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for results.json and the load chart.")] = Path(
        "out/bench"),
    quick: Annotated[bool, typer.Option("--quick", help="A reduced run (CI smoke, about a minute).")] = False,
    think: Annotated[str | None, typer.Option(
        "--think", help="Think time between a founder's messages under load, MIN,MAX seconds (0: saturation).")
    ] = None,
    founders: Annotated[str | None, typer.Option(
        "--founders", help="Three loads of concurrent founders (default 1,50,200).")] = None,
    sizes: Annotated[str | None, typer.Option(
        "--sizes", help="Three retrieval index sizes in records (default 1000,10000,100000).")] = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help=f"Run only these sections (repeatable): {', '.join(SECTIONS)}.")] = None,
) -> None:
    """Measure the coach: offline turn vs the floor, overhead under load, retrieval, storage, start-up."""
    try:
        plan = _plan(quick, think, founders, sizes, only)
    except ValueError as exc:
        err.print(f"[red]coach bench: {exc}[/red]")
        raise typer.Exit(2) from exc
    # Imported here: every `coach` command loads this module to register `bench`.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from benchmarks.report import chart, table, write_results
    from benchmarks.run import run

    logging.getLogger("assistant").setLevel(logging.ERROR)  # fallbacks are counted, not printed
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("coach bench", total=plan.steps())
        results = asyncio.run(run(plan, lambda: bar.advance(task)))
    path = write_results(results, out_dir)
    drawn = chart(results, out_dir / "latency_vs_founders.png")
    out.print(table(results))
    out.print(f"results: {path}" + (f"; chart: {drawn}" if drawn else ""))
