import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { auditEvents, passwordResets, sessions, users } from "#db/schema";
import { hashPassword } from "~/accounts/password.server";
import { generateToken, hashToken } from "~/accounts/token.server";
import { t } from "~/i18n/de";
import { auditOf, countAuditEvents, recordAudit } from "~/accounts/audit.server";
import { portalUrl, renderMail } from "~/server/mail/compose.server";
import { enqueueMail } from "~/server/mail/outbox.server";

const audit = auditOf("user");

/** 60 minutes, single use; throttled per address and per client, counted in the audit log (shared by all processes). */
export const RESET_VALID_MINUTES = 60;
export const MAX_PER_ADDRESS_PER_HOUR = 3;
export const MAX_PER_CLIENT_PER_HOUR = 10;

async function recentRequests(field: "email" | "client", value: string) {
  return countAuditEvents(
    "auth.password_reset_requested",
    sql`${auditEvents.at} > now() - interval '1 hour'`,
    sql`${auditEvents.details}->>${field} = ${value}`,
  );
}

/**
 * The same answer for known and unknown addresses ("sent"); only a client that asks too often
 * is told so (that says nothing about any address). A disabled or deleted account gets no mail.
 */
export async function requestPasswordReset({ email, client }: { email: string; client: string }): Promise<{ ok: true } | { ok: false; reason: "throttled" }> {
  const address = email.trim().toLowerCase().slice(0, 320);
  if ((await recentRequests("client", client)) >= MAX_PER_CLIENT_PER_HOUR) return { ok: false, reason: "throttled" };
  const addressThrottled = (await recentRequests("email", address)) >= MAX_PER_ADDRESS_PER_HOUR;
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${address}`, isNull(users.deletedAt)));
  const eligible = Boolean(user?.email && !user.disabledAt && !addressThrottled);
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: null,
      action: "auth.password_reset_requested",
      objectType: user ? "user" : undefined,
      objectId: user?.id,
      details: { email: address, client, outcome: !user ? "unknown" : user.disabledAt ? "disabled" : addressThrottled ? "throttled" : "mailed" },
    });
    if (!eligible || !user?.email) return;
    const token = generateToken();
    await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: sql`now() + make_interval(mins => ${RESET_VALID_MINUTES})` });
    const link = portalUrl(`/passwort-neu/${token}`);
    const m = t.mail.passwordReset;
    const { text, html } = renderMail({
      greeting: t.mail.layout.hello(user.name),
      blocks: [
        { type: "p", text: m.body },
        { type: "link", label: m.link, url: link },
        { type: "p", text: m.validity },
      ],
      reason: m.reason,
    });
    await enqueueMail(tx, {
      kind: "password_reset",
      to: { userId: user.id, address: user.email, name: user.name },
      subject: m.subject,
      text,
      html,
      secrets: [token],
    });
  });
  return { ok: true };
}

const validReset = (token: string) =>
  and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`));

/** For the form page (GET): whether the link still works. Never writes. */
export async function findPasswordReset({ token }: { token: string }) {
  if (!/^[a-z2-7]{20,80}$/.test(token)) return null;
  const [row] = await db
    .select({ email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(validReset(token), isNull(users.disabledAt), isNull(users.deletedAt)));
  return row ?? null;
}

/** Uses the link once: the new password is set and every session of the account ends. */
export async function completePasswordReset({ token, password }: { token: string; password: string }) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(validReset(token))
      .returning({ userId: passwordResets.userId });
    if (!claimed) return false;
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, claimed.userId), isNull(users.disabledAt), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (!user) return false;
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    // Other links of the same account stop working too.
    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await recordAudit(tx, audit("account.password_reset", user.id, user.id, { endedSessions: ended.length }));
    return true;
  });
}
