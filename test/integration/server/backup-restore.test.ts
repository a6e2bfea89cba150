import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPgliteFolder, openPostgres, queryRows, type DatabaseHandle } from "../../../db/client.server";
import { applyMigrations } from "../../../db/migrate.server";
import { seedDemo } from "../../../db/seed/index";
import { DEMO_LOGINS } from "../../../db/seed/accounts";
import { quoteIdent, readCatalog } from "../../../app/server/backup/catalog.server";
import { postForm, signedInUserId } from "../../load/support/http";
import { createTestDatabase } from "../../support/database";
import { withDatabase } from "../../support/templates";
import { runScript } from "../../support/processes";
import { spawnServer } from "../../support/server";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PG = process.env.TEST_DATABASE_URL;
const PUBLIC_PAGES = [
  "/",
  "/themen",
  "/themen/ozg-die-naechsten-leistungen",
  "/empfehlungen",
  "/empfehlungen.atom",
  "/vorlagen",
  "/vorlagen/ST-0020-2025",
  "/sitzungen",
  "/sitzungen.ics",
];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

type Place = { env: Record<string, string>; open: () => DatabaseHandle };

function scratchFile(name: string) {
  const dir = path.join(ROOT, "tmp/test/backups");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${randomBytes(5).toString("hex")}-${name}`);
}

function pgliteFolder(): Place {
  const dir = path.join(ROOT, "tmp/test/dbs", `restore-${randomBytes(5).toString("hex")}`);
  return { env: { DATA_DIR: dir, DATABASE_URL: "" }, open: () => openPgliteFolder(dir) };
}

/** A new, empty database (not migrated): the restore brings the schema itself. */
async function emptyPostgres(): Promise<Place> {
  const name = `portal_restore_${randomBytes(5).toString("hex")}`;
  const admin = postgres(PG!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = withDatabase(PG!, name);
  return { env: { DATABASE_URL: url }, open: () => openPostgres(url, { max: 2 }) };
}

async function rowCounts(place: Place) {
  const handle = place.open();
  try {
    const catalog = await readCatalog(handle.db);
    const counts: Record<string, number> = {};
    for (const table of catalog.tables) {
      const [row] = await queryRows<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from ${quoteIdent(table.name)}`));
      counts[table.name] = row.n;
    }
    return counts;
  } finally {
    await handle.close();
  }
}

/** The public pages as HTML, and a signed-in session to show it ends with the restore. */
async function pagesAndSession(place: Place, whileRunning?: (url: string) => Promise<void>) {
  // One public URL for both servers: pages and the calendar name it (and fold lines by its length).
  const server = await spawnServer({ ...place.env, DEMO_MODE: "true", PORTAL_URL: "http://beirat.test" });
  try {
    const pages: Record<string, string> = {};
    for (const page of PUBLIC_PAGES) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.status, page).toBe(200);
      // The calendar stamps each export with the current time (DTSTAMP); everything else must match.
      pages[page] = (await response.text()).replace(/DTSTAMP:\d{8}T\d{6}Z/g, "DTSTAMP:…").replace(/ nonce="[^"]*"/g, ""); // a fresh CSP nonce per response
    }
    const client: { cookie?: string } = {};
    const expert = DEMO_LOGINS.find((l) => l.role === "expert")!;
    await postForm(
      server.url,
      "/login",
      [
        ["email", expert.email],
        ["password", expert.password],
        ["redirectTo", "/"],
      ],
      client,
    );
    const userId = await signedInUserId(server.url, client);
    await whileRunning?.(server.url);
    return { pages, client, userId, url: server.url, output: server.output };
  } finally {
    await server.stop();
  }
}

async function backup(place: Place, file: string) {
  const result = await runScript(["scripts/db-backup.ts", file], place.env);
  expect(result.code, result.output).toBe(0);
  expect(existsSync(file)).toBe(true);
  return result.output;
}

async function restore(place: Place, file: string, ...flags: string[]) {
  return runScript(["scripts/db-restore.ts", file, ...flags], place.env);
}

/** Restore into `target`, then: same rows per table (no sessions), same pages, old session invalid. */
/** Where two pages part, with some context: a whole page in the failure message says nothing. */
function firstDifference(a: string, b: string) {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return `ab Zeichen ${index}: vorher «${a.slice(Math.max(0, index - 80), index + 120)}» nachher «${b.slice(Math.max(0, index - 80), index + 120)}»`;
}

