"""`coach ui` started from the root of a checkout, as a founder who cloned the repository would, serves a
session and stops without leaving a new file in the source tree (`git status`): Chainlit writes into its app
root under COACH_DATA_DIR, never into the working directory or next to the handlers module.

The room runs from a snapshot of this checkout (its tracked and new files, committed in a throwaway
repository), so that what other people or tools add to this checkout meanwhile cannot be taken for its output.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import _require_browser, start_room
from tests.e2e.test_ui_browser import LABELS, Founder

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@localhost", *args], cwd=cwd,
                          capture_output=True, text=True, check=True).stdout


def _snapshot(dest: Path) -> Path:
    """This checkout's files (tracked, and new ones not ignored), committed in a fresh repository at `dest`."""
    for name in _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0"):
        src = ROOT / name
        if name and src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return dest


def test_a_served_session_leaves_no_new_file_in_the_source_tree(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, output_dir: Path,
        browser: Any) -> None:
    _require_browser()
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    checkout = _snapshot(tmp_path_factory.mktemp("checkout"))
    assert _git(checkout, "status", "--porcelain") == ""

    # Bytecode is written (and must be ignored by git): it also shows that the room ran the snapshot's code.
    env = {"PYTHONPATH": str(checkout), "PYTHONDONTWRITEBYTECODE": ""}
    with start_room(request, tmp_path_factory, output_dir, "source-tree-room", env, {}, accounts=False,
                    cwd=checkout) as room:
        context = browser.new_context(locale="fr-FR")
        founder = Founder(context.new_page(), "fr", room)
        founder.enter()
        founder.coach_through(founder.starter(LABELS["fr"]["start"]), stop_after="intake")
        assert founder.panel().count() == 1
        context.close()

    assert (checkout / "assistant" / "ui" / "__pycache__").is_dir(), "the room did not run the snapshot's code"
    status = _git(checkout, "status", "--porcelain", "--untracked-files=all")
    assert status == "", f"coach ui left files in the source tree:\n{status}"
