"""`coach user`: the room's accounts from the command line (plugged into assistant/cli.py)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from assistant.cohorts.models import check_membership
from assistant.cohorts.models import role as parse_role
from assistant.settings import Settings

user_app = typer.Typer(help="Accounts of the coaching room (scrypt-hashed passwords in a users file, or in the "
                            "database when DATABASE_URL is set).", no_args_is_help=True)
err = Console(stderr=True)


def _user_store():  # type: ignore[no-untyped-def]
    from assistant.ui.accounts import user_store

    return user_store(Settings())


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="Letters, digits and . _ @ + - (stored lower-case).")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read it on stdin.")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="Change an existing user's password.")] = False,
    cohort: Annotated[str | None, typer.Option("--cohort", help="The cohort they belong to.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="founder (default), mentor or admin.")] = None,
    oauth: Annotated[bool, typer.Option("--oauth", help="No password: they sign in through the OAuth "
                                                        "provider; only their role is saved.")] = False,
) -> None:
    """Add an account (or change its password with --replace), with its role and cohort."""
    from assistant.cohorts.models import CohortError
    from assistant.cohorts.stores import cohort_store
    from assistant.ui.auth import AuthError, normalize_username

    cohorts = cohort_store(Settings())
    try:
        if cohort:  # refused before a password is asked for
            cohorts.require(cohort)
        if cohort or role:
            check_role(role or "founder", cohort)
        normalize_username(username)
    except (CohortError, AuthError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    if oauth:
        member = cohorts.set_member(normalize_username(username), role or "founder", cohort)
        err.print(f"{member.username!r} may sign in through the OAuth provider ({member.role}"
                  + (f" of cohort {member.cohort!r})" if member.cohort else ")"), markup=False, soft_wrap=True)
        return
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    store = _user_store()
    try:
        record = store.add(username, password, replace=replace)
    except AuthError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    if cohort or role:
        member = cohorts.set_member(record.username, role or "founder", cohort)
        err.print(f"User {record.username!r} saved in {store.location} ({member.role}"
                  + (f" of cohort {member.cohort!r})" if member.cohort else ")"), markup=False, soft_wrap=True)
    else:
        err.print(f"User {record.username!r} saved in {store.location}")


@user_app.command("remove")
def user_remove(username: Annotated[str, typer.Argument()]) -> None:
    """Remove an account and its role (their sessions stay; `coach user erase` deletes them too)."""
    from assistant.ui.auth import AuthError, normalize_username

    store = _user_store()
    try:
        removed = store.remove(username)
    except AuthError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    if not removed:
        err.print(f"No user {username!r} in {store.location}")
        raise typer.Exit(1)
    from assistant.cohorts.models import CohortError
    from assistant.cohorts.stores import cohort_store

    try:
        cohort_store(Settings()).remove_member(normalize_username(username))
    except CohortError:  # no cohort tables yet: no role to remove
        pass
    err.print(f"User {username!r} removed")


@user_app.command("list")
def user_list() -> None:
    """List the accounts (names and creation dates, never hashes)."""
    from assistant.ui.auth import AuthError

    try:
        records = _user_store().users()
    except AuthError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    from assistant.cohorts.models import CohortError
    from assistant.cohorts.stores import cohort_store

    try:
        members = {m.username: m for m in cohort_store(Settings()).members()} if records else {}
    except CohortError:  # a database migrated before cohorts existed: every account is a founder
        members = {}
    for record in records:
        member = members.get(record.username)
        where = f"\t{member.role}\t{member.cohort or '-'}" if member else "\tfounder\t-"
        print(f"{record.username}\t{record.created}{where}")


def check_role(role: str, cohort: str | None) -> None:
    """CohortError for an unknown role, or a mentor without a cohort."""
    check_membership(parse_role(role), cohort)


@user_app.command("import")
def user_import(
    csv_file: Annotated[Path, typer.Argument(help="email,role,cohort,password (header line first).")],
    out: Annotated[Path | None, typer.Option("--out", help="Write email,password of generated passwords here "
                                                           "(default: stdout).")] = None,
) -> None:
    """Create many accounts at once from a CSV file; nothing is imported if one row is wrong."""
    from assistant.cohorts.models import CohortError
    from assistant.cohorts.roster import read_roster
    from assistant.cohorts.stores import cohort_store
    from assistant.ui.auth import AuthError, normalize_username

    settings = Settings()
    cohorts, store = cohort_store(settings), _user_store()
    try:
        content = csv_file.read_text(encoding="utf-8")
        rows = read_roster(content, normalize_username, {c.name for c in cohorts.cohorts()})
        taken = [r.username for r in rows if store.get(r.username) is not None]
        if taken:
            raise CohortError("nothing imported: these accounts exist already: " + ", ".join(taken))
        for row in rows:
            store.add(row.username, row.password)
            cohorts.set_member(row.username, row.role, row.cohort)
    except (OSError, UnicodeDecodeError, CohortError, AuthError) as exc:
        err.print(str(exc), style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    generated = [(r.username, r.password) for r in rows if r.generated]
    sink = out.open("w", newline="", encoding="utf-8") if out else sys.stdout
    try:
        writer = csv.writer(sink)
        if generated:
            writer.writerow(["email", "password"])
            writer.writerows(generated)
    finally:
        if out:
            sink.close()
            out.chmod(0o600)
    err.print(f"{len(rows)} accounts imported into {store.location}"
              + (f"; {len(generated)} generated passwords written to {out or 'stdout'}" if generated else ""),
              markup=False, soft_wrap=True)


@user_app.command("reset-password")
def user_reset_password(
    username: Annotated[str, typer.Argument()],
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the new one on stdin (default: generate and print one).")] = False,
) -> None:
    """An admin resets a forgotten password: a new one is generated and printed (or read on stdin)."""
    from assistant.cohorts.roster import generated_password
    from assistant.ui.auth import AuthError

    store = _user_store()
    try:
        if store.get(username) is None:
            raise AuthError(f"no user {username!r} in {store.location}")
        password = sys.stdin.readline().rstrip("\r\n") if password_stdin else generated_password()
        record = store.add(username, password, replace=True)
    except AuthError as exc:
        err.print(str(exc), style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    if not password_stdin:
        print(password)
    err.print(f"Password of {record.username!r} reset", markup=False)


@user_app.command("erase")
def user_erase(
    username: Annotated[str, typer.Argument()],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an account and everything of it: sessions (checkpoints and history), comments on them, role."""
    import asyncio

    from assistant.cohorts.erase import erase_account
    from assistant.cohorts.models import CohortError
    from assistant.cohorts.records import RoomRecords
    from assistant.cohorts.stores import cohort_store
    from assistant.ui.auth import AuthError, normalize_username

    settings = Settings()
    try:
        name = normalize_username(username)
    except AuthError as exc:
        err.print(str(exc), style="red", markup=False)
        raise typer.Exit(1) from exc
    if not yes and not typer.confirm(f"Delete {name} and all their sessions for good?"):
        raise typer.Exit(1)

    async def run() -> list[str]:
        from assistant.app import open_session

        async with open_session(settings, need_retriever=False) as session:
            return await erase_account(session, RoomRecords(settings), cohort_store(settings),
                                       _user_store().remove, name)

    try:
        threads = asyncio.run(run())
    except (CohortError, AuthError) as exc:
        err.print(str(exc), style="red", markup=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    err.print(f"{name} erased: account, role and {len(threads)} sessions", markup=False)
