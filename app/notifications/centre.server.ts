import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { notifications, type Role } from "#db/schema";
import { visibleObjectIds } from "./visibility.server";

export const CENTRE_PAGE_SIZE = 50;

/** Lines whose object the reader can no longer see (or that is gone) are left out. */
export async function onlyVisible<T extends { objectType: string; objectId: number }>(executor: Executor, reader: { id: number; role: Role }, rows: T[]) {
  const byType = new Map<string, number[]>();
  for (const row of rows) byType.set(row.objectType, [...(byType.get(row.objectType) ?? []), row.objectId]);
  const visible = new Map<string, Set<number>>();
  for (const [type, ids] of byType) visible.set(type, await visibleObjectIds(executor, reader, type, ids));
  return rows.filter((row) => visible.get(row.objectType)?.has(row.objectId));
}

export async function listNotifications({ member, page }: { member: { id: number; role: Role }; page: number }) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      path: notifications.path,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      objectType: notifications.objectType,
      objectId: notifications.objectId,
    })
    .from(notifications)
    .where(eq(notifications.userId, member.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(CENTRE_PAGE_SIZE + 1)
    .offset((page - 1) * CENTRE_PAGE_SIZE);
  const visible = await onlyVisible(db, member, rows.slice(0, CENTRE_PAGE_SIZE));
  return { notifications: visible, hasMore: rows.length > CENTRE_PAGE_SIZE };
}

export async function markRead({ userId, id }: { userId: number; id?: number }) {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id === undefined ? undefined : eq(notifications.id, id)));
}

export function exportNotifications(executor: Executor, userId: number) {
  return executor
    .select({
      kind: notifications.kind,
      title: notifications.title,
      path: notifications.path,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      mailedAt: notifications.mailedAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.createdAt);
}
