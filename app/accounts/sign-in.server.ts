import { eq, lte, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { sessions, users } from "#db/schema";
import { countRecentFailedSignIns, recordAudit } from "~/accounts/audit.server";
import { findUserByEmail } from "~/accounts/users.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { createSession } from "./session.server";

const MAX_FAILURES = 5;
const FAILURE_WINDOW_MINUTES = 15;

export type SignInResult =
  | { ok: true; token: string; absoluteExpiresAt: Date }
  | { ok: false; reason: "invalid" | "locked" };

export async function signIn(input: { email: string; password: string; userAgent: string | null }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  if ((await countRecentFailedSignIns(email, FAILURE_WINDOW_MINUTES)) >= MAX_FAILURES) {
    await recordAudit(db, { actorId: null, action: "auth.sign_in_failed", details: { email, reason: "locked" } });
    return { ok: false, reason: "locked" };
  }
  const user = await findUserByEmail(email);
  const valid =
    user && user.passwordHash && !user.disabledAt && !user.deletedAt
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await recordAudit(db, {
      actorId: user?.id ?? null,
      action: "auth.sign_in_failed",
      objectType: user ? "user" : undefined,
      objectId: user?.id,
      details: { email },
    });
    return { ok: false, reason: "invalid" };
  }
  return startSession(user.id, input.userAgent);
}

/** A new token on every sign-in; the previous sign-in becomes the "last visit". */
export async function startSession(userId: number, userAgent: string | null) {
  const session = await createSession(userId, userAgent);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ previousVisitAt: sql`coalesce(${users.lastSignInAt}, now())`, lastSignInAt: sql`now()` })
      .where(eq(users.id, userId));
    await recordAudit(tx, { actorId: userId, action: "auth.sign_in", objectType: "user", objectId: userId });
    // Expired sessions of anyone are removed here, so no job is needed to honour the stated retention.
    await tx.delete(sessions).where(lte(sessions.expiresAt, sql`now()`));
  });
  return { ok: true as const, token: session.token, absoluteExpiresAt: session.absoluteExpiresAt };
}
