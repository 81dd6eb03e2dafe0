"""`coach db`: the room's database from the command line (plugged into assistant/cli.py)."""

from __future__ import annotations

import asyncio

import typer
from rich.console import Console

from assistant.settings import Settings

db_app = typer.Typer(help="The room's database (history, accounts, checkpoints): versioned migrations.",
                     no_args_is_help=True)
err = Console(stderr=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database (ui-history.sqlite, or DATABASE_URL) and the checkpoints to the latest schema;
    a database already there is left untouched."""
    from assistant.db.setup import upgrade_all

    try:
        message = asyncio.run(upgrade_all(Settings()))
    except Exception as exc:  # unreachable server, bad URL: one clear line, not a traceback
        err.print(f"database upgrade failed: {type(exc).__name__}: {exc}", style="red", markup=False,
                  soft_wrap=True)
        raise typer.Exit(1) from exc
    err.print(message, markup=False, highlight=False, soft_wrap=True)
