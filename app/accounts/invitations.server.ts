import { and, count, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { invitations, users, type Role } from "#db/schema";
import { hashPassword } from "~/accounts/password.server";
import { generateToken, hashToken } from "~/accounts/token.server";
import { env } from "~/env.server";
import { enqueueInvitationMail } from "~/accounts/invitation-mail.server";
import { auditOf, recordAudit } from "./audit.server";
import { findUserByEmail } from "./users.server";

const audit = auditOf("invitation");

export const INVITATIONS_PAGE_SIZE = 25;

export type InvitationState = "open" | "used" | "revoked" | "expired";

export class InvitationConflict extends Error {
  constructor(readonly reason: "emailTaken" | "invitationOpen" | "gone") {
    super(reason);
  }
}

const openCondition = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

function invitationLink(token: string) {
  return new URL(`/einladung/${token}`, env().PORTAL_URL).toString();
}

/** Not yet accepted or revoked (expired ones too, so they can be cleared), newest first. */
export async function listOpenInvitations({ page }: { page: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        inviterName: users.name,
        inviterDeletedAt: users.deletedAt,
      })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedById))
      .where(openCondition)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(INVITATIONS_PAGE_SIZE)
      .offset((page - 1) * INVITATIONS_PAGE_SIZE),
    db.select({ total: count() }).from(invitations).where(openCondition),
  ]);
  return { invitations: rows, total };
}

/**
 * A new one-time link for `email`. Returns the token once; only its hash is stored.
 * An expired open invitation for the same address is revoked first, so it can be renewed.
 */
/** The invitation and its audit entry; null when the address already has an open one. */
export async function insertInvitation(tx: Executor, values: { email: string; role: Role; tokenHash: string; invitedById: number; expiresAt: Date }) {
  const [row] = await tx.insert(invitations).values(values).onConflictDoNothing().returning({ id: invitations.id });
  if (!row) return null;
  await recordAudit(tx, audit("invitation.created", row.id, values.invitedById, { email: values.email, role: values.role }));
  return row;
}

export async function createInvitation({ email, role, invitedById }: { email: string; role: Role; invitedById: number }) {
  const normalised = email.trim().toLowerCase();
  if (await findUserByEmail(normalised)) throw new InvitationConflict("emailTaken");
  const token = generateToken();
  const expiresAt = new Date(Date.now() + env().INVITATION_VALID_DAYS * 86_400_000);
  const created = await db.transaction(async (tx) => {
    const expired = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(openCondition, sql`lower(${invitations.email}) = ${normalised}`, lte(invitations.expiresAt, sql`now()`)))
      .returning({ id: invitations.id });
    for (const row of expired) {
      await recordAudit(tx, audit("invitation.revoked", row.id, invitedById, { email: normalised, reason: "expired" }));
    }
    const row = await insertInvitation(tx, { email: normalised, role, tokenHash: hashToken(token), invitedById, expiresAt });
    if (!row) throw new InvitationConflict("invitationOpen");
    await enqueueInvitationMail(tx, { email: normalised, role, token, link: invitationLink(token), expiresAt, invitedById });
    return row;
  });
  return { id: created.id, token, link: invitationLink(token), expiresAt };
}

/**
 * "Erneut senden": a new one-time link (the old one stops working) with a fresh validity,
 * mailed again in the same transaction. False when the invitation is no longer open.
 */
export async function resendInvitation({ id, actorId, allowedRoles }: { id: number; actorId: number; allowedRoles: Role[] }) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + env().INVITATION_VALID_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), expiresAt })
      .where(and(eq(invitations.id, id), openCondition, inArray(invitations.role, allowedRoles)))
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role });
    if (!row) return false;
    await recordAudit(tx, audit("invitation.resent", id, actorId, { email: row.email }));
    await enqueueInvitationMail(tx, { email: row.email, role: row.role, token, link: invitationLink(token), expiresAt, invitedById: actorId });
    return true;
  });
}

/** Revokes an open invitation whose role the actor may hand out. False when there is none. */
export async function revokeInvitation({ id, actorId, allowedRoles }: { id: number; actorId: number; allowedRoles: Role[] }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.id, id), openCondition, inArray(invitations.role, allowedRoles)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) return false;
    await recordAudit(tx, audit("invitation.revoked", id, actorId, { email: row.email }));
    return true;
  });
}

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationState {
  if (row.acceptedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= Date.now()) return "expired";
  return "open";
}

export async function findInvitationByToken({ token }: { token: string }) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  return row ? { id: row.id, email: row.email, role: row.role, expiresAt: row.expiresAt, state: stateOf(row) } : null;
}

/**
 * Creates the account for an open invitation. The conditional update claims the invitation,
 * so of two parallel requests only one gets a row back; the unique email index backs it up.
 */
export async function acceptInvitation(input: { token: string; name: string; organisation: string | null; expertise: string[]; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(invitations.tokenHash, hashToken(input.token)), openCondition, sql`${invitations.expiresAt} > now()`))
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role });
    if (!claimed) throw new InvitationConflict("gone");
    if (await emailTaken(tx, claimed.email)) throw new InvitationConflict("emailTaken");
    const [user] = await tx
      .insert(users)
      .values({ email: claimed.email, name: input.name, organisation: input.organisation, expertise: input.expertise, role: claimed.role, passwordHash })
      .returning({ id: users.id });
    await tx.update(invitations).set({ acceptedUserId: user.id }).where(eq(invitations.id, claimed.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: "invitation.accepted",
      objectType: "user",
      objectId: user.id,
      details: { invitationId: claimed.id, role: claimed.role },
    });
    return { userId: user.id };
  });
}

async function emailTaken(tx: Executor, email: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return Boolean(row);
}
