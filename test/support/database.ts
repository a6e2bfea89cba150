import { cpSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openPglite, openPgliteFolder, openPostgres, type Database, type DatabaseHandle } from "../../db/client.server";
import { reusedTemplatePglite, reusedTemplatePostgres } from "./reused-database";
import { DEMO_TEMPLATE_DIR, DEMO_TEMPLATE_DUMP, TEMPLATE_DIR, TEMPLATE_DUMP, demoTemplateName, withDatabase } from "./templates";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type TestDatabase = {
  handle: DatabaseHandle;
  /** DATABASE_URL for a server process (PostgreSQL) or DATA_DIR (PGlite); see serverEnv. */
  serverEnv: Record<string, string>;
  dispose: () => Promise<void>;
};

function templateBlob(demo: boolean) {
  return new Blob([readFileSync(demo ? DEMO_TEMPLATE_DUMP : TEMPLATE_DUMP)]);
}

/**
 * A fresh migrated database, in memory (PGlite) or cloned from the template (PostgreSQL);
 * with `demo`, the demo story is already loaded (copied from a template seeded once per run).
 */
export async function createTestDatabase(
  pgTemplate: string,
  options: {
    onDisk?: boolean;
    demo?: boolean;
    /** PGlite on disk: false leaves the folder unopened. */
    open?: boolean;
    /** PGlite in memory: load the template only when the database is first used. */
    lazy?: boolean;
    /** PostgreSQL: keep synchronous commits (tests that count acknowledged writes across a restart). */
    durable?: boolean;
    /** Without demo: the worker's database, emptied, instead of a new copy (reused-database.ts). */
    reuse?: boolean;
  } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const demo = options.demo ?? false;
  if (serverUrl && pgTemplate && options.reuse && !demo && !options.durable && !options.onDisk) {
    const name = await reusedTemplatePostgres(serverUrl, pgTemplate, async (fresh) => {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await createPostgresDatabase(admin, fresh, { template: pgTemplate, fastCommits: true });
      } finally {
        await admin.end();
      }
    });
    const url = withDatabase(serverUrl, name);
    const handle = openPostgres(url, { max: 4 });
    // The database stays for the worker's next file, which empties it; global-setup drops it.
    return { handle, serverEnv: { DATABASE_URL: url }, dispose: () => handle.close() };
  }
  if (serverUrl && pgTemplate) {
    const template = demo ? demoTemplateName(pgTemplate) : pgTemplate;
    // A test database is thrown away after its file: a commit need not wait for the disk (a
    // crash of PostgreSQL itself could lose the last commits, which no test here survives
    // anyway). The load and fault tests keep durable commits: they count acknowledged writes.
    const fastCommits = !options.durable;
    const { handle, url, dispose } = await createScratchPostgres(serverUrl, "portal_test", { template, fastCommits, max: 4 });
    return { handle, serverEnv: { DATABASE_URL: url }, dispose };
  }
  if (options.onDisk) {
    const dir = path.join(ROOT, "tmp/test/dbs", randomBytes(6).toString("hex"));
    mkdirSync(path.dirname(dir), { recursive: true });
    // A plain copy of the template folder global-setup left (cleanly shut down): much cheaper
    // than loading the dump into a new folder through PGlite.
    cpSync(demo ? DEMO_TEMPLATE_DIR : TEMPLATE_DIR, dir, { recursive: true });
    // Only the folder, for a server to open: no PGlite in this process at all.
    if (options.open === false) return { handle: closedFolderHandle(dir), serverEnv: { DATA_DIR: dir }, dispose: async () => {} };
    // Locked like any process's folder: a server started on it must wait until this handle is closed.
    const handle = openPgliteFolder(dir);
    await handle.db.execute(sql`select 1`);
    let closed = false;
    const close = handle.close;
    handle.close = async () => {
      if (closed) return;
      closed = true;
      await close();
    };
    return { handle, serverEnv: { DATA_DIR: dir }, dispose: () => handle.close().catch(() => {}) };
  }
  if (options.reuse && !options.lazy && !demo) {
    const handle = openPglite(await reusedTemplatePglite(() => templateBlob(false)));
    // Kept open for the worker's next file, which empties it.
    return { handle, serverEnv: {}, dispose: async () => {} };
  }
  if (!options.lazy) {
    const handle = openPglite(await PGlite.create({ loadDataDir: templateBlob(demo) }));
    return { handle, serverEnv: {}, dispose: () => handle.close() };
  }
  // Loaded on first use (PGlite queues queries until it is ready), for files that may never use it.
  let opened: DatabaseHandle | undefined;
  const open = () => (opened ??= openPglite(new PGlite({ loadDataDir: templateBlob(demo) })));
  const handle: DatabaseHandle = {
    kind: "pglite",
    get db() {
      return open().db;
    },
    close: async () => {
      await opened?.close();
    },
  };
  return { handle, serverEnv: {}, dispose: () => handle.close() };
}

/**
 * A new, empty database that nothing has migrated: PGlite in memory, or with `serverUrl` a
 * database of its own on that PostgreSQL server, dropped again by dispose.
 */
export async function openEmptyDatabase(serverUrl: string | undefined, prefix: string, max: number) {
  if (!serverUrl) {
    const handle = openPglite(new PGlite());
    return { handle, dispose: () => handle.close() };
  }
  const { handle, dispose } = await createScratchPostgres(serverUrl, prefix, { max });
  return { handle, dispose };
}

/** A database of its own on the server (empty, or a copy of `template`); dispose closes and drops it. */
async function createScratchPostgres(serverUrl: string, prefix: string, options: { template?: string; fastCommits?: boolean; max: number }) {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await createPostgresDatabase(admin, name, options);
  const url = withDatabase(serverUrl, name);
  const handle = openPostgres(url, { max: options.max });
  return {
    handle,
    url,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A test database is thrown away after its file: `fastCommits` lets a commit not wait for the disk. */
async function createPostgresDatabase(admin: postgres.Sql, name: string, options: { template?: string; fastCommits?: boolean }) {
  await admin.unsafe(options.template ? `create database ${name} template ${options.template}` : `create database ${name}`);
  if (options.fastCommits) await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
}

/** A PGlite folder this process has not opened (the server holds it): kind and folder only. */
function closedFolderHandle(dir: string): DatabaseHandle {
  return {
    kind: "pglite",
    dataDir: dir,
    get db(): Database {
      throw new Error(`PGlite-Ordner ${dir}: in diesem Prozess nicht geöffnet (openPgliteFolder nach dem Server)`);
    },
    close: async () => {},
  };
}
