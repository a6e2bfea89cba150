import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { DatabaseHandle } from "./client.server";

const MIGRATION_LOCK = 727_001;

export function migrationsFolder() {
  return path.resolve(process.env.MIGRATIONS_DIR ?? "drizzle");
}

/** Applies pending migrations; an advisory lock keeps several app processes from racing. */
export async function applyMigrations(handle: DatabaseHandle, folder = migrationsFolder()) {
  const migrationsConfig = { migrationsFolder: folder };
  if (handle.kind === "pglite" || !handle.url) {
    await migratePglite(handle.db as unknown as PgliteDatabase, migrationsConfig);
    return;
  }
  const lock = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, migrationsConfig);
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await lock.end({ timeout: 5 });
  }
}
