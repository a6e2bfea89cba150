import { and, eq, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { meetingResponses, meetings, MEETING_RESPONSES, users, type MeetingResponse } from "#db/schema";
import { auditOf, recordAudit } from "~/accounts/audit.server";
import { verifyToken } from "~/server/signing.server";

const audit = auditOf("meeting");

/** A signed Zusage/Absage link: the meeting, the member and the answer; null when forged or the meeting is gone. */
export async function readMeetingResponseToken({ meetingId, token }: { meetingId: number; token: string }) {
  const data = await verifyToken("meeting-response", token);
  if (!data) return null;
  const [meetingText, userText, response] = data.split(":");
  if (Number(meetingText) !== meetingId || !(MEETING_RESPONSES as readonly string[]).includes(response)) return null;
  const [row] = await db
    .select({ name: meetings.name, start: meetings.start, userId: users.id })
    .from(meetings)
    .innerJoin(users, eq(users.id, Number(userText)))
    .where(and(eq(meetings.id, meetingId), sql`${users.deletedAt} is null`));
  return row ? { meetingId, userId: row.userId, response: response as MeetingResponse, name: row.name, start: row.start } : null;
}

export async function setMeetingResponse({ meetingId, userId, response }: { meetingId: number; userId: number; response: MeetingResponse }) {
  await db.transaction(async (tx) => {
    await tx
      .insert(meetingResponses)
      .values({ meetingId, userId, response })
      .onConflictDoUpdate({ target: [meetingResponses.meetingId, meetingResponses.userId], set: { response, updatedAt: new Date() } });
    await recordAudit(tx, audit("meeting.response", meetingId, userId, { response }));
  });
}

/** Counts for the meeting page, and the viewer's own answer. */
export async function summariseResponses({ meetingId, userId }: { meetingId: number; userId: number | null }) {
  const rows = await db
    .select({ userId: meetingResponses.userId, response: meetingResponses.response })
    .from(meetingResponses)
    .where(eq(meetingResponses.meetingId, meetingId));
  return {
    accepted: rows.filter((r) => r.response === "zugesagt").length,
    declined: rows.filter((r) => r.response === "abgesagt").length,
    own: rows.find((r) => r.userId === userId)?.response ?? null,
  };
}
