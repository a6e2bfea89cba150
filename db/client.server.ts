import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireFolderLock, FolderLockedError } from "./folder-lock.server";
import { shareEventLoop } from "./pglite-event-loop.server";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  url?: string;
  /** PGlite on disk: the locked data folder. */
  dataDir?: string;
  close: () => Promise<void>;
};

export function openPglite(client: PGlite): DatabaseHandle {
  return {
    db: drizzlePglite(shareEventLoop(client), { schema, logger: queryLogger() }) as unknown as Database,
    kind: "pglite",
    close: () => client.close(),
  };
}

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connect_timeout: 5,
    // postgres.js waits up to 20 s between reconnects after repeated failures (3^n/100 s), and
    // each attempt fails only one waiting query: during an outage requests would hang instead
    // of answering 503, and after it the app would stay away for up to 20 s. A quarter second
    // at most keeps both short; a refused connection costs the database nothing.
    backoff: (retries: number) => Math.min(0.02 * 2 ** retries, 0.25),
  });
  return {
    db: drizzlePostgres(client, { schema, logger: queryLogger() }) as unknown as Database,
    kind: "postgres",
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * A PGlite data folder, locked to this process first (db/folder-lock.server.ts): throws
 * FolderLockedError when another process has it open. Closing the handle releases the lock.
 */
export function openPgliteFolder(dataDir: string, options: { loadDataDir?: Blob } = {}): DatabaseHandle {
  const resolved = path.resolve(dataDir);
  mkdirSync(path.dirname(resolved), { recursive: true });
  const lock = acquireFolderLock(resolved);
  let client: PGlite;
  try {
    client = new PGlite(resolved, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  const handle = openPglite(client);
  return {
    ...handle,
    dataDir: resolved,
    close: async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

/** PGlite in DATA_DIR when DATABASE_URL is unset, else postgres.js. */
export function openFromEnv(): DatabaseHandle {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPgliteFolder(process.env.DATA_DIR ?? "./data");
}

/**
 * For command-line tools (migrate, seed, admin:create, backup): the configured database, or exit 1
 * with the German message when another process holds the PGlite folder.
 */
export function openForTool(): DatabaseHandle {
  try {
    return getDatabaseHandle();
  } catch (error) {
    if (!(error instanceof FolderLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

let current: DatabaseHandle | undefined;

export function getDatabaseHandle(): DatabaseHandle {
  current ??= openFromEnv();
  return current;
}

/** Tests and scripts install the handle they opened themselves. */
export function useDatabaseHandle(handle: DatabaseHandle) {
  current = handle;
}

/** The process-wide database; resolves lazily so tests can install their own first. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const instance = getDatabaseHandle().db;
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/** Runs raw SQL and returns its rows on both drivers (postgres.js gives an array, PGlite `{ rows }`). */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type QueryCounter = { count: number; statements: string[] };
let counter: QueryCounter | undefined;

/** Bench mode: count the SQL statements issued between start and stop. */
export function startCountingQueries() {
  counter = { count: 0, statements: [] };
}
export function stopCountingQueries(): QueryCounter | undefined {
  const result = counter;
  counter = undefined;
  return result;
}

function queryLogger() {
  return {
    logQuery(query: string) {
      if (!counter) return;
      counter.count += 1;
      counter.statements.push(query);
    },
  };
}
