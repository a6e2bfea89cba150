import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, meetingAttendees, meetings } from "../../../db/schema";
import * as minutesRoute from "../../../app/routes/sitzungen.$id.protokoll";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { insertMeeting } from "./meeting-helpers";

async function heldMeeting() {
  const meeting = await insertMeeting({ start: new Date("2025-01-23T16:00:00Z") });
  await db.update(meetings).set({ state: "durchgefuehrt" }).where(eq(meetings.id, meeting.id));
  return meeting.id;
}

describe("attendance", () => {
  it("records board members present (replacing the previous list) and guests, and refuses non-members", async () => {
    const staff = await createUser("staff");
    const [anna, jonas] = [await createUser("expert"), await createUser("expert")];
    const council = await createUser("council");
    const id = await heldMeeting();
    const post = (form: Record<string, string | string[]>) =>
      callRoute(minutesRoute.action, `/sitzungen/${id}/protokoll`, { user: staff, params: { id: String(id) }, form });

    expect((await post({ intent: "attendance", userIds: [String(anna.id), String(jonas.id)] })).status).toBe(302);
    expect((await post({ intent: "attendance", userIds: [String(anna.id)] })).status).toBe(302);
    const refused = await post({ intent: "attendance", userIds: [String(anna.id), String(council.id)] });
    expect(refused.status).toBe(422);
    expect((await jsonOf(refused)).errors.userIds).toBe("Bitte nur Beiratsmitglieder auswählen.");

    expect((await post({ intent: "guest", guestName: "Vertreterin Softwareanbieter", guestAffiliation: "Vertrieb" })).status).toBe(302);
    const duplicate = await post({ intent: "guest", guestName: "vertreterin softwareanbieter" });
    expect(duplicate.status).toBe(409);
    const empty = await post({ intent: "guest", guestName: " " });
    expect(empty.status).toBe(422);

    const rows = await db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
    expect(rows.map((r) => r.userId ?? r.guestName).sort()).toEqual([anna.id, "Vertreterin Softwareanbieter"].sort());
    const guest = rows.find((r) => r.guestName)!;
    expect((await post({ intent: "remove-attendee", attendeeId: String(guest.id) })).status).toBe(302);
    expect((await post({ intent: "remove-attendee", attendeeId: String(guest.id) })).status).toBe(404);
    expect(await db.$count(meetingAttendees, eq(meetingAttendees.meetingId, id))).toBe(1);
    const actions = (await db.select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["meeting.attendance", "meeting.guest_add", "meeting.attendee_remove"]));
  });

  it("takes attendance only once the meeting is held, and the DB refuses a row that is both or neither", async () => {
    const staff = await createUser("staff");
    const expert = await createUser("expert");
    const meeting = await insertMeeting();
    const response = await callRoute(minutesRoute.action, `/sitzungen/${meeting.id}/protokoll`, {
      user: staff,
      params: { id: String(meeting.id) },
      form: { intent: "attendance", userIds: [String(expert.id)] },
    });
    expect(response.status).toBe(409);
    await expect(db.insert(meetingAttendees).values({ meetingId: meeting.id })).rejects.toThrow();
    await expect(db.insert(meetingAttendees).values({ meetingId: meeting.id, userId: expert.id, guestName: "Doppelt" })).rejects.toThrow();
  });
});
