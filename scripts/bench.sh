#!/usr/bin/env bash
# npm run bench: production build, then bench/run.ts (settings: see the top of bench/run.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
export REMIX_BUILD_DIR="${REMIX_BUILD_DIR:-tmp/build-bench}"
if [[ "${BENCH_BACKENDS:-pglite,postgres}" == *postgres* ]] && command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
echo "== Build ($REMIX_BUILD_DIR)"
NODE_ENV=production npx remix build >/dev/null
# The yardstick of issue 15: a bare Remix app with one static route, served by remix-serve.
echo "== Build (bench/bare-remix -> tmp/bench/bare-remix)"
NODE_ENV=production npx remix build bench/bare-remix >/dev/null
npx tsx bench/run.ts
