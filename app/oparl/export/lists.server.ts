import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import type { OparlTombstoneType } from "#db/schema";
import type { ListQuery } from "./query.server";
import type { ListName } from "./urls.server";
import { FILE_INDEX } from "./files.server";

/**
 * Each external list as one SQL index of (key, created, modified): the key is the last segment
 * of the object's URL. With modified_since the list's tombstones join in (spec 2.5/2.8).
 * A page is one statement here plus a fixed number in the loaders, whatever the page size.
 */
const LIVE: Record<Exclude<ListName, "legislativeTerm">, SQL> = {
  organization: sql`select id::text as key, created_at as created, updated_at as modified from organizations`,
  person: sql`select id::text as key, created_at as created, oparl_modified_at as modified from users
    where role = 'expert' and oparl_consent_at is not null and deleted_at is null and disabled_at is null`,
  membership: sql`select id::text as key, created_at as created, oparl_modified_at as modified from users
    where role = 'expert' and oparl_consent_at is not null and deleted_at is null and disabled_at is null`,
  meeting: sql`select id::text as key, created_at as created, updated_at as modified from meetings
    union all select 'rat-' || id, created_at, updated_at from council_meetings where deleted_at is null`,
  agendaItem: sql`select id::text as key, created_at as created, updated_at as modified from agenda_items where is_public`,
  paper: sql`select id::text as key, created_at as created, updated_at as modified from papers
      where is_public and oparl_source_deleted_at is null
    union all select 'em-' || id, coalesce(published_at, created_at), greatest(updated_at, published_at) from recommendations
      where status = 'published' and is_public`,
  consultation: sql`select c.id::text as key, c.created_at as created, c.updated_at as modified
    from consultations c join papers p on p.id = c.paper_id
    where c.is_public and p.is_public and p.oparl_source_deleted_at is null`,
  file: FILE_INDEX,
  location: sql`select id::text as key, created_at as created, updated_at as modified from meetings
    where length(btrim(coalesce(location_room, '') || coalesce(location_address, ''))) > 0`,
};

export const TOMBSTONE_TYPE: Partial<Record<ListName, OparlTombstoneType>> = {
  organization: "organization",
  person: "person",
  membership: "membership",
  meeting: "meeting",
  agendaItem: "agendaItem",
  paper: "paper",
  consultation: "consultation",
  location: "location",
  file: "file",
};

// "12" → 000000000012, "em-3" → em-000000000003: numbers in order, each kind in its own block.
const sortKey = (column: SQL) =>
  sql`case when ${column} ~ '^[0-9]+$' then lpad(${column}, 12, '0') else regexp_replace(${column}, '[0-9]+$', '') || lpad(substring(${column} from '[0-9]+$'), 12, '0') end`;

export type IndexRow = { key: string; created: Date; modified: Date; deleted: boolean; total: number };

function filterSql(query: ListQuery) {
  const conditions: SQL[] = [sql`true`];
  const { created_since, created_until, modified_since, modified_until } = query.filters;
  if (created_since) conditions.push(sql`created >= ${created_since.toISOString()}::timestamptz`);
  if (created_until) conditions.push(sql`created <= ${created_until.toISOString()}::timestamptz`);
  if (modified_since) conditions.push(sql`modified >= ${modified_since.toISOString()}::timestamptz`);
  if (modified_until) conditions.push(sql`modified <= ${modified_until.toISOString()}::timestamptz`);
  return sql.join(conditions, sql` and `);
}

function indexSql(name: Exclude<ListName, "legislativeTerm">, query: ListQuery) {
  const type = TOMBSTONE_TYPE[name];
  const tombs =
    query.filters.modified_since && type
      ? sql` union all select object_key, object_created_at, deleted_at, true from oparl_tombstones where object_type = ${type}`
      : sql``;
  return sql`select key, date_trunc('second', created) as created, date_trunc('second', modified) as modified, deleted
    from (select key, created, modified, false as deleted from (${LIVE[name]}) live${tombs}) idx`;
}

export async function listIndex(name: Exclude<ListName, "legislativeTerm">, query: ListQuery) {
  const offset = (query.page - 1) * query.limit;
  const rows = await queryRows<IndexRow>(
    db,
    sql`select key, created, modified, deleted, count(*) over ()::int as total
      from (${indexSql(name, query)}) x where ${filterSql(query)}
      order by ${sortKey(sql`key`)} limit ${query.limit} offset ${offset}`,
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    const [row] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from (${indexSql(name, query)}) x where ${filterSql(query)}`);
    total = row.total;
  }
  return { rows: rows.map((row) => ({ ...row, created: new Date(row.created), modified: new Date(row.modified) })), total };
}

export async function findTombstone(type: OparlTombstoneType, key: string) {
  const [row] = await queryRows<{ created: Date; deleted: Date }>(
    db,
    sql`select object_created_at as created, deleted_at as deleted from oparl_tombstones where object_type = ${type} and object_key = ${key}`,
  );
  return row ? { created: new Date(row.created), deleted: new Date(row.deleted) } : null;
}
