"""The `coach` command line: chat, export, index, schema, ui (and the user, db and plugged subcommands)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import uuid
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel

from assistant.cohorts.cli import cohort_app, sessions_app
from assistant.db.commands import db_app
from assistant.domain import LANGUAGES, as_language
from assistant.settings import Settings
from assistant.ui.user_commands import user_app

if TYPE_CHECKING:  # the session machinery (LangGraph...) loads only for the commands that run one
    from assistant.session import CoachSession, Turn

app = typer.Typer(help="Coach founders through the Customer Segments block of the Business Model Canvas.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

STYLE = {"question": "cyan", "critique": "yellow", "summary": "green", "faq": "magenta", "canvas": "blue"}


def _settings(lang: str | None = None) -> Settings:
    settings = Settings()
    if lang:
        settings = settings.model_copy(update={"language": lang})
    return settings


def _print_turn(turn: Turn, interactive: bool) -> None:
    for m in turn.messages:
        if interactive:
            body = Markdown(m.text)
            sources = "\n".join(f"📖 {c.document} — {c.section}" for c in m.citations)
            out.print(Panel(body, border_style=STYLE.get(m.kind, "white"), title=m.kind,
                            subtitle=sources or None, subtitle_align="left"))
        else:
            print(f"[{m.kind}] {m.text}")
            for c in m.citations:
                print(f"  source: {c.document} — {c.section}")
    sys.stdout.flush()


async def _chat(settings: Settings, thread: str, interactive: bool) -> None:
    from assistant.app import open_session

    async with open_session(settings, progress=True, background_retriever=True) as session:
        turn = await session.start(thread, settings.language)
        if turn.resumed:
            note = session.context.prompts.text(as_language(turn.language, default="en"), "messages.session_resumed")
            (out.print(f"[dim]{note}: {thread}[/dim]") if interactive else print(f"[notice] {note}: {thread}"))
        _print_turn(turn, interactive)
        await _loop(session, thread, interactive)
    _resume_hint(thread)


def _resume_hint(thread: str) -> None:
    err.print(f"Session saved. Resume it with: coach chat --thread {thread}")


async def _loop(session: CoachSession, thread: str, interactive: bool) -> None:
    from assistant.session import BusyEvent, Turn
    while True:
        try:
            line = _read_line_interruptible(interactive)
        except EOFError:
            break
        except KeyboardInterrupt:
            # Ctrl-C at the prompt: no turn is running and every answer is in the checkpoint, so end now
            # rather than wait for background work (the index loading, the models warming) to finish.
            _resume_hint(thread)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        if line is None:
            break
        if interactive and line.strip() in ("/quit", "/exit", "/quitter"):
            break
        async for event in session.stream(thread, line):
            if isinstance(event, BusyEvent):
                lang = as_language((await session.read(thread)).language)  # the language the coach speaks
                note = session.context.prompts.text(lang, "messages.busy")
                (out.print(f"[dim]{note}[/dim]") if interactive else print(f"[notice] {note}"))
                sys.stdout.flush()
            elif isinstance(event, Turn):
                _print_turn(event, interactive)


def _read_line_interruptible(interactive: bool) -> str | None:
    """Read one line in the main thread with Python's own SIGINT handler: Ctrl-C raises at once
    (asyncio's handler would only cancel the task once the blocking read returns, i.e. after Enter)."""
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            # Ctrl-C came just before the handler was swapped: asyncio's handler only asked for a
            # cancellation, which would wait for the blocking read below; honour it now and let
            # the session close cleanly.
            task.uncancel()
            raise KeyboardInterrupt
        return _read_line(interactive)
    finally:
        signal.signal(signal.SIGINT, previous)


def _read_line(interactive: bool) -> str | None:
    if interactive:
        return out.input("[bold]> [/bold]")
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


@app.command()
def chat(
    thread: Annotated[str | None, typer.Option("--thread", help="Resume or name a session.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="fr or en; default: follow the founder.")] = None,
) -> None:
    """Run a coaching session in the terminal (one founder message per line when stdin is piped)."""
    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(f"--lang must be {' or '.join(LANGUAGES)}")
    thread_id = thread or uuid.uuid4().hex[:12]
    interactive = sys.stdin.isatty()
    if not thread:
        err.print(f"[dim]thread: {thread_id}  (coach chat --thread {thread_id} to resume)[/dim]")
    def _end_now(signum: int, frame: object) -> None:
        # Ctrl-C at any moment ends the session at once: every finished turn is checkpointed, and asyncio's
        # own handler would first wait for background work (the index loading, the models warming).
        _resume_hint(thread_id)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)

    signal.signal(signal.SIGINT, _end_now)  # asyncio.run keeps a handler that is not Python's default
    try:
        asyncio.run(_chat(_settings(lang), thread_id, interactive))
    except KeyboardInterrupt:  # Ctrl-C while the coach was answering: what was checkpointed is kept
        _resume_hint(thread_id)
        raise typer.Exit(130) from None


@app.command()
def export(
    thread: Annotated[str, typer.Argument(help="The session's thread id.")],
    fmt: Annotated[Literal["json", "md", "kit"], typer.Option("--format", "-f")] = "json",
) -> None:
    """Print the canvas of a session as JSON (the canvas model) or Markdown, or its interview kit (Markdown)."""

    async def run() -> Turn | None:
        from assistant.app import open_session

        async with open_session(_settings(), need_retriever=False) as session:
            if not await session.exists(thread):
                return None
            return await session.read(thread)

    turn = asyncio.run(run())
    if turn is None:
        err.print(f"No session with thread id {thread!r}.")
        raise typer.Exit(1)
    from assistant.canvas.render import canvas_markdown
    from assistant.interviews.kit import kit_markdown
    print(turn.canvas.to_json() if fmt == "json" else (kit_markdown if fmt == "kit" else canvas_markdown)(turn.canvas))


@app.command()
def index(
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    bundle: Annotated[bool, typer.Option(
        "--bundle", help="Also (re)write knowledge/vectors/ (precomputed vectors shipped with the knowledge base).")
    ] = False,
) -> None:
    """Build or refresh the knowledge index (idempotent: unchanged sections are not re-embedded)."""
    from assistant.retrieval.embeddings import bundle_path, write_bundle
    from assistant.retrieval.store import build_retriever

    settings = _settings()
    retriever = build_retriever(settings.data_dir, settings.knowledge_dir, chroma_url=settings.chroma_url,
                                progress=not quiet)
    report = retriever.ensure_index()
    out.print(f"{len(retriever.chunk_ids())} sections in {settings.chroma_url or settings.data_dir}: "
              f"{report.added} added, "
              f"{report.updated} updated, {report.unchanged} unchanged, {report.removed} removed, "
              f"{report.embedded} embedded")
    if bundle:
        path = bundle_path(settings.knowledge_dir)
        count = write_bundle(path, retriever.embedding_texts(), retriever.embedding_function)
        out.print(f"{count} vectors written to {path}")


@app.command()
def schema() -> None:
    """Print the canvas JSON Schema."""
    from assistant.canvas import schema_json

    print(schema_json())


@app.command()
def ui(
    port: Annotated[int | None, typer.Option("--port", help="Port (default 8000, COACH_UI_PORT).")] = None,
    host: Annotated[str | None, typer.Option("--host", help="Address (default 127.0.0.1).")] = None,
) -> None:
    """Start the coaching room in the browser (Chainlit); it does not open a browser itself."""
    from assistant.ui.access import resolve
    from assistant.ui.runtime import run

    settings = _settings()
    shown = host or settings.ui_host
    err.print(f"Coaching room: http://{'localhost' if shown in ('127.0.0.1', '0.0.0.0') else shown}:"
              f"{port or settings.ui_port}  ({resolve(settings, shown).note})", markup=False, highlight=False,
              soft_wrap=True)
    run(settings, host=host, port=port)


app.add_typer(user_app, name="user")
app.add_typer(db_app, name="db")
app.add_typer(cohort_app, name="cohort")
app.add_typer(sessions_app, name="sessions")


def _plug_commands() -> None:
    """Subcommands other packages plug in through the `segment_coach.commands` entry point group (the
    evaluation suite's `coach eval`, when the source tree is installed): the product never imports them."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="segment_coach.commands"):
        try:
            plugged = entry.load()
        except ImportError:  # a development tool absent from this install (the wheel ships `assistant` only)
            continue
        if isinstance(plugged, typer.Typer):
            app.add_typer(plugged, name=entry.name)
        else:
            app.command(entry.name)(plugged)


_plug_commands()
