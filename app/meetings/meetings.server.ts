import { refuse, type Refusal } from "~/lib/refusal";
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { meetings } from "#db/schema";
import { t } from "~/i18n/de";
import { auditOf, recordAudit } from "../accounts/audit.server";
import type { MeetingInput } from "./schemas.server";
import { qualified } from "../papers/status.server";
import { meetingSaved } from "~/meetings/invitation-mail.server";

const audit = auditOf("meeting");

export const MEETING_PAGE_SIZE = 10;
export type MeetingPeriod = "kommend" | "vergangen";

const meetingColumns = {
  id: meetings.id,
  name: meetings.name,
  start: meetings.start,
  end: meetings.end,
  locationRoom: meetings.locationRoom,
  locationAddress: meetings.locationAddress,
  state: meetings.state,
  cancelled: meetings.cancelled,
  cancellationReason: meetings.cancellationReason,
  minutesReleasedAt: meetings.minutesReleasedAt,
  sequence: meetings.calendarSequence,
};

/** Upcoming (not yet ended, soonest first) or past (newest first), with the number of items. */
export async function listMeetings({ period, page, now = new Date() }: { period: MeetingPeriod; page: number; now?: Date }) {
  const upcoming = period === "kommend";
  const rows = await db
    .select({
      ...meetingColumns,
      itemCount: sql<number>`(select count(*) from agenda_items a where a.meeting_id = ${qualified(meetings.id)})`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(meetings)
    .where(upcoming ? gte(meetings.end, now) : lt(meetings.end, now))
    .orderBy(upcoming ? asc(meetings.start) : desc(meetings.start), upcoming ? asc(meetings.id) : desc(meetings.id))
    .limit(MEETING_PAGE_SIZE)
    .offset((page - 1) * MEETING_PAGE_SIZE);
  return { meetings: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** The next meeting that is not cancelled, for the dashboard. */
export async function findNextMeeting({ now = new Date() }: { now?: Date } = {}) {
  const [row] = await db
    .select({
      ...meetingColumns,
      publicItemCount: sql<number>`(select count(*) from agenda_items a where a.meeting_id = ${qualified(meetings.id)} and a.is_public)`.mapWith(Number),
    })
    .from(meetings)
    .where(and(gte(meetings.end, now), eq(meetings.cancelled, false)))
    .orderBy(asc(meetings.start), asc(meetings.id))
    .limit(1);
  return row ?? null;
}

export async function findMeeting({ id }: { id: number }) {
  const [row] = await db.select(meetingColumns).from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function createMeeting({ actorId, input }: { actorId: number; input: MeetingInput }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({ ...input, minutesReleasedAt: null, createdById: actorId })
      .returning();
    await recordAudit(tx, audit("meeting.create", row.id, actorId, { name: input.name }));
    // Created as "eingeladen": the invitation goes out as if it had been set so afterwards.
    await meetingSaved(tx, { before: { ...row, state: "terminiert" }, actorId });
    return row.id;
  });
}

type UpdateResult = { ok: true } | Refusal;

/** A held meeting stays held: its agenda is locked and minutes may already be released. */
export async function updateMeeting({ actorId, id, input }: { actorId: number; id: number; input: MeetingInput }): Promise<UpdateResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(eq(meetings.id, id)).for("update");
    if (!current) return refuse(404, t.meetings.errors.notFound);
    if (current.state === "durchgefuehrt" && input.state !== "durchgefuehrt") {
      return refuse(409, t.meetings.errors.heldStays);
    }
    await tx
      .update(meetings)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(meetings.id, id));
    await recordAudit(tx, audit("meeting.update", id, actorId, { state: input.state, cancelled: input.cancelled }));
    await meetingSaved(tx, { before: current, actorId });
    return { ok: true };
  });
}

/** Upcoming meetings (cancelled ones too, so calendars learn of the cancellation) for the feed. */
export async function listUpcomingMeetings({ now = new Date(), limit = 50 }: { now?: Date; limit?: number } = {}) {
  return db.select(meetingColumns).from(meetings).where(gte(meetings.end, now)).orderBy(asc(meetings.start), asc(meetings.id)).limit(limit);
}
