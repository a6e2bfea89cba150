import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { notifications, users, type Frequency } from "#db/schema";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { portalUrl, renderMail } from "~/server/mail/compose.server";
import { enqueueMail } from "~/server/mail/outbox.server";
import { onlyVisible } from "./centre.server";
import { frequenciesFor } from "./preferences.server";
import { unsubscribeHeaders } from "./unsubscribe.server";

const MAX_LINES = 100;

/**
 * One digest per member and period: each member's pending lines are marked and their mail
 * enqueued in one short transaction, so a retry of the job continues with the members left.
 * Lines the member can no longer see, or whose kind they have since set otherwise, are dropped.
 */
export async function sendDigests({ frequency, until }: { frequency: Extract<Frequency, "taeglich" | "woechentlich">; until: Date }) {
  const pending = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.frequency, frequency), isNull(notifications.mailedAt), lte(notifications.createdAt, until)));
  for (const { userId } of pending) await sendDigestTo({ userId, frequency, until });
  return pending.length;
}

async function sendDigestTo({ userId, frequency, until }: { userId: number; frequency: "taeglich" | "woechentlich"; until: Date }) {
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: users.id, role: users.role, email: users.email, name: users.name, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId));
    const lines = await tx
      .update(notifications)
      .set({ mailedAt: sql`now()` })
      .where(and(eq(notifications.userId, userId), eq(notifications.frequency, frequency), isNull(notifications.mailedAt), lte(notifications.createdAt, until)))
      .returning({
        kind: notifications.kind,
        title: notifications.title,
        path: notifications.path,
        objectType: notifications.objectType,
        objectId: notifications.objectId,
        createdAt: notifications.createdAt,
      });
    if (!member?.email || member.disabledAt) return;
    let visible = await onlyVisible(tx, member, lines);
    const kinds = [...new Set(visible.map((line) => line.kind))];
    const stillWanted = new Set<string>();
    for (const kind of kinds) if ((await frequenciesFor(tx, [member], kind)).get(member.id) === frequency) stillWanted.add(kind);
    visible = visible.filter((line) => stillWanted.has(line.kind)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    if (visible.length === 0) return;
    const target = frequency === "taeglich" ? "digest.taeglich" : "digest.woechentlich";
    const unsubscribe = await unsubscribeHeaders(tx, member.id, target);
    const shown = visible.slice(0, MAX_LINES);
    const { text, html } = renderMail({
      greeting: t.mail.layout.hello(member.name),
      blocks: [
        { type: "p", text: t.mail.digest.intro(visible.length) },
        ...shown.flatMap((line) => [{ type: "link" as const, label: `${t.notifications.kinds[line.kind]}: ${line.title}`, url: portalUrl(line.path) }]),
        { type: "link", label: t.mail.digest.centre, url: portalUrl("/benachrichtigungen") },
      ],
      reason: t.mail.digest.reason,
      unsubscribeUrl: unsubscribe.url,
    });
    const date = formatDate(until);
    // The weekly digest of Monday 07:00 covers the seven days before it.
    const weekStart = formatDate(new Date(until.getTime() - 7 * 24 * 3600 * 1000));
    await enqueueMail(tx, {
      kind: `digest.${frequency}`,
      to: { userId: member.id, address: member.email, name: member.name },
      subject: frequency === "taeglich" ? t.mail.digest.subjectDaily(date) : t.mail.digest.subjectWeekly(weekStart, date),
      text,
      html,
      headers: unsubscribe.headers,
    });
  });
}
