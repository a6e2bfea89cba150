import { and, eq } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { follows, notifications, type FollowType } from "../../../db/schema";
import type { TestUser } from "../../support/fixtures";
import { findMeeting, updateMeeting } from "../../../app/meetings/meetings.server";

export async function linesFor(user: TestUser, kind?: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(kind ? and(eq(notifications.userId, user.id), eq(notifications.kind, kind as never)) : eq(notifications.userId, user.id));
  return rows;
}

export async function follow(user: TestUser, objectType: FollowType, objectId: number) {
  await db.insert(follows).values({ userId: user.id, objectType, objectId }).onConflictDoNothing();
}

/** Which of the users got a line of this kind. */
export async function whoHeard(users: Record<string, TestUser>, kind: string) {
  const heard: string[] = [];
  for (const [name, user] of Object.entries(users)) if ((await linesFor(user, kind)).length > 0) heard.push(name);
  return heard.sort();
}

/** updateMeeting's input from a stored meeting, with changes. */
export const inputOf = (meeting: NonNullable<Awaited<ReturnType<typeof findMeeting>>>, changes: Record<string, unknown> = {}) =>
  ({
    name: meeting.name,
    start: meeting.start,
    end: meeting.end,
    locationRoom: meeting.locationRoom,
    locationAddress: meeting.locationAddress,
    state: meeting.state,
    cancelled: meeting.cancelled,
    cancellationReason: meeting.cancellationReason,
    ...changes,
  }) as Parameters<typeof updateMeeting>[0]["input"];
