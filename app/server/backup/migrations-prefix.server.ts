import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrationsFolder } from "#db/migrate.server";

type Journal = { entries: { tag: string }[] } & Record<string, unknown>;

/**
 * A migrations folder with only the first `count` migrations of this build: a backup written by
 * an older version is restored into the schema it was written from, then migrated forward.
 */
export function migrationsUpTo(count: number) {
  const source = migrationsFolder();
  const folder = mkdtempSync(path.join(tmpdir(), "portal-migrations-"));
  const journal = JSON.parse(readFileSync(path.join(source, "meta/_journal.json"), "utf8")) as Journal;
  const entries = journal.entries.slice(0, count);
  mkdirSync(path.join(folder, "meta"));
  writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
