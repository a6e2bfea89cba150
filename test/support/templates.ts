import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** PGlite: the migrated database as an uncompressed data-dir dump (written by global-setup). */
export const TEMPLATE_DUMP = path.join(ROOT, "tmp/test/pglite-template.tar");
/** PGlite: the same with the demo story loaded. */
export const DEMO_TEMPLATE_DUMP = path.join(ROOT, "tmp/test/pglite-template-demo.tar");

/** PGlite on disk: the same two as data folders (cleanly shut down), copied for each server. */
export const TEMPLATE_DIR = path.join(ROOT, "tmp/test/pglite-template-dir");
export const DEMO_TEMPLATE_DIR = path.join(ROOT, "tmp/test/pglite-template-demo-dir");
/**
 * PGlite: which `npm test` run made the four above (its TEST_RUN_ID), written when they are
 * complete. A later vitest run of the same `npm test` (the load tests) uses them as they are.
 */
export const TEMPLATE_STAMP = path.join(ROOT, "tmp/test/pglite-template.run");

/** The same PostgreSQL server's URL for another database on it. */
export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** PostgreSQL: the template database with the demo story, beside the migrated one. */
export function demoTemplateName(template: string) {
  return `${template}_demo`;
}
