import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { withDatabase } from "./templates";

// Test files share their worker process (vitest `isolate: false`, decision 099), so the worker
// keeps one database made from the migrated template and empties it between files instead of
// making a new one (PGlite: loading the template, about 2.5 CPU seconds; PostgreSQL: CREATE
// DATABASE, and a DROP DATABASE that forces a checkpoint). "Empty" must mean "as fresh as the
// template": every table of the app's schemas truncated, every used sequence restarted, no
// session state left (PGlite: `discard all`; PostgreSQL: each file's connections are its own).
// A file that changed the schema itself (a trigger dropped, a table added) or closed the
// database leaves a fingerprint that differs, and the next file gets a new copy instead.

/** Everything a file could change about the database besides its rows. */
const FINGERPRINT = `
  select md5(coalesce(string_agg(item, ',' order by item), '')) as fingerprint from (
    select 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || c.relrowsecurity::text as item
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%'
    union all
    select 'col ' || a.attrelid::regclass || '.' || a.attname || ' ' || a.atttypid::text || ' ' || a.attnotnull::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%' and a.attnum > 0 and not a.attisdropped
    union all
    select 'con ' || conrelid::regclass || '.' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
      where connamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
    union all
    select 'trg ' || tgrelid::regclass || '.' || tgname || ' ' || tgenabled::text from pg_trigger where not tgisinternal
    union all
    select 'fn ' || p.oid::regprocedure || ' ' || md5(coalesce(p.prosrc, '')) from pg_proc p
      where p.pronamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
    union all
    select 'role ' || rolname from pg_roles
    union all
    select 'ns ' || nspname from pg_namespace where nspname not like 'pg_temp%' and nspname not like 'pg_toast_temp%'
    union all
    select 'set ' || array_to_string(setconfig, ',') from pg_db_role_setting
    union all
    select 'mig ' || count(*) from drizzle.__drizzle_migrations
  ) items`;

/** Runs one statement and returns its rows, on whichever database. */
type Run = <T>(statement: string) => Promise<T[]>;

async function fingerprint(run: Run) {
  const [row] = await run<{ fingerprint: string }>(FINGERPRINT);
  return row.fingerprint;
}

/**
 * Truncates every table outside the migration bookkeeping that holds rows and restarts every used
 * sequence. Only tables with rows: TRUNCATE gives each table and index a new file, which for all
 * ~60 tables cost more than the rest of a small file's setup; a file writes to a few.
 */
async function emptyAllTables(run: Run) {
  const tables = await run<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') order by 1`,
  );
  const withRows =
    tables.length === 0
      ? []
      : await run<{ name: string }>(
          tables.map((t) => `select '${t.name.replaceAll("'", "''")}' as name where exists (select 1 from ${t.name})`).join(" union all "),
        );
  if (withRows.length > 0) await run(`truncate ${withRows.map((t) => t.name).join(", ")} restart identity cascade`);
  const sequences = await run<{ name: string }>(
    `select format('%I.%I', schemaname, sequencename) as name from pg_sequences
      where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') and last_value is not null`,
  );
  for (const sequence of sequences) await run(`alter sequence ${sequence.name} restart`);
}

const PGLITE = Symbol.for("digitalbeirat.test.reusedPglite");
const POSTGRES = Symbol.for("digitalbeirat.test.reusedPostgres");
const worker = globalThis as unknown as {
  [PGLITE]?: { client: PGlite; fingerprint: string };
  [POSTGRES]?: { name: string; fingerprint: string };
};

/**
 * The worker's PGlite, as fresh as the template: reused and emptied when the previous file left
 * its schema as it was, else a new copy of the template (and the old one closed).
 */
export async function reusedTemplatePglite(loadTemplate: () => Blob): Promise<PGlite> {
  const previous = worker[PGLITE];
  if (previous && !previous.client.closed) {
    const run: Run = async (statement) => (await previous.client.query(statement)).rows as never[];
    try {
      if ((await fingerprint(run)) === previous.fingerprint) {
        await previous.client.exec("discard all");
        await emptyAllTables(run);
        return previous.client;
      }
    } catch {
      // A database a file left broken is replaced like a changed one.
    }
    await previous.client.close().catch(() => {});
  }
  worker[PGLITE] = undefined;
  const client = await PGlite.create({ loadDataDir: loadTemplate() });
  worker[PGLITE] = { client, fingerprint: await fingerprint(async (statement) => (await client.query(statement)).rows as never[]) };
  return client;
}

/**
 * The worker's PostgreSQL database (named after the run's template, so global-setup's teardown
 * finds it), as fresh as the template: emptied when the previous file left its schema as it
 * was, else dropped and cloned anew. Returns its name.
 */
export async function reusedTemplatePostgres(serverUrl: string, template: string, create: (name: string) => Promise<void>): Promise<string> {
  const previous = worker[POSTGRES];
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    if (previous) {
      // A connection a file left open (a server it did not stop) must not make the next file wait.
      const client = postgres(withDatabase(serverUrl, previous.name), { max: 1, onnotice: () => {}, connection: { lock_timeout: 5_000 } });
      const run: Run = async (statement) => (await client.unsafe(statement)) as never[];
      try {
        if ((await fingerprint(run)) === previous.fingerprint) {
          await emptyAllTables(run);
          return previous.name;
        }
      } catch {
        // Replaced below like a changed one.
      } finally {
        await client.end();
      }
      await admin.unsafe(`drop database if exists ${previous.name} with (force)`);
      worker[POSTGRES] = undefined;
    }
    const name = `${template}_w${process.pid}`;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await create(name);
    const client = postgres(withDatabase(serverUrl, name), { max: 1, onnotice: () => {} });
    try {
      worker[POSTGRES] = { name, fingerprint: await fingerprint(async (statement) => (await client.unsafe(statement)) as never[]) };
    } finally {
      await client.end();
    }
    return name;
  } finally {
    await admin.end();
  }
}
