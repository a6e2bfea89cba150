// Fills a database with a large, deterministic board (issue 7): bulk INSERT … SELECT
// generate_series per domain, then ANALYZE. Usable alone:
//   npx tsx bench/generate.ts --scale 1 [--postgres postgres://…/db | --pglite tmp/bench/db]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPgliteFolder, openPostgres, queryRows, type Database, type DatabaseHandle } from "../db/client.server";
import { applyMigrations } from "../db/migrate.server";
import { generateAccounts } from "./generate/accounts";
import type { BenchTargets, GenerateContext } from "./generate/context";
import { generateMeetings } from "./generate/meetings";
import { generatePapers } from "./generate/papers";
import { generateRatings } from "./generate/ratings";
import { generateRecommendations } from "./generate/recommendations";
import { generateTopics } from "./generate/topics";
import { COMMON_WORD, RARE_WORD } from "./generate/text";

const DOMAINS: Array<[string, (ctx: GenerateContext) => Promise<void>]> = [
  ["topics", generateTopics],
  ["papers", generatePapers],
  ["ratings", generateRatings],
  ["meetings", generateMeetings],
  ["recommendations", generateRecommendations],
];

const COUNTED = [
  "users",
  "topics",
  "comments",
  "rating_rounds",
  "rating_proposals",
  "rating_scores",
  "meetings",
  "agenda_items",
  "papers",
  "consultations",
  "recommendations",
];

export type GenerateReport = { scale: number; targets: BenchTargets; timingsMs: Record<string, number>; totalMs: number; rows: Record<string, number> };

export async function generateBoard(db: Database, scale: number): Promise<GenerateReport> {
  const started = performance.now();
  const timingsMs: Record<string, number> = {};
  let mark = performance.now();
  const { people, sessionToken } = await generateAccounts(db);
  timingsMs.accounts = Math.round(performance.now() - mark);
  const ctx: GenerateContext = {
    db,
    scale,
    count: (full, min = 1) => Math.max(min, Math.round(full * scale)),
    people,
    targets: { sessionToken, commonWord: COMMON_WORD, rareWord: RARE_WORD } as BenchTargets,
  };
  for (const [name, generate] of DOMAINS) {
    mark = performance.now();
    await generate(ctx);
    timingsMs[name] = Math.round(performance.now() - mark);
  }
  mark = performance.now();
  await db.execute(sql`analyze`);
  timingsMs.analyze = Math.round(performance.now() - mark);
  const rows: Record<string, number> = {};
  for (const table of COUNTED) {
    const [{ count }] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from ${sql.identifier(table)}`);
    rows[table] = count;
  }
  return { scale, targets: ctx.targets, timingsMs, totalMs: Math.round(performance.now() - started), rows };
}

/** A fresh, migrated database: a PGlite folder or a new PostgreSQL database on the given server. */
export async function openFreshDatabase(target: { pglite: string } | { postgres: string }): Promise<DatabaseHandle> {
  if ("pglite" in target) {
    mkdirSync(path.dirname(path.resolve(target.pglite)), { recursive: true });
    const handle = openPgliteFolder(target.pglite);
    await applyMigrations(handle);
    return handle;
  }
  const url = new URL(target.postgres);
  const name = url.pathname.slice(1);
  const admin = new URL(target.postgres);
  admin.pathname = "/postgres";
  const adminHandle = openPostgres(admin.toString(), { max: 1 });
  await adminHandle.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
  await adminHandle.db.execute(sql.raw(`create database "${name}"`));
  await adminHandle.close();
  const handle = openPostgres(url.toString(), { max: 2 });
  await applyMigrations(handle);
  return handle;
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const scale = Number(option("scale") ?? process.env.BENCH_SCALE ?? 1);
  const postgresUrl = option("postgres");
  const target = postgresUrl ? { postgres: postgresUrl } : { pglite: option("pglite") ?? "tmp/bench/generated" };
  const handle = await openFreshDatabase(target);
  const report = await generateBoard(handle.db, scale);
  await handle.close();
  console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
