#!/usr/bin/env bash
# Load and fault tests (test/load/*.load.ts): concurrent writers, database outage, app crash,
# form fuzzing. Small bounds by default (about a minute); larger with e.g.
#   LOAD_CLIENTS=100 LOAD_SECONDS=60 LOAD_FUZZ_RUNS=200 npm run test:load
# Runs on PGlite, then on the local PostgreSQL (the outage tests need it: one cuts the
# connection through a proxy, one restarts the server with pg_ctlcluster; LOAD_PG_RESTART=0
# skips the restart, e.g. on a machine where others use the same PostgreSQL).
# Reports: tmp/test/load-pglite.json and tmp/test/load-postgres.json (vitest JSON).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp/test

export TEST_PG_URL="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

echo "== Build"
NODE_ENV=production npx remix build >/dev/null || exit 1
config=test/load/vitest.config.ts

echo "== Last- und Fehlertests auf PGlite"
SKIP_BUILD=1 npx vitest run --config "$config" --reporter=default --reporter=json --outputFile.json=tmp/test/load-pglite.json "$@"

echo "== Last- und Fehlertests auf PostgreSQL ($TEST_PG_URL)"
SKIP_BUILD=1 TEST_DATABASE_URL="$TEST_PG_URL" npx vitest run --config "$config" --reporter=default --reporter=json --outputFile.json=tmp/test/load-postgres.json "$@"

node scripts/summarize-tests.mjs tmp/test/load-pglite.json tmp/test/load-postgres.json 0
