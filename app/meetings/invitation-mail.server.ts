import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { agendaItems, meetings, type Role } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { formatDate, formatDateTime, formatTime } from "~/lib/dates";
import { buildCalendar, type CalendarMethod } from "~/meetings/calendar.server";
import { followerIds } from "~/notifications/follows.server";
import { memberIdsWithRoles, notify, type Recipient } from "~/notifications/notify.server";
import { can } from "~/policy.server";
import { portalUrl, renderMail, type MailBlock } from "~/server/mail/compose.server";
import type { OutgoingMail } from "~/server/mail/outbox.server";
import { signToken } from "~/server/signing.server";
import type { MeetingResponse } from "#db/schema";

type MeetingRow = typeof meetings.$inferSelect;
type Notice = "invitation" | "update" | "cancel";

export function meetingResponseData(meetingId: number, userId: number, response: MeetingResponse) {
  return `${meetingId}:${userId}:${response}`;
}

async function responseUrl(tx: Executor, meetingId: number, userId: number, response: MeetingResponse) {
  const token = await signToken("meeting-response", meetingResponseData(meetingId, userId, response), tx);
  return portalUrl(`/sitzungen/${meetingId}/antwort?token=${encodeURIComponent(token)}`);
}

/** Non-public items by number only, unless the reader is a board member. */
async function agendaFor(tx: Executor, meetingId: number, role: Role) {
  const items = await tx
    .select({ number: agendaItems.number, name: agendaItems.name, isPublic: agendaItems.isPublic })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const internal = can({ role }, "read:meeting:internal");
  return items.map((item) => ({ number: item.number, name: item.isPublic || internal ? item.name : null, visible: item.isPublic || internal }));
}

function whenText(meeting: MeetingRow) {
  return `${formatDateTime(meeting.start)} bis ${formatTime(meeting.end)} Uhr`;
}

async function meetingMail(tx: Executor, meeting: MeetingRow, notice: Notice, recipient: Recipient): Promise<OutgoingMail> {
  const m = t.mail.meeting;
  const items = await agendaFor(tx, meeting.id, recipient.role);
  const date = formatDate(meeting.start);
  const place = [meeting.locationRoom, meeting.locationAddress].filter(Boolean).join(", ");
  const lead =
    notice === "invitation"
      ? m.invitation(meeting.name)
      : notice === "update"
        ? m.update(meeting.name)
        : m.cancel(meeting.name, meeting.cancellationReason ?? "");
  const blocks: MailBlock[] = [
    { type: "p", text: lead },
    { type: "p", text: [m.when(whenText(meeting)), place ? m.where(place) : null].filter(Boolean).join("\n") },
  ];
  if (notice !== "cancel") {
    blocks.push(
      { type: "heading", text: m.agenda },
      { type: "list", items: items.map((item) => `${t.meetings.agenda.top} ${item.number}: ${item.name ?? m.nonPublic}`) },
    );
    blocks.push({ type: "link", label: m.accept, url: await responseUrl(tx, meeting.id, recipient.id, "zugesagt") });
    blocks.push({ type: "link", label: m.decline, url: await responseUrl(tx, meeting.id, recipient.id, "abgesagt") });
  }
  blocks.push({ type: "link", label: m.open, url: portalUrl(`/sitzungen/${meeting.id}`) }, { type: "p", text: m.calendarHint });
  const { text, html } = renderMail({ greeting: t.mail.layout.hello(recipient.name), blocks, reason: m.reason });
  const method: CalendarMethod = notice === "cancel" ? "CANCEL" : "REQUEST";
  const ics = buildCalendar({
    meetings: [{ ...meeting, sequence: meeting.calendarSequence, items }],
    name: meeting.name,
    baseUrl: env().PORTAL_URL,
    method,
    party: { organizer: organizerAddress(), attendee: { email: recipient.email, name: recipient.name } },
  });
  const subject =
    notice === "invitation"
      ? m.subjectInvitation(meeting.name, date)
      : notice === "update"
        ? m.subjectUpdate(meeting.name, date)
        : m.subjectCancel(meeting.name, date);
  return {
    kind: `meeting.${notice}`,
    to: { userId: recipient.id, address: recipient.email, name: recipient.name },
    subject,
    text,
    html,
    attachments: [{ filename: `sitzung-${meeting.id}.ics`, contentType: "text/calendar; charset=utf-8", method, content: Buffer.from(ics).toString("base64") }],
    object: { type: "meeting", id: meeting.id },
  };
}

