import { getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export const PAPER_STATUSES = ["offen", "beschlossen", "erledigt"] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

/**
 * Status derived from the Gremienweg, never stored: "beschlossen" once a deciding body adopted
 * it (einstimmig, mehrheitlich, geändert); "erledigt" once a deciding or informed body closed it
 * otherwise (Kenntnis, abgelehnt, verworfen); else "offen" (no result yet, vertagt, abgesetzt, ohne BE).
 */
export function paperStatusSql(papersId: PgColumn): SQL<PaperStatus> {
  const paperId = qualified(papersId);
  return sql<PaperStatus>`case
    when exists (select 1 from consultations c where c.paper_id = ${paperId} and c.role = 'entscheidung'
      and c.result in ('einstimmig', 'mehrheitlich', 'geaendert')) then 'beschlossen'
    when exists (select 1 from consultations c where c.paper_id = ${paperId} and c.role in ('entscheidung', 'kenntnisnahme')
      and c.result in ('kenntnis', 'abgelehnt', 'verworfen')) then 'erledigt'
    else 'offen' end`;
}

export { paperPath, paperSlug } from "~/papers/paper-path";

/** "AT-0014-2025" (the form used in URLs) → "AT/0014/2025", or null. */
export function referenceFromSlug(slug: string): string | null {
  return /^[A-Z]{2}-[0-9]{4}-[0-9]{4}$/.test(slug) ? slug.replaceAll("-", "/") : null;
}

/**
 * A column written as "table"."column": drizzle leaves columns unqualified in single-table
 * selects, and inside a correlated subquery an unqualified "id" would bind to the inner table.
 */
export function qualified(column: PgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
