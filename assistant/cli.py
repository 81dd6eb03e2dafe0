"""The `coach` command line: chat, export, index (and the eval and ui entry points)."""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel

from assistant.session import CoachSession, Turn
from assistant.settings import Settings

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
            sources = "\n".join(f"📖 {c.document} — {c.section} [{c.chunk_id}]" for c in m.citations)
            out.print(Panel(body, border_style=STYLE.get(m.kind, "white"), title=m.kind,
                            subtitle=sources or None, subtitle_align="left"))
        else:
            print(f"[{m.kind}] {m.text}")
            for c in m.citations:
                print(f"  source: {c.document} — {c.section} [{c.chunk_id}]")
    sys.stdout.flush()


async def _chat(settings: Settings, thread: str, interactive: bool) -> None:
    from assistant.app import open_session

    async with open_session(settings, progress=True) as session:
        turn = await session.start(thread, settings.language)
        if turn.resumed:
            note = "Reprise de la session" if turn.language == "fr" else "Session resumed"
            (out.print(f"[dim]{note}: {thread}[/dim]") if interactive else print(f"[notice] {note}: {thread}"))
        _print_turn(turn, interactive)
        await _loop(session, thread, interactive)


async def _loop(session: CoachSession, thread: str, interactive: bool) -> None:
    while True:
        try:
            line = await asyncio.to_thread(_read_line, interactive)
        except (EOFError, KeyboardInterrupt):
            break
        if line is None:
            break
        if interactive and line.strip() in ("/quit", "/exit", "/quitter"):
            break
        turn = await session.send(thread, line)
        _print_turn(turn, interactive)


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
    if lang not in (None, "fr", "en"):
        raise typer.BadParameter("--lang must be fr or en")
    thread_id = thread or uuid.uuid4().hex[:12]
    interactive = sys.stdin.isatty()
    if not thread:
        label = f"thread: {thread_id}  (coach chat --thread {thread_id} to resume)"
        err.print(f"[dim]{label}[/dim]")
    asyncio.run(_chat(_settings(lang), thread_id, interactive))


@app.command()
def export(
    thread: Annotated[str, typer.Argument(help="The session's thread id.")],
    format: Annotated[Literal["json", "md"], typer.Option("--format", "-f")] = "json",
) -> None:
    """Print the canvas of a session as JSON (the canvas model) or Markdown."""

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
    print(turn.canvas.to_json() if format == "json" else turn.canvas.to_markdown())


@app.command()
def index(
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Build or refresh the knowledge index (idempotent: unchanged sections are not re-embedded)."""
    from assistant.knowledge import load_chunks
    from assistant.retrieval import build_retriever

    settings = _settings()
    retriever = build_retriever(settings.data_dir, settings.knowledge_dir, chroma_url=settings.chroma_url,
                                progress=not quiet)
    report = getattr(retriever, "last_report", None)
    chunks = load_chunks(settings.knowledge_dir)
    out.print(f"{len(chunks)} chunks indexed in {settings.data_dir}" + (f" — {report}" if report else ""))


@app.command()
def schema() -> None:
    """Print the canvas JSON Schema."""
    from assistant.canvas import schema_json

    print(schema_json())


def main() -> None:  # pragma: no cover
    app()
