import { PGlite } from "@electric-sql/pglite";

// Test files share their worker process (vitest `isolate: false`), so the worker keeps one
// in-memory PGlite loaded from the migrated template and empties it between files instead of
// loading the template again (about 2.5 CPU seconds a file). "Empty" must mean "as fresh as the
// template": every table of the app's schemas truncated, every sequence restarted, the session
// reset (settings, advisory locks, prepared statements, temporary tables). A file that changed
// the schema itself (a trigger dropped, a table added) or closed the database leaves a
// fingerprint that differs, and the next file gets a freshly loaded copy instead.

type Reused = { client: PGlite; fingerprint: string };

const KEY = Symbol.for("digitalbeirat.test.reusedPglite");
const store = globalThis as unknown as { [KEY]?: Reused };

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
    select 'mig ' || count(*) from drizzle.__drizzle_migrations
  ) items`;

async function fingerprint(client: PGlite) {
  const result = await client.query<{ fingerprint: string }>(FINGERPRINT);
  return result.rows[0].fingerprint;
}

/** Truncates every table outside the migration bookkeeping and restarts every sequence. */
async function emptyAllTables(client: PGlite) {
  await client.exec("discard all");
  const tables = await client.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') order by 1`,
  );
  if (tables.rows.length > 0) await client.exec(`truncate ${tables.rows.map((t) => t.name).join(", ")} restart identity cascade`);
  const sequences = await client.query<{ name: string }>(
    `select format('%I.%I', schemaname, sequencename) as name from pg_sequences
      where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') and last_value is not null`,
  );
  for (const sequence of sequences.rows) await client.exec(`alter sequence ${sequence.name} restart`);
}

/**
 * The worker's PGlite, as fresh as the template: reused and emptied when the previous file left
 * its schema as it was, else a new copy of the template (and the old one closed).
 */
export async function reusedTemplatePglite(loadTemplate: () => Blob): Promise<PGlite> {
  const previous = store[KEY];
  if (previous && !previous.client.closed) {
    try {
      if ((await fingerprint(previous.client)) === previous.fingerprint) {
        await emptyAllTables(previous.client);
        return previous.client;
      }
    } catch {
      // A database a file left broken is replaced like a changed one.
    }
    await previous.client.close().catch(() => {});
  }
  store[KEY] = undefined;
  const client = await PGlite.create({ loadDataDir: loadTemplate() });
  store[KEY] = { client, fingerprint: await fingerprint(client) };
  return client;
}
