import { execSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { openPglite, openPostgres } from "../../db/client.server";
import { applyMigrations } from "../../db/migrate.server";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEMPLATE_DUMP = path.join(ROOT, "tmp/test/pglite-template.tar.gz");

/**
 * Once per run: a migrated database to copy from. PGlite: a data-dir dump each file loads.
 * PostgreSQL (TEST_DATABASE_URL set): a template database each file clones with CREATE DATABASE.
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
    await admin.end();
    project.provide("pgTemplate", templateName);
  } else {
    const client = new PGlite();
    await applyMigrations(openPglite(client));
    const dump = await client.dumpDataDir("gzip");
    writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
    await client.close();
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
    await admin.unsafe(`drop database if exists portal_template_${process.pid} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
