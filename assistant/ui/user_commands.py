"""`coach user`: the room's accounts from the command line (plugged into assistant/cli.py)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

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
) -> None:
    """Add a founder account (or change its password with --replace)."""
    from assistant.ui.auth import AuthError

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
    err.print(f"User {record.username!r} saved in {store.location}")


@user_app.command("remove")
def user_remove(username: Annotated[str, typer.Argument()]) -> None:
    """Remove a founder account (their sessions stay in the history database)."""
    from assistant.ui.auth import AuthError

    store = _user_store()
    try:
        removed = store.remove(username)
    except AuthError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    if not removed:
        err.print(f"No user {username!r} in {store.location}")
        raise typer.Exit(1)
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
    for record in records:
        print(f"{record.username}\t{record.created}")
