import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { notifications } from "#db/schema";

/** The header's badge, as a subquery of the session lookup: one indexed count (partial index on unread lines). */
export function unreadNotificationsOf(userId: AnyPgColumn) {
  return sql<number>`(select count(*)::int from ${notifications} where ${notifications.userId} = ${userId} and ${notifications.readAt} is null)`;
}
