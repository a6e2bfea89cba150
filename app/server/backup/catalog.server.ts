// What a backup contains, read from the database catalog at run time (decision record 052): every
// table in schema public (so tables added by later migrations are included without a list),
// their columns without generated ones, an order in which foreign keys point backwards, and the
// sequences (identity columns included).
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "#db/client.server";

/** `binary`: the table has a bytea column (document chunks), so the dump fetches few rows at a time. */
export type CatalogTable = { name: string; columns: string[]; primaryKey: string[]; binary: boolean };
export type Catalog = { tables: CatalogTable[]; sequences: string[] };

export function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function readCatalog(executor: Executor): Promise<Catalog> {
  const tables = await queryRows<{ oid: number; name: string }>(
    executor,
    sql`select c.oid::int as oid, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const columns = await queryRows<{ oid: number; name: string; binary: boolean }>(
    executor,
    sql`select a.attrelid::int as oid, a.attname as name, a.atttypid = 'bytea'::regtype as binary from pg_attribute a
        join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attrelid, a.attnum`,
  );
  const keys = await queryRows<{ oid: number; name: string }>(
    executor,
    sql`select i.indrelid::int as oid, a.attname as name from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and i.indisprimary order by i.indrelid, array_position(i.indkey::int2[], a.attnum)`,
  );
  const references = await queryRows<{ child: number; parent: number }>(
    executor,
    sql`select f.conrelid::int as child, f.confrelid::int as parent from pg_constraint f
        join pg_namespace n on n.oid = f.connamespace where f.contype = 'f' and n.nspname = 'public'`,
  );
  const sequences = await queryRows<{ name: string }>(
    executor,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  const byOid = new Map(tables.map((t) => [t.oid, { name: t.name, columns: [] as string[], primaryKey: [] as string[], binary: false }]));
  for (const column of columns) {
    const table = byOid.get(column.oid);
    table?.columns.push(column.name);
    if (table && column.binary) table.binary = true;
  }
  for (const key of keys) byOid.get(key.oid)?.primaryKey.push(key.name);
  return {
    tables: foreignKeyOrder(
      tables.map((t) => t.oid),
      references,
    ).map((oid) => byOid.get(oid)!),
    sequences: sequences.map((s) => s.name),
  };
}

/** Parents before children (Kahn); self-references are ignored, a cycle keeps name order. */
function foreignKeyOrder(oids: number[], references: { child: number; parent: number }[]) {
  const parents = new Map(oids.map((oid) => [oid, new Set<number>()]));
  for (const { child, parent } of references) if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  const ordered: number[] = [];
  const done = new Set<number>();
  while (ordered.length < oids.length) {
    const next = oids.find((oid) => !done.has(oid) && [...parents.get(oid)!].every((p) => done.has(p))) ?? oids.find((oid) => !done.has(oid))!;
    ordered.push(next);
    done.add(next);
  }
  return ordered;
}
