"""The `coach` command line through real subprocesses: scripted sessions, export, kill and resume."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.test_session import EN_CLEAN, FR_SCRIPT

COACH = [sys.executable, "-m", "assistant"]
pytestmark = pytest.mark.slow


@pytest.fixture
def env(index_dir: Path, retriever) -> dict[str, str]:
    # Share the test run's index (built once by the `retriever` fixture) so no subprocess re-embeds.
    return {**os.environ, "COACH_DATA_DIR": str(index_dir), "COACH_PROVIDER": "offline",
            "OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "PYTHONUNBUFFERED": "1"}


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(COACH + args, input=stdin, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("thread", "script", "summary_word"),
                         [("cli-fr", FR_SCRIPT, "Synthèse"), ("cli-en", EN_CLEAN, "Summary")])
def test_scripted_session_reaches_summary_and_exports(env, thread, script, summary_word):
    lines = "\n".join(text for _, text in script) + "\n"
    done = run(["chat", "--thread", thread], env, lines)
    assert done.returncode == 0, done.stderr
    assert "[summary]" in done.stdout and summary_word in done.stdout
    exported = run(["export", thread, "--format", "json"], env)
    assert exported.returncode == 0, exported.stderr
    canvas = json.loads(exported.stdout)
    seg = canvas["segments"][0]
    for field in ("who", "jobs", "pains", "gains", "buyer", "evidence"):
        assert seg[field], field
    assert seg["segment_type"] and canvas["startup"]
    md = run(["export", thread, "--format", "md"], env)
    assert seg["name"] in md.stdout and "## Personas" in md.stdout and canvas["personas"][0]["segment"] == seg["name"]
    kit = run(["export", thread, "--format", "kit"], env)
    assert kit.returncode == 0 and kit.stdout.startswith(("# Kit d'entretiens clients", "# Customer interview kit"))
    assert seg["pains"][0] in kit.stdout  # the riskiest assumptions come from the canvas


def test_planted_mistake_is_flagged_with_a_source_in_the_cli(env):
    done = run(["chat", "--thread", "cli-planted"], env, FR_SCRIPT[0][1] + "\n" + FR_SCRIPT[1][1] + "\n")
    assert "[critique]" in done.stdout and "source:" in done.stdout


def test_export_of_unknown_thread_is_a_clear_error(env):
    result = run(["export", "nope-does-not-exist"], env)
    assert result.returncode == 1 and "No session" in result.stderr


def _read_until(proc: subprocess.Popen[str], marker: str, timeout: float = 120) -> str:
    assert proc.stdout is not None
    seen, deadline = "", time.monotonic() + timeout
    fd = proc.stdout.fileno()
    while marker not in seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {marker!r}; got:\n{seen}")
        ready, _, _ = select.select([fd], [], [], 1.0)
        if ready:
            chunk = os.read(fd, 65536).decode("utf-8", "replace")
            if not chunk:
                raise AssertionError(f"process ended before {marker!r}:\n{seen}")
            seen += chunk
    return seen


def test_killed_session_resumes_at_the_same_question_with_nothing_lost(env, tmp_path):
    thread = "cli-kill"
    stderr_file = (tmp_path / "stderr.txt").open("w")
    proc = subprocess.Popen(COACH + ["chat", "--thread", thread], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=stderr_file, text=True)
    assert proc.stdin is not None
    _read_until(proc, "Question 1/")
    for _, text in EN_CLEAN[:4]:  # intake … characteristics
        proc.stdin.write(text + "\n")
        proc.stdin.flush()
    try:
        _read_until(proc, "Question 5/")  # now waiting on jobs
    except AssertionError as exc:
        raise AssertionError(f"{exc}\nstderr:\n{(tmp_path / 'stderr.txt').read_text()[-3000:]}") from None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    rest = "\n".join(text for _, text in EN_CLEAN[4:]) + "\n"
    resumed = run(["chat", "--thread", thread], env, rest)
    assert resumed.returncode == 0, resumed.stderr
    first_question = resumed.stdout.split("[question]")[1]
    assert "Question 5/" in first_question and "jobs" in first_question.lower()
    assert "[summary]" in resumed.stdout
    canvas = json.loads(run(["export", thread], env).stdout)
    seg = canvas["segments"][0]
    assert canvas["startup"] == EN_CLEAN[0][1]
    assert "Independent dental practices" in seg["name"]
    assert seg["behaviours"] or seg["needs"] or seg["characteristics"]
    assert seg["jobs"] and seg["pains"] and seg["gains"] and seg["evidence"]


def test_ctrl_c_while_waiting_ends_at_once_with_the_resume_line(env, tmp_path):
    """Ctrl-C at the prompt ends the session at once (no Enter needed) and says how to resume."""
    thread = "cli-ctrl-c"
    stderr_path = tmp_path / "stderr.txt"
    with stderr_path.open("w") as stderr_file:
        proc = subprocess.Popen(COACH + ["chat", "--thread", thread], env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=stderr_file, text=True)
        assert proc.stdin is not None
        _read_until(proc, "Question 1/")
        proc.stdin.write(EN_CLEAN[0][1] + "\n")
        proc.stdin.flush()
        _read_until(proc, "Question 2/")
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=20)  # before the fix it waited for Enter forever
    assert code in (0, 130)
    assert f"coach chat --thread {thread}" in stderr_path.read_text()
    canvas = json.loads(run(["export", thread], env).stdout)
    assert canvas["startup"] == EN_CLEAN[0][1]  # what was answered is kept