async function expectFaithfulCopy(
  source: Place,
  target: Place,
  file: string,
  before: Awaited<ReturnType<typeof pagesAndSession>>,
  { againIntoFilled = true } = {},
) {
  const restored = await restore(target, file);
  expect(restored.code, restored.output).toBe(0);
  expect(restored.output).toContain("Alle Sitzungen sind beendet");
  const sourceCounts = await rowCounts(source);
  const targetCounts = await rowCounts(target);
  expect(sourceCounts.sessions).toBeGreaterThan(0);
  expect(targetCounts).toEqual({ ...sourceCounts, sessions: 0 });
  expect(Object.keys(targetCounts).length).toBeGreaterThan(25);

  const after = await pagesAndSession(target, async (url) => {
    // The session from before the backup is gone: signed out on the restored copy.
    expect(await signedInUserId(url, before.client)).toBeNull();
  });
  for (const page of PUBLIC_PAGES) expect(after.pages[page], `${page}: ${firstDifference(before.pages[page], after.pages[page])}`).toBe(before.pages[page]);
  expect(after.userId).toBe(before.userId);

  // A second restore into the now filled database is refused without --force, done with it
  // (once per kind of target database: PGlite, PostgreSQL).
  if (!againIntoFilled) return;
  const refused = await restore(target, file);
  expect(refused.code).toBe(1);
  expect(refused.output).toContain("Die Zieldatenbank ist nicht leer");
  const forced = await restore(target, file, "--force");
  expect(forced.code, forced.output).toBe(0);
  expect(await rowCounts(target)).toEqual({ ...sourceCounts, sessions: 0 });
}

/** A PGlite folder with the demo story (migrated and seeded here, closed again). */
async function demoPglite(): Promise<Place> {
  const place = pgliteFolder();
  const handle = place.open();
  await applyMigrations(handle);
  await seedDemo(handle.db);
  await handle.close();
  return place;
}

describe.skipIf(!!PG)("backup and restore on PGlite", () => {
  it("PGlite → PGlite: the running server writes the backup; the restored copy has the same rows and pages", { timeout: 600_000 }, async () => {
    const database = await createTestDatabase(inject("pgTemplate"), { onDisk: true, demo: true });
    await database.handle.close();
    const source: Place = { env: { DATA_DIR: database.serverEnv.DATA_DIR, DATABASE_URL: "" }, open: () => openPgliteFolder(database.serverEnv.DATA_DIR) };
    const file = scratchFile("pglite.jsonl.gz");
    // While the server holds the folder, the command asks it (over loopback, with the lock file's secret).
    const before = await pagesAndSession(source, async (url) => {
      const output = await backup(source, file);
      expect(output).toContain("vom laufenden Server");
      // Without the secret the endpoint does not exist.
      expect((await fetch(`${url}/_betrieb/sicherung`, { headers: { Authorization: "Bearer falsch" } })).status).toBe(404);
    });
    await expectFaithfulCopy(source, pgliteFolder(), file, before);
  });
});

describe.skipIf(!PG)("backup and restore on PostgreSQL", () => {
  it("PostgreSQL → PostgreSQL into a new, empty database", { timeout: 600_000 }, async () => {
    const database = await createTestDatabase(inject("pgTemplate"), { demo: true });
    cleanups.push(database.dispose);
    const source: Place = { env: database.serverEnv, open: () => openPostgres(database.serverEnv.DATABASE_URL, { max: 2 }) };
    const file = scratchFile("postgres.jsonl.gz");
    const before = await pagesAndSession(source);
    await backup(source, file);
    await expectFaithfulCopy(source, await emptyPostgres(), file, before);
  });

  it("PGlite → PostgreSQL: a small embedded installation moves up with its history", { timeout: 600_000 }, async () => {
    const source = await demoPglite();
    const before = await pagesAndSession(source);
    const file = scratchFile("moving-up.jsonl.gz");
    // No server runs: the command takes the folder's lock itself.
    const output = await backup(source, file);
    expect(output).not.toContain("vom laufenden Server");
    await expectFaithfulCopy(source, await emptyPostgres(), file, before, { againIntoFilled: false });
  });
});
