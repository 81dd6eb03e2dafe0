"""Start the coaching room: stage Chainlit's app root under COACH_DATA_DIR, then run the server.

Chainlit reads `.chainlit/config.toml`, `.chainlit/translations/`, `public/` and `chainlit*.md` from its app
root, and writes there at run time (uploaded and generated files in `.files/`, default translations). The
source tree (assistant/ui) is never written to: `stage` copies those files into
`<COACH_DATA_DIR>/ui/`, which becomes the app root (CHAINLIT_APP_ROOT).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from assistant.settings import Settings
from assistant.ui import health

SOURCE_ROOT = Path(__file__).resolve().parent
APP_FILE = SOURCE_ROOT / "app.py"
STAGED = (".chainlit/config.toml", ".chainlit/translations", "public", "chainlit.md", "chainlit_fr-FR.md")
_ORIGINS_LINE = re.compile(r"^allow_origins\s*=.*$", re.MULTILINE)


def app_root(settings: Settings) -> Path:
    return settings.data_dir / "ui"


def allowed_origins(settings: Settings, host: str, port: int) -> list[str]:
    """COACH_ALLOWED_ORIGINS, else the local addresses the server answers on. Never '*'."""
    if settings.allowed_origins:
        origins = [o.strip().rstrip("/") for o in settings.allowed_origins.split(",") if o.strip()]
        if "*" in origins:
            raise ValueError("COACH_ALLOWED_ORIGINS must list origins explicitly, not '*'")
        return origins
    names = ["127.0.0.1", "localhost"] if host in ("127.0.0.1", "localhost", "0.0.0.0", "::") else [host]
    return [f"http://{name}:{port}" for name in names]


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "]"


def stage(settings: Settings, *, host: str, port: int) -> Path:
    """Copy the app root's static files into the data directory; return that directory."""
    root = app_root(settings)
    root.mkdir(parents=True, exist_ok=True)
    for name in (".chainlit", "public"):
        shutil.rmtree(root / name, ignore_errors=True)
    for rel in STAGED:
        src, dst = SOURCE_ROOT / rel, root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            shutil.copy2(src, dst)
    # Browsers that send plain "fr" get the French welcome page too.
    shutil.copy2(SOURCE_ROOT / "chainlit_fr-FR.md", root / "chainlit_fr.md")
    config = (root / ".chainlit/config.toml").read_text(encoding="utf-8")
    config = _ORIGINS_LINE.sub(
        lambda _: "allow_origins = " + _toml_list(allowed_origins(settings, host, port)), config, count=1
    )
    (root / ".chainlit/config.toml").write_text(config, encoding="utf-8")
    return root


def run(settings: Settings, *, host: str | None = None, port: int | None = None) -> None:
    """Run the room in this process (blocks). Headless: never opens a browser."""
    host = host or settings.ui_host
    port = port or settings.ui_port
    root = stage(settings, host=host, port=port)
    if "chainlit.config" in sys.modules and os.environ.get("CHAINLIT_APP_ROOT") != str(root):
        raise RuntimeError("Chainlit was imported before its app root was set")
    os.environ["CHAINLIT_APP_ROOT"] = str(root)
    os.environ["CHAINLIT_HOST"] = host
    os.environ["CHAINLIT_PORT"] = str(port)
    os.environ.setdefault("CHAINLIT_ROOT_PATH", "")

    from chainlit.cli import run_chainlit
    from chainlit.config import config

    config.run.headless = True
    config.run.watch = False
    config.run.debug = False
    config.run.root_path = os.environ["CHAINLIT_ROOT_PATH"]  # as run_chainlit does, before its server is imported
    health.install(settings, config.run.root_path)
    run_chainlit(str(APP_FILE))
