import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { openPglite, openPgliteFolder, openPostgres } from "../../db/client.server";
import { applyMigrations } from "../../db/migrate.server";
import { seedDemo } from "../../db/seed/index";
import { DEMO_TEMPLATE_DIR, DEMO_TEMPLATE_DUMP, ROOT, TEMPLATE_DIR, TEMPLATE_DUMP, TEMPLATE_STAMP, demoTemplateName, withDatabase } from "./templates";

/**
 * Once per run: a migrated database to copy from, and a second one with the demo story loaded
 * (browser tests and a few others start from it instead of seeding it again in every file).
 * PGlite: data-dir dumps each file loads (uncompressed: loading skips the gunzip).
 * PostgreSQL (TEST_DATABASE_URL set): template databases each file clones with CREATE DATABASE.
 * Browser tests also need the production build, made here once.
 */
export default async function setup(project: TestProject) {
  mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const templateName = `portal_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${templateName}`);
    await admin.unsafe(`create database ${templateName}`);
    const handle = openPostgres(withDatabase(serverUrl, templateName), { max: 1 });
    await applyMigrations(handle);
    await handle.close();
    const demoName = demoTemplateName(templateName);
    await admin.unsafe(`drop database if exists ${demoName}`);
    await admin.unsafe(`create database ${demoName} template ${templateName}`);
    const demo = openPostgres(withDatabase(serverUrl, demoName), { max: 1 });
    await seedDemo(demo.db);
    await demo.close();
    await admin.end();
    project.provide("pgTemplate", templateName);
  } else {
    if (!madeInThisRun()) await makePgliteTemplates();
    project.provide("pgTemplate", "");
  }
  if (
    process.env.SKIP_BUILD !== "1" ||
    !existsSync(path.join(ROOT, process.env.REMIX_BUILD_DIR ? `${process.env.REMIX_BUILD_DIR}/server/index.js` : "build/index.js"))
  ) {
    execSync("npx remix build", { cwd: ROOT, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  }
  return async () => {
    if (!serverUrl) return;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    // The workers' databases (test/support/reused-database.ts) are named after the template.
    const workers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`portal_template_${process.pid}_w%`}`;
    for (const { datname } of workers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`drop database if exists ${demoTemplateName(`portal_template_${process.pid}`)} with (force)`);
    await admin.unsafe(`drop database if exists portal_template_${process.pid} with (force)`);
    await admin.end();
  };
}

/** PGlite: the migrated and the demo template, as dumps and as folders, stamped with this run. */
async function makePgliteTemplates() {
  rmSync(TEMPLATE_STAMP, { force: true });
  const client = new PGlite();
  await applyMigrations(openPglite(client));
  const plain = await client.dumpDataDir("none");
  writeFileSync(TEMPLATE_DUMP, Buffer.from(await plain.arrayBuffer()));
  await seedDemo(openPglite(client).db);
  const demo = await client.dumpDataDir("none");
  writeFileSync(DEMO_TEMPLATE_DUMP, Buffer.from(await demo.arrayBuffer()));
  await client.close();
  await writeTemplateFolder(TEMPLATE_DIR, plain);
  await writeTemplateFolder(DEMO_TEMPLATE_DIR, demo);
  if (process.env.TEST_RUN_ID) writeFileSync(TEMPLATE_STAMP, process.env.TEST_RUN_ID);
}

/** The PGlite templates were made by an earlier vitest run of this same `npm test` (same code). */
function madeInThisRun() {
  const runId = process.env.TEST_RUN_ID;
  return Boolean(runId) && existsSync(TEMPLATE_STAMP) && readFileSync(TEMPLATE_STAMP, "utf8") === runId;
}

/** A data folder from a dump, opened and shut down once so servers can start on copies of it. */
async function writeTemplateFolder(dir: string, dump: Blob) {
  rmSync(dir, { recursive: true, force: true });
  const handle = openPgliteFolder(dir, { loadDataDir: dump });
  await handle.db.execute(sql`select 1`);
  await handle.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
