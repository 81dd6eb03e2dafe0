#!/usr/bin/env bash
# Install everything, then lint, type-check, run the tests and the offline evaluation with its thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
# The run must leave no new file in the source tree: compared at the end with what git lists now.
untracked() { git status --porcelain --untracked-files=all 2>/dev/null | sed -n 's/^?? //p' | sort; }
untracked_before=$(untracked)
./scripts/install.sh
export PYTHONDONTWRITEBYTECODE=1
.venv/bin/ruff check .
.venv/bin/mypy
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "NOTE: Chromium is absent: the browser tests (tests/e2e) will be skipped. Install Debian's chromium to run them." >&2
fi
.venv/bin/lint-imports
# The offline coach on the shipped simulated founders; exits non-zero when a threshold of
# evals/thresholds.toml is missed (completion, coverage, detection precision/recall, types, citations...).
# It runs beside the test tiers (they mostly wait on the servers and browsers they start), its output shown
# after them: the whole run stays within CI's 20 minutes on a 2-core machine.
eval_log=$(mktemp)
COACH_PROVIDER=offline .venv/bin/coach eval --provider offline --founder scripted --no-judge \
  --thresholds evals/thresholds.toml --scenarios evals/scenarios --out out/eval --quiet >"$eval_log" 2>&1 &
eval_pid=$!
# Every tier: unit, integration, postgres and slow (opt-in) on every core, a test file per worker (its module
# fixtures, rooms and servers, started once); then the browser tier (e2e) in one process, as its timeouts
# assume a machine not shared with another room. A plain `pytest` runs only the fast unit tier.
tests_status=0
.venv/bin/python -m pytest -q -m "not e2e" -n auto --dist loadfile -rs --durations=20 || tests_status=$?
.venv/bin/python -m pytest -q -m "e2e" -n 0 -rs --durations=10 || tests_status=$?
eval_status=0
wait "$eval_pid" || eval_status=$?
echo "--- coach eval (shipped scenarios, evals/thresholds.toml) ---"
cat "$eval_log"
rm -f "$eval_log"
if [ "$tests_status" -ne 0 ] || [ "$eval_status" -ne 0 ]; then
  echo "tests exit status $tests_status, evaluation exit status $eval_status" >&2
  exit 1
fi
# The benchmark suite runs as a smoke inside pytest (tests/integration/test_bench_smoke.py: `coach bench
# --quick` writes every results.json key as a number; timings are not checked in CI), not a second time here.
new_files=$(comm -13 <(echo "$untracked_before") <(untracked))
if [ -n "$new_files" ]; then
  echo "The run left new files in the source tree (git status):" >&2
  echo "$new_files" >&2
  exit 1
fi
