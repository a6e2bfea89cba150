#!/usr/bin/env bash
# The whole suite: typecheck, build, every test on PGlite and again on the local PostgreSQL
# (the browser tests once, on PostgreSQL),
# then the load and fault tests on both.
# Ends with "N passed, N failed" summed over all runs.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp/test
rm -f tmp/test/results-*.json tmp/test/load-*.json

bash scripts/ensure-chromium.sh || { echo "Chromium fehlt"; exit 1; }
export TEST_PG_URL="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
# The PGlite templates global-setup makes in the first vitest run serve the load tests' run too.
export TEST_RUN_ID="$$-$(date +%s%N)"
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

failed_steps=0
# Each phase's duration, printed at the end (the whole run should stay under 10 minutes on 2 cores).
phases=()
phase_name=""
phase_started=0
phase() {
  # (By name, not by start time: the first phase starts at second 0 and was left out.)
  [[ -n "$phase_name" ]] && phases+=("$phase_name: $((SECONDS - phase_started)) s")
  phase_name="$1"
  phase_started=$SECONDS
  [[ -n "$1" ]] && echo "== $1"
}
run_started=$SECONDS

# Typecheck, lint, format check and build are single-threaded tools (the build briefly more):
# two lanes at once use both cores and save about half their time. Each lane's output is
# printed when it is done, with each step's own duration.
phase "Typecheck, Lint, Format, Build (zwei parallel)"
static_step() { # name, command...
  local name="$1" started=$SECONDS
  shift
  if "$@"; then echo "  $name: $((SECONDS - started)) s"; else echo "  $name: FEHLER ($((SECONDS - started)) s)"; return 1; fi
}
format_check() { npx prettier --check . >/dev/null 2>&1 || { npx prettier --list-different .; return 1; }; }
build() { NODE_ENV=production npx remix build >/dev/null; }
lane_a() { static_step Typecheck npx tsc --noEmit; local a=$?; static_step Build build || return 1; return $a; }
lane_b() { static_step Lint npx eslint --max-warnings 0 .; local a=$?; static_step Format format_check || return 1; return $a; }
lane_a >tmp/test/lane-a.log 2>&1 &
lane_a_pid=$!
lane_b >tmp/test/lane-b.log 2>&1 &
lane_b_pid=$!
wait $lane_a_pid || failed_steps=$((failed_steps + 1))
wait $lane_b_pid || failed_steps=$((failed_steps + 1))
cat tmp/test/lane-a.log tmp/test/lane-b.log

# The browser tests (test/e2e) run once, on PostgreSQL, the production database: what they add
# over the integration tests is the page in a real browser, not the database (decision 097).
# Every other test runs on both, but for two more: the permission matrix and the outside probe
# check the policy, guards and headers, the same code on both databases: once, on PostgreSQL
# (decision 100).
ONCE_ON_POSTGRES=(--exclude test/integration/security/route-matrix.test.ts --exclude test/integration/security/probe.test.ts)
phase "Tests auf PGlite (ohne Browsertests, Rechtematrix und Sonde)"
SKIP_BUILD=1 npx vitest run --exclude 'test/e2e/**' "${ONCE_ON_POSTGRES[@]}" --reporter=default --reporter=json --outputFile.json=tmp/test/results-pglite.json "$@"

phase "Tests auf PostgreSQL ($TEST_PG_URL), mit Browsertests"
SKIP_BUILD=1 TEST_DATABASE_URL="$TEST_PG_URL" npx vitest run --reporter=default --reporter=json --outputFile.json=tmp/test/results-postgres.json "$@"

# Load and fault tests with small bounds (npm run test:load runs them alone, with larger bounds on
# request). Here the writer tests drive their 50 clients for 6 s instead of 8 (the database
# outage inside that lasts 3 s instead of 4) and the fuzzer's random part gets 15 s instead of
# 30 (every form is still swept, and each role's copy fuzzed for at least 150 ms instead of 300):
# the same assertions on both databases, a smaller volume. Variables already set win.
export LOAD_SECONDS="${LOAD_SECONDS:-6}" LOAD_OUTAGE_SECONDS="${LOAD_OUTAGE_SECONDS:-3}" LOAD_FUZZ_SECONDS="${LOAD_FUZZ_SECONDS:-15}" LOAD_FUZZ_FORM_MS="${LOAD_FUZZ_FORM_MS:-150}"
load_config=test/load/vitest.config.ts
# Both databases at once: each test drives its load for a fixed time, so two of them side by
# side take the time of one (they share nothing: PGlite folders of their own, and the PostgreSQL
# restart does not touch PGlite). Each run's output is printed when both are done.
phase "Last- und Fehlertests auf PGlite und PostgreSQL (parallel)"
SKIP_BUILD=1 npx vitest run --config "$load_config" --reporter=default --reporter=json --outputFile.json=tmp/test/load-pglite.json "$@" >tmp/test/load-pglite.log 2>&1 &
load_pglite_pid=$!
SKIP_BUILD=1 TEST_DATABASE_URL="$TEST_PG_URL" npx vitest run --config "$load_config" --reporter=default --reporter=json --outputFile.json=tmp/test/load-postgres.json "$@" >tmp/test/load-postgres.log 2>&1 &
load_postgres_pid=$!
wait $load_pglite_pid
wait $load_postgres_pid
echo "-- PGlite"
cat tmp/test/load-pglite.log
echo "-- PostgreSQL"
cat tmp/test/load-postgres.log
phase ""

echo "== Dauer je Phase"
for line in "${phases[@]}"; do echo "  $line"; done
echo "  gesamt: $((SECONDS - run_started)) s (Last: $(cut -d' ' -f1-3 /proc/loadavg))"

node scripts/summarize-tests.mjs tmp/test/results-pglite.json tmp/test/results-postgres.json \
  tmp/test/load-pglite.json tmp/test/load-postgres.json "$failed_steps"
