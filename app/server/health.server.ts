// Probes for a load balancer (decision record 051), answered before Remix and without a session:
// /healthz says the process is up (no database), /readyz that the database answers and every
// migration of this build is applied; both 503 while the process shuts down.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getDatabaseHandle, queryRows } from "#db/client.server";
import { migrationsFolder } from "#db/migrate.server";
import { isShuttingDown } from "./shutdown.server";

function send(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(body));
}

export function healthz(_req: IncomingMessage, res: ServerResponse) {
  send(res, isShuttingDown() ? 503 : 200, { status: isShuttingDown() ? "stopping" : "ok" });
}

let expected: { count: number; last: number } | undefined;
function expectedMigrations() {
  if (!expected) {
    const files = readMigrationFiles({ migrationsFolder: migrationsFolder() });
    expected = { count: files.length, last: files.at(-1)?.folderMillis ?? 0 };
  }
  return expected;
}

const READY_TIMEOUT_MS = 2_000;

/** Applied migrations as drizzle's migrator records them (schema "drizzle"). */
export async function migrationState() {
  const want = expectedMigrations();
  const [row] = await queryRows<{ applied: number; last: string | null }>(
    getDatabaseHandle().db,
    sql`select count(*)::int as applied, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const applied = Number(row?.applied ?? 0);
  const last = Number(row?.last ?? 0);
  return { applied, expected: want.count, current: applied >= want.count && last >= want.last };
}

export async function readyz(_req: IncomingMessage, res: ServerResponse) {
  if (isShuttingDown()) return send(res, 503, { status: "stopping" });
  let timer: NodeJS.Timeout | undefined;
  try {
    const state = await Promise.race([
      migrationState(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("Zeitüberschreitung")), READY_TIMEOUT_MS))),
    ]);
    if (!state.current) return send(res, 503, { status: "migrations pending", database: "ok", migrations: state });
    send(res, 200, { status: "ok", database: "ok", migrations: state });
  } catch (error) {
    send(res, 503, { status: "database unavailable", database: String((error as { code?: string }).code ?? (error as Error).message) });
  } finally {
    clearTimeout(timer);
  }
}
