#!/usr/bin/env bash
# Install, then open the coaching room (Chainlit) at http://localhost:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
exec .venv/bin/coach ui "$@"
