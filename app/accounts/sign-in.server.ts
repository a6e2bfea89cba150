import { eq, lte, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { sessions, users, type Role } from "#db/schema";
import { accountDelayMs, clientBlockedSeconds, recordFailure, recordSuccess, sleep } from "~/accounts/throttle.server";
import { isTwoFactorEnabled, startEnrolment, twoFactorRequired } from "~/accounts/two-factor.server";
import { recordAudit } from "~/accounts/audit.server";
import { findUserByEmail } from "~/accounts/users.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { createSession, sessionCookie } from "./session.server";
import { createChallenge } from "./sign-in-challenge.server";

export type SignInResult =
  | { ok: true; token: string; absoluteExpiresAt: Date }
  | { ok: "second-factor"; userId: number; purpose: "verify" | "enrol" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Password sign-in (docs/decisions/074, 075): a blocked client is refused before anything else;
 * an account with recent failures is answered only after a growing delay; a member with a
 * second factor (or one their role requires) continues with it instead of getting a session.
 */
export async function signIn(input: { email: string; password: string; userAgent: string | null; clientAddress: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const blocked = await clientBlockedSeconds(input.clientAddress);
  if (blocked > 0) return { ok: false, reason: "throttled", retryAfterSeconds: blocked };
  const delay = await accountDelayMs(email);
  if (delay > 0) await sleep(delay);
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
    await recordFailure({ address: input.clientAddress, email });
    return { ok: false, reason: "invalid" };
  }
  await recordSuccess(email);
  if (await isTwoFactorEnabled(user.id)) return { ok: "second-factor", userId: user.id, purpose: "verify" };
  if (twoFactorRequired(user)) {
    await startEnrolment(db, user.id);
    return { ok: "second-factor", userId: user.id, purpose: "enrol" };
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

/**
 * The first sign-in right after accepting an invitation: a role that must use a second factor
 * sets it up before any session exists (as at a password sign-in), everyone else is signed in.
 */
export async function signInAfterInvitation(input: { userId: number; role: Role; email: string; userAgent: string | null }) {
  if (twoFactorRequired(input)) {
    await startEnrolment(db, input.userId);
    return { location: "/login/einrichten", cookie: await createChallenge({ userId: input.userId, purpose: "enrol", redirectTo: "/" }) };
  }
  const session = await startSession(input.userId, input.userAgent);
  return { location: "/", cookie: sessionCookie(session.token, session.absoluteExpiresAt) };
}
