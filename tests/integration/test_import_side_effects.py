"""Importing a module of the product does no work: it reads no environment variable and writes no file.

The one exception is the Chainlit handlers module (`assistant/ui/app.py`, loaded only by `coach ui`), which
reads the settings and registers its callbacks. Its parts import Chainlit, and `import chainlit` writes its
configuration into Chainlit's app root (the working directory unless CHAINLIT_APP_ROOT is set): `coach ui`
sets that root outside the source tree first, and they are imported here the same way.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "assistant"
HANDLERS = "assistant.ui.app"
# The handlers module's parts: they import Chainlit (directly or through one another), and only the handlers
# module imports them.
CHAINLIT_SIDE = {
    "assistant.ui.conversation", "assistant.ui.datalayer", "assistant.ui.export",
    "assistant.ui.preferences", "assistant.ui.reply", "assistant.ui.resume",
    "assistant.ui.room", "assistant.ui.tab",
    # The versions history and its diff view are sent as room messages with buttons.
    "assistant.ui.history",
    # The dashboard's routes and account pages read sessions through the room; its notes speak in the room.
    "assistant.ui.dashboard.account", "assistant.ui.dashboard.notes", "assistant.ui.dashboard.routes",
}

# Run in a fresh interpreter: replaces os.environ by a mapping that records the reads made by the product's
# own code (not those of a library the product imports), imports the modules, prints what it saw as JSON.
PROBE = r'''
import dis, importlib, importlib.util, json, os, sys
from collections.abc import MutableMapping

PACKAGE = os.path.dirname(importlib.util.find_spec("assistant").origin) + os.sep
IMPORTS = {dis.opmap["IMPORT_NAME"], dis.opmap["IMPORT_FROM"]}
reads = {}
current = [None]


def _by_the_product():
    """Where the product's code read the variable itself, or built a settings object that did; None for a read
    made by a library on its own (while it is imported, or when a class is defined)."""
    frame, between = sys._getframe(3), []  # the caller of the Recording method
    while frame is not None and not frame.f_code.co_filename.startswith(PACKAGE):
        between.append(frame.f_code)
        frame = frame.f_back
    if frame is None or frame.f_code.co_code[frame.f_lasti] in IMPORTS:
        return None
    direct = all(c.co_filename.endswith(("os.py", "os>", "_collections_abc.py", "_collections_abc>")) for c in between)
    settings = any("/pydantic_settings/" in c.co_filename and c.co_name == "__init__" for c in between)
    return f"{frame.f_code.co_filename[len(PACKAGE):]}:{frame.f_lineno}" if direct or settings else None


class Recording(MutableMapping):
    def __init__(self, real):
        self.real = real

    def _note(self, key):
        where = _by_the_product()
        if where:
            reads.setdefault(current[0], []).append(f"{key} ({where})")

    def __getitem__(self, key):
        self._note(key)
        return self.real[key]

    def __contains__(self, key):
        self._note(key)
        return key in self.real

    def __iter__(self):
        self._note("*")
        return iter(self.real)

    def __len__(self):
        return len(self.real)

    def __setitem__(self, key, value):
        self._note(key + "=")
        self.real[key] = value

    def __delitem__(self, key):
        self._note(key + "=")
        del self.real[key]

    def copy(self):
        self._note("*")
        return dict(self.real)


os.environ = Recording(os.environ)
for name in sys.argv[1:]:
    current[0] = name
    importlib.import_module(name)
print(json.dumps({"reads": reads, "chainlit": "chainlit" in sys.modules}))
'''


def _modules() -> dict[str, Path]:
    """Every module of the product package, by dotted name."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__" or parts[:3] == ("assistant", "db", "migrations"):
            continue  # scripts, not modules: `python -m assistant`, Alembic's migration environment
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def _imports_chainlit_at_module_level(path: Path) -> bool:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if any(n == "chainlit" or n.startswith("chainlit.") for n in names):
            return True
    return False


def _probe(modules: list[str], tmp_path: Path, env: dict[str, str]) -> tuple[dict, list[str]]:
    """Import `modules` in a fresh interpreter whose working directory and home are empty folders; return what
    the probe saw and every file written in them."""
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "PYTHONPATH")}
    done = subprocess.run([sys.executable, "-c", PROBE, *modules], cwd=cwd, capture_output=True, text=True,
                          env={**keep, "HOME": str(home), **env}, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    written = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()]
    return json.loads(done.stdout.strip().splitlines()[-1]), written


def test_the_chainlit_side_is_listed() -> None:
    direct = {name for name, path in _modules().items()
              if name != HANDLERS and _imports_chainlit_at_module_level(path)}
    assert direct <= CHAINLIT_SIDE, f"list in CHAINLIT_SIDE (or do not import chainlit): {direct - CHAINLIT_SIDE}"


def test_importing_the_product_reads_no_environment_and_writes_nothing(tmp_path: Path) -> None:
    modules = [m for m in _modules() if m != HANDLERS and m not in CHAINLIT_SIDE]
    seen, written = _probe(modules, tmp_path, {})
    assert not seen["reads"], f"environment read at import: {seen['reads']}"
    assert not written, f"files written at import: {written}"
    assert not seen["chainlit"], "a module outside the Chainlit side imports chainlit"


def test_the_handlers_parts_write_only_into_chainlits_app_root(tmp_path: Path) -> None:
    app_root = tmp_path / "app-root"
    app_root.mkdir()  # `coach ui` stages it first
    seen, written = _probe(sorted(CHAINLIT_SIDE), tmp_path, {"CHAINLIT_APP_ROOT": str(app_root)})
    assert not seen["reads"], f"environment read at import: {seen['reads']}"
    assert written and all(w.startswith("app-root/") for w in written), written


@pytest.mark.parametrize("module", sorted(CHAINLIT_SIDE))
def test_only_the_handlers_module_imports_its_parts(module: str) -> None:
    importers = []
    for name, path in _modules().items():
        if name in CHAINLIT_SIDE or name == HANDLERS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and (
                    node.module == module or any(f"{node.module}.{a.name}" == module for a in node.names)):
                importers.append(name)
            elif isinstance(node, ast.Import) and any(a.name == module for a in node.names):
                importers.append(name)
    assert not importers, f"{module} is imported by {importers}"
