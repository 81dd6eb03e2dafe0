"""`coach cohort` and `coach sessions`: running a cohort from the command line (plugged into
assistant/cli.py). Every refusal is one clear line on stderr and exit code 1."""

from __future__ import annotations

import asyncio
import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from assistant.cohorts.models import CohortError
from assistant.settings import Settings

cohort_app = typer.Typer(help="Cohorts of an accelerator: create them, invite founders and mentors, set a model "
                              "cap and a retention period.", no_args_is_help=True)
sessions_app = typer.Typer(help="The room's sessions: who owns them and how far they got.", no_args_is_help=True)
err = Console(stderr=True)


@contextmanager
def _refused() -> Iterator[None]:
    """A `CohortError` in the block becomes one red line on stderr and exit code 1."""
    try:
        yield
    except CohortError as exc:
        err.print(str(exc), style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc


def _store():  # type: ignore[no-untyped-def]
    from assistant.cohorts.stores import cohort_store

    return cohort_store(Settings())


@cohort_app.command("create")
def cohort_create(
    name: Annotated[str, typer.Argument(help="Letters, digits and . _ - (stored lower-case).")],
    token_cap: Annotated[int | None, typer.Option("--token-cap", help="Model tokens the cohort may spend.")] = None,
) -> None:
    """Create a cohort."""
    with _refused():
        cohort = _store().create(name, token_cap=token_cap)
    err.print(f"Cohort {cohort.name!r} created", markup=False)


@cohort_app.command("list")
def cohort_list() -> None:
    """List the cohorts: name, members, invite codes used, model cap (tokens), retention (days)."""
    with _refused():
        store = _store()
        cohorts, members = store.cohorts(), store.members()
    for cohort in cohorts:
        count = sum(1 for m in members if m.cohort == cohort.name)
        cap = cohort.token_cap if cohort.token_cap is not None else "-"
        days = cohort.retention_days if cohort.retention_days is not None else "-"
        issued, used = store.invite_counts(cohort.name)
        print(f"{cohort.name}\t{count} members\tinvites {used}/{issued} used\tcap {cap}\tretention {days}")


@cohort_app.command("invite")
def cohort_invite(
    name: Annotated[str, typer.Argument(help="The cohort.")],
    count: Annotated[int, typer.Option("--count", "-n", help="How many single-use codes.")] = 1,
    role: Annotated[str, typer.Option("--role", help="founder, mentor or admin.")] = "founder",
    csv_file: Annotated[Path | None, typer.Option("--csv", help="Write code,cohort,role,signup_url here.")] = None,
    url: Annotated[str, typer.Option("--url", help="The room's address, for sign-up links.")] = "",
) -> None:
    """Print single-use invite codes (one a line), or write them with sign-up links to a CSV file."""
    with _refused():
        store = _store()
        cohort = store.require(name).name
        codes = store.issue_invites(cohort, count, role)
    base = url.rstrip("/")
    if csv_file is None:
        for code in codes:
            print(code)
        return
    with csv_file.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["code", "cohort", "role", "signup_url"])
        for code in codes:
            writer.writerow([code, cohort, role.strip().lower(), f"{base}/signup?code={code}" if base else ""])
    err.print(f"{len(codes)} invite codes for {cohort!r} written to {csv_file}", markup=False)


@cohort_app.command("cap")
def cohort_cap(
    name: Annotated[str, typer.Argument()],
    tokens: Annotated[int | None, typer.Argument(help="Model tokens; omit to remove the cap.")] = None,
) -> None:
    """Cap the model tokens a cohort may spend; past it, its founders continue on the offline coach."""
    with _refused():
        cohort = _store().configure(name, token_cap=tokens)
    err.print(f"{cohort.name}: cap {cohort.token_cap if cohort.token_cap is not None else 'none'}", markup=False)


@cohort_app.command("retention")
def cohort_retention(
    name: Annotated[str, typer.Argument()],
    days: Annotated[int | None, typer.Argument(help="Days; omit to keep finished sessions.")] = None,
) -> None:
    """Delete the cohort's finished sessions this many days after their last activity (`coach sessions purge`)."""
    with _refused():
        cohort = _store().configure(name, retention_days=days)
    err.print(f"{cohort.name}: retention {cohort.retention_days or 'none'}", markup=False)


@sessions_app.command("list")
def sessions_list(
    cohort: Annotated[str | None, typer.Option("--cohort", help="Only this cohort's founders.")] = None,
) -> None:
    """Print thread id, owner, cohort, progress (question i/n, or done), segments and last activity."""
    from assistant.cohorts import report

    with _refused():
        lines = asyncio.run(report.session_lines(Settings(), cohort))
    for line in lines:
        print(line)
    if not lines:
        err.print("No session" + (f" in cohort {cohort!r}" if cohort else ""), markup=False)
    sys.stdout.flush()


@sessions_app.command("purge")
def sessions_purge(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only list what would be deleted.")] = False,
) -> None:
    """Delete the finished sessions older than their cohort's retention period (`coach cohort retention`);
    run it daily (cron, a systemd timer)."""
    from assistant.cohorts import report

    with _refused():
        lines = asyncio.run(report.purge(Settings(), dry_run=dry_run))
    for line in lines:
        print(line)
    err.print(f"{len(lines)} finished sessions past their retention period"
              + (" (dry run: nothing deleted)" if dry_run else " deleted"), markup=False)
