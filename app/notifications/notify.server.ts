import { and, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { notifications, users, type Frequency, type NotificationKind, type Role } from "#db/schema";
import { t } from "~/i18n/de";
import { portalUrl, renderMail } from "~/server/mail/compose.server";
import { enqueueMail, type OutgoingMail } from "~/server/mail/outbox.server";
import { mayBeNotified } from "~/policy.server";
import { frequenciesFor } from "./preferences.server";
import { unsubscribeHeaders } from "./unsubscribe.server";
import { membersWhoMaySee } from "./visibility.server";

export type Recipient = { id: number; role: Role; email: string; name: string | null; frequency: Frequency };

export type NotificationEvent = {
  kind: NotificationKind;
  object: { type: string; id: number };
  /** Unique per reader: the same event never makes two lines for one member. */
  eventKey: string;
  title: string;
  body?: string;
  /** Path below PORTAL_URL. */
  path: string;
  recipientIds: number[];
  actorId?: number | null;
  /** An own immediate mail (the meeting invitation with its .ics) instead of the plain one. */
  immediateMail?: (recipient: Recipient, tx: Executor) => Promise<OutgoingMail>;
};

/** Active accounts among the ids (not disabled, not deleted). */
async function activeMembers(tx: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: users.id, role: users.role, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, [...new Set(ids)]), isNull(users.disabledAt), isNull(users.deletedAt), isNotNull(users.email)));
  return rows.map((row) => ({ ...row, email: row.email! }));
}

/**
 * Makes the event's notification lines, in the caller's transaction: only for members whose
 * role may hear of the kind and who may see the object now, never for the actor. Members who
 * chose "sofort" get their mail enqueued in the same transaction; digests pick up the others.
 */
export async function notify(tx: Executor, event: NotificationEvent): Promise<Recipient[]> {
  const candidates = (await activeMembers(tx, event.recipientIds)).filter((m) => m.id !== event.actorId && mayBeNotified(m, event.kind));
  const allowed = await membersWhoMaySee(tx, candidates, event.object.type, event.object.id);
  if (allowed.length === 0) return [];
  const frequencies = await frequenciesFor(tx, allowed, event.kind);
  const inserted = await tx
    .insert(notifications)
    .values(
      allowed.map((member) => ({
        userId: member.id,
        kind: event.kind,
        objectType: event.object.type,
        objectId: event.object.id,
        eventKey: event.eventKey,
        title: event.title,
        body: event.body ?? "",
        path: event.path,
        frequency: frequencies.get(member.id)!,
        mailedAt: frequencies.get(member.id) === "sofort" ? sql`now()` : null,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  const fresh = new Set(inserted.map((row) => row.userId));
  const recipients = allowed.filter((m) => fresh.has(m.id)).map((m) => ({ ...m, frequency: frequencies.get(m.id)! }));
  for (const recipient of recipients) {
    if (recipient.frequency !== "sofort") continue;
    const mail = event.immediateMail ? await event.immediateMail(recipient, tx) : await plainNotificationMail(tx, recipient, event);
    await enqueueMail(tx, mail);
  }
  return recipients;
}

async function plainNotificationMail(tx: Executor, recipient: Recipient, event: NotificationEvent): Promise<OutgoingMail> {
  const unsubscribe = await unsubscribeHeaders(tx, recipient.id, event.kind);
  const { text, html } = renderMail({
    greeting: t.mail.layout.hello(recipient.name),
    blocks: [
      { type: "p", text: event.title },
      ...(event.body ? [{ type: "p" as const, text: event.body }] : []),
      { type: "link", label: t.mail.notification.open, url: portalUrl(event.path) },
    ],
    reason: t.mail.notification.reason,
    unsubscribeUrl: unsubscribe.url,
  });
  return {
    kind: `notification.${event.kind}`,
    to: { userId: recipient.id, address: recipient.email, name: recipient.name },
    subject: t.mail.notification.subject(event.title),
    text,
    html,
    headers: unsubscribe.headers,
    object: event.object,
  };
}

/** Board members by role, for events that go to the whole board or to everyone who may rate. */
export async function memberIdsWithRoles(tx: Executor, roles: Role[]) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, roles), isNull(users.disabledAt), isNull(users.deletedAt)));
  return rows.map((row) => row.id);
}
