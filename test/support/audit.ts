import { and, eq } from "drizzle-orm";
import { db } from "../../db/client.server";
import { auditEvents } from "../../db/schema";

/** The audit events written with this action (for this object, if given). */
export async function auditFor(action: string, objectId?: number | string) {
  const where = objectId === undefined ? eq(auditEvents.action, action) : and(eq(auditEvents.action, action), eq(auditEvents.objectId, String(objectId)));
  return db.select().from(auditEvents).where(where);
}
