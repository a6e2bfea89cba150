import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "#db/client.server";

/** The position after the last one in an ordered list (1 for an empty list), e.g. an agenda's items. */
export async function nextPosition(executor: Executor, table: PgTable, position: PgColumn, list: SQL | undefined) {
  const [{ next }] = await executor
    .select({ next: sql<number>`coalesce(max(${position}), 0) + 1`.mapWith(Number) })
    .from(table)
    .where(list);
  return next;
}
