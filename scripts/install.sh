#!/usr/bin/env bash
# Install the project and its dev tools into .venv with uv, exactly as pinned (with hashes) in uv.lock.
# To upgrade: `uv lock --upgrade`, then the full test run (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install -q uv
fi
UV_PROJECT_ENVIRONMENT=.venv uv sync -q --frozen --extra dev --python "$(command -v python3)"
