#!/usr/bin/env bash
# Install the project and its dev tools into .venv with uv (seconds, where plain pip takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install -q uv
fi
[ -x .venv/bin/python ] || uv venv -q --python "$(command -v python3)" .venv
uv pip install -q --python .venv/bin/python -e '.[dev]'
