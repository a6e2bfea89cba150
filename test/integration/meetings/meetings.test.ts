import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { meetings } from "../../../db/schema";
import * as newMeeting from "../../../app/routes/sitzungen.neu";
import * as editMeeting from "../../../app/routes/sitzungen.$id.bearbeiten";
import * as meetingList from "../../../app/routes/sitzungen._index";
import * as dashboard from "../../../app/routes/_index";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { auditFor } from "../../support/audit";
import { insertItems, insertMeeting } from "./meeting-helpers";

const valid = {
  name: "5. Sitzung des Digitalbeirats",
  start: "2025-03-27T17:00",
  end: "2025-03-27T19:00",
  locationRoom: "Raum 101",
  locationAddress: "Willi-Hörter-Platz 1, 56068 Koblenz",
  state: "terminiert",
};

describe("creating and editing meetings", () => {
  it("stores Berlin wall-clock times as UTC instants, records an audit event and redirects to the agenda", async () => {
    const staff = await createUser("staff");
    const response = await callRoute(newMeeting.action, "/sitzungen/neu", { user: staff, form: valid });
    expect(response.status).toBe(302);
    const id = Number(/\/sitzungen\/(\d+)\/tagesordnung/.exec(response.headers.get("Location")!)![1]);
    const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
    expect(row.start.toISOString()).toBe("2025-03-27T16:00:00.000Z"); // CET, UTC+1
    expect(row.end.toISOString()).toBe("2025-03-27T18:00:00.000Z");
    const events = await auditFor("meeting.create");
    expect(events.map((e) => e.objectId)).toContain(String(id));
  });

  it("uses summer time after the DST change", async () => {
    const staff = await createUser("staff");
    const response = await callRoute(newMeeting.action, "/sitzungen/neu", {
      user: staff,
      form: { ...valid, start: "2025-03-31T17:00", end: "2025-03-31T19:00" },
    });
    const id = Number(/(\d+)/.exec(response.headers.get("Location")!)![1]);
    const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
    expect(row.start.toISOString()).toBe("2025-03-31T15:00:00.000Z"); // CEST, UTC+2
  });

  it("refuses an end before the start, a missing name and a cancellation without reason, writing nothing", async () => {
    const staff = await createUser("staff");
    const before = await db.$count(meetings);
    const response = await callRoute(newMeeting.action, "/sitzungen/neu", {
      user: staff,
      form: { ...valid, name: "", end: "2025-03-27T16:00", cancelled: "on" },
    });
    expect(response.status).toBe(422);
    const { errors } = await jsonOf(response);
    expect(errors.end).toBe("Das Ende muss nach dem Beginn liegen.");
    expect(errors.name).toMatch(/Bezeichnung/);
    expect(errors.cancellationReason).toMatch(/Grund/);
    expect(await db.$count(meetings)).toBe(before);
  });

  it("backs the rules with DB constraints", async () => {
    const start = new Date("2025-05-01T10:00:00Z");
    await expect(insertMeeting({ start, end: start })).rejects.toThrow();
    await expect(insertMeeting({ cancelled: true, cancellationReason: null })).rejects.toThrow();
    await expect(insertMeeting({ state: "durchgefuehrt", cancelled: true, cancellationReason: "Krankheit" })).rejects.toThrow();
    await expect(insertMeeting({ minutesReleasedAt: new Date() })).rejects.toThrow();
  });

  it("edits a meeting, cancels it with a reason and refuses to un-hold a held one (409)", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting();
    const path = `/sitzungen/${meeting.id}/bearbeiten`;
    const params = { id: String(meeting.id) };
    const cancelled = await callRoute(editMeeting.action, path, {
      user: staff,
      params,
      form: { ...valid, cancelled: "on", cancellationReason: "Erkrankung der Vorsitzenden" },
    });
    expect(cancelled.status).toBe(302);
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row).toMatchObject({ cancelled: true, cancellationReason: "Erkrankung der Vorsitzenden" });

    await callRoute(editMeeting.action, path, { user: staff, params, form: { ...valid, state: "durchgefuehrt" } });
    const back = await callRoute(editMeeting.action, path, { user: staff, params, form: { ...valid, state: "eingeladen" } });
    expect(back.status).toBe(409);
    const [after] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(after.state).toBe("durchgefuehrt");
    expect(after.cancelled).toBe(false);
  });

  it("prefills the edit form with Berlin wall-clock values", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting({ start: new Date("2025-07-10T15:00:00Z"), end: new Date("2025-07-10T17:30:00Z") });
    const response = await callRoute(editMeeting.loader, `/sitzungen/${meeting.id}/bearbeiten`, { user: staff, params: { id: String(meeting.id) } });
    const { meeting: values } = await jsonOf(response);
    expect(values.start).toBe("2025-07-10T17:00");
    expect(values.end).toBe("2025-07-10T19:30");
  });

  it("lists upcoming meetings soonest first and past ones newest first, paginated", async () => {
    const now = Date.now();
    for (let i = 1; i <= 12; i++) await insertMeeting({ name: `Kommende Sitzung ${i}`, start: new Date(now + i * 86_400_000) });
    await insertMeeting({ name: "Alte Sitzung A", start: new Date(now - 20 * 86_400_000) });
    await insertMeeting({ name: "Alte Sitzung B", start: new Date(now - 10 * 86_400_000) });
    const first = await jsonOf(await callRoute(meetingList.loader, "/sitzungen"));
    expect(first.meetings).toHaveLength(10);
    expect(first.meetings[0].name).toBe("Kommende Sitzung 1");
    expect(first.total).toBeGreaterThanOrEqual(12);
    const second = await jsonOf(await callRoute(meetingList.loader, "/sitzungen?seite=2"));
    expect(second.meetings.map((m: { name: string }) => m.name)).toContain("Kommende Sitzung 12");
    const past = await jsonOf(await callRoute(meetingList.loader, "/sitzungen?zeit=vergangen"));
    const names = past.meetings.map((m: { name: string }) => m.name);
    expect(names.indexOf("Alte Sitzung B")).toBeLessThan(names.indexOf("Alte Sitzung A"));
    expect(names).not.toContain("Kommende Sitzung 1");
  });

  it("shows the next meeting that is not cancelled on the dashboard, to visitors too", async () => {
    const soon = Date.now() + 3_600_000;
    await insertMeeting({ name: "Abgesagte Sondersitzung", start: new Date(soon), cancelled: true, cancellationReason: "Raum belegt" });
    const next = await insertMeeting({ name: "Nächste echte Sitzung", start: new Date(soon + 30_000) });
    await insertItems(next.id, [
      { number: "1", name: "Eins" },
      { number: "2", name: "Zwei", isPublic: false },
      { number: "3", name: "Drei" },
    ]);
    const data = await jsonOf(await callRoute(dashboard.loader, "/"));
    expect(data.nextMeeting).toMatchObject({ id: next.id, publicItemCount: 2 });
    const list = await jsonOf(await callRoute(meetingList.loader, "/sitzungen"));
    expect(list.meetings.find((m: { id: number }) => m.id === next.id).itemCount).toBe(3);
  });
});
