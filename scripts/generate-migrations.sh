#!/usr/bin/env bash
# Appends migrations: drizzle-kit's diff of db/schema against drizzle/, then every
# hand-written file in db/sql/ that has no migration yet. Released migrations are never
# rewritten; see docs/decisions/004-migrations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
npx drizzle-kit generate
for file in db/sql/*.sql; do
  name=$(basename "$file" .sql)
  name=${name//-/_}
  if ls drizzle/*_"$name".sql >/dev/null 2>&1; then continue; fi
  npx drizzle-kit generate --custom --name "$name" >/dev/null
  cat "$file" > "$(ls drizzle/*_"$name".sql)"
  echo "custom migration added: $name"
done
