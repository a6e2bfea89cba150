#!/usr/bin/env bash
# Regenerates drizzle/ from db/schema plus the hand-written SQL in db/sql/.
# Before the first release the migrations are squashed into one; see docs/decisions/004-migrations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf drizzle
npx drizzle-kit generate --name init >/dev/null
for file in db/sql/*.sql; do
  name=$(basename "$file" .sql)
  npx drizzle-kit generate --custom --name "${name//-/_}" >/dev/null
  target=$(ls drizzle/*_"${name//-/_}".sql)
  cat "$file" > "$target"
done
ls drizzle
