import { refuse, type Refusal } from "~/lib/refusal";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "#db/client.server";
import { meetingAttendees, meetings, users } from "#db/schema";
import type { SessionUser } from "~/accounts/session.server";
import { t } from "~/i18n/de";
import { can } from "~/policy.server";
import { auditOf, recordAudit } from "../accounts/audit.server";
import { catchConstraint, isConstraintFailure } from "./db.server";
import { minutesReleased } from "~/meetings/invitation-mail.server";

const audit = auditOf("meeting");

type Result = { ok: true } | Refusal;
const e = () => t.meetings.errors;

/** Attendance is part of the minutes: visible to the board always, to others once released. */
export async function listAttendees({ viewer, meetingId }: { viewer: Pick<SessionUser, "role"> | null; meetingId: number }) {
  const released = can(viewer, "read:meeting:internal") ? sql`true` : isNotNull(meetings.minutesReleasedAt);
  return db
    .select({
      id: meetingAttendees.id,
      userId: meetingAttendees.userId,
      name: sql<string>`coalesce(${users.name}, ${meetingAttendees.guestName}, ${t.common.formerMember})`,
      organisation: sql<string | null>`coalesce(${users.organisation}, ${meetingAttendees.guestAffiliation})`,
      isGuest: sql<boolean>`${meetingAttendees.userId} is null`,
    })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .leftJoin(users, eq(users.id, meetingAttendees.userId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), released))
    .orderBy(sql`${meetingAttendees.userId} is null`, asc(sql`coalesce(${users.name}, ${meetingAttendees.guestName})`));
}

/** Board members who can be marked present: experts whose account is active. */
export async function listBoardMembers() {
  return db
    .select({ id: users.id, name: users.name, organisation: users.organisation })
    .from(users)
    .where(and(eq(users.role, "expert"), isNull(users.deletedAt), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

async function heldMeeting(tx: Transaction, meetingId: number) {
  const [row] = await tx.select({ state: meetings.state, released: meetings.minutesReleasedAt }).from(meetings).where(eq(meetings.id, meetingId)).for("update");
  if (!row) return refuse(404, { form: e().notFound });
  if (row.state !== "durchgefuehrt") return refuse(409, { form: e().minutesBeforeHeld });
  return null;
}

export async function setMemberAttendance({ actorId, meetingId, userIds }: { actorId: number; meetingId: number; userIds: number[] }): Promise<Result> {
  return db.transaction(async (tx) => {
    const refused = await heldMeeting(tx, meetingId);
    if (refused) return refused;
    const members =
      userIds.length === 0
        ? []
        : await tx
            .select({ id: users.id })
            .from(users)
            .where(and(inArray(users.id, userIds), eq(users.role, "expert")));
    if (members.length !== new Set(userIds).size) return refuse(422, { userIds: e().memberUnknown });
    await tx.delete(meetingAttendees).where(and(eq(meetingAttendees.meetingId, meetingId), isNotNull(meetingAttendees.userId)));
    if (members.length > 0) await tx.insert(meetingAttendees).values(members.map((member) => ({ meetingId, userId: member.id })));
    await recordAudit(tx, audit("meeting.attendance", meetingId, actorId, { userIds }));
    return { ok: true } as const;
  });
}

export async function addGuest(args: { actorId: number; meetingId: number; guestName: string; guestAffiliation: string | null }): Promise<Result> {
  const { actorId, meetingId, guestName, guestAffiliation } = args;
  const result = await catchConstraint(["meeting_attendees_guest_idx"], () =>
    db.transaction(async (tx): Promise<Result> => {
      const refused = await heldMeeting(tx, meetingId);
      if (refused) return refused;
      await tx.insert(meetingAttendees).values({ meetingId, guestName, guestAffiliation });
      await recordAudit(tx, audit("meeting.guest_add", meetingId, actorId, { guestName }));
      return { ok: true };
    }),
  );
  return isConstraintFailure(result) ? refuse(409, { guestName: e().guestTaken }) : result;
}

export async function removeAttendee({ actorId, meetingId, attendeeId }: { actorId: number; meetingId: number; attendeeId: number }): Promise<Result> {
  return db.transaction(async (tx) => {
    const refused = await heldMeeting(tx, meetingId);
    if (refused) return refused;
    const [row] = await tx
      .delete(meetingAttendees)
      .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)))
      .returning({ id: meetingAttendees.id });
    if (!row) return refuse(404, { form: e().attendeeNotFound });
    await recordAudit(tx, audit("meeting.attendee_remove", meetingId, actorId, { attendeeId }));
    return { ok: true } as const;
  });
}

/** Releasing makes minutes, results and attendance readable beyond staff; withdrawing hides them again. */
export async function setMinutesReleased({ actorId, meetingId, released }: { actorId: number; meetingId: number; released: boolean }): Promise<Result> {
  return db.transaction(async (tx) => {
    const refused = await heldMeeting(tx, meetingId);
    if (refused) return refused;
    await tx
      .update(meetings)
      .set({ minutesReleasedAt: released ? new Date() : null, minutesReleasedById: released ? actorId : null, updatedAt: new Date() })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, audit(released ? "meeting.minutes_release" : "meeting.minutes_withdraw", meetingId, actorId));
    if (released) await minutesReleased(tx, { meetingId, actorId });
    return { ok: true } as const;
  });
}