function organizerAddress() {
  const from = env().MAIL_FROM;
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/** The board (experts, staff, admin); council members only if they follow the meeting. */
async function audience(tx: Executor, meetingId: number) {
  const board = await memberIdsWithRoles(tx, ["expert", "staff", "admin"]);
  const councilFollowers = new Set(await memberIdsWithRoles(tx, ["council"]));
  const followers = (await followerIds(tx, "meeting", meetingId)).filter((id) => councilFollowers.has(id) || board.includes(id));
  return [...new Set([...board, ...followers])];
}

const CALENDAR_FIELDS = ["name", "start", "end", "locationRoom", "locationAddress", "cancelled"] as const;

function changed(before: MeetingRow, after: MeetingRow) {
  return CALENDAR_FIELDS.some((field) => String(before[field]) !== String(after[field]));
}

/**
 * After a meeting is saved (same transaction): every calendar-relevant change raises SEQUENCE;
 * setting it to "eingeladen" mails the invitation once; once invited, a change of time or place
 * mails an update and a cancellation a METHOD:CANCEL.
 */
export async function meetingSaved(tx: Executor, { before, actorId }: { before: MeetingRow; actorId: number }) {
  let [after] = await tx.select().from(meetings).where(eq(meetings.id, before.id));
  if (!after) return;
  if (changed(before, after)) {
    [after] = await tx
      .update(meetings)
      .set({ calendarSequence: sql`${meetings.calendarSequence} + 1` })
      .where(eq(meetings.id, before.id))
      .returning();
  }
  let notice: Notice | null = null;
  if (!before.invitedAt && after.state === "eingeladen" && !after.cancelled) {
    [after] = await tx
      .update(meetings)
      .set({ invitedAt: sql`now()` })
      .where(eq(meetings.id, before.id))
      .returning();
    notice = "invitation";
  } else if (before.invitedAt && after.cancelled && !before.cancelled) notice = "cancel";
  else if (before.invitedAt && !after.cancelled && changed(before, after)) notice = "update";
  if (!notice) return;
  const lines = t.notifications.lines;
  const date = formatDateTime(after.start);
  const title =
    notice === "invitation"
      ? lines.meetingInvitation(after.name, date)
      : notice === "update"
        ? lines.meetingUpdate(after.name, date)
        : lines.meetingCancel(after.name);
  const meeting = after;
  await notify(tx, {
    kind: "meeting.invitation",
    object: { type: "meeting", id: meeting.id },
    eventKey: `meeting.${notice}:${meeting.id}:${meeting.calendarSequence}`,
    title,
    path: `/sitzungen/${meeting.id}`,
    recipientIds: await audience(tx, meeting.id),
    actorId,
    immediateMail: (recipient, executor) => meetingMail(executor, meeting, notice!, recipient),
  });
}

export async function minutesReleased(tx: Executor, { meetingId, actorId }: { meetingId: number; actorId: number }) {
  const [meeting] = await tx.select({ name: meetings.name }).from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return;
  await notify(tx, {
    kind: "minutes.released",
    object: { type: "meeting", id: meetingId },
    eventKey: `minutes.released:${meetingId}`,
    title: t.notifications.lines.minutes(meeting.name),
    path: `/sitzungen/${meetingId}/protokoll`,
    recipientIds: await audience(tx, meetingId),
    actorId,
  });
}
