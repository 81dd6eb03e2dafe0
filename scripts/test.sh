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
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "NOTE: Chromium is absent: the browser tests (tests/e2e) will be skipped. Install Debian's chromium to run them." >&2
fi
.venv/bin/lint-imports
# Three jobs at once, so that CI stays well within its 20 minutes on a 2-core machine:
# - the browser tier (e2e) in one process at normal priority: it mostly waits on the rooms and browsers it
#   starts, and its timeouts assume a machine that answers at once, so everything else yields to it;
# - `coach eval`, the offline coach on the shipped simulated founders, exiting non-zero when a threshold of
#   evals/thresholds.toml is missed (completion, coverage, detection precision/recall, types, citations...);
# - mypy, then every other tier (unit, integration, postgres, slow opt-in) on every core, a test file per
#   worker (its module fixtures, rooms and servers started once).
# The last two run at a lower priority (nice), filling the cores the browser tier leaves idle; the outputs of
# the browser tier and of the evaluation are shown after the rest.
e2e_log=$(mktemp)
eval_log=$(mktemp)
.venv/bin/python -m pytest -q -m "e2e" -n 0 -rs --durations=10 >"$e2e_log" 2>&1 &
e2e_pid=$!
COACH_PROVIDER=offline nice -n 10 .venv/bin/coach eval --provider offline --founder scripted --no-judge \
  --thresholds evals/thresholds.toml --scenarios evals/scenarios --out out/eval --quiet >"$eval_log" 2>&1 &
eval_pid=$!
tests_status=0
nice -n 10 .venv/bin/mypy || tests_status=$?
nice -n 10 .venv/bin/python -m pytest -q -m "not e2e" -n auto --dist loadfile -rs --durations=20 || tests_status=$?
e2e_status=0
wait "$e2e_pid" || e2e_status=$?
echo "--- browser tier (tests/e2e) ---"
cat "$e2e_log"
eval_status=0
wait "$eval_pid" || eval_status=$?
echo "--- coach eval (shipped scenarios, evals/thresholds.toml) ---"
cat "$eval_log"
rm -f "$e2e_log" "$eval_log"
if [ "$tests_status" -ne 0 ] || [ "$e2e_status" -ne 0 ] || [ "$eval_status" -ne 0 ]; then
  echo "exit status: tests $tests_status, browser tier $e2e_status, evaluation $eval_status" >&2
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
