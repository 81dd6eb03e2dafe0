#!/usr/bin/env bash
# Install everything, then lint, type-check, run the tests and the offline evaluation with its thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
export PYTHONDONTWRITEBYTECODE=1
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/python -m pytest -q
# The offline coach on the shipped simulated founders; exits non-zero when a threshold of
# evals/thresholds.toml is missed (completion, coverage, detection precision/recall, types, citations...).
COACH_PROVIDER=offline .venv/bin/coach eval --provider offline --founder scripted --no-judge \
  --thresholds evals/thresholds.toml --scenarios evals/scenarios --out out/eval --quiet
