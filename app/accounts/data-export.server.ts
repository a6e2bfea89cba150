import { and, asc, eq, or } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { auditEvents, invitations, sessions, users } from "#db/schema";
import { exportOparlConsent } from "~/oparl/consent.server";
import { exportNotifications } from "~/notifications/centre.server";
import { exportFollows } from "~/notifications/follows.server";
import { exportPreferences } from "~/notifications/preferences.server";
import { exportMailsOfUser } from "~/server/mail/outbox.server";
import { exportUploadsOf } from "~/documents/documents.server";
import { accountColumns } from "~/accounts/users.server";

/**
 * One part of "download all my data" (DSGVO Art. 15/20). A part returns only rows that belong
 * to the user or that they wrote, never other people's personal data.
 */
export type ExportPart = (executor: Executor, userId: number) => Promise<unknown>;

/**
 * The registry: each domain adds one line here with its own exporter
 * (e.g. `comments: exportOwnComments` from its model), keyed by the name shown in the file.
 */
const EXPORT_PARTS: Record<string, ExportPart> = {
  profile: exportProfile,
  sessions: exportSessions,
  invitationsSent: exportInvitationsSent,
  auditEvents: exportAuditEvents,
  oparlConsent: exportOparlConsent,
  notificationPreferences: exportPreferences,
  follows: exportFollows,
  notifications: exportNotifications,
  mails: exportMailsOfUser,
  documentUploads: exportUploadsOf,
};

export async function exportUserData({ userId }: { userId: number }) {
  const parts = await db.transaction(async (tx) => {
    const entries: Array<[string, unknown]> = [];
    for (const [name, part] of Object.entries(EXPORT_PARTS)) entries.push([name, await part(tx, userId)]);
    return Object.fromEntries(entries);
  });
  return { exportedAt: new Date().toISOString(), format: "digitalbeirat-export/1", ...parts };
}

async function exportProfile(executor: Executor, userId: number) {
  const [row] = await executor
    .select({
      ...accountColumns(),
      expertise: users.expertise,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

function exportSessions(executor: Executor, userId: number) {
  return executor
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.createdAt));
}

/** Addresses they invited: data they entered themselves. */
function exportInvitationsSent(executor: Executor, userId: number) {
  return executor
    .select({
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(eq(invitations.invitedById, userId))
    .orderBy(asc(invitations.createdAt));
}

/** Events they caused or that concern their account; who else acted is not disclosed. */
async function exportAuditEvents(executor: Executor, userId: number) {
  const rows = await executor
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(or(eq(auditEvents.actorId, userId), and(eq(auditEvents.objectType, "user"), eq(auditEvents.objectId, String(userId)))))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows.map(({ actorId, ...event }) => ({ ...event, byYou: actorId === userId }));
}
