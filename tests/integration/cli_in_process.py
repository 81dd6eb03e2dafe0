"""The `coach` command run in this process (typer's CliRunner): the same program, arguments, stdin,
stdout/stderr and exit code as a subprocess, without the 2-3 s interpreter start per call. Tests that
need a real process (signals, start-up, concurrency) keep `subprocess`."""

from __future__ import annotations

import os
import subprocess

from typer.testing import CliRunner

from assistant.cli import app


def coach_in_process(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `coach ARGS` with exactly `env` for the COACH_* and DATABASE_URL variables (others cleared).

    Raises whatever unexpected exception the command raised (a subprocess would have printed a
    traceback and exited 1): a test sees a crash as a crash."""
    cleared: dict[str, str | None] = {k: None for k in os.environ if k.startswith(("COACH_", "DATABASE_URL"))}
    result = CliRunner().invoke(app, args, input=stdin, env={**cleared, **env}, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(["coach", *args], result.exit_code, result.stdout, result.stderr)
