import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { auditEvents, users } from "#db/schema";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  objectType?: string;
  objectId?: string | number;
  details?: Record<string, unknown>;
};

/** Pass the transaction that makes the change, so the record and the change land together. */
export async function recordAudit(executor: Executor, entry: AuditEntry) {
  await executor.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId === undefined ? null : String(entry.objectId),
    details: entry.details ?? {},
  });
}

/** Entries about one kind of object: `const audit = auditOf("recommendation")`, then `recordAudit(tx, audit(action, id, actorId))`. */
export function auditOf(objectType: string) {
  return (action: string, objectId: string | number, actorId: number | null, details?: Record<string, unknown>): AuditEntry => ({
    actorId,
    action,
    objectType,
    objectId,
    details,
  });
}

/** How many entries of one action match the conditions: the throttles count attempts here, shared by all processes. */
export async function countAuditEvents(action: string, ...conditions: SQL[]) {
  const [row] = await db
    .select({ count: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), ...conditions));
  return row?.count ?? 0;
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, by page number. */
export async function listAuditEvents({ page }: { page: number }) {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      details: auditEvents.details,
      actorName: users.name,
      actorEmail: users.email,
      actorDeleted: users.deletedAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { events: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

export async function countRecentFailedSignIns(email: string, sinceMinutes: number) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "auth.sign_in_failed"),
        sql`${auditEvents.at} > now() - make_interval(mins => ${sinceMinutes})`,
        sql`${auditEvents.details}->>'email' = ${email.toLowerCase()}`,
      ),
    );
  return row?.count ?? 0;
}
