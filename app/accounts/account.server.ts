import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { auditEvents, invitations, sessions, users } from "#db/schema";
import { hashPassword, verifyPassword } from "~/accounts/password.server";
import { t } from "~/i18n/de";
import { refuse, type Refusal } from "~/lib/refusal";
import { deleteNotificationDataOf } from "~/notifications/account-data.server";
import { auditOf, countAuditEvents, recordAudit } from "./audit.server";
import { assertKeepsAnAdmin, lockActiveAdmins } from "./user-admin.server";

const audit = auditOf("user");

export class WrongPasswordError extends Error {
  constructor(readonly locked = false) {
    super(locked ? "too many attempts" : "wrong password");
  }
}

const MAX_PASSWORD_FAILURES = 5;
const FAILURE_WINDOW_MINUTES = 15;

async function recentPasswordFailures(userId: number) {
  return countAuditEvents(
    "account.password_check_failed",
    eq(auditEvents.actorId, userId),
    sql`${auditEvents.at} > now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`,
  );
}

export async function getOwnProfile({ userId }: { userId: number }) {
  const [row] = await db
    .select({ email: users.email, name: users.name, organisation: users.organisation, role: users.role, expertise: users.expertise })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  return row ?? null;
}

export async function updateProfile(input: { userId: number; name: string; organisation: string | null; expertise: string[] }) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ name: input.name, organisation: input.organisation, expertise: input.expertise })
      .where(and(eq(users.id, input.userId), isNull(users.deletedAt)));
    await recordAudit(tx, audit("account.profile_updated", input.userId, input.userId));
  });
}

/** A signed-in session must not become a way to guess the password: failures are counted. */
/** The member's own password again, before a change that needs it (role, second factor, deletion). */
export async function checkCurrentPassword(userId: number, password: string) {
  if ((await recentPasswordFailures(userId)) >= MAX_PASSWORD_FAILURES) throw new WrongPasswordError(true);
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (row?.passwordHash && (await verifyPassword(row.passwordHash, password))) return;
  await recordAudit(db, { actorId: userId, action: "account.password_check_failed", objectType: "user", objectId: userId });
  throw new WrongPasswordError();
}

/** The password asked again before a change (a role, a second factor): null when right, else the refusal, 429 once locked. */
export async function recheckPassword(userId: number, password: string): Promise<Refusal | null> {
  try {
    await checkCurrentPassword(userId, password);
    return null;
  } catch (error) {
    if (!(error instanceof WrongPasswordError)) throw error;
    return error.locked ? refuse(429, t.accounts.errors.tooManyPasswordFailures) : refuse(422, t.accounts.twoFactor.passwordWrong);
  }
}

/** Sets a new password and ends every session of the account except the current one. */
export async function changePassword(input: { userId: number; currentSessionId: string; currentPassword: string; newPassword: string }) {
  await checkCurrentPassword(input.userId, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, input.userId), ne(sessions.id, input.currentSessionId)))
      .returning({ id: sessions.id });
    await recordAudit(tx, audit("account.password_changed", input.userId, input.userId, { endedSessions: ended.length }));
  });
}

/** Signing out: the session row goes, the audit log keeps the fact. */
export async function signOut({ userId, sessionId }: { userId: number; sessionId: string }) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
    await recordAudit(tx, audit("auth.sign_out", userId, userId));
  });
}

/** Ends one of the user's own sessions; false when it is not theirs or already gone. */
export async function endOwnSession({ userId, sessionId }: { userId: number; sessionId: string }) {
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .returning({ id: sessions.id });
    if (ended.length === 0) return false;
    await recordAudit(tx, audit("account.session_ended", userId, userId));
    return true;
  });
}

/**
 * Anonymises the account: personal fields cleared, sessions and the open invitations it sent
 * removed. The row stays so authored content keeps its author ("ehemaliges Mitglied").
 */
export async function deleteOwnAccount({ userId, password }: { userId: number; password: string }) {
  await checkCurrentPassword(userId, password);
  await db.transaction(async (tx) => {
    assertKeepsAnAdmin(await lockActiveAdmins(tx), userId);
    await tx
      .update(users)
      .set({
        email: null,
        name: null,
        organisation: null,
        expertise: [],
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        totpPendingSecret: null,
        totpLastStep: null,
        deletedAt: sql`now()`,
      })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await deleteNotificationDataOf(tx, userId);
    await tx.delete(invitations).where(and(eq(invitations.invitedById, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    await recordAudit(tx, audit("account.deleted", userId, userId));
  });
}
