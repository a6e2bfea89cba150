import { and, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { users } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";

/**
 * A board member's consent to appear as an OParl Person (name and board membership only).
 * Off by default; withdrawing it turns the Person into a tombstone (db/sql/oparl-export.sql).
 */
export async function getOparlConsent({ userId }: { userId: number }) {
  const [row] = await db.select({ role: users.role, consentAt: users.oparlConsentAt }).from(users).where(eq(users.id, userId));
  return row ? { applies: row.role === "expert", consentAt: row.consentAt } : null;
}

export async function setOparlConsent({ userId, consent }: { userId: number; consent: boolean }): Promise<"saved" | "not-member"> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ oparlConsentAt: consent ? new Date() : null })
      .where(and(eq(users.id, userId), eq(users.role, "expert"), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (!row) return "not-member";
    await recordAudit(tx, {
      actorId: userId,
      action: consent ? "account.oparl_consent_given" : "account.oparl_consent_withdrawn",
      objectType: "user",
      objectId: userId,
    });
    return "saved";
  });
}

/** Part of the member's data export (DSGVO Art. 15). */
export async function exportOparlConsent(executor: Executor, userId: number) {
  const [row] = await executor.select({ consentAt: users.oparlConsentAt }).from(users).where(eq(users.id, userId));
  return { personInOparlExport: Boolean(row?.consentAt), consentGivenAt: row?.consentAt ?? null };
}
