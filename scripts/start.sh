#!/usr/bin/env bash
# Install, then start a coaching session.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
exec .venv/bin/coach chat "$@"
