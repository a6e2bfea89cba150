import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import { openPgliteFolder, openPostgres, queryRows, type Database, type DatabaseHandle } from "../../../db/client.server";
import { applyMigrations } from "../../../db/migrate.server";
import { createTestDatabase } from "../../support/database";
import { freePort } from "../../support/server";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * The production build (server.mjs) on a database of its own that outlives the process, so a
 * test can kill and restart the server and then inspect what was stored.
 */
export type Portal = {
  url: string;
  kind: "pglite" | "postgres";
  start: () => Promise<void>;
  /** SIGTERM and wait. */
  stop: () => Promise<void>;
  /** SIGKILL: no shutdown hook runs. */
  kill: () => Promise<void>;
  running: () => boolean;
  /** Runs on the server's database; PGlite only while the server is stopped (one process per folder). */
  withDb: <T>(fn: (db: Database) => Promise<T>) => Promise<T>;
  rows: <T>(query: SQL) => Promise<T[]>;
  output: () => string;
  /** Exit code of the last stopped process (null: killed by a signal or still running). */
  exitCode: () => number | null;
  pid: () => number | undefined;
  dataDir?: string;
  dispose: () => Promise<void>;
};

type PortalOptions = {
  pgTemplate: string;
  /** Fills the database before the first start (users, sessions, topics …). */
  prepare?: (db: Database) => Promise<void>;
  env?: Record<string, string>;
  /** A PostgreSQL database of its own, reached through this URL (e.g. a proxy), migrated here. */
  postgresUrl?: { admin: string; server: string; name: string };
};

export async function createPortal(options: PortalOptions): Promise<Portal> {
  const { handle, serverEnv, cleanup, kind } = await openDatabase(options);
  if (options.prepare) await options.prepare(handle.db);
  let pgliteHandle: DatabaseHandle | undefined = kind === "pglite" ? handle : undefined;
  if (pgliteHandle) {
    await pgliteHandle.close();
    pgliteHandle = undefined;
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log = "";

  async function start() {
    child = spawn("node", ["server.mjs"], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...serverEnv,
        PORT: String(port),
        PORTAL_URL: url,
        APP_SECRET: "load-secret-0123456789abcdef0123456789abcdef",
        NODE_ENV: "production",
        DEMO_MODE: "false",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => (log += chunk));
    child.stderr?.on("data", (chunk) => (log += chunk));
    await waitForListening(url, child, () => log);
  }

  async function signal(name: NodeJS.Signals) {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill(name);
    await exited;
  }

  async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (kind === "postgres") return fn(handle.db);
    if (child && child.exitCode === null && child.signalCode === null) throw new Error("PGlite: erst den Server anhalten");
    const opened = openPgliteFolder(serverEnv.DATA_DIR);
    try {
      return await fn(opened.db);
    } finally {
      await opened.close();
    }
  }

  await start();
  return {
    url,
    kind,
    start,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    withDb,
    rows: (query) => withDb((db) => queryRows(db, query)),
    output: () => log,
    exitCode: () => child?.exitCode ?? null,
    pid: () => child?.pid,
    dataDir: serverEnv.DATA_DIR,
    dispose: async () => {
      await signal("SIGKILL");
      await cleanup();
    },
  };
}

async function openDatabase(options: PortalOptions) {
  if (options.postgresUrl) {
    const { admin: adminUrl, server, name } = options.postgresUrl;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const direct = new URL(adminUrl);
    direct.pathname = `/${name}`;
    const handle = openPostgres(direct.toString(), { max: 4 });
    await applyMigrations(handle);
    const cleanup = async () => {
      await handle.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    };
    return { handle, serverEnv: { DATABASE_URL: server }, cleanup, kind: "postgres" as const };
  }
  const database = await createTestDatabase(options.pgTemplate, { onDisk: true, durable: true });
  const kind = database.handle.kind;
  const cleanup = async () => {
    await database.dispose();
    if (database.serverEnv.DATA_DIR) rmSync(database.serverEnv.DATA_DIR, { recursive: true, force: true });
  };
  return { handle: database.handle, serverEnv: database.serverEnv, cleanup, kind };
}

async function waitForListening(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Server beendet (${child.exitCode}):\n${output()}`);
    try {
      await fetch(`${url}/login`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`Server antwortet nicht:\n${output()}`);
}
